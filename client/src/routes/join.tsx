// /join: a student joins a class with its join code and a display name, then sees their personal
// resume code once, plainly and large, with the advice to write it down.
import { createMemo, createSignal, Show, type JSX } from 'solid-js';
import { A, createAsync, useSearchParams } from '@solidjs/router';
import { CopyButton } from '../components/ui/copy-button.tsx';
import { JoinCodeForm, normalizeJoinCode } from '../components/join-code-form.tsx';
import { ApiError, type JoinResult, type Me } from '../lib/api.ts';
import { getMeOrNull, joinClass, useWrite } from '../lib/queries.ts';
import { t } from '../i18n/class.ts';
import '../styles/teacher.css';
import { problemText, problemType } from '../components/ui/error-message.tsx';
import { PageTitle } from '../components/ui/page-title.tsx';

export default function JoinPage(): JSX.Element {
  const [result, setResult] = createSignal<JoinResult | null>(null);
  return (
    <div class="tw-page tw-narrow">
      <Show
        when={result()}
        fallback={
          <>
            <JoinForm onJoined={setResult} />
          </>
        }
      >
        {(r) => <Joined result={r()} />}
      </Show>
    </div>
  );
}

/** A visitor who is already a student is told which class they are in, with the way to their work. */
function AlreadyStudent(props: { me: Me | null | undefined }): JSX.Element {
  const me = () => props.me;
  const className = () => me()?.className ?? null;
  return (
    <Show when={me()?.role === 'student'}>
      <div class="tw-panel tw-already" role="status">
        <p>
          <strong>{className() ? t('class.alreadyInClass')(className()!) : t('class.alreadyStudent')(me()?.name ?? '')}</strong>
        </p>
        <A class="tw-button tw-primary" href="/me">
          {t('class.toMyAssignmentsShort')}
        </A>
      </div>
    </Show>
  );
}

function JoinForm(props: { onJoined: (r: JoinResult) => void }): JSX.Element {
  const me = createAsync(() => getMeOrNull());
  const isStudent = () => me()?.role === 'student';
  const [join, submission] = useWrite(joinClass);
  // The class projector's QR code opens /join?code=...: the code is filled in, only the name is left.
  const [search] = useSearchParams();
  const [code, setCode] = createSignal(typeof search.code === 'string' ? search.code.slice(0, 20) : '');
  const [name, setName] = createSignal('');
  const [missing, setMissing] = createSignal({ code: false, name: false });
  // Field errors from the server land beside the field they are about.
  const refused = createMemo(() => {
    const e = submission.error;
    if (!e) return {};
    const errors = e instanceof ApiError ? (e.problem.errors ?? []) : [];
    const code =
      errors.find((x) => x.path.includes('joinCode'))?.message ?? (e instanceof ApiError && e.status === 404 ? t('class.joinCodeUnknown') : undefined);
    // A taken name may be her own: the way back is her personal code (a link beside the field), not a second student.
    const taken = problemType(e) === 'name-taken';
    const name = errors.find((x) => x.path.includes('displayName'))?.message ?? (taken ? t('class.nameTakenResume') : undefined);
    return { code, name, taken, other: code || name ? undefined : problemText(e) };
  });
  // an empty field is said at once; the server's words stand until the next try
  const local = () => missing().code || missing().name;
  const codeError = () => (local() ? (missing().code ? t('class.required')(t('class.joinCode')) : null) : (refused().code ?? null));
  const nameError = () => (local() ? (missing().name ? t('class.required')(t('class.displayName')) : null) : (refused().name ?? null));
  const error = () => (local() ? null : (refused().other ?? null));
  const busy = () => !!submission.pending;
  let codeInput!: HTMLInputElement;
  let nameInput!: HTMLInputElement;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setMissing({ code: !code().trim(), name: !name().trim() });
    if (missing().code) return codeInput.focus();
    if (missing().name) return nameInput.focus();
    const joined = await join(normalizeJoinCode(code()), name().trim()).catch(() => null);
    if (joined) return props.onJoined(joined);
    if (refused().code) codeInput.focus();
    else if (refused().name) nameInput.focus();
  }

  return (
    <>
      <PageTitle>{t('class.joinTitle')}</PageTitle>
      <AlreadyStudent me={me()} />
      <Show when={isStudent()}>
        <h2>{t('class.joinAnother')}</h2>
      </Show>
      <p>{t('class.joinIntro')}</p>
      <JoinCodeForm
        code={{
          id: 'tw-join-code',
          name: 'joinCode',
          label: t('class.joinCode'),
          hint: t('class.joinCodeHint'),
          error: codeError(),
          value: code(),
          onValue: setCode,
          ref: (el) => (codeInput = el),
        }}
        name={{
          id: 'tw-display-name',
          name: 'displayName',
          label: t('class.displayName'),
          hint: t('class.displayNameHint'),
          error: nameError(),
          value: name(),
          onValue: setName,
          ref: (el) => (nameInput = el),
        }}
        nameWayOut={
          <Show when={!local() && refused().taken}>
            {' '}
            <A href="/resume">{t('class.resumeWithCode')}</A>
          </Show>
        }
        error={error()}
        busy={busy()}
        submit={t('class.joinSubmit')}
        submitting={t('class.joining')}
        onSubmit={submit}
      />
      <p>
        <A href="/resume">{t('class.haveResumeCode')}</A>
      </p>
    </>
  );
}

function Joined(props: { result: JoinResult }): JSX.Element {
  let heading!: HTMLHeadingElement;
  // Move focus to the news so screen-reader users hear it, instead of staying on a vanished form.
  queueMicrotask(() => heading?.focus());
  return (
    <section class="tw-joined" aria-labelledby="tw-joined-h">
      <h1 id="tw-joined-h" ref={heading} tabindex="-1">
        {t('class.joinedTitle')(props.result.className)}
      </h1>
      <h2>{t('class.resumeCodeLabel')}</h2>
      <div class="tw-resume-row">
        <p class="tw-resume-code" translate="no">
          {props.result.resumeCode}
        </p>
        <CopyButton text={props.result.resumeCode} class="tw-button" />
      </div>
      <p class="tw-resume-advice">{t('class.resumeCodeWriteDown')}</p>
      <A class="tw-button tw-primary" href="/me">
        {t('class.toMyAssignments')}
      </A>
    </section>
  );
}
