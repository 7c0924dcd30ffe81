// Grading one open answer: the student's text, a level 0-3 per rubric criterion (each level with its
// description and example answer beside the radio button) and a comment; the points follow from the
// levels. A plain points field remains as a clearly labelled alternative for answers the rubric misses.
import { createMemo, createSignal, createUniqueId, For, Show, type JSX } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useAction, useSubmission } from '@solidjs/router';
import type { OpenAnswerToGrade } from '../../lib/api.ts';
import type { ReportQuestion as ReportQuestionWithRubric, RubricCriterion } from '../../lib/api.ts';
import { gradeResponse } from '../../lib/queries.ts';
import { num, pick, t } from '../../i18n/class.ts';
import { problemText } from '../ui/error-message.tsx';
import { round2 } from '../../../../lessons/numbers.ts';

/** The points a set of levels gives, as the server computes them: the share of 3 per criterion, times the question's points. */
export function pointsFromLevels(rubric: RubricCriterion[], levels: Record<string, number | undefined>, max: number): number | null {
  if (!rubric.length || rubric.some((c) => levels[c.id] === undefined)) return null;
  const total = rubric.reduce((sum, c) => sum + levels[c.id]!, 0);
  return round2((total / (3 * rubric.length)) * max);
}

/** The model answer, shown beside the levels so the teacher compares as they mark. */
function ModelAnswer(props: { question: ReportQuestionWithRubric }): JSX.Element {
  return (
    <Show when={props.question.modelAnswer}>
      <h4>{t('class.modelAnswer')}</h4>
      <p class="tw-model-answer">{pick(props.question.modelAnswer!)}</p>
    </Show>
  );
}

/** One rubric criterion's levels as radio buttons, each with its description and example answer. */
function CriterionLevels(props: {
  criterion: RubricCriterion;
  name: string;
  chosen: number | undefined;
  describedBy: string | undefined;
  onChoose: (points: number) => void;
}): JSX.Element {
  return (
    <fieldset class="tw-levels" aria-describedby={props.describedBy}>
      <legend>{t('class.levelsLegend')(pick(props.criterion.criterion))}</legend>
      <For each={props.criterion.levels}>
        {(level) => (
          <label class="tw-level" classList={{ 'tw-level-chosen': props.chosen === level.points }}>
            <input type="radio" name={props.name} value={level.points} checked={props.chosen === level.points} onChange={() => props.onChoose(level.points)} />
            <span class="tw-level-text">
              <strong>{t('class.levelN')(level.points)}</strong> {pick(level.description)}
            </span>
            <span class="tw-level-example">
              <span class="tw-sr-only">{t('class.example')}: </span>
              <q>{pick(level.example)}</q>
            </span>
          </label>
        )}
      </For>
    </fieldset>
  );
}

export function GradingForm(props: {
  item: OpenAnswerToGrade;
  question: ReportQuestionWithRubric;
  onSaved?: (points: number, comment: string) => void;
}): JSX.Element {
  const id = createUniqueId();
  const max = () => props.question.points;
  const rubric = () => props.question.rubric ?? [];
  // A grade given by criterion reopens with its levels chosen; one given as points, with its points.
  const [levels, setLevels] = createStore<Record<string, number | undefined>>({ ...(props.item.levels ?? {}) });
  const [points, setPoints] = createSignal(props.item.points === null || props.item.levels ? '' : num(props.item.points));
  const [comment, setComment] = createSignal(props.item.comment ?? '');
  const grade = useAction(gradeResponse);
  // several answers are graded on one page: this form's submission is the one for its response
  const submission = useSubmission(gradeResponse, ([responseId]) => responseId === props.item.responseId);
  const [invalid, setInvalid] = createSignal<string | null>(null);
  const [errorAt, setErrorAt] = createSignal<'points' | 'levels' | null>(null);
  const [status, setStatus] = createSignal<string | null>(null);
  const error = () => invalid() ?? (submission.error ? problemText(submission.error) : null);
  const busy = () => !!submission.pending;
  const fromLevels = createMemo(() => pointsFromLevels(rubric(), levels, max()));
  let pointsInput!: HTMLInputElement;
  let details!: HTMLDetailsElement;
  let form!: HTMLFormElement;

  function chooseLevel(criterion: string, level: number) {
    setLevels(criterion, level);
    // Levels and plain points exclude each other: the last one the teacher touched counts.
    setPoints('');
    setInvalid(null);
  }

  function fail(message: string, at: 'points' | 'levels') {
    setInvalid(message);
    setErrorAt(at);
    if (at === 'points') {
      details.open = true;
      pointsInput.focus();
    } else {
      const missing = rubric().find((c) => levels[c.id] === undefined);
      form.querySelector<HTMLInputElement>(`input[name="${id}-${missing?.id}"]`)?.focus();
    }
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setStatus(null);
    let score: { points: number } | { levels: Record<string, number> };
    if (points().trim() !== '' || rubric().length === 0) {
      const value = Number(points().replace(',', '.'));
      if (points().trim() === '' || !Number.isFinite(value) || value < 0 || value > max()) return fail(t('class.pointsRange')(max()), 'points');
      score = { points: value };
    } else {
      const missing = rubric().filter((c) => levels[c.id] === undefined).length;
      if (missing) return fail(t('class.levelsIncomplete')(missing), 'levels');
      score = { levels: Object.fromEntries(rubric().map((c) => [c.id, levels[c.id]!])) };
    }
    setInvalid(null);
    setErrorAt(null);
    // the action reads the report again, so the heat map, totals and skills follow
    const saved = await grade(props.item.responseId, score, comment().trim() || undefined).catch(() => null);
    if (submission.error) return;
    const value = typeof saved?.points === 'number' ? saved.points : 'points' in score ? score.points : fromLevels()!;
    setStatus(t('class.gradeSaved')(value, max()));
    props.onSaved?.(value, comment().trim());
  }

  return (
    <article class="tw-grading" aria-labelledby={`${id}-h`}>
      <form ref={form} class="tw-grading-grid" onSubmit={submit} novalidate>
        <div class="tw-grading-answer">
          <h4 id={`${id}-h`}>{t('class.answerOf')(props.item.displayName)}</h4>
          <blockquote class="tw-answer-text">{props.item.text}</blockquote>
          <Show when={rubric().length > 0}>
            <p class="tw-levels-result" aria-live="polite" aria-atomic="true">
              {fromLevels() === null ? t('class.levelsOrPoints') : t('class.levelsResult')(fromLevels()!, max())}
            </p>
          </Show>
          <div class="tw-field">
            <label for={`${id}-comment`}>{t('class.comment')}</label>
            <textarea id={`${id}-comment`} name="comment" rows="3" value={comment()} onInput={(e) => setComment(e.currentTarget.value)} />
          </div>
          <details ref={details} class="tw-points-alt" open={rubric().length === 0 || points() !== ''}>
            <summary>{rubric().length ? t('class.pointsAlternative')(max()) : t('class.points')(max())}</summary>
            <div class="tw-field">
              <label for={`${id}-points`}>{t('class.points')(max())}</label>
              <input
                ref={pointsInput}
                id={`${id}-points`}
                name="points"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                value={points()}
                onInput={(e) => {
                  setPoints(e.currentTarget.value);
                  if (e.currentTarget.value.trim() !== '') setLevels(Object.fromEntries(rubric().map((c) => [c.id, undefined])));
                }}
                aria-invalid={errorAt() === 'points' ? 'true' : undefined}
                aria-describedby={`${id}-points-hint${errorAt() === 'points' ? ` ${id}-error` : ''}`}
              />
              <p id={`${id}-points-hint`} class="tw-hint">
                {rubric().length ? t('class.pointsAlternativeHint') : ''}
              </p>
            </div>
          </details>
          <Show when={error()}>
            <p id={`${id}-error`} class="tw-error" role="alert">
              {error()}
            </p>
          </Show>
          <div class="tw-actions">
            <button type="submit" class="tw-button tw-primary" disabled={busy()}>
              {busy() ? t('class.busy') : t('class.saveGrade')}
            </button>
            <span role="status" class="tw-ok">
              {status()}
            </span>
          </div>
        </div>
        <div class="tw-grading-rubric">
          <h4>{t('class.rubric')}</h4>
          <For each={rubric()}>
            {(criterion) => (
              <CriterionLevels
                criterion={criterion}
                name={`${id}-${criterion.id}`}
                chosen={levels[criterion.id]}
                describedBy={errorAt() === 'levels' && levels[criterion.id] === undefined ? `${id}-error` : undefined}
                onChoose={(points) => chooseLevel(criterion.id, points)}
              />
            )}
          </For>
          <ModelAnswer question={props.question} />
        </div>
      </form>
    </article>
  );
}
