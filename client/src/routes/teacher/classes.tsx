// /teacher/classes: the teacher's classes, and a form to create one.
import { createSignal, For, Show, type JSX } from 'solid-js';
import { A, createAsync, useNavigate } from '@solidjs/router';
import { createClass, getClasses, useWrite } from '../../lib/queries.ts';
import { t } from '../../i18n/class.ts';
import { TeacherBar } from '../../components/teacher/teacher-bar.tsx';
import { LiveSessions } from '../../components/live/live-sessions.tsx';
import '../../styles/teacher.css';
import { RequireTeacher } from '../../components/teacher/require-teacher.tsx';
import { AsyncBoundary } from '../../components/ui/async-boundary.tsx';
import { problemText } from '../../components/ui/error-message.tsx';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { ErrorText } from '../../components/ui/error-text.tsx';

export default function ClassesPage(): JSX.Element {
  return (
    <RequireTeacher>
      {(me) => (
        <div class="tw-page">
          <TeacherBar me={me} />
          <Classes />
          <LiveSessions />
        </div>
      )}
    </RequireTeacher>
  );
}

function Classes(): JSX.Element {
  const navigate = useNavigate();
  const classes = createAsync(() => getClasses());
  const [create, submission] = useWrite(createClass);
  const [showArchived, setShowArchived] = createSignal(false);
  const [name, setName] = createSignal('');
  const [missing, setMissing] = createSignal(false);
  const error = () => (missing() ? t('class.required')(t('class.className')) : submission.error ? problemText(submission.error) : null);
  const busy = () => !!submission.pending;
  let nameInput!: HTMLInputElement;
  const visible = () => (classes() ?? []).filter((c) => showArchived() || !c.archived);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setMissing(!name().trim());
    if (missing()) return nameInput.focus();
    const created = await create(name().trim()).catch(() => null); // the submission holds the error
    if (created) navigate(`/teacher/classes/${created.id}`);
  }

  return (
    <>
      <PageTitle>{t('class.classesTitle')}</PageTitle>
      <AsyncBoundary>
        <Show when={classes()}>
          <Show when={visible().length > 0} fallback={<p>{t('class.classesEmpty')}</p>}>
            <ul class="tw-cards">
              <For each={visible()}>
                {(c) => (
                  <li class="tw-card">
                    <A href={`/teacher/classes/${c.id}`} class="tw-card-title">
                      {c.name}
                    </A>
                    <span class="tw-muted">
                      {t('class.studentsCount')(c.students.length)} · {t('class.classJoinCode')} <span class="tw-code-inline">{c.joinCode}</span>
                      {c.archived ? ` · ${t('class.archived')}` : ''}
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <Show when={classes()!.some((c) => c.archived)}>
            <p>
              <label class="tw-check">
                <input type="checkbox" checked={showArchived()} onChange={(e) => setShowArchived(e.currentTarget.checked)} />{' '}
                {t('class.showArchived')}
              </label>
            </p>
          </Show>
        </Show>
      </AsyncBoundary>

      <section class="tw-section tw-panel" aria-labelledby="tw-new-class">
        <h2 id="tw-new-class">{t('class.newClass')}</h2>
        <form onSubmit={submit} novalidate class="tw-inline-form">
          <div class="tw-field">
            <label for="tw-class-name">{t('class.className')}</label>
            <input
              ref={nameInput}
              id="tw-class-name"
              name="name"
              maxlength="80"
              autocomplete="off"
              value={name()}
              onInput={(e) => setName(e.currentTarget.value)}
              aria-invalid={error() ? 'true' : undefined}
              aria-describedby={error() ? 'tw-class-name-error' : undefined}
            />
          </div>
          <button type="submit" class="tw-button tw-primary" disabled={busy()}>
            {busy() ? t('class.busy') : t('class.create')}
          </button>
        </form>
        <ErrorText error={error()} id="tw-class-name-error" />
      </section>
    </>
  );
}
