// The students x questions heat map of a report: a real table with row and column headers;
// every cell says its score in text, its colour only repeats that (never colour alone).
import { For, Show, type JSX } from 'solid-js';
import type { CellState, ReportCell, ReportQuestion, ReportStudent } from '../../lib/api.ts';
import { percent, pick, skillName, t } from '../../i18n/class.ts';

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

function Cell(props: { cell: ReportCell | undefined }): JSX.Element {
  const band = () => cellBand(props.cell);
  return (
    <td class={`tw-cell tw-cell-${band()}`}>
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
    </td>
  );
}

export function HeatMap(props: { students: ReportStudent[]; questions: ReportQuestion[] }): JSX.Element {
  const cellOf = (student: ReportStudent, questionId: string) => student.cells.find((c) => c.questionId === questionId);
  return (
    <div class="tw-heat-map">
      <div class="tw-scroll" role="region" aria-labelledby="tw-heat-map-caption" tabindex="0">
        <table class="tw-table tw-heat-table">
          <caption id="tw-heat-map-caption">{t('class.heatMap')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('class.student')}</th>
              <th scope="col">{t('class.status')}</th>
              <For each={props.questions}>
                {(_, i) => (
                  <th scope="col" class="tw-num">
                    <span aria-hidden="true">{t('class.questionShort')(i() + 1)}</span>
                    <span class="tw-sr-only">{t('class.questionN')(i() + 1)}</span>
                  </th>
                )}
              </For>
              <th scope="col" class="tw-num">
                {t('class.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.students} fallback={<tr><td colspan={props.questions.length + 3}>{t('class.noStudents')}</td></tr>}>
              {(student) => (
                <tr>
                  <th scope="row">{student.displayName}</th>
                  <td>
                    <span class={`tw-state tw-state-${student.state}`}>{stateLabel(student.state)}</span>
                  </td>
                  <For each={props.questions}>{(q) => <Cell cell={cellOf(student, q.id)} />}</For>
                  <td class="tw-num">
                    {student.score ? t('class.skillOf')(student.score.points, student.score.max) : <span class="tw-muted">–</span>}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <p class="tw-hint">{t('class.heatMapHint')}</p>
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
