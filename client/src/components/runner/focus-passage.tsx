// On a phone, the passage a question is about, between its prompt and its answer: the paragraphs
// that hold the focus sentences, those marked. Wide screens show the whole article beside the
// question instead (hidden there by CSS). The article itself stays one tap away below.
import { For, Show, createMemo, type JSX } from 'solid-js';
import { t } from '../../i18n/study.ts';
import type { ArticleView } from '../../lib/api.ts';

export function FocusPassage(props: { article: ArticleView; focus: readonly string[] }): JSX.Element {
  const focus = createMemo(() => new Set(props.focus));
  const paragraphs = createMemo(() => props.article.paragraphs.filter((p) => p.sentences.some((s) => focus().has(s.id))));
  return (
    <Show when={paragraphs().length > 0}>
      <figure class="focus-passage stacked-only">
        <figcaption class="focus-passage-label">{t('study.passageLabel')}</figcaption>
        <blockquote lang={props.article.language}>
          <For each={paragraphs()}>
            {(p) => (
              <p>
                <For each={p.sentences}>
                  {(s, i) => (
                    <>
                      {i() > 0 ? ' ' : ''}
                      <Show when={focus().has(s.id)} fallback={s.text}>
                        <mark class="sentence focus">{s.text}</mark>
                      </Show>
                    </>
                  )}
                </For>
              </p>
            )}
          </For>
        </blockquote>
      </figure>
    </Show>
  );
}
