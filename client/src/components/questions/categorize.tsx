// Categorize: for each statement a radio group of the categories (fact, claim, opinion, ...).
import { For, createUniqueId } from 'solid-js';
import { pick, t } from '../../i18n/index.ts';
import type { QuestionProps } from './types.ts';

export default function Categorize(props: QuestionProps<'categorize'>) {
  const base = createUniqueId();
  const place = (itemId: string, categoryId: string) =>
    props.onChange({ placements: { ...(props.answer?.placements ?? {}), [itemId]: categoryId } });
  return (
    <fieldset class="question" disabled={props.disabled}>
      <legend class="question-prompt">{pick(props.question.prompt)}</legend>
      {props.afterPrompt}
      <p class="hint">{t('categorizeHint')}</p>
      <For each={props.question.items}>
        {(item) => (
          <fieldset class="subquestion">
            <legend>{pick(item.text)}</legend>
            <div class="choices inline">
              <For each={props.question.categories}>
                {(category) => (
                  <label class="choice">
                    <input
                      type="radio"
                      name={`${base}-${item.id}`}
                      value={category.id}
                      checked={props.answer?.placements[item.id] === category.id}
                      onChange={() => place(item.id, category.id)}
                    />
                    <span>{pick(category.label)}</span>
                  </label>
                )}
              </For>
            </div>
          </fieldset>
        )}
      </For>
    </fieldset>
  );
}
