// The teacher's live view of an assignment: where each student is. Read from the database only
// (no state in this process), so it works with any number of app instances on one database.
import { and, asc, count, countDistinct, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { attempts, grades, learners, responses, sessions, type Assignment, type Attempt } from '../../db/schema.ts';
import { scoreAttempt, type GradeStep, type Lesson, type ResponseStep, type Score } from '../../lessons/index.ts';
import type { LiveMark, LiveSnapshot, LiveStudent } from '../api-types.ts';
import { sessionAlive } from '../session.ts';

/**
 * Whether the teacher's session that opened a live stream is still valid: the row still exists
 * (no logout, no password change, no removal) and neither timeout has passed. Read from the
 * database by the session's id, so a logout on another app instance ends the stream too. It only
 * reads: the stream itself does not refresh last_seen_at (a reconnect does, through the guard).
 */
export async function teacherSessionAlive(db: Db, sessionId: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ teacherId: sessions.teacherId, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(eq(sessions.id, sessionId))
    .limit(1);
  return row?.teacherId ? sessionAlive(row, now.getTime()) : false;
}

/** Cheap to compute every second: changes whenever an attempt is started, moved or finished, an
 * answer is saved (answers are dated in their own rows, not on the attempt), or a student joins
 * or leaves the class. */
export async function liveFingerprint(db: Db, assignment: Pick<Assignment, 'id' | 'classId'>): Promise<string> {
  const [[a], [s]] = await Promise.all([
    db
      .select({
        latest: max(attempts.updatedAt),
        n: count(),
        answers: sql<string>`(SELECT count(*) || '-' || coalesce(max(r.created_at), 0) FROM ${responses} r JOIN ${attempts} a ON a.id = r.attempt_id WHERE a.assignment_id = ${assignment.id})`,
      })
      .from(attempts)
      .where(eq(attempts.assignmentId, assignment.id)),
    db.select({ n: count() }).from(learners).where(eq(learners.classId, assignment.classId)),
  ]);
  return `${a?.latest?.getTime() ?? 0}|${a?.n ?? 0}|${a?.answers ?? 0}|${s?.n ?? 0}`;
}

/** The band of a counting answer's fraction, for the live view's dot; pending: an open answer to grade. */
export function liveMark(fraction: number | null, answered: boolean): LiveMark {
  if (!answered) return null;
  if (fraction === null) return 'pending';
  return fraction >= 1 ? 'right' : fraction > 0 ? 'partial' : 'wrong';
}

/** Every attempt scored as every other reader scores it (lessons/scoring.ts): the score of a
 * finished one, and per question a mark for the live view's dots. */
async function scoredAttempts(db: Db, lesson: Pick<Lesson, 'questions'>, list: Attempt[]): Promise<Map<string, { score: Score; marks: LiveMark[] }>> {
  const scored = new Map<string, { score: Score; marks: LiveMark[] }>();
  if (list.length === 0) return scored;
  const rows = await db
    .select({ id: responses.id, attemptId: responses.attemptId, questionId: responses.questionId, try: responses.try, fraction: responses.fraction, gradeSeq: grades.id, gradePoints: grades.points })
    .from(responses)
    .leftJoin(grades, eq(grades.responseId, responses.id))
    .where(inArray(responses.attemptId, list.map((a) => a.id)));
  const rowsOf = new Map<string, typeof rows>();
  for (const r of rows) rowsOf.set(r.attemptId, [...(rowsOf.get(r.attemptId) ?? []), r]);
  for (const a of list) {
    const mine = rowsOf.get(a.id) ?? [];
    const steps = new Map<string, ResponseStep>(mine.map((r) => [r.id, r]));
    const given: GradeStep[] = mine.flatMap((r) => (r.gradeSeq === null ? [] : [{ responseId: r.id, seq: r.gradeSeq, points: r.gradePoints! }]));
    const result = scoreAttempt(lesson, a.mode, [...steps.values()], given);
    scored.set(a.id, { score: result.score, marks: result.questions.map((q) => liveMark(q.fraction, q.counting !== null)) });
  }
  return scored;
}

export async function liveSnapshot(db: Db, assignment: Pick<Assignment, 'id' | 'classId'>, lesson: Pick<Lesson, 'questions'>, now: Date): Promise<LiveSnapshot> {
  const [students, list, answered] = await Promise.all([
    db
      .select({ id: learners.id, displayName: learners.displayName })
      .from(learners)
      .where(and(eq(learners.classId, assignment.classId), eq(learners.kind, 'student')))
      .orderBy(asc(learners.displayNameKey)),
    db.select().from(attempts).where(eq(attempts.assignmentId, assignment.id)).orderBy(asc(attempts.startedAt)),
    db
      .select({
        attemptId: responses.attemptId,
        n: countDistinct(responses.questionId),
        lastAt: max(responses.createdAt),
        // The question of the latest answer (ids are time-ordered, for answers in one millisecond).
        lastQuestionId: sql<string>`(SELECT l.question_id FROM ${responses} l WHERE l.attempt_id = ${responses.attemptId} ORDER BY l.created_at DESC, l.id DESC LIMIT 1)`,
      })
      .from(responses)
      .innerJoin(attempts, eq(attempts.id, responses.attemptId))
      .where(eq(attempts.assignmentId, assignment.id))
      .groupBy(responses.attemptId),
  ]);
  const attemptOf = new Map<string, Attempt>();
  for (const a of list) attemptOf.set(a.learnerId, a);
  const scoreOf = await scoredAttempts(db, lesson, [...attemptOf.values()]);
  const answeredOf = new Map(answered.map((r) => [r.attemptId, r]));
  const position = new Map(lesson.questions.map((q, i) => [q.id, i + 1]));
  const total = lesson.questions.length;
  return {
    assignmentId: assignment.id,
    at: now.toISOString(),
    students: students.map((s): LiveStudent => {
      const a = attemptOf.get(s.id);
      const last = a ? answeredOf.get(a.id) : undefined;
      const done = last?.n ?? 0;
      // The later of the attempt's own change (start, a move, finish) and its latest answer (an answer
      // in the same millisecond as the start comes after it).
      const answeredLater = !!a && !!last?.lastAt && last.lastAt.getTime() >= a.updatedAt.getTime();
      const currentQuestionId = answeredLater ? last!.lastQuestionId : a?.currentQuestionId;
      return {
        id: s.id,
        displayName: s.displayName ?? '',
        state: !a ? 'not-started' : a.status === 'finished' ? 'finished' : 'in-progress',
        // The question last answered or moved to; else the next unanswered question.
        questionNumber: !a ? null : ((currentQuestionId ? position.get(currentQuestionId) : undefined) ?? Math.min(done + 1, total)),
        answered: done,
        total,
        updatedAt: a ? (answeredLater ? last!.lastAt! : a.updatedAt).toISOString() : null,
        score: a && a.status === 'finished' ? (scoreOf.get(a.id)?.score ?? null) : null,
        marks: a ? (scoreOf.get(a.id)?.marks ?? lesson.questions.map(() => null)) : lesson.questions.map(() => null),
      };
    }),
  };
}
