// /teacher: log in or create a teacher account; a signed-in teacher goes on to their classes.
import { createSignal, Match, Show, Switch, type JSX } from 'solid-js';
import { A, createAsync, Navigate, useNavigate } from '@solidjs/router';
import { ApiError } from '../../lib/api.ts';
import { getMe, login, register, useWrite } from '../../lib/queries.ts';
import { t } from '../../i18n/class.ts';
import '../../styles/teacher.css';
import { AsyncBoundary } from '../../components/ui/async-boundary.tsx';
import { problemText } from '../../components/ui/error-message.tsx';
import { PageTitle } from '../../components/ui/page-title.tsx';

export const PASSWORD_MIN = 8;

export default function TeacherHomePage(): JSX.Element {
  const me = createAsync(() => getMe());
  return (
    <div class="tw-page">
      <AsyncBoundary>
        <Switch>
          <Match when={me()?.role === 'teacher'}>
            <Navigate href="/teacher/classes" />
          </Match>
          <Match when={me()}>
            <PageTitle>{t('class.teacherTitle')}</PageTitle>
            <AccountForms />
          </Match>
        </Switch>
      </AsyncBoundary>
    </div>
  );
}

function loginProblem(e: unknown): string {
  if (e instanceof ApiError && e.status === 401) return t('class.loginFailed');
  if (e instanceof ApiError && e.status === 429) return t('class.tooManyAttempts');
  return problemText(e);
}

function passwordRejected(e: unknown): boolean {
  return e instanceof ApiError && (e.problem.errors ?? []).some((x) => x.path === 'password');
}

function fieldErrors(e: unknown): string[] {
  return e instanceof ApiError ? (e.problem.errors ?? []).map((x) => x.message) : [];
}

function AccountForms(): JSX.Element {
  const navigate = useNavigate();
  const [tab, setTab] = createSignal<'login' | 'register'>('login');
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [name, setName] = createSignal('');
  const [errors, setErrors] = createSignal<string[]>([]);
  const [signIn, signingIn] = useWrite(login);
  const [signUp, signingUp] = useWrite(register);
  const busy = () => !!signingIn.pending || !!signingUp.pending;
  let summary!: HTMLDivElement;

  function fail(messages: string[]) {
    setErrors(messages);
    queueMicrotask(() => summary?.focus());
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const problems: string[] = [];
    if (tab() === 'register' && !name().trim()) problems.push(t('class.required')(t('class.name')));
    if (!email().trim()) problems.push(t('class.required')(t('class.email')));
    if (!password()) problems.push(t('class.required')(t('class.password')));
    else if (tab() === 'register' && password().length < PASSWORD_MIN) problems.push(t('class.passwordTooShort'));
    if (problems.length) return fail(problems);
    setErrors([]);
    try {
      if (tab() === 'register') await signUp(email().trim(), password(), name().trim());
      else await signIn(email().trim(), password());
      navigate('/teacher/classes');
    } catch (e) {
      if (tab() === 'register' && e instanceof ApiError && e.status === 409) fail([t('class.emailTaken')]);
      else if (tab() === 'register' && passwordRejected(e)) fail([t('class.passwordRejected')]);
      else if (tab() === 'register') fail(fieldErrors(e).length ? fieldErrors(e) : [problemText(e)]);
      else fail([loginProblem(e)]);
    }
  }

  return (
    <section class="tw-panel tw-account" aria-labelledby="tw-account-h">
      <h2 id="tw-account-h">{tab() === 'login' ? t('class.login') : t('class.register')}</h2>
      <form onSubmit={submit} novalidate>
        <div ref={summary} tabindex="-1" class="tw-error-summary" role={errors().length ? 'alert' : undefined}>
          <Show when={errors().length}>
            <p>{t('class.errorSummary')}</p>
            <ul>
              {errors().map((m) => (
                <li>{m}</li>
              ))}
            </ul>
          </Show>
        </div>
        <Show when={tab() === 'register'}>
          <div class="tw-field">
            <label for="tw-name">{t('class.name')}</label>
            <input id="tw-name" name="name" autocomplete="name" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
          </div>
        </Show>
        <div class="tw-field">
          <label for="tw-email">{t('class.email')}</label>
          <input id="tw-email" name="email" type="email" autocomplete="username" value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
        </div>
        <div class="tw-field">
          <label for="tw-password">{t('class.password')}</label>
          <input
            id="tw-password"
            name="password"
            type="password"
            autocomplete={tab() === 'register' ? 'new-password' : 'current-password'}
            aria-describedby={tab() === 'register' ? 'tw-password-rules' : undefined}
            value={password()}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          <Show when={tab() === 'register'}>
            <p id="tw-password-rules" class="tw-hint">
              {t('class.passwordRules')}
            </p>
          </Show>
          <Show when={tab() === 'login'}>
            <p class="tw-hint">
              <A href="/forgot-password">{t('class.forgotLink')}</A>
            </p>
          </Show>
        </div>
        <button type="submit" class="tw-button tw-primary" disabled={busy()}>
          {busy() ? t('class.busy') : tab() === 'login' ? t('class.login') : t('class.register')}
        </button>
      </form>
      <p>
        {tab() === 'login' ? t('class.noAccount') : t('class.haveAccount')}{' '}
        <button
          type="button"
          class="tw-link-button"
          onClick={() => {
            setErrors([]);
            setTab(tab() === 'login' ? 'register' : 'login');
          }}
        >
          {tab() === 'login' ? t('class.register') : t('class.login')}
        </button>
      </p>
      <p class="tw-hint">
        <A href="/join">{t('class.joinTitle')}</A>
      </p>
    </section>
  );
}
