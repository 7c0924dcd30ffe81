// /reset-password: a new password with the token of the mailed link (?token=...) or the code an
// administrator issued (typed here). Afterwards the teacher is signed in, everywhere else out.
import { createSignal, Show, type JSX } from 'solid-js';
import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { ApiError } from '../lib/api.ts';
import { resetPassword, useWrite } from '../lib/queries.ts';
import { t } from '../i18n/class.ts';
import '../styles/teacher.css';
import { problemText, problemType } from '../components/ui/error-message.tsx';
import { Field } from '../components/ui/field.tsx';
import { PageTitle } from '../components/ui/page-title.tsx';
import { ErrorText } from '../components/ui/error-text.tsx';

export default function ResetPasswordPage(): JSX.Element {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const fromLink = typeof params.token === 'string' && params.token.length > 0 ? params.token : null;
  const [code, setCode] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [codeError, setCodeError] = createSignal<string | null>(null);
  const [passwordError, setPasswordError] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [save, saving] = useWrite(resetPassword);
  const busy = () => !!saving.pending;
  let codeInput: HTMLInputElement | undefined;
  let passwordInput!: HTMLInputElement;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setError(null);
    setCodeError(fromLink || code().trim() ? null : t('class.required')(t('class.resetCode')));
    setPasswordError(password() ? (password().length < 8 ? t('class.passwordTooShort') : null) : t('class.required')(t('class.newPassword')));
    if (codeError()) return codeInput?.focus();
    if (passwordError()) return passwordInput.focus();
    try {
      await save(fromLink ?? code().trim(), password());
      navigate('/teacher/classes', { replace: true });
    } catch (e) {
      if (problemType(e) === 'reset-token-invalid') {
        if (fromLink) setError(t('class.resetBadToken'));
        else {
          setCodeError(t('class.resetBadToken'));
          codeInput?.focus();
        }
      } else if (e instanceof ApiError && (e.problem.errors ?? []).some((x) => x.path === 'password')) {
        setPasswordError(t('class.passwordRejected'));
        passwordInput.focus();
      } else setError(problemText(e));
    }
  }

  return (
    <div class="tw-page tw-narrow">
      <PageTitle>{t('class.resetTitle')}</PageTitle>
      <p>{fromLink ? t('class.resetIntroLink') : t('class.resetIntroCode')}</p>
      <form class="tw-panel" onSubmit={submit} novalidate>
        <Show when={!fromLink}>
          <Field
            ref={codeInput}
            id="tw-reset-code"
            label={t('class.resetCode')}
            hint={t('class.resetCodeHint')}
            error={codeError()}
            name="code"
            class="tw-code-input"
            autocomplete="one-time-code"
            autocapitalize="characters"
            spellcheck={false}
            value={code()}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
        </Show>
        <Field
          ref={passwordInput}
          id="tw-new-password"
          label={t('class.newPassword')}
          hint={t('class.passwordRules')}
          error={passwordError()}
          name="password"
          type="password"
          autocomplete="new-password"
          value={password()}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <ErrorText error={error()} />
        <button type="submit" class="tw-button tw-primary" disabled={busy()}>
          {busy() ? t('class.busy') : t('class.resetSubmit')}
        </button>
      </form>
      <ul class="tw-links">
        <li>
          <A href="/forgot-password">{t('class.askAgain')}</A>
        </li>
        <li>
          <A href="/teacher">{t('class.backToLogin')}</A>
        </li>
      </ul>
    </div>
  );
}
