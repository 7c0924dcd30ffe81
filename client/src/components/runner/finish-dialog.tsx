// "Are you sure?" before finishing: how many questions are still open, then finishing, which waits
// for unsaved answers and says so when one could not be saved.
import { Show, createSignal, type JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import type { AttemptSession } from './attempt-session.ts';

export interface FinishDialogControl {
  open: () => void;
}

export function FinishDialog(props: { session: AttemptSession; onFinished: () => void; control: (c: FinishDialogControl) => void }): JSX.Element {
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
  const open = () => session.questions.filter((q) => !session.isDone(q)).length;

  return (
    <dialog ref={dialog} class="confirm" aria-labelledby="confirm-text" onClose={() => setConfirming(false)}>
      <Show when={confirming()}>
        <p id="confirm-text">{t('confirmFinish')(open())}</p>
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
