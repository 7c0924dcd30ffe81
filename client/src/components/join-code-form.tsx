// The form a student joins with: the code (from the board or the projector) and a display name,
// each a Field with its hint and its error, the form's other error and the submit button. The class
// join page (/join) and the live lesson's (/live) use it with their own words, ids and handling;
// what is checked and sent stays with each page.
import { Show, type JSX } from 'solid-js';
import { Field } from './ui/field.tsx';
import { ErrorText } from './ui/error-text.tsx';

/** Join codes are shown as 2JM-M9H but typed any way: spaces dropped, letters made capitals. */
export function normalizeJoinCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** A code typed from a board or a note: no autofill, capitals on phones, no spelling marks. */
export const codeInputAttrs = { class: 'tw-code-input', autocomplete: 'off', autocapitalize: 'characters', spellcheck: false } as const;

/** One input of the form: its id and form name, its words, its value and where it is wrong. */
export interface JoinInput {
  id: string;
  name: string;
  label: string;
  hint: string;
  error: string | null;
  value: string;
  onValue: (value: string) => void;
  ref: (el: HTMLInputElement) => void;
}

export function JoinCodeForm(props: {
  code: JoinInput;
  name: JoinInput;
  /** For a signed-in student who joins as themselves: said instead of asking a name. */
  asStudent?: string | null;
  /** After the name's error, such as the way back to one's own place when the name is taken. */
  nameWayOut?: JSX.Element;
  error: string | null | undefined;
  busy: boolean;
  submit: string;
  submitting: string;
  onSubmit: (event: SubmitEvent) => void;
}): JSX.Element {
  return (
    <form class="tw-panel" onSubmit={(event) => props.onSubmit(event)} novalidate>
      <Field
        ref={(el: HTMLInputElement) => props.code.ref(el)}
        id={props.code.id}
        label={props.code.label}
        hint={props.code.hint}
        error={props.code.error}
        name={props.code.name}
        {...codeInputAttrs}
        value={props.code.value}
        onInput={(e) => props.code.onValue(e.currentTarget.value)}
      />
      <Show when={!props.asStudent} fallback={<p class="tw-hint">{props.asStudent}</p>}>
        <Field
          ref={(el: HTMLInputElement) => props.name.ref(el)}
          id={props.name.id}
          label={props.name.label}
          hint={props.name.hint}
          error={props.name.error}
          name={props.name.name}
          autocomplete="off"
          maxlength="40"
          value={props.name.value}
          onInput={(e) => props.name.onValue(e.currentTarget.value)}
        >
          {props.nameWayOut}
        </Field>
      </Show>
      <ErrorText error={props.error} />
      <button type="submit" class="tw-button tw-primary" disabled={props.busy}>
        {props.busy ? props.submitting : props.submit}
      </button>
    </form>
  );
}
