// /me: a student's own assignments, grouped into due soon, to do, in progress and done (each sorted
// by due date), opened by starting or continuing the attempt; results shown once released.
import { For, Match, Show, Switch, type JSX } from 'solid-js';
import { A, createAsync, useAction, useNavigate, useSubmission } from '@solidjs/router';
import { ApiError, type StudentAssignmentView } from '../lib/api.ts';
import { getMyAssignments, startAssignment } from '../lib/queries.ts';
import { formatDateTime, pick, t } from '../i18n/class.ts';
import '../styles/teacher.css';
import { AsyncBoundary } from '../components/ui/async-boundary.tsx';
import { problemText } from '../components/ui/error-message.tsx';
import { PageTitle } from '../components/ui/page-title.tsx';
import { ErrorText } from '../components/ui/error-text.tsx';

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
  const assignments = createAsync(() => getMyAssignments());
  const inGroup = (g: Group) => (assignments() ?? []).filter((a) => groupOf(a) === g).sort(byDue);
  return (
    <div class="tw-page">
      <PageTitle>{t('class.myTitle')}</PageTitle>
      <AsyncBoundary failure={(e) => (e instanceof ApiError && [401, 403].includes(e.status) ? <NotStudent /> : undefined)}>
        <Show when={assignments()}>
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
        </Show>
      </AsyncBoundary>
    </div>
  );
}

/** Someone who is not a student in a class: the ways in. */
function NotStudent(): JSX.Element {
  return (
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
  );
}

function AssignmentCard(props: { assignment: StudentAssignmentView }): JSX.Element {
  const navigate = useNavigate();
  const a = () => props.assignment;
  const start = useAction(startAssignment);
  const mine = useSubmission(startAssignment, ([, assignmentId]) => assignmentId === a().id);
  // busy from the click until the runner opens; an error belongs to this card only
  const busy = () => !!mine.input && !mine.error;
  const error = () => (mine.error ? problemText(mine.error) : null);

  async function open() {
    // Starting is idempotent on the server: an attempt in progress is continued, not replaced.
    const attempt = await start(a().lessonSlug, a().id).catch(() => null);
    if (attempt) navigate(`/attempts/${attempt.id}`);
  }
  return (
    <li class="tw-card">
      {/* The teacher's name for it tells two assignments of one lesson apart; the lesson follows. */}
      <span class="tw-card-title">{a().title ?? pick(a().lessonTitle)}</span>
      <span class="tw-muted">
        {a().title ? `${pick(a().lessonTitle)} · ` : ''}
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
      <ErrorText error={error()} inline />
    </li>
  );
}
