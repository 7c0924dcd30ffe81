// One labelled input of a form with its hint and, when there is one, its error beside it:
// aria-invalid and aria-describedby follow, so every form says what is wrong at the field.
// Children go after the error text (a way out, such as a link to the resume page).
import { Show, splitProps, type JSX } from 'solid-js';

type FieldProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'children'> & {
  id: string;
  label: JSX.Element;
  hint?: JSX.Element;
  error?: string | null | false;
  children?: JSX.Element;
};

export function Field(props: FieldProps): JSX.Element {
  const [own, input] = splitProps(props, ['id', 'label', 'hint', 'error', 'children', 'ref']);
  const describedBy = () => [own.hint ? `${own.id}-hint` : '', own.error ? `${own.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="tw-field">
      <label for={own.id}>{own.label}</label>
      <input {...input} ref={own.ref} id={own.id} aria-invalid={own.error ? 'true' : undefined} aria-describedby={describedBy()} />
      <Show when={own.hint}>
        <p id={`${own.id}-hint`} class="tw-hint">
          {own.hint}
        </p>
      </Show>
      <Show when={own.error}>
        <p id={`${own.id}-error`} class="tw-error">
          {own.error}
          {own.children}
        </p>
      </Show>
    </div>
  );
}
