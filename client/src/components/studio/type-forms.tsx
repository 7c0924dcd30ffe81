// The form of each of the eight question types (lessons/format.ts): what the learner is shown,
// the key, and the feedback per option, item, rule or band with its misconception tag.
import { For, Index, Show, type Component, type JSX } from 'solid-js';
import { MISCONCEPTIONS, type QuestionType } from '../../../../lessons/format.ts';
import { misconceptionName, pick, t } from '../../i18n/studio.ts';
import { useDraft, type Path } from './draft-context.tsx';
import { FieldGroup, LocalizedField, NumberField, Problems, SelectField, useFieldProblems } from './fields.tsx';
import { ListEditor, nextId } from './list-editor.tsx';
import { QuoteField, QuotesField } from './quote-fields.tsx';

type Entry = { id?: string; text?: Record<string, string>; label?: Record<string, string> };
export interface TypeFormProps {
  path: Path;
}

/** Feedback for one option, item, distractor or band, and the misconception a wrong pick reveals. */
function FeedbackFields(props: { path: Path }): JSX.Element {
  return (
    <div class="st-feedback">
      <LocalizedField path={[...props.path, 'feedback']} label={t('studio.feedback')} multiline />
      <SelectField
        path={[...props.path, 'misconception']}
        label={t('studio.misconception')}
        empty={t('studio.noMisconception')}
        options={MISCONCEPTIONS.map((m) => ({ value: m, label: misconceptionName(m) }))}
      />
    </div>
  );
}

function Outcomes(props: { path: Path; partial?: boolean }): JSX.Element {
  return (
    <FieldGroup path={[...props.path, 'outcomes']} legend={t('studio.outcomes')} hint={t('studio.outcomesHint')}>
      <LocalizedField path={[...props.path, 'outcomes', 'full']} label={t('studio.outcomeFull')} multiline />
      <Show when={props.partial !== false}>
        <LocalizedField path={[...props.path, 'outcomes', 'partial']} label={t('studio.outcomePartial')} multiline />
      </Show>
      <LocalizedField path={[...props.path, 'outcomes', 'none']} label={t('studio.outcomeNone')} multiline />
    </FieldGroup>
  );
}

/** The entries' texts in the interface language, for the selects of a key. */
function useNames(path: Path, field: 'text' | 'label') {
  const editor = useDraft();
  return () =>
    (editor.get<Entry[]>(path) ?? []).map((e, i) => ({
      value: e.id ?? '',
      label: `${i + 1}. ${pick((e[field] ?? {}) as never) || (e[field] ? Object.values(e[field]!)[0] : '') || t('studio.untitled')}`,
    }));
}

function Choices(props: TypeFormProps & { multiple: boolean }): JSX.Element {
  const editor = useDraft();
  const options = () => editor.get<Entry[]>([...props.path, 'options']) ?? [];
  const keyField = useFieldProblems(() => [...props.path, 'key']);
  const keyIds = () => {
    const key = editor.get<string | string[]>([...props.path, 'key']);
    return Array.isArray(key) ? key : key ? [key] : [];
  };
  const setKey = (id: string, on: boolean) => {
    if (!props.multiple) return editor.set([...props.path, 'key'], id);
    const next = on ? [...keyIds().filter((k) => k !== id), id] : keyIds().filter((k) => k !== id);
    editor.set([...props.path, 'key'], options().map((o) => o.id!).filter((o) => next.includes(o)));
  };
  return (
    <>
      <ListEditor<Entry>
        path={[...props.path, 'options']}
        legend={t('studio.options')}
        hint={props.multiple ? t('studio.optionsHintMultiple') : t('studio.optionsHintSingle')}
        entryName={(i) => t('studio.optionN')(i + 1)}
        addLabel={t('studio.addOption')}
        make={(list) => ({ id: nextId(list, 'o'), text: {} })}
        min={props.multiple ? 3 : 2}
        write={(next) => {
          const ids = new Set(next.map((o) => o.id));
          const q = editor.get<Record<string, unknown>>(props.path) ?? {};
          const key = props.multiple ? keyIds().filter((k) => ids.has(k)) : ids.has(keyIds()[0]) ? keyIds()[0] : undefined;
          editor.set(props.path, { ...q, options: next, key });
        }}
      >
        {(path, i) => (
          <>
            <LocalizedField path={[...path, 'text']} label={t('studio.optionText')(i + 1)} />
            <label class="tw-check st-key">
              <input
                type={props.multiple ? 'checkbox' : 'radio'}
                name={`key-${props.path.join('-')}`}
                checked={keyIds().includes(options()[i]?.id ?? '')}
                onChange={(e) => setKey(options()[i]!.id!, e.currentTarget.checked)}
              />
              {t('studio.isCorrect')(i + 1)}
            </label>
            <FeedbackFields path={path} />
          </>
        )}
      </ListEditor>
      <p id={keyField.id()} tabindex="-1" class="tw-sr-only">
        {t('studio.key')}
      </p>
      <Problems id={keyField.id()} messages={keyField.messages()} />
    </>
  );
}

function Highlight(props: TypeFormProps): JSX.Element {
  return (
    <>
      <QuotesField path={[...props.path, 'key']} label={t('studio.highlightKey')} hint={t('studio.highlightKeyHint')} />
      <ListEditor<Record<string, unknown>>
        path={[...props.path, 'distractors']}
        legend={t('studio.distractors')}
        hint={t('studio.distractorsHint')}
        entryName={(i) => t('studio.distractorN')(i + 1)}
        addLabel={t('studio.addDistractor')}
        make={() => ({})}
      >
        {(path, i) => (
          <>
            <QuoteField path={[...path, 'quote']} label={t('studio.distractorN')(i + 1)} />
            <FeedbackFields path={path} />
          </>
        )}
      </ListEditor>
      <Outcomes path={props.path} />
    </>
  );
}

/** A key that maps each entry of one list to an entry of another (categorize, match). */
function KeyMap(props: { path: Path; from: Path; to: Path; fromField: 'text'; toField: 'label'; legend: string }): JSX.Element {
  const editor = useDraft();
  const from = () => editor.get<Entry[]>(props.from) ?? [];
  const targets = useNames(props.to, props.toField);
  return (
    <FieldGroup path={props.path} legend={props.legend}>
      <Index each={from()}>
        {(entry, i) => (
          <Show when={entry().id}>
            {(id) => (
              <SelectField
                path={[...props.path, id()]}
                label={`${i + 1}. ${pick((entry().text ?? {}) as never) || Object.values(entry().text ?? {})[0] || t('studio.untitled')}`}
                empty={t('studio.choose')}
                options={targets()}
              />
            )}
          </Show>
        )}
      </Index>
    </FieldGroup>
  );
}

function Categorize(props: TypeFormProps): JSX.Element {
  return (
    <>
      <ListEditor<Entry>
        path={[...props.path, 'categories']}
        legend={t('studio.categories')}
        entryName={(i) => t('studio.categoryN')(i + 1)}
        addLabel={t('studio.addCategory')}
        make={(list) => ({ id: nextId(list, 'c'), label: {} })}
        min={2}
      >
        {(path, i) => <LocalizedField path={[...path, 'label']} label={t('studio.categoryName')(i + 1)} />}
      </ListEditor>
      <ListEditor<Entry>
        path={[...props.path, 'items']}
        legend={t('studio.statements')}
        entryName={(i) => t('studio.statementN')(i + 1)}
        addLabel={t('studio.addStatement')}
        make={(list) => ({ id: nextId(list, 'i'), text: {} })}
        min={2}
      >
        {(path, i) => (
          <>
            <LocalizedField path={[...path, 'text']} label={t('studio.statementText')(i + 1)} multiline />
            <FeedbackFields path={path} />
          </>
        )}
      </ListEditor>
      <KeyMap path={[...props.path, 'key']} from={[...props.path, 'items']} to={[...props.path, 'categories']} fromField="text" toField="label" legend={t('studio.categorizeKey')} />
      <Outcomes path={props.path} />
    </>
  );
}

function Order(props: TypeFormProps): JSX.Element {
  const editor = useDraft();
  return (
    <>
      <ListEditor<Entry>
        path={[...props.path, 'items']}
        legend={t('studio.orderItems')}
        hint={t('studio.orderHint')}
        entryName={(i) => t('studio.stepN')(i + 1)}
        addLabel={t('studio.addStep')}
        make={(list) => ({ id: nextId(list, 'i'), text: {} })}
        min={3}
        write={(next) => editor.set(props.path, { ...editor.get<object>(props.path), items: next, key: next.map((e) => e.id) })}
      >
        {(path, i) => (
          <>
            <LocalizedField path={[...path, 'text']} label={t('studio.stepText')(i + 1)} />
            <FeedbackFields path={path} />
          </>
        )}
      </ListEditor>
      <Outcomes path={props.path} />
    </>
  );
}

function Match(props: TypeFormProps): JSX.Element {
  return (
    <>
      <ListEditor<Entry>
        path={[...props.path, 'left']}
        legend={t('studio.matchLeft')}
        entryName={(i) => t('studio.claimN')(i + 1)}
        addLabel={t('studio.addClaim')}
        make={(list) => ({ id: nextId(list, 'l'), text: {} })}
        min={2}
      >
        {(path, i) => (
          <>
            <LocalizedField path={[...path, 'text']} label={t('studio.claimText')(i + 1)} multiline />
            <FeedbackFields path={path} />
          </>
        )}
      </ListEditor>
      <ListEditor<Entry>
        path={[...props.path, 'right']}
        legend={t('studio.matchRight')}
        hint={t('studio.matchRightHint')}
        entryName={(i) => t('studio.sourceN')(i + 1)}
        addLabel={t('studio.addSource')}
        make={(list) => ({ id: nextId(list, 'r'), label: {} })}
        min={2}
      >
        {(path, i) => <LocalizedField path={[...path, 'label']} label={t('studio.sourceName')(i + 1)} />}
      </ListEditor>
      <KeyMap path={[...props.path, 'key']} from={[...props.path, 'left']} to={[...props.path, 'right']} fromField="text" toField="label" legend={t('studio.matchKey')} />
      <Outcomes path={props.path} />
    </>
  );
}

/** One label per value of the scale; the value is written with it. */
function ScaleLabels(props: TypeFormProps): JSX.Element {
  const editor = useDraft();
  const min = () => editor.get<number>([...props.path, 'min']);
  const max = () => editor.get<number>([...props.path, 'max']);
  const values = () => {
    const a = min();
    const b = max();
    if (typeof a !== 'number' || typeof b !== 'number' || b < a || b - a > 10) return [];
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  };
  const labels = () => editor.get<{ value: number; label: Record<string, string> }[]>([...props.path, 'labels']) ?? [];
  const setLabel = (value: number, language: string, text: string) => {
    const list = values().map((v) => labels().find((l) => l.value === v) ?? { value: v, label: {} });
    editor.set(
      [...props.path, 'labels'],
      list.map((l) => (l.value === value ? { value, label: { ...l.label, [language]: text } } : l)),
    );
  };
  return (
    <FieldGroup path={[...props.path, 'labels']} legend={t('studio.scaleLabels')}>
      <For each={values()}>
        {(value) => {
          const index = () => Math.max(0, labels().findIndex((l) => l.value === value));
          return (
            <Index each={editor.languages()}>
              {(language) => <ScaleLabelInput path={[...props.path, 'labels', index(), 'label', language()]} value={value} language={language()} text={labels().find((l) => l.value === value)?.label[language()] ?? ''} onInput={(s) => setLabel(value, language(), s)} />}
            </Index>
          );
        }}
      </For>
    </FieldGroup>
  );
}

function ScaleLabelInput(props: { path: Path; value: number; language: string; text: string; onInput: (text: string) => void }): JSX.Element {
  const editor = useDraft();
  const field = useFieldProblems(() => props.path);
  return (
    <div class="tw-field">
      <label for={`${field.id()}-v${props.value}`}>
        {t('studio.scaleLabelFor')(props.value)}
        {editor.languages().length > 1 ? ` (${t(`studio.lang_${props.language as 'nl' | 'en'}`)})` : ''}
      </label>
      <input
        id={`${field.id()}-v${props.value}`}
        lang={props.language}
        value={props.text}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        aria-invalid={field.messages().length ? 'true' : undefined}
        aria-describedby={field.messages().length ? `${field.id()}-problem` : undefined}
      />
      <Problems id={field.id()} messages={field.messages()} />
    </div>
  );
}

function Scale(props: TypeFormProps): JSX.Element {
  return (
    <>
      <div class="tw-field-row">
        <NumberField path={[...props.path, 'min']} label={t('studio.scaleMin')} />
        <NumberField path={[...props.path, 'max']} label={t('studio.scaleMax')} />
      </div>
      <ScaleLabels path={props.path} />
      <FieldGroup path={[...props.path, 'key']} legend={t('studio.scaleKey')} hint={t('studio.scaleKeyHint')}>
        <div class="tw-field-row">
          <NumberField path={[...props.path, 'key', 'min']} label={t('studio.scaleKeyMin')} />
          <NumberField path={[...props.path, 'key', 'max']} label={t('studio.scaleKeyMax')} />
        </div>
      </FieldGroup>
      <ListEditor<Record<string, unknown>>
        path={[...props.path, 'bands']}
        legend={t('studio.bands')}
        hint={t('studio.bandsHint')}
        entryName={(i) => t('studio.bandN')(i + 1)}
        addLabel={t('studio.addBand')}
        make={() => ({})}
        min={1}
      >
        {(path) => (
          <>
            <div class="tw-field-row">
              <NumberField path={[...path, 'from']} label={t('studio.bandFrom')} />
              <NumberField path={[...path, 'to']} label={t('studio.bandTo')} />
            </div>
            <FeedbackFields path={path} />
          </>
        )}
      </ListEditor>
    </>
  );
}

const LEVEL_NAMES = [0, 1, 2, 3] as const;

function Open(props: TypeFormProps): JSX.Element {
  return (
    <>
      <LocalizedField path={[...props.path, 'modelAnswer']} label={t('studio.modelAnswer')} hint={t('studio.modelAnswerHint')} multiline />
      <ListEditor<Record<string, unknown>>
        path={[...props.path, 'rubric']}
        legend={t('studio.rubric')}
        hint={t('studio.rubricHint')}
        entryName={(i) => t('studio.criterionN')(i + 1)}
        addLabel={t('studio.addCriterion')}
        make={(list) => newCriterion(list as { id?: string }[])}
        min={1}
      >
        {(path, i) => (
          <>
            <LocalizedField path={[...path, 'criterion']} label={t('studio.criterionText')(i + 1)} />
            <For each={LEVEL_NAMES}>
              {(level) => (
                <fieldset class="st-level">
                  <legend>{t('studio.levelN')(level)}</legend>
                  <LocalizedField path={[...path, 'levels', level, 'description']} label={t('studio.levelDescription')} multiline />
                  <LocalizedField path={[...path, 'levels', level, 'example']} label={t('studio.levelExample')} multiline />
                </fieldset>
              )}
            </For>
          </>
        )}
      </ListEditor>
      <NumberField path={[...props.path, 'maxLength']} label={t('studio.maxLength')} min={50} max={5000} />
      <LocalizedField path={[...props.path, 'factualErrors']} label={t('studio.factualErrors')} hint={t('studio.factualErrorsHint')} multiline />
    </>
  );
}

export function newCriterion(existing: readonly { id?: string }[]): Record<string, unknown> {
  return { id: nextId(existing, 'c'), criterion: {}, levels: LEVEL_NAMES.map((points) => ({ points, description: {}, example: {} })) };
}

export const typeForms: { [T in QuestionType]: Component<TypeFormProps> } = {
  'single-choice': (p) => <Choices {...p} multiple={false} />,
  'multiple-choice': (p) => <Choices {...p} multiple />,
  highlight: Highlight,
  categorize: Categorize,
  order: Order,
  match: Match,
  scale: Scale,
  open: Open,
};
