// The privacy duties towards students: export everything stored about one student, delete a
// student with all their work, and the retention job that deletes the work of classes archived
// longer than RETENTION_DAYS.
import { and, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { attempts, classes, grades, learners, liveAnswers, liveParticipants, liveSessions, responses, sessions, type Grade } from '../../db/schema.ts';
import { scoreAttempt, type Score } from '../../lessons/index.ts';
import type { LessonStore } from '../lesson-store.ts';
import { pruneFailures } from './rate-limit.ts';

export interface StudentExport {
  exportedAt: string;
  student: { id: string; displayName: string | null; classId: string | null; className: string; joinedAt: string };
  attempts: {
    id: string;
    lessonSlug: string;
    lessonVersion: string;
    mode: string;
    assignmentId: string | null;
    status: string;
    startedAt: string;
    updatedAt: string;
    finishedAt: string | null;
    /** The attempt's score as lessons/scoring.ts derives it (null when its lesson version is gone). */
    score: Score | null;
    responses: {
      id: string;
      questionId: string;
      try: number;
      answer: unknown;
      fraction: number | null;
      savedAt: string;
      /** The grade that counts: the latest. */
      grade: ExportedGrade | null;
      /** Every grade given, oldest first (grades are appended, never changed). */
      grades: ExportedGrade[];
    }[];
  }[];
  /** Live lessons taken part in, with every answer given (issue 11). */
  live: {
    sessionId: string;
    lessonSlug: string;
    displayName: string;
    joinedAt: string;
    removedAt: string | null;
    answers: { questionId: string; round: number; try: number; answer: unknown; cites: string[]; fraction: number | null; savedAt: string }[];
  }[];
}

interface ExportedGrade {
  points: number;
  levels: unknown;
  comment: string | null;
  gradedAt: string;
}
const exported = (g: Grade): ExportedGrade => ({ points: g.points, levels: g.levels, comment: g.comment, gradedAt: g.gradedAt.toISOString() });

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Everything stored about a student of this class, or null when there is no such student. The
 * resume code's hash is left out: it is a credential, not data about the student. */
export async function exportStudent(db: Db, lessons: LessonStore, classId: string, studentId: string, now: Date): Promise<StudentExport | null> {
  const [row] = await db
    .select({ learner: learners, className: classes.name })
    .from(learners)
    .innerJoin(classes, eq(classes.id, learners.classId))
    .where(and(eq(learners.id, studentId), eq(learners.classId, classId)))
    .limit(1);
  if (!row) return null;
  const own = await db.select().from(attempts).where(eq(attempts.learnerId, studentId)).orderBy(attempts.startedAt);
  const ids = own.map((a) => a.id);
  const answered = ids.length ? await db.select().from(responses).where(inArray(responses.attemptId, ids)).orderBy(responses.createdAt) : [];
  const given = answered.length
    ? await db.select().from(grades).where(inArray(grades.responseId, answered.map((r) => r.id))).orderBy(grades.id)
    : [];
  const gradesOf = new Map<string, Grade[]>();
  for (const g of given) gradesOf.set(g.responseId, [...(gradesOf.get(g.responseId) ?? []), g]);
  const participations = await db
    .select({ participant: liveParticipants, lessonSlug: liveSessions.lessonSlug })
    .from(liveParticipants)
    .innerJoin(liveSessions, eq(liveSessions.id, liveParticipants.sessionId))
    .where(eq(liveParticipants.learnerId, studentId))
    .orderBy(liveParticipants.joinedAt);
  const liveGiven = participations.length
    ? await db.select().from(liveAnswers).where(inArray(liveAnswers.participantId, participations.map((p) => p.participant.id))).orderBy(liveAnswers.createdAt)
    : [];
  const scores = new Map<string, Score | null>();
  for (const a of own) {
    const lesson = await lessons.version(a.lessonVersion);
    const mine = answered.filter((r) => r.attemptId === a.id);
    const steps = mine.flatMap((r) => (gradesOf.get(r.id) ?? []).map((g) => ({ responseId: g.responseId, seq: g.id, points: g.points })));
    scores.set(a.id, lesson ? scoreAttempt(lesson, a.mode, mine, steps).score : null);
  }
  return {
    exportedAt: now.toISOString(),
    student: {
      id: row.learner.id,
      displayName: row.learner.displayName,
      classId: row.learner.classId,
      className: row.className,
      joinedAt: row.learner.createdAt.toISOString(),
    },
    attempts: own.map((a) => ({
      id: a.id,
      lessonSlug: a.lessonSlug,
      lessonVersion: a.lessonVersion,
      mode: a.mode,
      assignmentId: a.assignmentId,
      status: a.status,
      startedAt: a.startedAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
      finishedAt: iso(a.finishedAt),
      score: scores.get(a.id) ?? null,
      responses: answered
        .filter((r) => r.attemptId === a.id)
        .map((r) => {
          const all = (gradesOf.get(r.id) ?? []).map(exported);
          return {
            id: r.id,
            questionId: r.questionId,
            try: r.try,
            answer: r.answer,
            fraction: r.fraction,
            savedAt: r.createdAt.toISOString(),
            grade: all.at(-1) ?? null,
            grades: all,
          };
        }),
    })),
    live: participations.map(({ participant: p, lessonSlug }) => ({
      sessionId: p.sessionId,
      lessonSlug,
      displayName: p.displayName,
      joinedAt: p.joinedAt.toISOString(),
      removedAt: iso(p.removedAt),
      answers: liveGiven
        .filter((a) => a.participantId === p.id)
        .map((a) => ({ questionId: a.questionId, round: a.round, try: a.try, answer: a.answer, cites: a.cites, fraction: a.fraction, savedAt: a.createdAt.toISOString() })),
    })),
  };
}

/** Delete a student of this class with their sessions, attempts, responses, grades and live answers. */
export async function deleteStudent(db: Db, classId: string, studentId: string): Promise<boolean> {
  const [learner] = await db
    .select({ id: learners.id })
    .from(learners)
    .where(and(eq(learners.id, studentId), eq(learners.classId, classId)))
    .limit(1);
  if (!learner) return false;
  // Explicit deletes, children first, in one batch (one transaction, BEGIN to COMMIT without
  // waiting on anything in between): correct even where foreign keys are off. Not an interactive
  // transaction: while it awaited between statements holding the write lock, every other write
  // of this process waited in SQLite's busy handler with the event loop blocked (db/client.ts).
  const attemptIds = db.select({ id: attempts.id }).from(attempts).where(eq(attempts.learnerId, studentId));
  const responseIds = db.select({ id: responses.id }).from(responses).where(inArray(responses.attemptId, attemptIds));
  const participantIds = db.select({ id: liveParticipants.id }).from(liveParticipants).where(eq(liveParticipants.learnerId, studentId));
  await db.batch([
    db.delete(grades).where(inArray(grades.responseId, responseIds)),
    db.delete(responses).where(inArray(responses.attemptId, attemptIds)),
    db.delete(attempts).where(eq(attempts.learnerId, studentId)),
    db.delete(liveAnswers).where(inArray(liveAnswers.participantId, participantIds)),
    db.delete(liveParticipants).where(eq(liveParticipants.learnerId, studentId)),
    db.delete(sessions).where(eq(sessions.learnerId, studentId)),
    db.delete(learners).where(and(eq(learners.id, studentId), eq(learners.classId, classId))),
  ]);
  return true;
}

export const DEFAULT_RETENTION_DAYS = 365;
const DAY = 24 * 60 * 60 * 1000;

/**
 * Delete the attempts (with responses and grades) of classes archived more than `days` ago.
 * The roster stays until the teacher deletes the class or a student. Returns attempts deleted.
 */
export async function deleteExpired(db: Db, { days = DEFAULT_RETENTION_DAYS, now = new Date() }: { days?: number; now?: Date } = {}): Promise<number> {
  const cutoff = new Date(now.getTime() - days * DAY);
  const expiredClasses = db
    .select({ id: classes.id })
    .from(classes)
    .where(and(isNotNull(classes.archivedAt), lt(classes.archivedAt, cutoff)));
  const students = db.select({ id: learners.id }).from(learners).where(inArray(learners.classId, expiredClasses));
  // One batch, as in deleteStudent.
  const attemptIds = db.select({ id: attempts.id }).from(attempts).where(inArray(attempts.learnerId, students));
  const responseIds = db.select({ id: responses.id }).from(responses).where(inArray(responses.attemptId, attemptIds));
  // Live answers go with the rest of the work (participations stay with the roster).
  const participantIds = db.select({ id: liveParticipants.id }).from(liveParticipants).where(inArray(liveParticipants.learnerId, students));
  const [, , , deleted] = await db.batch([
    db.delete(grades).where(inArray(grades.responseId, responseIds)),
    db.delete(responses).where(inArray(responses.attemptId, attemptIds)),
    db.delete(liveAnswers).where(inArray(liveAnswers.participantId, participantIds)),
    db.delete(attempts).where(inArray(attempts.learnerId, students)).returning({ id: attempts.id }),
  ]);
  await pruneFailures(db, now);
  return deleted.length;
}

/**
 * Run deleteExpired now and then daily, for server/main.ts with config.retentionDays. `first`
 * settles after the run at start; `stop` ends the daily runs.
 */
export function startRetentionJob(
  db: Db,
  { days = DEFAULT_RETENTION_DAYS, onError = (e: unknown) => console.error('retention job failed', e) }: { days?: number; onError?: (e: unknown) => void } = {},
): { first: Promise<number | void>; stop: () => void } {
  const run = () => deleteExpired(db, { days }).catch(onError);
  const first = run();
  const timer = setInterval(run, DAY);
  // A daily job must not keep a finished process (tests, a graceful shutdown) alive.
  timer.unref();
  return { first, stop: () => clearInterval(timer) };
}
