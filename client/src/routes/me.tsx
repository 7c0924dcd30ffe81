// /me: a student's own assignments, grouped into due soon, to do, in progress and done (each sorted
// by due date), opened by starting or continuing the attempt; results shown once released.
import { createResource, createSignal, For, Match, Show, Switch, type JSX } from 'solid-js';
import { A, useNavigate } from '@solidjs/router';
import { ApiError, api as teacherApi, type StudentAssignmentView } from '../lib/api.ts';
import { formatDateTime, pick, t } from '../i18n/class.ts';
import '../styles/teacher.css';
import { ErrorMessage, problemText } from '../components/ui/error-message.tsx';
import { Loading } from '../components/ui/loading.tsx';
import { PageTitle } from '../components/ui/page-title.tsx';

export type Group = 'dueSoon' | 'toDo' | 'inProgress' | 'done' | 'later';

/** Which list an assignment belongs in; due-soon work that is not done goes first, whatever its state. */
export function groupOf(a: StudentAssignmentView): Group {
  if (a.state === 'done') return 'done';
  if (a.state === 'not-open' || a.state === 'closed') return 'later';
  if (a.dueSoon) return 'dueSoon';
  return a.state === 'in-progress' ? 'inProgress' : 'toDo';
}

/** Earliest due first; no due date last; then by title so the order is stable. */
export function byDue(a: StudentAssignmentView, b: StudentAssignmentView): number {
  const da = a.dueAt ? Date.parse(a.dueAt) : Infinity;
  const db = b.dueAt ? Date.parse(b.dueAt) : Infinity;
  return da - db || pick(a.lessonTitle).localeCompare(pick(b.lessonTitle));
}

const GROUPS: { group: Group; title: () => string }[] = [
  { group: 'dueSoon', title: () => t('class.groupDueSoon') },
  { group: 'toDo', title: () => t('class.groupToDo') },
  { group: 'inProgress', title: () => t('class.groupInProgress') },
  { group: 'done', title: () => t('class.groupDone') },
  { group: 'later', title: () => t('class.groupLater') },
];

export default function MyAssignmentsPage(): JSX.Element {
  const [assignments, { refetch }] = createResource(() => teacherApi.myAssignments());
  const inGroup = (g: Group) => (assignments() ?? []).filter((a) => groupOf(a) === g).sort(byDue);
  return (
    <div class="tw-page">
      <PageTitle>{t('class.myTitle')}</PageTitle>
      <Switch fallback={<Loading />}>
        <Match when={assignments.error instanceof ApiError && [401, 403].includes((assignments.error as ApiError).status)}>
          <div class="tw-panel">
            <p>{t('class.notStudent')}</p>
            <p class="tw-actions">
              <A class="tw-button tw-primary" href="/join">
                {t('class.joinTitle')}
              </A>
              <A class="tw-button" href="/resume">
                {t('class.resumeTitle')}
              </A>
            </p>
          </div>
        </Match>
        <Match when={assignments.error}>
          <ErrorMessage error={assignments.error} retry={refetch} />
        </Match>
        <Match when={assignments()}>
          <Show when={assignments()!.length > 0} fallback={<p>{t('class.myEmpty')}</p>}>
            <For each={GROUPS.filter((g) => inGroup(g.group).length > 0)}>
              {(g) => (
                <section class="tw-section" aria-labelledby={`tw-group-${g.group}`}>
                  <h2 id={`tw-group-${g.group}`}>{g.title()}</h2>
                  <ul class="tw-cards">
                    <For each={inGroup(g.group)}>{(a) => <AssignmentCard assignment={a} />}</For>
                  </ul>
                </section>
              )}
            </For>
          </Show>
        </Match>
      </Switch>
    </div>
  );
}

function AssignmentCard(props: { assignment: StudentAssignmentView }): JSX.Element {
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const a = () => props.assignment;

  async function open() {
    setBusy(true);
    setError(null);
    try {
      // Starting is idempotent on the server: an attempt in progress is continued, not replaced.
      const attempt = await teacherApi.startAssignment(a().lessonSlug, a().id);
      navigate(`/attempts/${attempt.id}`);
    } catch (e) {
      setError(problemText(e));
      setBusy(false);
    }
  }

  return (
    <li class="tw-card">
      <span class="tw-card-title">{pick(a().lessonTitle)}</span>
      <span class="tw-muted">
        {a().className} · {a().mode === 'test' ? t('class.modeTest') : t('class.modePractice')}
        {a().dueAt ? ` · ${t('class.due')(formatDateTime(a().dueAt))}` : ''}
        {a().state === 'not-open' && a().opensAt ? ` · ${t('class.opens')(formatDateTime(a().opensAt))}` : ''}
        {a().state === 'closed' ? ` · ${t('class.stateClosed')}` : ''}
      </span>
      <Switch>
        <Match when={a().state === 'done'}>
          <Show when={a().score} fallback={<span>{t('class.resultHeld')}</span>}>
            {(s) => <span class="tw-score">{t('class.scoreOf')(s().points, s().max)}</span>}
          </Show>
          <Show when={a().attemptId}>
            <A href={`/attempts/${a().attemptId}/results`}>{t('class.viewResult')}</A>
          </Show>
        </Match>
        <Match when={a().state === 'to-do' || a().state === 'in-progress'}>
          <button type="button" class="tw-button tw-primary" disabled={busy()} onClick={open}>
            {busy() ? t('class.busy') : a().state === 'in-progress' ? t('class.continueWork') : t('class.start')}
          </button>
        </Match>
      </Switch>
      <Show when={error()}>
        <span class="tw-error" role="alert">
          {error()}
        </span>
      </Show>
    </li>
  );
}
