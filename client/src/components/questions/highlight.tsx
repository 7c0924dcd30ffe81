// Highlight: the learner selects sentences of the article with checkboxes (never mouse-only).
// The choice is mirrored in the reader. When the question names a passage (focus), only its
// sentences are offered; otherwise the whole article, paragraph by paragraph.
import { For, Show, createMemo } from 'solid-js';
import { pick, t } from '../../i18n/index.ts';
import type { QuestionProps } from './types.ts';

export default function Highlight(props: QuestionProps<'highlight'>) {
  const groups = createMemo(() => {
    const focus = new Set(props.question.focus);
    const paragraphs = (props.article?.paragraphs ?? []).map((p, index) => ({
      id: p.id,
      index,
      sentences: focus.size > 0 ? p.sentences.filter((s) => focus.has(s.id)) : p.sentences,
    }));
    return paragraphs.filter((p) => p.sentences.length > 0);
  });
  const order = createMemo(() => groups().flatMap((g) => g.sentences.map((s) => s.id)));
  const chosen = () => new Set(props.answer?.sentenceIds ?? []);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen());
    if (on) next.add(id);
    else next.delete(id);
    props.onChange({ sentenceIds: order().filter((s) => next.has(s)) });
  };
  return (
    <fieldset class="question" disabled={props.disabled}>
      <legend class="question-prompt">{pick(props.question.prompt)}</legend>
      <p class="hint">{t('highlightHint')}</p>
      <p class="hint" aria-live="polite">
        {t('selectedCount')(chosen().size)}
      </p>
      <For each={groups()}>
        {(group) => (
          <div class="sentence-group" role="group" aria-label={t('paragraphN')(group.index + 1)}>
            <Show when={groups().length > 1}>
              <p class="group-label" aria-hidden="true">
                {t('paragraphN')(group.index + 1)}
              </p>
            </Show>
            <For each={group.sentences}>
              {(sentence) => (
                <label class="choice sentence-choice" lang={props.article?.language ?? 'nl'}>
                  <input
                    type="checkbox"
                    value={sentence.id}
                    checked={chosen().has(sentence.id)}
                    onChange={(e) => toggle(sentence.id, e.currentTarget.checked)}
                  />
                  <span>{sentence.text}</span>
                </label>
              )}
            </For>
          </div>
        )}
      </For>
    </fieldset>
  );
}
