// Single choice: one radio group; arrow keys move between options, as native radios do.
import { For, createUniqueId } from 'solid-js';
import { pick, t } from '../../i18n/index.ts';
import type { QuestionProps } from './types.ts';

export default function SingleChoice(props: QuestionProps<'single-choice'>) {
  const name = createUniqueId();
  return (
    <fieldset class="question" disabled={props.disabled}>
      <legend class="question-prompt">{pick(props.question.prompt)}</legend>
      {props.afterPrompt}
      <p class="hint">{t('chooseOne')}</p>
      <div class="choices">
        <For each={props.question.options}>
          {(option) => (
            <label class="choice">
              <input
                type="radio"
                name={name}
                value={option.id}
                checked={props.answer?.optionId === option.id}
                onChange={() => props.onChange({ optionId: option.id })}
              />
              <span>{pick(option.text)}</span>
            </label>
          )}
        </For>
      </div>
    </fieldset>
  );
}
