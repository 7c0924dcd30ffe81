// "Are you sure?" before finishing: which questions are still open (each a way back to it), then
// finishing, which waits for unsaved answers and says so when one could not be saved.
import { For, Show, createSignal, type JSX } from 'solid-js';
import { t } from '../../i18n/study.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import type { AttemptSession } from './attempt-session.ts';

export interface FinishDialogControl {
  open: () => void;
}

export function FinishDialog(props: {
  session: AttemptSession;
  onFinished: () => void;
  control: (c: FinishDialogControl) => void;
  /** Given: the open questions are listed, each a button that closes the dialog and goes there. */
  go?: (index: number) => void;
}): JSX.Element {
  const session = props.session;
  const [confirming, setConfirming] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  let dialog: HTMLDialogElement | undefined;

  props.control({
    open: () => {
      setConfirming(true);
      if (dialog && typeof dialog.showModal === 'function') dialog.showModal();
    },
  });
  const close = () => {
    dialog?.close();
    setConfirming(false);
  };
  const finish = async () => {
    setError(null);
    try {
      if ((await session.finish()) === 'not-saved') return void setError(new Error(t('notSaved')));
      dialog?.close();
      props.onFinished();
    } catch (e) {
      setError(e);
    }
  };
  /** Question numbers (1-based) not answered yet. */
  const open = () => session.questions.flatMap((q, i) => (session.isDone(q) ? [] : [i + 1]));

  return (
    <dialog ref={dialog} class="confirm" aria-labelledby="confirm-text" onClose={() => setConfirming(false)}>
      <Show when={confirming()}>
        <p id="confirm-text">{t('confirmFinish')(open().length)}</p>
        <Show when={props.go && open().length > 0}>
          <p class="open-list-label">{t('study.openQuestions')}</p>
          <ul class="open-list">
            <For each={open()}>
              {(n) => (
                <li>
                  <button
                    type="button"
                    class="secondary small"
                    aria-label={t('study.goToQuestion')(n)}
                    onClick={() => {
                      close();
                      props.go!(n - 1);
                    }}
                  >
                    {t('questionN')(n)}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <div class="actions">
          <button type="button" class="primary" disabled={session.finishing()} onClick={finish}>
            {session.finishing() ? t('finishing') : t('confirmYes')}
          </button>
          <button type="button" class="secondary" onClick={close} autofocus>
            {t('confirmNo')}
          </button>
        </div>
        <Show when={error()}>{(e) => <ErrorMessage error={e()} />}</Show>
      </Show>
    </dialog>
  );
}
