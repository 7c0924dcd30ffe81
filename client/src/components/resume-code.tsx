// Lets a self-study learner, whose progress lives in one browser's cookie, make a personal code to
// continue on another device. Shown once and plainly; students got theirs when they joined.
import { Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { ApiError } from '../lib/api.ts';
import { makeResumeCode, useWrite } from '../lib/queries.ts';
import { CopyButton } from './ui/copy-button.tsx';
import { ErrorMessage } from './ui/error-message.tsx';

export function ResumeCode() {
  const [make, submission] = useWrite(makeResumeCode);
  const code = () => submission.result?.resumeCode ?? null;
  // A student in a class already has a code from joining: nothing to offer here.
  const hidden = () => submission.error instanceof ApiError && submission.error.problem.status === 403;
  const error = () => (hidden() ? null : submission.error);
  const busy = () => !!submission.pending;
  return (
    <Show when={!hidden()}>
      <section class="resume-code" aria-labelledby="keep-heading">
        <h2 id="keep-heading">{t('keepTitle')}</h2>
        <div aria-live="polite">
          <Show
            when={code()}
            fallback={
              <>
                <p>{t('keepIntro')}</p>
                <button type="button" class="secondary" disabled={busy()} onClick={() => void make().catch(() => {})}>
                  {t('keepButton')}
                </button>
              </>
            }
          >
            {(value) => (
              <>
                <p class="resume-code-line">
                  <span>{t('keepCodeLabel')}:</span> <strong class="resume-code-value">{value()}</strong>
                </p>
                <p class="resume-code-copy">
                  <CopyButton text={value()} />
                </p>
                <p>{t('keepWriteDown')}</p>
              </>
            )}
          </Show>
        </div>
        <Show when={error()}>{(e) => <ErrorMessage error={e()} />}</Show>
      </section>
    </Show>
  );
}
