// Scores derived from stored responses (DESIGN.md rule 6) for reports and students' lists: the
// counting response per question (practice: first try, test: latest), with a teacher's grade of
// an open answer taking the place of its missing automatic fraction.
import { countingResponse, scoreAttempt, type AttemptScore, type Lesson, type Mode, type Question } from '../../lessons/index.ts';

export interface StoredResponse {
  id: string;
  attemptId: string;
  questionId: string;
  try: number;
  fraction: number | null;
  /** The teacher's points for an open answer, in the question's points; null until graded. */
  gradePoints: number | null;
  gradeComment?: string | null;
}

/** The fraction a response counts for: the teacher's grade when there is one. */
export function fractionOf(q: Pick<Question, 'points'>, r: Pick<StoredResponse, 'fraction' | 'gradePoints'>): number | null {
  if (r.gradePoints !== null && r.gradePoints !== undefined) return Math.min(1, Math.max(0, r.gradePoints / q.points));
  return r.fraction;
}

/** The counting response of each question of one attempt, by question id. */
export function countingByQuestion<R extends StoredResponse>(mode: Mode, rows: readonly R[]): Map<string, R> {
  const byQuestion = new Map<string, R[]>();
  for (const r of rows) {
    const list = byQuestion.get(r.questionId);
    if (list) list.push(r);
    else byQuestion.set(r.questionId, [r]);
  }
  const out = new Map<string, R>();
  for (const [id, list] of byQuestion) out.set(id, countingResponse(mode, list)!);
  return out;
}

/** Score one attempt from its counting responses. */
export function scoreFromResponses(lesson: Pick<Lesson, 'questions'>, counting: ReadonlyMap<string, StoredResponse>): AttemptScore {
  const fractions: Record<string, number | null> = {};
  for (const q of lesson.questions) {
    const r = counting.get(q.id);
    if (r) fractions[q.id] = fractionOf(q, r);
  }
  return scoreAttempt(lesson, fractions);
}
