// One question of the lesson in the editor: the fields every type has (skill, prompt, intro,
// points, the passage it is about, the explanation and the sentences it cites) and its type's own
// form; and the new, empty question of each type the author starts from.
import { Show, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { SKILLS, type QuestionType } from '../../../../lessons/format.ts';
import { skillName, t } from '../../i18n/studio.ts';
import { useDraft, type Path } from './draft-context.tsx';
import { LocalizedField, NumberField, SelectField } from './fields.tsx';
import { nextId } from './list-editor.tsx';
import { QuotesField } from './quote-fields.tsx';
import { newCriterion, typeForms } from './type-forms.tsx';

type Json = Record<string, unknown>;

const outcomes = () => ({ full: {}, partial: {}, none: {} });

/** A question of the type with every required part present and empty, for the author to fill in. */
export function newQuestion(type: QuestionType, existing: readonly { id?: unknown }[]): Json {
  const base: Json = { id: nextId(existing, 'q'), type, skill: 'claims', prompt: {}, explanation: {}, cites: [], points: 1 };
  const list = (prefix: string, n: number, field: 'text' | 'label' = 'text') =>
    Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i + 1}`, [field]: {} }));
  switch (type) {
    case 'single-choice':
      return { ...base, options: list('o', 3) };
    case 'multiple-choice':
      return { ...base, options: list('o', 4), key: [] };
    case 'highlight':
      return { ...base, skill: 'sources', key: [], outcomes: outcomes() };
    case 'categorize':
      return {
        ...base,
        categories: [
          { id: 'fact', label: { nl: 'Feit', en: 'Fact' } },
          { id: 'claim', label: { nl: 'Bewering', en: 'Claim' } },
          { id: 'opinion', label: { nl: 'Mening', en: 'Opinion' } },
          { id: 'prediction', label: { nl: 'Voorspelling', en: 'Prediction' } },
        ],
        items: list('i', 3),
        key: {},
        outcomes: outcomes(),
      };
    case 'order': {
      const items = list('i', 3);
      return { ...base, skill: 'sources', items, key: items.map((i) => i.id), outcomes: outcomes() };
    }
    case 'match':
      return { ...base, skill: 'sources', left: list('l', 2), right: list('r', 3, 'label'), key: {}, outcomes: outcomes() };
    case 'scale':
      return {
        ...base,
        skill: 'evidence',
        min: 1,
        max: 4,
        labels: [1, 2, 3, 4].map((value) => ({ value, label: {} })),
        key: {},
        bands: [{ from: 1, to: 4 }],
      };
    case 'open':
      return { ...base, skill: 'evidence', points: 3, modelAnswer: {}, rubric: [newCriterion([])], maxLength: 1500 };
  }
}

export function QuestionForm(props: { path: Path; index: number }): JSX.Element {
  const editor = useDraft();
  const type = () => editor.get<QuestionType>([...props.path, 'type']);
  return (
    <div class="st-question-fields">
      <div class="tw-field-row">
        <SelectField path={[...props.path, 'skill']} label={t('studio.skill')} options={SKILLS.map((s) => ({ value: s, label: skillName(s) }))} />
        <NumberField path={[...props.path, 'points']} label={t('studio.points')} min={1} max={10} />
      </div>
      <LocalizedField path={[...props.path, 'prompt']} label={t('studio.prompt')} multiline />
      <LocalizedField path={[...props.path, 'intro']} label={t('studio.intro')} hint={t('studio.introHint')} multiline />
      <QuotesField path={[...props.path, 'focus']} label={t('studio.focus')} hint={t('studio.focusHint')} />
      <Show when={type()}>{(ty) => <Dynamic component={typeForms[ty()]} path={props.path} />}</Show>
      <LocalizedField path={[...props.path, 'explanation']} label={t('studio.explanation')} hint={t('studio.explanationHint')} multiline />
      <QuotesField path={[...props.path, 'cites']} label={t('studio.cites')} hint={t('studio.citesHint')} />
    </div>
  );
}
