// Marking the sentences that support an answer: one checkbox per sentence (keyboard and tap, never
// drag), the question's passage first when it names one, the whole article a button away.
import { For, Show, createMemo, createSignal, createUniqueId, type JSX } from 'solid-js';
import type { ArticleView } from '../../lib/api.ts';
import { t } from '../../i18n/live.ts';

export function CitePicker(props: {
  article: ArticleView;
  /** The passage the question is about: offered first. */
  focus?: string[];
  cites: string[];
  onChange: (cites: string[]) => void;
  disabled?: boolean;
}): JSX.Element {
  const id = createUniqueId();
  const [whole, setWhole] = createSignal(false);
  const focus = () => new Set(props.focus ?? []);
  const allIds = createMemo(() => props.article.paragraphs.flatMap((p) => p.sentences.map((s) => s.id)));
  const groups = createMemo(() => {
    const only = focus().size > 0 && !whole();
    return props.article.paragraphs
      .map((p, index) => ({ id: p.id, index, sentences: only ? p.sentences.filter((s) => focus().has(s.id)) : p.sentences }))
      .filter((g) => g.sentences.length > 0);
  });
  const chosen = () => new Set(props.cites);
  const toggle = (sentenceId: string, on: boolean) => {
    const next = new Set(chosen());
    if (on) next.add(sentenceId);
    else next.delete(sentenceId);
    props.onChange(allIds().filter((s) => next.has(s)));
  };
  return (
    <fieldset class="question lv-cites" disabled={props.disabled} aria-describedby={`${id}-hint`}>
      <legend class="lv-cites-legend">{t('live.citeLegend')}</legend>
      <p id={`${id}-hint`} class="hint">
        {t('live.citeHint')}
      </p>
      <p class="hint" aria-live="polite">
        {t('live.citedCount')(props.cites.length)}
      </p>
      <For each={groups()}>
        {(group) => (
          <div class="sentence-group" role="group" aria-label={t('live.paragraphN')(group.index + 1)}>
            <For each={group.sentences}>
              {(sentence) => (
                <label class="choice sentence-choice" lang={props.article.language}>
                  <input type="checkbox" value={sentence.id} checked={chosen().has(sentence.id)} onChange={(e) => toggle(sentence.id, e.currentTarget.checked)} />
                  <span>{sentence.text}</span>
                </label>
              )}
            </For>
          </div>
        )}
      </For>
      <Show when={focus().size > 0}>
        <button type="button" class="secondary small" aria-pressed={whole()} onClick={() => setWhole(!whole())}>
          {t('live.citeWholeArticle')}
        </button>
      </Show>
    </fieldset>
  );
}
