// A new personal (resume) code for a student who lost hers, from the class roster: asked once
// ("the old code stops working, signed out everywhere"), then shown once, large, to hand over.
import { createSignal, Show, type JSX } from 'solid-js';
import type { ReissuedResumeCode } from '../../../../server/api-types.ts';
import type { StudentRef } from '../../lib/api.ts';
import { reissueResumeCode, useWrite } from '../../lib/queries.ts';
import { t } from '../../i18n/class.ts';
import { CopyButton } from '../ui/copy-button.tsx';
import { problemText } from '../ui/error-message.tsx';
import { ErrorText } from '../ui/error-text.tsx';

export function NewResumeCode(props: { classId: string; student: StudentRef }): JSX.Element {
  const [step, setStep] = createSignal<'idle' | 'confirm' | 'shown'>('idle');
  const [issued, setIssued] = createSignal<ReissuedResumeCode | null>(null);
  const [reissueCode, reissuing] = useWrite(reissueResumeCode);
  const busy = () => !!reissuing.pending;
  const [error, setError] = createSignal<string | null>(null);
  let openButton: HTMLButtonElement | undefined;
  let confirmButton: HTMLButtonElement | undefined;
  let shown: HTMLSpanElement | undefined;

  const close = () => {
    setStep('idle');
    setIssued(null);
    queueMicrotask(() => openButton?.focus());
  };

  async function reissue() {
    setError(null);
    try {
      setIssued(await reissueCode(props.classId, props.student.id));
      setStep('shown');
      queueMicrotask(() => shown?.focus());
    } catch (e) {
      setError(problemText(e));
    }
  }

  return (
    <>
      <Show when={step() === 'idle'}>
        <button
          ref={openButton}
          type="button"
          class="tw-button"
          onClick={() => {
            setStep('confirm');
            queueMicrotask(() => confirmButton?.focus());
          }}
        >
          {t('class.newCode')}
          <span class="tw-sr-only">: {props.student.displayName}</span>
        </button>
      </Show>
      <Show when={step() === 'confirm'}>
        <span class="tw-confirm" role="group" aria-label={t('class.newCodeFor')(props.student.displayName)}>
          <span>{t('class.confirmNewCode')(props.student.displayName)}</span>
          <button ref={confirmButton} type="button" class="tw-button tw-primary" disabled={busy()} onClick={() => void reissue()}>
            {t('class.confirmNewCodeYes')}
          </button>
          <button type="button" class="tw-button" onClick={close}>
            {t('class.cancel')}
          </button>
        </span>
      </Show>
      <Show when={step() === 'shown' && issued()}>
        {(code) => (
          <span class="tw-new-code" role="group" aria-label={t('class.newCodeFor')(props.student.displayName)}>
            <span ref={shown} tabindex="-1">
              {t('class.newCodeShown')(props.student.displayName)}
            </span>
            <strong class="tw-resume-code" translate="no">
              {code().resumeCode}
            </strong>
            <CopyButton text={code().resumeCode} class="tw-button" />
            <button type="button" class="tw-button" onClick={close}>
              {t('class.done')}
            </button>
          </span>
        )}
      </Show>
      <ErrorText error={error()} inline />
    </>
  );
}
