// Multiple choice: a checkbox per option; the answer lists the checked ones in the shown order.
import { For } from 'solid-js';
import { pick, t } from '../../i18n/index.ts';
import type { QuestionProps } from './types.ts';

export default function MultipleChoice(props: QuestionProps<'multiple-choice'>) {
  const chosen = () => new Set(props.answer?.optionIds ?? []);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen());
    if (on) next.add(id);
    else next.delete(id);
    props.onChange({ optionIds: props.question.options.map((o) => o.id).filter((o) => next.has(o)) });
  };
  return (
    <fieldset class="question" disabled={props.disabled}>
      <legend class="question-prompt">{pick(props.question.prompt)}</legend>
      {props.afterPrompt}
      <p class="hint">{t('chooseAll')}</p>
      <div class="choices">
        <For each={props.question.options}>
          {(option) => (
            <label class="choice">
              <input
                type="checkbox"
                value={option.id}
                checked={chosen().has(option.id)}
                onChange={(e) => toggle(option.id, e.currentTarget.checked)}
              />
              <span>{pick(option.text)}</span>
            </label>
          )}
        </For>
      </div>
    </fieldset>
  );
}
