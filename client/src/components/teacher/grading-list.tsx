// The open answers of a report to grade, each with its question and the grading form; saving a
// grade reads the report again, so the heat map, totals and skills follow.
import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import type { AssignmentReport } from '../../lib/api.ts';
import { pick, t } from '../../i18n/class.ts';
import type { ReportQuestion as ReportQuestionWithRubric } from '../../lib/api.ts';
import { GradingForm } from './grading-form.tsx';
import { useAction } from '@solidjs/router';
import { setDiscussion } from '../../lib/queries.ts';
import '../../i18n/teach.ts';
import { problemText } from '../ui/error-message.tsx';
import { ErrorText } from '../ui/error-text.tsx';

/** Picks an open answer to discuss on the projector, where it shows without the student's name. */
function DiscussPick(props: { report: AssignmentReport; responseId: string; name: string }): JSX.Element {
  const save = useAction(setDiscussion);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const picked = () => props.report.assignment.discussion.includes(props.responseId);
  const id = () => `tw-discuss-${props.responseId}`;
  function toggle(on: boolean) {
    const rest = props.report.assignment.discussion.filter((r) => r !== props.responseId);
    setBusy(true);
    setError(null);
    void save(props.report.assignment.id, on ? [...rest, props.responseId] : rest)
      .catch((e: unknown) => setError(problemText(e)))
      .finally(() => setBusy(false));
  }
  return (
    <div class="tw-discuss-pick">
      <label class="tw-check" for={id()}>
        <input id={id()} type="checkbox" checked={picked()} disabled={busy()} onChange={(e) => toggle(e.currentTarget.checked)} />{' '}
        {t('teach.discussPick')}
        <span class="tw-sr-only">: {props.name}</span>
      </label>
      <ErrorText error={error()} inline />
    </div>
  );
}

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
                  <DiscussPick report={props.report} responseId={responseId} name={item().displayName} />
                </div>
              </Show>
            );
          }}
        </For>
      </Show>
    </section>
  );
}
