// Grading one open answer: the student's text and a points-and-comment form on one side, the
// question's analytic rubric with its example answers beside it, so the teacher compares as they mark.
import { createSignal, createUniqueId, For, Show, type JSX } from 'solid-js';
import type { OpenAnswerToGrade } from '../../../server/api-types.ts';
import { teacherApi, type ReportQuestionWithRubric } from './api.ts';
import { pick, tt } from './i18n.ts';
import { problemText } from './ui.tsx';

export function Rubric(props: { question: ReportQuestionWithRubric }): JSX.Element {
  return (
    <div class="tw-rubric">
      <Show when={props.question.rubric?.length}>
        <For each={props.question.rubric}>
          {(criterion) => (
            <table class="tw-table tw-rubric-table">
              <caption>
                {tt('criterion')}: {pick(criterion.criterion)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{tt('pointsHeader')}</th>
                  <th scope="col">{tt('levelDescription')}</th>
                  <th scope="col">{tt('example')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={criterion.levels}>
                  {(level) => (
                    <tr>
                      <th scope="row" class="tw-num">
                        {level.points}
                      </th>
                      <td>{pick(level.description)}</td>
                      <td>
                        <q>{pick(level.example)}</q>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          )}
        </For>
      </Show>
      <Show when={props.question.modelAnswer}>
        <h4>{tt('modelAnswer')}</h4>
        <p class="tw-model-answer">{pick(props.question.modelAnswer!)}</p>
      </Show>
    </div>
  );
}

export function GradingForm(props: {
  item: OpenAnswerToGrade;
  question: ReportQuestionWithRubric;
  onSaved?: (points: number, comment: string) => void;
}): JSX.Element {
  const id = createUniqueId();
  const max = () => props.question.points;
  const [points, setPoints] = createSignal(props.item.points === null ? '' : String(props.item.points));
  const [comment, setComment] = createSignal(props.item.comment ?? '');
  const [error, setError] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let pointsInput!: HTMLInputElement;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setStatus(null);
    const value = Number(points().replace(',', '.'));
    if (points().trim() === '' || !Number.isFinite(value) || value < 0 || value > max()) {
      setError(tt('pointsRange')(max()));
      pointsInput.focus();
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await teacherApi.grade(props.item.responseId, value, comment().trim() || undefined);
      setStatus(tt('gradeSaved')(value, max()));
      props.onSaved?.(value, comment().trim());
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <article class="tw-grading" aria-labelledby={`${id}-h`}>
      <div class="tw-grading-answer">
        <h4 id={`${id}-h`}>{tt('answerOf')(props.item.displayName)}</h4>
        <blockquote class="tw-answer-text">{props.item.text}</blockquote>
        <form onSubmit={submit} novalidate>
          <div class="tw-field">
            <label for={`${id}-points`}>{tt('points')(max())}</label>
            <input
              ref={pointsInput}
              id={`${id}-points`}
              name="points"
              type="number"
              inputmode="decimal"
              min="0"
              max={max()}
              step="0.5"
              value={points()}
              onInput={(e) => setPoints(e.currentTarget.value)}
              aria-invalid={error() ? 'true' : undefined}
              aria-describedby={error() ? `${id}-error` : undefined}
            />
          </div>
          <div class="tw-field">
            <label for={`${id}-comment`}>{tt('comment')}</label>
            <textarea id={`${id}-comment`} name="comment" rows="3" value={comment()} onInput={(e) => setComment(e.currentTarget.value)} />
          </div>
          <Show when={error()}>
            <p id={`${id}-error`} class="tw-error" role="alert">
              {error()}
            </p>
          </Show>
          <div class="tw-actions">
            <button type="submit" class="tw-button tw-primary" disabled={busy()}>
              {busy() ? tt('busy') : tt('saveGrade')}
            </button>
            <span role="status" class="tw-ok">
              {status()}
            </span>
          </div>
        </form>
      </div>
      <div class="tw-grading-rubric">
        <h4>{tt('rubric')}</h4>
        <Rubric question={props.question} />
      </div>
    </article>
  );
}
