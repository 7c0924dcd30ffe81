// The dialog a report cell opens: that student's answer to that question, its score, the feedback
// grading gave (the same the student sees once the mode allows it) and the teacher's comment.
// A native modal <dialog>: focus moves in, Escape closes it, focus returns to the cell.
import { createResource, For, onMount, Show, type JSX } from 'solid-js';
import { api } from '../../lib/api.ts';
import { misconceptionName, num, percent, pick, t } from '../../i18n/class.ts';
import '../../i18n/teach.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Loading } from '../ui/loading.tsx';

export interface AnswerDialogTarget {
  studentId: string;
  displayName: string;
  questionId: string;
  number: number;
}

export function AnswerDialog(props: { assignmentId: string; target: AnswerDialogTarget; onClose: () => void }): JSX.Element {
  const [answers, { refetch }] = createResource(
    () => [props.assignmentId, props.target.studentId] as const,
    ([assignmentId, studentId]) => api.studentAnswers(assignmentId, studentId),
  );
  const item = () => answers()?.questions.find((q) => q.questionId === props.target.questionId);
  let dialog!: HTMLDialogElement;
  onMount(() => {
    // jsdom (component tests) has no showModal; a browser always does
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  });
  return (
    <dialog ref={dialog} class="tw-dialog" aria-labelledby="tw-answer-h" onClose={() => props.onClose()}>
      <h2 id="tw-answer-h">{t('teach.answerOf')(props.target.displayName, props.target.number)}</h2>
      <Show when={!answers.error} fallback={<ErrorMessage error={answers.error} retry={refetch} />}>
        <Show when={item()} fallback={<Loading />}>
          {(q) => (
            <>
              <p class="tw-prompt">{pick(q().prompt)}</p>
              <Show when={q().answered} fallback={<p>{t('class.cellNotAnswered')}</p>}>
                <h3>{t('teach.theAnswer')}</h3>
                <p class="tw-answer-text">{pick(q().answer!)}</p>
                <p>
                  <strong>
                    {q().fraction === null
                      ? t('class.cellToGrade')
                      : t('teach.scored')(num(q().points), num(q().max), percent(q().fraction!))}
                  </strong>
                </p>
                <Show when={q().feedback.length > 0}>
                  <h3>{t('teach.feedback')}</h3>
                  <ul>
                    <For each={q().feedback}>
                      {(f) => (
                        <li>
                          {pick(f.text)}
                          <Show when={f.misconception}>
                            {' '}
                            <span class="tw-muted">({t('class.misconception')}: {misconceptionName(f.misconception!)})</span>
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
                <Show when={q().teacherComment}>
                  <h3>{t('teach.yourComment')}</h3>
                  <p>{q().teacherComment}</p>
                </Show>
              </Show>
            </>
          )}
        </Show>
      </Show>
      <form method="dialog">
        <button type="submit" class="tw-button tw-primary" autofocus>
          {t('teach.closeDialog')}
        </button>
      </form>
    </dialog>
  );
}
