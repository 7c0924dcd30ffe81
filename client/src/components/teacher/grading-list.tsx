// The open answers of a report to grade, each with its question and the grading form; saving a
// grade reads the report again, so the heat map, totals and skills follow.
import { createMemo, For, Show, type JSX } from 'solid-js';
import type { AssignmentReport } from '../../lib/api.ts';
import { pick, t } from '../../i18n/class.ts';
import type { ReportQuestion as ReportQuestionWithRubric } from '../../lib/api.ts';
import { GradingForm } from './grading-form.tsx';

export function GradingList(props: { report: AssignmentReport }): JSX.Element {
  const questionsById = createMemo(() => new Map(props.report.questions.map((q) => [q.id, q as ReportQuestionWithRubric])));
  const graded = () => props.report.toGrade.filter((g) => g.points !== null).length;
  return (
    <section class="tw-section" aria-labelledby="tw-grade">
      <h2 id="tw-grade">{t('class.toGradeTitle')}</h2>
      <Show when={props.report.toGrade.length > 0} fallback={<p>{t('class.toGradeEmpty')}</p>}>
        <p>{t('class.toGradeCount')(props.report.toGrade.length, graded())}</p>
        {/* Keyed by response id (strings), so a form keeps its "saved" message when the report is read again. */}
        <For each={props.report.toGrade.map((g) => g.responseId)}>
          {(responseId) => {
            const item = () => props.report.toGrade.find((g) => g.responseId === responseId)!;
            const question = () => questionsById().get(item().questionId);
            const number = () => props.report.questions.findIndex((q) => q.id === item().questionId) + 1;
            return (
              <Show when={question()}>
                <div class="tw-grade-item">
                  <p class="tw-hint">
                    {t('class.questionN')(number())}: {pick(question()!.prompt)}
                  </p>
                  {/* Saving a grade reads the report again (lib/queries.ts), so the heat map, totals and skills update. */}
                  <GradingForm item={item()} question={question()!} />
                </div>
              </Show>
            );
          }}
        </For>
      </Show>
    </section>
  );
}
