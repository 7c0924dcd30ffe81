// Open: a textarea with a visible character count and the question's maxLength.
import { createUniqueId } from 'solid-js';
import { pick, t } from '../../i18n/index.ts';
import type { QuestionProps } from './types.ts';

export default function Open(props: QuestionProps<'open'>) {
  const id = createUniqueId();
  const text = () => props.answer?.text ?? '';
  return (
    <fieldset class="question" disabled={props.disabled}>
      <legend class="question-prompt">{pick(props.question.prompt)}</legend>
      {props.afterPrompt}
      <p class="hint" id={`${id}-hint`}>
        {t('openHint')}
      </p>
      <label class="field-label" for={`${id}-text`}>
        {t('yourAnswerLabel')}
      </label>
      <textarea
        id={`${id}-text`}
        rows={6}
        maxLength={props.question.maxLength}
        aria-describedby={`${id}-hint ${id}-count`}
        value={text()}
        onInput={(e) => props.onChange({ text: e.currentTarget.value })}
      />
      <p class="char-count" id={`${id}-count`}>
        {t('charCount')(text().length, props.question.maxLength)}
      </p>
    </fieldset>
  );
}
