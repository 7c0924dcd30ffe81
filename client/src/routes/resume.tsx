// /resume: a student continues on another device with the personal code they wrote down.
import { createSignal, type JSX } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { resumeWithCode, useWrite } from '../lib/queries.ts';
import { ApiError } from '../lib/api.ts';
import { t } from '../i18n/class.ts';
import '../styles/teacher.css';
import { problemText } from '../components/ui/error-message.tsx';
import { PageTitle } from '../components/ui/page-title.tsx';
import { ErrorText } from '../components/ui/error-text.tsx';
import { codeInputAttrs } from '../components/join-code-form.tsx';

export default function ResumePage(): JSX.Element {
  const navigate = useNavigate();
  const [code, setCode] = createSignal('');
  const [resume, submission] = useWrite(resumeWithCode);
  const [missing, setMissing] = createSignal(false);
  const error = (): string | null => {
    if (missing()) return t('class.required')(t('class.resumeCode'));
    const e = submission.error;
    if (!e) return null;
    return e instanceof ApiError && (e.status === 404 || e.status === 401 || e.status === 400) ? t('class.resumeBadCode') : problemText(e);
  };
  const busy = () => !!submission.pending;
  let input!: HTMLInputElement;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setMissing(!code().trim());
    if (missing()) return input.focus();
    const me = await resume(code().trim()).catch(() => null);
    if (!me) return input.focus();
    // A student goes to their assignments; a self-study learner to the lessons they were taking.
    navigate(me.role === 'student' ? '/me' : '/');
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
            {...codeInputAttrs}
            value={code()}
            onInput={(e) => setCode(e.currentTarget.value)}
            aria-invalid={error() ? 'true' : undefined}
            aria-describedby={error() ? 'tw-resume-error' : undefined}
          />
        </div>
        <ErrorText error={error()} id="tw-resume-error" />
        <button type="submit" class="tw-button tw-primary" disabled={busy()}>
          {busy() ? t('class.busy') : t('class.resumeSubmit')}
        </button>
      </form>
    </div>
  );
}
