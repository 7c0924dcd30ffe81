// The article with the sentences the class cited, darker the more often: each cited sentence also
// says its count in text ("7×"), so the colour only repeats it. No names, for the projector.
import { For, Show, createMemo, type JSX } from 'solid-js';
import type { ArticleView } from '../../lib/api.ts';
import { t } from '../../i18n/live.ts';

export function heatBand(count: number, max: number): 0 | 1 | 2 | 3 {
  if (count <= 0 || max <= 0) return 0;
  const share = count / max;
  return share > 0.66 ? 3 : share > 0.33 ? 2 : 1;
}

export function CitedHeatMap(props: { article: ArticleView; citations: Record<string, number>; anchors?: string[]; caption: string }): JSX.Element {
  const counts = createMemo(() => new Map(Object.entries(props.citations)));
  const max = createMemo(() => Math.max(0, ...counts().values()));
  const anchors = createMemo(() => new Set(props.anchors ?? []));
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
          <For each={props.article.paragraphs}>
            {(p) => (
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
                            <span class="tw-sr-only"> ({t('live.heatKey')})</span>
                          </Show>
                        </span>
                      </>
                    );
                  }}
                </For>
              </p>
            )}
          </For>
        </div>
      </Show>
    </figure>
  );
}
