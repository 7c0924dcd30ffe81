// /resume: a student continues on another device with the personal code they wrote down.
import { createSignal, Show, type JSX } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { ApiError, api as teacherApi } from '../lib/api.ts';
import { t } from '../i18n/class.ts';
import '../styles/teacher.css';
import { problemText } from '../components/ui/error-message.tsx';
import { PageTitle } from '../components/ui/page-title.tsx';

export default function ResumePage(): JSX.Element {
  const navigate = useNavigate();
  const [code, setCode] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let input!: HTMLInputElement;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (!code().trim()) {
      setError(t('class.required')(t('class.resumeCode')));
      return input.focus();
    }
    setBusy(true);
    setError(null);
    try {
      const me = await teacherApi.resume(code().trim());
      // A student goes to their assignments; a self-study learner to the lessons they were taking.
      navigate(me.role === 'student' ? '/me' : '/');
    } catch (e) {
      setError(e instanceof ApiError && (e.status === 404 || e.status === 401 || e.status === 400) ? t('class.resumeBadCode') : problemText(e));
      input.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="tw-page tw-narrow">
      <PageTitle>{t('class.resumeTitle')}</PageTitle>
      <p>{t('class.resumeIntro')}</p>
      <form class="tw-panel" onSubmit={submit} novalidate>
        <div class="tw-field">
          <label for="tw-resume-code">{t('class.resumeCode')}</label>
          <input
            ref={input}
            id="tw-resume-code"
            name="resumeCode"
            class="tw-code-input"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            value={code()}
            onInput={(e) => setCode(e.currentTarget.value)}
            aria-invalid={error() ? 'true' : undefined}
            aria-describedby={error() ? 'tw-resume-error' : undefined}
          />
        </div>
        <Show when={error()}>
          <p id="tw-resume-error" class="tw-error" role="alert">
            {error()}
          </p>
        </Show>
        <button type="submit" class="tw-button tw-primary" disabled={busy()}>
          {busy() ? t('class.busy') : t('class.resumeSubmit')}
        </button>
      </form>
    </div>
  );
}
