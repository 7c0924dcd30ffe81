// Match: for each left item (a claim) a select of the right labels (the sources).
import { For, Show, createUniqueId } from 'solid-js';
import { pick, t } from '../../i18n/index.ts';
import type { QuestionProps } from './types.ts';

export default function Match(props: QuestionProps<'match'>) {
  const base = createUniqueId();
  const pair = (leftId: string, rightId: string) => {
    const pairs = { ...(props.answer?.pairs ?? {}) };
    if (rightId) pairs[leftId] = rightId;
    else delete pairs[leftId];
    props.onChange({ pairs });
  };
  return (
    <fieldset class="question" disabled={props.disabled}>
      <legend class="question-prompt">{pick(props.question.prompt)}</legend>
      {props.afterPrompt}
      <p class="hint">{t('matchHint')}</p>
      <div class="match-rows">
        <For each={props.question.left}>
          {(left) => (
            <div class="match-row">
              <label for={`${base}-${left.id}`}>{pick(left.text)}</label>
              <select
                id={`${base}-${left.id}`}
                value={props.answer?.pairs[left.id] ?? ''}
                onChange={(e) => pair(left.id, e.currentTarget.value)}
              >
                <option value="">{t('choose')}</option>
                <For each={props.question.right}>{(right) => <option value={right.id}>{pick(right.label)}</option>}</For>
              </select>
              {/* a phone cuts a long choice off inside the closed select: the whole text, once more */}
              <Show when={props.question.right.find((r) => r.id === props.answer?.pairs[left.id])}>
                {(right) => (
                  <p class="match-chosen" aria-hidden="true">
                    {pick(right().label)}
                  </p>
                )}
              </Show>
            </div>
          )}
        </For>
      </div>
    </fieldset>
  );
}
