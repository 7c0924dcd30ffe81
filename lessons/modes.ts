// Modes decide when grading and feedback are shown; question types only grade. practice:
// feedback at once, retries allowed, the first try counts. test: answers editable until the
// attempt is finished; feedback after finishing, or when the teacher releases it.
import type { Skill } from './format.ts';
import type { Lesson } from './model.ts';

export type Mode = 'practice' | 'test';
export const MODES: readonly Mode[] = ['practice', 'test'];
export type ReleasePolicy = 'on-finish' | 'manual';

export interface AttemptState {
  finished: boolean;
  /** When a test's feedback shows: at finish, or once the teacher releases it. */
  release?: ReleasePolicy;
  /** Whether the teacher has released feedback (manual policy). */
  released?: boolean;
}

/** Whether grades, feedback and the review may be shown for this attempt now. */
export function feedbackVisible(mode: Mode, { finished, release = 'on-finish', released = false }: AttemptState): boolean {
  if (mode === 'practice') return true;
  return finished && (release === 'on-finish' || released);
}

/** Whether the learner may submit (another) answer to a question. */
export function canAnswer(mode: Mode, { finished }: { finished: boolean; triesSoFar: number }): boolean {
  // Practice allows retries (only the first counts); a test allows changes: both until finish.
  return !finished && (mode === 'practice' || mode === 'test');
}

/** The response that counts for a question: practice the first try, test the latest. */
export function countingResponse<R extends { try: number }>(mode: Mode, responses: readonly R[]): R | undefined {
  if (responses.length === 0) return undefined;
  const pick = mode === 'practice' ? (a: R, b: R) => (b.try < a.try ? b : a) : (a: R, b: R) => (b.try > a.try ? b : a);
  return responses.reduce(pick);
}

export interface Score {
  points: number;
  max: number;
}
export interface AttemptScore {
  score: Score;
  skills: Partial<Record<Skill, Score>>;
  /** Open answers awaiting a teacher's score: left out of points and max until scored. */
  pending: string[];
}

/**
 * Score an attempt from the fraction of each question's counting response (by question id):
 * a number once graded, null for an open answer not yet scored, absent when unanswered.
 * Points are question.points * fraction; an unanswered question scores 0 of its points.
 */
export function scoreAttempt(lesson: Pick<Lesson, 'questions'>, fractions: Readonly<Record<string, number | null | undefined>>): AttemptScore {
  const score: Score = { points: 0, max: 0 };
  const skills: Partial<Record<Skill, Score>> = {};
  const pending: string[] = [];
  for (const q of lesson.questions) {
    const fraction = Object.hasOwn(fractions, q.id) ? fractions[q.id] : undefined;
    if (fraction === null) {
      pending.push(q.id);
      continue;
    }
    const points = q.points * Math.min(1, Math.max(0, fraction ?? 0));
    const skill = (skills[q.skill] ??= { points: 0, max: 0 });
    skill.points += points;
    skill.max += q.points;
    score.points += points;
    score.max += q.points;
  }
  return { score: round(score), skills: Object.fromEntries(Object.entries(skills).map(([k, s]) => [k, round(s)])), pending };
}

// Fractions like 1/3 would otherwise show as 0.33333333; two decimals are what a report needs.
function round(s: Score): Score {
  return { points: Math.round(s.points * 100) / 100, max: s.max };
}
