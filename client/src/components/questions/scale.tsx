// Scale: a radio group with every value of the rubric scale and its label.
import { For, createMemo, createUniqueId } from 'solid-js';
import { pick, t } from '../../i18n/index.ts';
import type { QuestionProps } from './types.ts';

export default function Scale(props: QuestionProps<'scale'>) {
  const name = createUniqueId();
  const values = createMemo(() => {
    const labels = new Map(props.question.labels.map((l) => [l.value, l.label]));
    const out: { value: number; label: string }[] = [];
    for (let v = props.question.min; v <= props.question.max; v++) {
      const label = labels.get(v);
      out.push({ value: v, label: label ? pick(label) : '' });
    }
    return out;
  });
  return (
    <fieldset class="question" disabled={props.disabled}>
      <legend class="question-prompt">{pick(props.question.prompt)}</legend>
      {props.afterPrompt}
      <p class="hint">{t('scaleHint')}</p>
      <div class="choices scale">
        <For each={values()}>
          {(v) => (
            <label class="choice">
              <input
                type="radio"
                name={name}
                value={v.value}
                checked={props.answer?.value === v.value}
                onChange={() => props.onChange({ value: v.value })}
              />
              <span>
                <strong>{v.value}</strong>
                {v.label ? ` – ${v.label}` : ''}
              </span>
            </label>
          )}
        </For>
      </div>
    </fieldset>
  );
}
