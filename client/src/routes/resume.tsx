// /resume: a student continues on another device with the personal code they wrote down.
import { createSignal, Show, type JSX } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { ApiError } from '../lib/api.ts';
import { teacherApi } from '../teacher/api.ts';
import { tt } from '../i18n/class.ts';
import { problemText, useTitle } from '../components/ui/teacher-ui.tsx';
import '../styles/teacher.css';

export default function ResumePage(): JSX.Element {
  useTitle(() => tt('resumeTitle'));
  const navigate = useNavigate();
  const [code, setCode] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let input!: HTMLInputElement;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (!code().trim()) {
      setError(tt('required')(tt('resumeCode')));
      return input.focus();
    }
    setBusy(true);
    setError(null);
    try {
      const me = await teacherApi.resume(code().trim());
      // A student goes to their assignments; a self-study learner to the lessons they were taking.
      navigate(me.role === 'student' ? '/me' : '/');
    } catch (e) {
      setError(e instanceof ApiError && (e.status === 404 || e.status === 401 || e.status === 400) ? tt('resumeBadCode') : problemText(e));
      input.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="tw-page tw-narrow">
      <h1>{tt('resumeTitle')}</h1>
      <p>{tt('resumeIntro')}</p>
      <form class="tw-panel" onSubmit={submit} novalidate>
        <div class="tw-field">
          <label for="tw-resume-code">{tt('resumeCode')}</label>
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
          {busy() ? tt('busy') : tt('resumeSubmit')}
        </button>
      </form>
    </div>
  );
}
