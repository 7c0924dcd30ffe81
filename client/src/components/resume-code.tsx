// Lets a self-study learner, whose progress lives in one browser's cookie, make a personal code to
// continue on another device. Shown once and plainly; students got theirs when they joined.
import { Show, createSignal } from 'solid-js';
import { t } from '../i18n/index.ts';
import { ApiError, api } from '../lib/api.ts';
import { CopyButton } from './ui/copy-button.tsx';
import { ErrorMessage } from './ui/error-message.tsx';

export function ResumeCode() {
  const [code, setCode] = createSignal<string | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const [hidden, setHidden] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const make = async () => {
    setBusy(true);
    setError(null);
    try {
      setCode((await api.resumeCode()).resumeCode);
    } catch (e) {
      // A student in a class already has a code from joining: nothing to offer here.
      if (e instanceof ApiError && e.problem.status === 403) setHidden(true);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };
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
                <button type="button" class="secondary" disabled={busy()} onClick={make}>
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
