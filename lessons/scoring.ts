// The one scoring function (DESIGN.md rule 6: scores are derived, never stored). Every reader of a
// score calls it: finishing, the attempt and its results page, the student's assignment list, the
// teacher's report and CSV, the live view and the student-data export.
//
// An attempt is a sequence of steps: responses (each with the automatic grade its type gave at
// submission, null when the type has none) and teachers' grades (appended; per response the
// latest counts). The behaviour picks the counting response of each question. A teacher's grade
// takes the place of the automatic grade an answer lacks: only open answers lack one, and only
// they may be graded (the grades route refuses the others), so a grade never overrides an
// automatic grade, not even a grade row that somehow names another answer.
import { behaviourOf, type Behaviour, type Mode } from './behaviours/index.ts';
import { SKILLS, type Skill } from './format.ts';
import type { Lesson, Question } from './model.ts';
import { clampFraction, round2 } from './numbers.ts';

export interface ResponseStep {
  id: string;
  questionId: string;
  try: number;
  /** The automatic grade at submission, 0..1; null when the type has none (open). */
  fraction: number | null;
}
export interface GradeStep {
  responseId: string;
  /** The grading order: of a response's grades, the highest counts. */
  seq: number;
  /** In the question's points. */
  points: number;
}

export interface Score {
  points: number;
  max: number;
}

export type QuestionState = 'scored' | 'pending' | 'unanswered';
export interface QuestionScore<R extends ResponseStep, G extends GradeStep> {
  question: Question;
  /** The response that counts, as the behaviour says; null when unanswered. */
  counting: R | null;
  /** Other tries the review may list after it, labelled as not counted. */
  others: R[];
  /** The counting response's grade, when a teacher gave one. */
  grade: G | null;
  /** 0..1 once scored; 0 when unanswered; null while waiting for a teacher's grade. */
  fraction: number | null;
  state: QuestionState;
  /** question.points x fraction, two decimals; 0 while pending. */
  points: number;
  max: number;
}

export interface AttemptScore<R extends ResponseStep = ResponseStep, G extends GradeStep = GradeStep> {
  score: Score;
  /** Per skill, in the order of SKILLS. */
  skills: Partial<Record<Skill, Score>>;
  /** Answers waiting for a teacher's grade: left out of points and max until graded. */
  pending: string[];
  questions: QuestionScore<R, G>[];
}

/** The latest grade of each response. */
export function latestGrades<G extends GradeStep>(grades: readonly G[]): Map<string, G> {
  const latest = new Map<string, G>();
  for (const g of grades) {
    const seen = latest.get(g.responseId);
    if (!seen || g.seq > seen.seq) latest.set(g.responseId, g);
  }
  return latest;
}

/** The fraction a response counts for: its automatic grade, else its teacher's, else null. */
export function responseFraction(q: Pick<Question, 'points'>, r: Pick<ResponseStep, 'fraction'>, grade: Pick<GradeStep, 'points'> | null | undefined): number | null {
  if (r.fraction !== null) return clampFraction(r.fraction);
  return grade ? clampFraction(grade.points / q.points) : null;
}

/** Score an attempt from its steps. Responses and grades of other attempts must not be passed. */
export function scoreAttempt<R extends ResponseStep, G extends GradeStep>(
  lesson: Pick<Lesson, 'questions'>,
  behaviour: Behaviour | Mode,
  responses: readonly R[],
  grades: readonly G[] = [],
): AttemptScore<R, G> {
  const b = typeof behaviour === 'string' ? behaviourOf(behaviour) : behaviour;
  const triesOf = new Map<string, R[]>();
  for (const r of responses) {
    const list = triesOf.get(r.questionId);
    if (list) list.push(r);
    else triesOf.set(r.questionId, [r]);
  }
  const gradeOf = latestGrades(grades);
  const score: Score = { points: 0, max: 0 };
  const bySkill = new Map<Skill, Score>();
  const pending: string[] = [];
  const questions = lesson.questions.map((q): QuestionScore<R, G> => {
    const tries = triesOf.get(q.id) ?? [];
    const counting = b.counting(tries) ?? null;
    const grade = (counting && gradeOf.get(counting.id)) ?? null;
    const fraction = counting ? responseFraction(q, counting, grade) : 0;
    const state: QuestionState = !counting ? 'unanswered' : fraction === null ? 'pending' : 'scored';
    const others = counting ? b.alsoShown(tries, counting) : [];
    if (fraction === null) {
      pending.push(q.id);
      return { question: q, counting, others, grade, fraction, state, points: 0, max: q.points };
    }
    const points = q.points * fraction;
    const skill = bySkill.get(q.skill) ?? { points: 0, max: 0 };
    bySkill.set(q.skill, { points: skill.points + points, max: skill.max + q.points });
    score.points += points;
    score.max += q.points;
    return { question: q, counting, others, grade, fraction, state, points: round2(points), max: q.points };
  });
  const skills: Partial<Record<Skill, Score>> = {};
  for (const s of SKILLS) {
    const total = bySkill.get(s);
    if (total) skills[s] = { points: round2(total.points), max: total.max };
  }
  return { score: { points: round2(score.points), max: score.max }, skills, pending, questions };
}

/** Sum scores (a class's skill bars), two decimals. */
export function addScore(into: Score | undefined, s: Score): Score {
  return { points: round2((into?.points ?? 0) + s.points), max: (into?.max ?? 0) + s.max };
}
