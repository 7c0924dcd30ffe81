// /forgot-password: a teacher who forgot the password asks for a reset link by e-mail. The answer
// is the same for every address; where the server sends no mail, it says to ask the administrator
// for a code, and the code is entered on /reset-password.
import { createSignal, Show, type JSX } from 'solid-js';
import { A } from '@solidjs/router';
import type { ForgotPasswordResult } from '../../../server/api-types.ts';
import { ApiError } from '../lib/api.ts';
import { requestPasswordReset, useWrite } from '../lib/queries.ts';
import { lang } from '../i18n/index.ts';
import { t } from '../i18n/class.ts';
import '../styles/teacher.css';
import { problemText } from '../components/ui/error-message.tsx';
import { PageTitle } from '../components/ui/page-title.tsx';
import { ErrorText } from '../components/ui/error-text.tsx';

export default function ForgotPasswordPage(): JSX.Element {
  const [email, setEmail] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [send, sending] = useWrite(requestPasswordReset);
  const busy = () => !!sending.pending;
  const [sent, setSent] = createSignal<{ to: string; result: ForgotPasswordResult } | null>(null);
  let input!: HTMLInputElement;
  let news!: HTMLHeadingElement;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const address = email().trim();
    if (!address) {
      setError(t('class.required')(t('class.email')));
      return input.focus();
    }
    setError(null);
    try {
      setSent({ to: address, result: await send(address, lang()) });
      queueMicrotask(() => news?.focus());
    } catch (e) {
      setError(e instanceof ApiError && e.status === 422 ? t('class.emailInvalid') : problemText(e));
      input.focus();
    }
  }

  return (
    <div class="tw-page tw-narrow">
      <PageTitle>{t('class.forgotTitle')}</PageTitle>
      <Show
        when={sent()}
        fallback={
          <>
            <p>{t('class.forgotIntro')}</p>
            <form class="tw-panel" onSubmit={submit} novalidate>
              <div class="tw-field">
                <label for="tw-forgot-email">{t('class.email')}</label>
                <input
                  ref={input}
                  id="tw-forgot-email"
                  name="email"
                  type="email"
                  autocomplete="username"
                  value={email()}
                  onInput={(e) => setEmail(e.currentTarget.value)}
                  aria-invalid={error() ? 'true' : undefined}
                  aria-describedby={error() ? 'tw-forgot-error' : undefined}
                />
              </div>
              <ErrorText error={error()} id="tw-forgot-error" />
              <button type="submit" class="tw-button tw-primary" disabled={busy()}>
                {busy() ? t('class.busy') : t('class.forgotSubmit')}
              </button>
            </form>
          </>
        }
      >
        {(s) => (
          <section class="tw-panel" aria-labelledby="tw-forgot-sent-h">
            <h2 id="tw-forgot-sent-h" ref={news} tabindex="-1">
              {s().result.delivery === 'email' ? t('class.forgotSentTitle') : t('class.forgotAdminTitle')}
            </h2>
            <p>{s().result.delivery === 'email' ? t('class.forgotSent')(s().to) : t('class.forgotAdmin')}</p>
          </section>
        )}
      </Show>
      <ul class="tw-links">
        <li>
          <A href="/reset-password">{t('class.haveResetCode')}</A>
        </li>
        <li>
          <A href="/teacher">{t('class.backToLogin')}</A>
        </li>
      </ul>
    </div>
  );
}
