// The students x questions heat map of a report: a real table with row and column headers; every
// cell says its score in text, its colour only repeats that (never colour alone). Columns sort
// (aria-sort on the header), the total stays in view while the questions scroll (sticky), totals
// count out of the whole lesson's points (one denominator), an optional Dutch grade follows the
// teacher's norm, and an answered cell opens that student's answer with its feedback.
import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import type { CellState, GradeNorm, ReportCell, ReportQuestion, ReportStudent } from '../../lib/api.ts';
import { num, percent, pick, skillName, t } from '../../i18n/class.ts';
import '../../i18n/teach.ts';
import { dutchGrade } from '../../../../lessons/dutch-grade.ts';
import { ScrollTable } from '../ui/scroll-table.tsx';

/** The band a cell's colour comes from; the text in the cell says the same thing. */
export function cellBand(cell: ReportCell | undefined): 'none' | 'grade' | 'low' | 'mid' | 'full' {
  if (!cell || !cell.answered) return 'none';
  if (cell.fraction === null) return 'grade';
  if (cell.fraction >= 1) return 'full';
  if (cell.fraction >= 0.5) return 'mid';
  return 'low';
}

export function stateLabel(state: CellState): string {
  return state === 'finished' ? t('class.stateFinished') : state === 'in-progress' ? t('class.stateInProgress') : t('class.stateNotStarted');
}

/** A student's points out of the lesson's maximum, and how many open answers still wait for a grade. */
export function totalOf(student: ReportStudent): { points: number; pending: number } {
  return { points: student.score?.points ?? 0, pending: student.cells.filter((c) => c.answered && c.fraction === null).length };
}

/** The grade for a finished attempt by the norm, out of the lesson's maximum; null otherwise. */
export function gradeOf(student: ReportStudent, max: number, norm: GradeNorm | null | undefined): number | null {
  if (!norm || student.state !== 'finished') return null;
  return dutchGrade(totalOf(student).points, max, norm);
}

type SortKey = 'name' | 'state' | 'total' | 'grade' | `q:${string}`;
type Direction = 'ascending' | 'descending';
const STATE_ORDER: Record<CellState, number> = { 'not-started': 0, 'in-progress': 1, finished: 2 };
const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

export function sortStudents(students: readonly ReportStudent[], key: SortKey, direction: Direction, max: number, norm?: GradeNorm | null): ReportStudent[] {
  const value = (s: ReportStudent): number | string => {
    if (key === 'name') return s.displayName;
    if (key === 'state') return STATE_ORDER[s.state];
    if (key === 'total') return s.score ? totalOf(s).points : -1;
    if (key === 'grade') return gradeOf(s, max, norm) ?? -1;
    const cell = s.cells.find((c) => c.questionId === key.slice(2));
    return !cell?.answered ? -2 : cell.fraction === null ? -1 : cell.fraction;
  };
  const sign = direction === 'ascending' ? 1 : -1;
  return [...students].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === 'string' ? collator.compare(x, y as string) : x - (y as number);
    return c * sign || collator.compare(a.displayName, b.displayName);
  });
}

function Cell(props: { cell: ReportCell | undefined; student: string; number: number; onOpen?: () => void }): JSX.Element {
  const band = () => cellBand(props.cell);
  const content = () => (
    <Show
      when={band() !== 'none' && band() !== 'grade'}
      fallback={
        <>
          <span aria-hidden="true">{band() === 'grade' ? '?' : '–'}</span>
          <span class="tw-sr-only">{band() === 'grade' ? t('class.cellToGrade') : t('class.cellNotAnswered')}</span>
        </>
      }
    >
      {t('class.cellScore')(percent(props.cell!.fraction!))}
    </Show>
  );
  return (
    <td class={`tw-cell tw-cell-${band()}`}>
      <Show when={props.onOpen && band() !== 'none'} fallback={content()}>
        <button type="button" class="tw-cell-button" onClick={() => props.onOpen!()}>
          {content()}
          <span class="tw-sr-only">: {t('teach.openAnswerOf')(props.student, props.number)}</span>
        </button>
      </Show>
    </td>
  );
}

export function HeatMap(props: {
  students: ReportStudent[];
  questions: ReportQuestion[];
  norm?: GradeNorm | null;
  onOpen?: (student: ReportStudent, question: ReportQuestion) => void;
}): JSX.Element {
  const [sort, setSort] = createSignal<{ key: SortKey; direction: Direction }>({ key: 'name', direction: 'ascending' });
  const max = () => props.questions.reduce((n, q) => n + q.points, 0);
  const rows = createMemo(() => sortStudents(props.students, sort().key, sort().direction, max(), props.norm));
  const cellOf = (student: ReportStudent, questionId: string) => student.cells.find((c) => c.questionId === questionId);
  const ariaSort = (key: SortKey) => (sort().key === key ? sort().direction : 'none');
  const toggle = (key: SortKey) =>
    setSort((s) => ({ key, direction: s.key === key && s.direction === 'ascending' ? 'descending' : key === 'name' ? 'ascending' : s.key === key ? 'ascending' : 'descending' }));
  /** A header that sorts: the button's text is the header's; aria-sort on the header says the order. */
  const Sortable = (p: { key: SortKey; class?: string; children: JSX.Element }) => (
    <th scope="col" class={p.class} aria-sort={ariaSort(p.key)}>
      <button type="button" class="tw-sort" onClick={() => toggle(p.key)}>
        {p.children}
      </button>
    </th>
  );
  return (
    <div class="tw-heat-map">
      <ScrollTable
        captionId="tw-heat-map-caption"
        caption={t('class.heatMap')}
        class="tw-heat-table"
        head={
          <>
            <Sortable key="name">{t('class.student')}</Sortable>
            <Sortable key="state">{t('class.status')}</Sortable>
            <For each={props.questions}>
              {(q, i) => (
                <Sortable key={`q:${q.id}`} class="tw-num">
                  <span aria-hidden="true">{t('class.questionShort')(i() + 1)}</span>
                  <span class="tw-sr-only">{t('class.questionN')(i() + 1)}</span>
                </Sortable>
              )}
            </For>
            <Sortable key="total" class="tw-num tw-sticky-total">
              {t('class.total')}
            </Sortable>
            <Show when={props.norm}>
              <Sortable key="grade" class="tw-num tw-sticky-grade">
                {t('teach.grade')}
              </Sortable>
            </Show>
          </>
        }
      >
        <For each={rows()} fallback={<tr><td colspan={props.questions.length + 3}>{t('class.noStudents')}</td></tr>}>
          {(student) => (
            <tr>
              <th scope="row">{student.displayName}</th>
              <td>
                <span class={`tw-state tw-state-${student.state}`}>{stateLabel(student.state)}</span>
              </td>
              <For each={props.questions}>
                {(q, i) => (
                  <Cell
                    cell={cellOf(student, q.id)}
                    student={student.displayName}
                    number={i() + 1}
                    onOpen={props.onOpen ? () => props.onOpen!(student, q) : undefined}
                  />
                )}
              </For>
              <td class="tw-num tw-sticky-total">
                <Show when={student.score} fallback={<span class="tw-muted">–</span>}>
                  {t('class.skillOf')(totalOf(student).points, max())}
                  <Show when={totalOf(student).pending > 0}>
                    <span class="tw-pending"> {t('teach.pendingShort')(totalOf(student).pending)}</span>
                  </Show>
                </Show>
              </td>
              <Show when={props.norm}>
                <td class="tw-num tw-sticky-grade">
                  <Show when={gradeOf(student, max(), props.norm)} fallback={<span class="tw-muted">–</span>}>
                    {(g) => (
                      <>
                        {num(g())}
                        <Show when={totalOf(student).pending > 0}>
                          <span class="tw-pending"> {t('teach.provisional')}</span>
                        </Show>
                      </>
                    )}
                  </Show>
                </td>
              </Show>
            </tr>
          )}
        </For>
      </ScrollTable>
      <p class="tw-hint">
        {t('class.heatMapHint')} {t('teach.heatMapMore')(max())}
      </p>
      <ol class="tw-question-key">
        <For each={props.questions}>
          {(q, i) => (
            <li>
              <strong>{t('class.questionShort')(i() + 1)}</strong> <span class="tw-muted">({skillName(q.skill)})</span> {pick(q.prompt)}
            </li>
          )}
        </For>
      </ol>
    </div>
  );
}
