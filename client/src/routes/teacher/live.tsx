// /teacher/assignments/:id/live: who has started, on which question each student is and who has
// finished, pushed by the server as events. Screen readers hear a short polite summary only when
// the counts change or someone finishes, not every step.
import { createMemo, createSignal, For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { A, createAsync, useParams } from '@solidjs/router';
import { getAssignment } from '../../lib/queries.ts';
import type { LiveMark, LiveSnapshot, LiveStudent } from '../../../../server/api-types.ts';
import '../../i18n/teach.ts';
import '../../styles/teach.css';
import { api } from '../../lib/api.ts';
import { stateLabel } from '../../components/teacher/heat-map.tsx';
import { formatTime, pick, t } from '../../i18n/class.ts';
import { Bar } from '../../components/teacher/report-parts.tsx';
import '../../styles/teacher.css';
import { RequireTeacher } from '../../components/teacher/require-teacher.tsx';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { ColumnHeads, ScrollTable } from '../../components/ui/scroll-table.tsx';

export default function LivePage(): JSX.Element {
  return <RequireTeacher>{() => <Live />}</RequireTeacher>;
}

type Connection = 'connecting' | 'open' | 'lost';

/** A student working but with no answer or step for this long is flagged as idle. */
export const IDLE_MS = 3 * 60_000;

/** Whether a student in progress has done nothing for IDLE_MS, at the server's clock `now`. */
export function isIdle(s: Pick<LiveStudent, 'state' | 'updatedAt'>, now: number): boolean {
  return s.state === 'in-progress' && s.updatedAt !== null && now - new Date(s.updatedAt).getTime() >= IDLE_MS;
}

const MARK_SYMBOL: Record<NonNullable<LiveMark>, string> = { right: '✓', partial: '½', wrong: '✗', pending: '?' };

/** A dot per question: its symbol and colour say the same, and a screen reader hears the words. */
function Marks(props: { marks: LiveMark[] }): JSX.Element {
  return (
    <ol class="tw-marks">
      <For each={props.marks}>
        {(m, i) => (
          <li class={`tw-mark tw-mark-${m ?? 'none'}`}>
            <span aria-hidden="true">{m ? MARK_SYMBOL[m] : ''}</span>
            <span class="tw-sr-only">
              {t('class.questionN')(i() + 1)}: {markLabel(m)}
            </span>
          </li>
        )}
      </For>
    </ol>
  );
}

function markLabel(m: LiveMark): string {
  return m === 'right' ? t('teach.markRight') : m === 'partial' ? t('teach.markPartial') : m === 'wrong' ? t('teach.markWrong') : m === 'pending' ? t('teach.markPending') : t('teach.markNone');
}

/** What changed between two snapshots that is worth saying aloud. */
export function liveAnnouncement(before: LiveSnapshot | null, after: LiveSnapshot): string | null {
  const count = (s: LiveSnapshot, state: LiveStudent['state']) => s.students.filter((x) => x.state === state).length;
  const started = (s: LiveSnapshot) => s.students.length - count(s, 'not-started');
  const parts: string[] = [];
  if (before) {
    const wasFinished = new Set(before.students.filter((s) => s.state === 'finished').map((s) => s.id));
    const newlyFinished = after.students.filter((s) => s.state === 'finished' && !wasFinished.has(s.id)).map((s) => s.displayName);
    if (newlyFinished.length) parts.push(t('class.liveFinished')(newlyFinished));
  }
  if (!before || started(before) !== started(after) || count(before, 'finished') !== count(after, 'finished')) {
    parts.push(t('class.liveSummary')(started(after), count(after, 'finished'), after.students.length));
  }
  return parts.length ? parts.join(' ') : null;
}

function Live(): JSX.Element {
  const params = useParams();
  const assignment = createAsync(() => getAssignment(params.id!));
  const [snapshot, setSnapshot] = createSignal<LiveSnapshot | null>(null);
  const [connection, setConnection] = createSignal<Connection>('connecting');
  const [announcement, setAnnouncement] = createSignal('');

  onMount(() => {
    // EventSource reconnects by itself after a dropped connection; we only reflect its state.
    const source = new EventSource(api.liveUrl(params.id!), { withCredentials: true });
    source.onopen = () => setConnection('open');
    source.onerror = () => setConnection(source.readyState === EventSource.CLOSED ? 'lost' : 'connecting');
    source.onmessage = (event) => {
      let next: LiveSnapshot;
      try {
        next = JSON.parse(event.data) as LiveSnapshot;
      } catch {
        return;
      }
      setConnection('open');
      setOffset(new Date(next.at).getTime() - Date.now());
      setTick(Date.now());
      const said = liveAnnouncement(snapshot(), next);
      if (said) setAnnouncement(said);
      setSnapshot(next);
    };
    onCleanup(() => source.close());
  });

  const students = createMemo(() => snapshot()?.students ?? []);
  // The server's clock, estimated from the latest snapshot's time and ticking here, so a student
  // who stops working is flagged without a new event (and without trusting this computer's clock).
  const [offset, setOffset] = createSignal(0);
  const [tick, setTick] = createSignal(Date.now());
  onMount(() => {
    const timer = setInterval(() => setTick(Date.now()), 15_000);
    onCleanup(() => clearInterval(timer));
  });
  const serverNow = () => tick() + offset();
  const idle = (s: LiveStudent) => isIdle(s, serverNow());

  return (
    <div class="tw-page tw-live">
      <Show when={assignment()}>
        {(a) => (
          <p class="tw-back">
            <A href={`/teacher/assignments/${a().id}`}>{t('class.backToReport')}</A>
          </p>
        )}
      </Show>
      <PageTitle>{assignment() ? t('class.liveTitle')(pick(assignment()!.lessonTitle)) : t('class.live')}</PageTitle>
      <p class="tw-muted">
        {connection() === 'open' ? t('class.liveConnected') : connection() === 'lost' ? t('class.liveReconnecting') : t('class.liveConnecting')}
      </p>
      <p class="tw-live-summary" aria-live="polite" aria-atomic="true">
        {announcement()}
      </p>
      <ScrollTable
        captionId="tw-live-caption"
        caption={t('class.roster')}
        class="tw-live-table"
        regionClass="tw-live-wide"
        head={<ColumnHeads labels={[t('class.student'), t('class.status'), t('class.where'), t('class.responses'), t('teach.perQuestion'), t('class.lastActive')]} />}
      >
        <For each={students()} fallback={<tr><td colspan="6">{snapshot() ? t('class.noStudents') : t('class.liveConnecting')}</td></tr>}>
          {(s) => (
            <tr class={`tw-live-${s.state}`}>
              <th scope="row">{s.displayName}</th>
              <td>
                <span class={`tw-state tw-state-${s.state}`}>{stateLabel(s.state)}</span>
              </td>
              <td>{s.state === 'in-progress' && s.questionNumber ? t('class.onQuestion')(s.questionNumber, s.total) : '–'}</td>
              <td>
                <Bar fraction={s.total ? s.answered / s.total : 0} label={t('class.answeredOf')(s.answered, s.total)} />
              </td>
              <td>
                <Marks marks={s.marks} />
              </td>
              <td>
                {formatTime(s.updatedAt) || '–'}
                <Show when={idle(s)}>
                  {' '}
                  <span class="tw-tag tw-idle">{t('teach.idle')}</span>
                </Show>
              </td>
            </tr>
          )}
        </For>
      </ScrollTable>
      {/* On a phone: one card per student instead of the five-column table (CSS shows one or the other). */}
      <ul class="tw-live-cards" aria-label={t('class.roster')}>
        <For each={students()} fallback={<li>{snapshot() ? t('class.noStudents') : t('class.liveConnecting')}</li>}>
          {(s) => (
            <li class={`tw-live-card tw-live-${s.state}`}>
              <span class="tw-live-card-head">
                <strong>{s.displayName}</strong> <span class={`tw-state tw-state-${s.state}`}>{stateLabel(s.state)}</span>
              </span>
              <Show when={s.state === 'in-progress' && s.questionNumber}>
                <span>{t('class.onQuestion')(s.questionNumber!, s.total)}</span>
              </Show>
              <Bar fraction={s.total ? s.answered / s.total : 0} label={t('class.answeredOf')(s.answered, s.total)} />
              <Marks marks={s.marks} />
              <span class="tw-muted">
                {t('class.lastActive')}: {formatTime(s.updatedAt) || '–'}
              </span>
              <Show when={idle(s)}>
                <span class="tw-tag tw-idle">{t('teach.idle')}</span>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
