// The article with the sentences the class cited, darker the more often: each cited sentence also
// says its count in text ("7×"), so the colour only repeats it. No names, for the projector, where
// only the paragraphs with a cited sentence are shown.
import { For, Show, createMemo, type JSX } from 'solid-js';
import type { ArticleView } from '../../lib/api.ts';
import { t } from '../../i18n/live.ts';

export function heatBand(count: number, max: number): 0 | 1 | 2 | 3 {
  if (count <= 0 || max <= 0) return 0;
  const share = count / max;
  return share > 0.66 ? 3 : share > 0.33 ? 2 : 1;
}

export function CitedHeatMap(props: {
  article: ArticleView;
  citations: Record<string, number>;
  anchors?: string[];
  caption: string;
  /** Only the paragraphs with a cited sentence (or one of the key's), the rest left out with a mark: for the projector. */
  onlyCited?: boolean;
}): JSX.Element {
  const counts = createMemo(() => new Map(Object.entries(props.citations)));
  const max = createMemo(() => Math.max(0, ...counts().values()));
  const anchors = createMemo(() => new Set(props.anchors ?? []));
  const paragraphs = createMemo(() => {
    const shown = props.article.paragraphs.map((p) => !props.onlyCited || p.sentences.some((s) => counts().has(s.id) || anchors().has(s.id)));
    // a left-out stretch of paragraphs becomes one mark, so the reader sees text was skipped
    return props.article.paragraphs.flatMap((p, i) => (shown[i] ? [p] : i > 0 && !shown[i - 1] ? [] : [null]));
  });
  return (
    <figure class="lv-heat">
      <figcaption>
        <strong>{props.caption}</strong>
        <span class="lv-heat-legend">
          {' '}
          <span class="lv-heat-swatch lv-heat-1" aria-hidden="true" /> {t('live.heatFew')}{' '}
          <span class="lv-heat-swatch lv-heat-3" aria-hidden="true" /> {t('live.heatMany')}
          <Show when={anchors().size > 0}>
            {' '}
            <span class="lv-heat-swatch lv-heat-key" aria-hidden="true" /> {t('live.heatKey')}
          </Show>
        </span>
      </figcaption>
      <Show when={max() > 0} fallback={<p class="tw-muted">{t('live.noCitesYet')}</p>}>
        <div class="lv-heat-text" lang={props.article.language}>
          <For each={paragraphs()}>
            {(p) =>
              p === null ? (
                <p class="lv-heat-skip">
                  <span aria-hidden="true">[…]</span>
                  <span class="tw-sr-only">{t('live.heatSkipped')}</span>
                </p>
              ) : (
                <p classList={{ 'lv-heat-heading': p.kind === 'heading' }}>
                  <For each={p.sentences}>
                    {(s, i) => {
                      const count = () => counts().get(s.id) ?? 0;
                      return (
                        <>
                          {i() > 0 ? ' ' : ''}
                          <span class={`lv-heat-s lv-heat-${heatBand(count(), max())}`} classList={{ 'lv-heat-anchor': anchors().has(s.id) }}>
                            {s.text}
                            <Show when={count() > 0}>
                              {' '}
                              <span class="lv-heat-count">
                                <span aria-hidden="true">{count()}×</span>
                                <span class="tw-sr-only">{t('live.citedTimes')(count())}</span>
                              </span>
                            </Show>
                            <Show when={anchors().has(s.id)}>
                              <span class="tw-sr-only">{` (${t('live.heatKey')})`}</span>
                            </Show>
                          </span>
                        </>
                      );
                    }}
                  </For>
                </p>
              )
            }
          </For>
        </div>
      </Show>
    </figure>
  );
}
