// A short error said where it happened and announced at once (role="alert"); nothing when there
// is none. Inline inside a line of buttons, a paragraph elsewhere.
import { Show, type JSX } from 'solid-js';

export function ErrorText(props: { error: string | null | undefined | false; inline?: boolean; id?: string }): JSX.Element {
  return (
    <Show when={props.error}>
      {(text) =>
        props.inline ? (
          <span id={props.id} class="tw-error" role="alert">
            {text()}
          </span>
        ) : (
          <p id={props.id} class="tw-error" role="alert">
            {text()}
          </p>
        )
      }
    </Show>
  );
}
