// /live: a student joins a live lesson with the code on the projector. A guest also gives a display
// name; a student of a class joins as themselves (their class session), so the name is not asked.
import { createSignal, type JSX } from 'solid-js';
import { createAsync, useNavigate } from '@solidjs/router';
import { JoinCodeForm, normalizeJoinCode } from '../../components/join-code-form.tsx';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { problemText, problemType } from '../../components/ui/error-message.tsx';
import { ApiError } from '../../lib/api.ts';
import { liveApi } from '../../lib/live.ts';
import { getMeOrNull } from '../../lib/queries.ts';
import { t } from '../../i18n/live.ts';
import '../../styles/teacher.css';
import '../../styles/live.css';

export default function LiveJoinPage(): JSX.Element {
  const navigate = useNavigate();
  const me = createAsync(() => getMeOrNull());
  const student = () => (me()?.role === 'student' ? me()! : null);
  const [code, setCode] = createSignal('');
  const [name, setName] = createSignal('');
  const [missing, setMissing] = createSignal({ code: false, name: false });
  const [refused, setRefused] = createSignal<{ code?: string; name?: string; other?: string }>({});
  const [busy, setBusy] = createSignal(false);
  let codeInput!: HTMLInputElement;
  let nameInput: HTMLInputElement | undefined;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const needName = !student();
    setRefused({});
    setMissing({ code: !code().trim(), name: needName && !name().trim() });
    if (missing().code) return codeInput.focus();
    if (missing().name) return nameInput?.focus();
    setBusy(true);
    try {
      const joined = await liveApi.join(normalizeJoinCode(code()), needName ? name().trim() : undefined);
      navigate(`/live/${encodeURIComponent(joined.sessionId)}`);
    } catch (e) {
      const errors = e instanceof ApiError ? (e.problem.errors ?? []) : [];
      const kind = problemType(e);
      const nameError = kind === 'name-taken' ? t('live.nameTaken') : errors.find((x) => x.path.includes('displayName'))?.message;
      const codeError =
        errors.find((x) => x.path.includes('code'))?.message ?? (e instanceof ApiError && (e.status === 404 || e.status === 403) ? t('live.codeRefused') : undefined);
      const other = kind === 'class-only' ? t('live.classOnly') : kind === 'session-full' ? t('live.sessionFull') : problemText(e);
      setRefused({ code: codeError, name: nameError, other: codeError || nameError ? undefined : other });
      if (codeError) codeInput.focus();
      else if (nameError) nameInput?.focus();
    } finally {
      setBusy(false);
    }
  }

  const codeError = () => (missing().code ? t('live.required')(t('live.code')) : (refused().code ?? null));
  const nameError = () => (missing().name ? t('live.required')(t('live.displayName')) : (refused().name ?? null));
  return (
    <div class="tw-page tw-narrow lv-join">
      <PageTitle>{t('live.joinTitle')}</PageTitle>
      <p>{t('live.joinIntro')}</p>
      <JoinCodeForm
        code={{
          id: 'lv-code',
          name: 'code',
          label: t('live.code'),
          hint: t('live.codeHint'),
          error: codeError(),
          value: code(),
          onValue: setCode,
          ref: (el) => (codeInput = el),
        }}
        name={{
          id: 'lv-name',
          name: 'displayName',
          label: t('live.displayName'),
          hint: t('live.displayNameHint'),
          error: nameError(),
          value: name(),
          onValue: setName,
          ref: (el) => (nameInput = el),
        }}
        asStudent={student() ? t('live.joinAsStudent')(student()!.name ?? '', student()!.className ?? '') : null}
        error={refused().other}
        busy={busy()}
        submit={t('live.joinSubmit')}
        submitting={t('live.joining')}
        onSubmit={submit}
      />
    </div>
  );
}
