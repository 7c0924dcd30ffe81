// The lesson editor's inputs, each bound to a path of the draft: its value, its id, and the
// checker's problems at it (aria-invalid, aria-describedby and the message under the field, as
// components/ui/field.tsx does for the other forms). A text in the lesson's languages is one
// input per language.
import { For, Index, Show, type JSX } from 'solid-js';
import { t } from '../../i18n/studio.ts';
import { fieldId, useDraft, type Path } from './draft-context.tsx';

/** The problems at a field, and the attributes its input needs to say so. */
export function useFieldProblems(path: () => Path, hint?: () => JSX.Element | undefined) {
  const editor = useDraft();
  editor.register(path());
  const id = () => fieldId(path());
  const messages = () => editor.problemsAt(path());
  return {
    id,
    messages,
    aria: () => ({
      'aria-invalid': messages().length ? ('true' as const) : undefined,
      'aria-describedby': [hint?.() ? `${id()}-hint` : '', messages().length ? `${id()}-problem` : ''].filter(Boolean).join(' ') || undefined,
    }),
  };
}

export function Problems(props: { id: string; messages: string[] }): JSX.Element {
  return (
    <Show when={props.messages.length}>
      <ul id={`${props.id}-problem`} class="st-problem">
        <For each={props.messages}>{(m) => <li>{m}</li>}</For>
      </ul>
    </Show>
  );
}

export function Hint(props: { id: string; children?: JSX.Element }): JSX.Element {
  return (
    <Show when={props.children}>
      <p id={`${props.id}-hint`} class="tw-hint">
        {props.children}
      </p>
    </Show>
  );
}

interface TextProps {
  path: Path;
  label: string;
  hint?: string;
  multiline?: boolean;
  lang?: string;
  /** For inputs inside a row of their own kind. */
  class?: string;
  /** A problem with the text as a whole (it is missing): an empty input of it is invalid too. */
  whole?: { id: string; messages: () => string[] };
}

export function TextField(props: TextProps): JSX.Element {
  const editor = useDraft();
  const field = useFieldProblems(() => props.path, () => props.hint);
  const value = () => (editor.get<string>(props.path) ?? '') as string;
  const input = (e: { currentTarget: { value: string } }) => editor.set(props.path, e.currentTarget.value);
  const wholeApplies = () => !!props.whole && props.whole.messages().length > 0 && !value().trim();
  const aria = () => {
    const own = field.aria();
    if (!wholeApplies()) return own;
    return { 'aria-invalid': 'true' as const, 'aria-describedby': [own['aria-describedby'], `${props.whole!.id}-problem`].filter(Boolean).join(' ') };
  };
  return (
    <div class={`tw-field ${props.class ?? ''}`}>
      <label for={field.id()}>{props.label}</label>
      <Show when={props.multiline} fallback={<input id={field.id()} type="text" lang={props.lang} value={value()} onInput={input} {...aria()} />}>
        <textarea id={field.id()} lang={props.lang} rows={3} value={value()} onInput={input} {...aria()} />
      </Show>
      <Hint id={field.id()}>{props.hint}</Hint>
      <Problems id={field.id()} messages={field.messages()} />
    </div>
  );
}

/** A learner-facing text: one input per language of the lesson. */
export function LocalizedField(props: TextProps): JSX.Element {
  const editor = useDraft();
  const field = useFieldProblems(() => props.path);
  return (
    <div class="st-localized" id={field.id()} tabindex="-1">
      <Index each={editor.languages()}>
        {(language) => (
          <TextField
            path={[...props.path, language()]}
            label={editor.languages().length > 1 ? `${props.label} (${t(`studio.lang_${language()}` as const)})` : props.label}
            hint={props.hint}
            multiline={props.multiline}
            lang={language()}
            whole={{ id: field.id(), messages: field.messages }}
          />
        )}
      </Index>
      <Problems id={field.id()} messages={field.messages()} />
    </div>
  );
}

export function NumberField(props: { path: Path; label: string; hint?: string; min?: number; max?: number; class?: string }): JSX.Element {
  const editor = useDraft();
  const field = useFieldProblems(() => props.path, () => props.hint);
  const value = () => {
    const v = editor.get<number>(props.path);
    return typeof v === 'number' ? String(v) : '';
  };
  return (
    <div class={`tw-field st-number ${props.class ?? ''}`}>
      <label for={field.id()}>{props.label}</label>
      <input
        id={field.id()}
        type="number"
        inputmode="numeric"
        min={props.min}
        max={props.max}
        value={value()}
        onInput={(e) => {
          const raw = e.currentTarget.value.trim();
          const n = Number(raw);
          editor.set(props.path, raw === '' || !Number.isFinite(n) ? undefined : Math.trunc(n));
        }}
        {...field.aria()}
      />
      <Hint id={field.id()}>{props.hint}</Hint>
      <Problems id={field.id()} messages={field.messages()} />
    </div>
  );
}

export function SelectField(props: {
  path: Path;
  label: string;
  options: { value: string; label: string }[];
  /** The empty choice's words; without it there is none. */
  empty?: string;
  hint?: string;
  class?: string;
}): JSX.Element {
  const editor = useDraft();
  const field = useFieldProblems(() => props.path, () => props.hint);
  const value = () => (editor.get<string>(props.path) ?? '') as string;
  return (
    <div class={`tw-field ${props.class ?? ''}`}>
      <label for={field.id()}>{props.label}</label>
      <select id={field.id()} value={value()} onChange={(e) => editor.set(props.path, e.currentTarget.value || undefined)} {...field.aria()}>
        <Show when={props.empty !== undefined}>
          <option value="">{props.empty}</option>
        </Show>
        <For each={props.options}>
          {(o) => (
            <option value={o.value} selected={o.value === value()}>
              {o.label}
            </option>
          )}
        </For>
      </select>
      <Hint id={field.id()}>{props.hint}</Hint>
      <Problems id={field.id()} messages={field.messages()} />
    </div>
  );
}

/** A group of fields that problems about the whole (a list, a key) are shown at. */
export function FieldGroup(props: { path: Path; legend: string; hint?: string; children: JSX.Element; class?: string }): JSX.Element {
  const field = useFieldProblems(() => props.path, () => props.hint);
  return (
    <fieldset class={`st-group ${props.class ?? ''}`} id={field.id()} tabindex="-1" aria-describedby={field.aria()['aria-describedby']}>
      <legend>{props.legend}</legend>
      <Hint id={field.id()}>{props.hint}</Hint>
      <Problems id={field.id()} messages={field.messages()} />
      {props.children}
    </fieldset>
  );
}
