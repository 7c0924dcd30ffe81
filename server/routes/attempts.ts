// A learner's attempts: start one (self-study or an assignment), answer its questions, finish it,
// and read it back, and list their own (to find them again on another device). HTTP, reads and
// writes only: the attempt's behaviour (lessons/behaviours/) decides what a learner may see and do,
// lessons/scoring.ts derives every score. Responses and grades are appended steps; nothing here
// updates them.
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Client, InStatement } from '@libsql/client';
import { z } from 'zod';
import { assignments, attempts, responses, type Assignment, type Attempt, type Learner } from '../../db/schema.ts';
import {
  behaviourOf,
  gradeForLearner,
  parseAnswer,
  publicQuestion,
  review,
  scoreAttempt,
  teacherGraded,
  toPublicAnswer,
  type Answer,
  type AttemptState,
  type Behaviour,
  type GradeStep,
  type Graded,
  type Lesson,
  type Question,
  type ResponseStep,
} from '../../lessons/index.ts';
import type { AttemptSummary, AttemptView, FinishResult, ResponseView, ReviewItem, SaveResponseResult } from '../api-types.ts';
import { factory, type AppEnv } from '../env.ts';
import { conflict, forbidden, invalid, notFound, problem, ProblemError, unauthorized, validate } from '../errors.ts';
import { createMiddleware } from 'hono/factory';
import { fastSqlOf } from '../../db/client.ts';
import { requireLearner, type LearnerVariables } from '../guards.ts';
import { currentLearner, writeAsLearner } from '../learners.ts';
import { forgetAnswering, getSessionWithAttempt, LAST_SEEN_RESOLUTION_MS, recallAnswering, rememberAnswering, SESSION_LIMITS, type Answering } from '../session.ts';
import type { Db } from '../../db/client.ts';
import type { LessonStore } from '../lesson-store.ts';
import { insertOf, type WriteQueue } from '../write-queue.ts';
import { newRowId } from '../ids.ts';

// Generic in the env: the handlers' contexts are AppEnv widened by their guards.
type Ctx<E extends AppEnv> = Context<E>;

const startBody = z
  .object({
    lessonSlug: z.string().min(1).max(100),
    mode: z.enum(['practice', 'test']).optional(),
    assignmentId: z.string().min(1).max(100).optional(),
  })
  .strict();
export const answerBody = z.object({ answer: z.unknown().refine((v) => v !== undefined, 'an answer is required') }).strict();
const positionBody = z.object({ questionId: z.string().min(1).max(100) }).strict();
/** Printable ASCII, as clients generate them (a UUID is typical). */
const idempotencyKey = z.string().regex(/^[\x21-\x7e]{1,128}$/, 'at most 128 printable ASCII characters, no spaces');

/** A stored response, a step of the attempt. */
interface StoredResponse extends ResponseStep {
  answer: Answer;
  createdAt: Date;
}
/** A teacher's grade of a response: the latest only (the scorer would pick it from all). */
interface StoredGrade extends GradeStep {
  comment: string | null;
  /** The rubric level per criterion id, when the teacher graded by criterion. */
  levels: Record<string, number> | null;
}
interface Steps {
  responses: StoredResponse[];
  grades: StoredGrade[];
}

// ---------- reading an attempt ----------

async function ownAttempt<E extends AppEnv>(c: Ctx<E>, learner: Learner, id: string): Promise<Attempt> {
  const [attempt] = await c.get('db')
    .select()
    .from(attempts)
    .where(and(eq(attempts.id, id), eq(attempts.learnerId, learner.id)))
    .limit(1);
  // Someone else's attempt answers exactly like a missing one: ids are not secrets, but the
  // existence of another learner's attempt is none of this learner's business.
  if (!attempt) throw notFound('There is no such attempt.');
  return attempt;
}

/**
 * Guard for /attempts/:id/...: a learner's session (else 401) and this learner's attempt :id
 * (else 404), with its assignment, read in one statement with the session.
 */
type OwnAttemptVariables = LearnerVariables & { attempt: Attempt; assignment: Assignment | null };
const requireOwnAttempt = createMiddleware<AppEnv & { Variables: OwnAttemptVariables }>(async (c, next) => {
  await ownAttemptAfresh(c);
  await next();
});

/** requireOwnAttempt's checks and variables, from a fresh read of the session and attempt. */
async function ownAttemptAfresh(c: Ctx<AppEnv & { Variables: OwnAttemptVariables }>): Promise<void> {
  const { session, attempt, assignment } = await getSessionWithAttempt(c, c.req.param('id') ?? '');
  if (!session?.learner) throw unauthorized('Start or resume a lesson first.');
  c.set('learner', session.learner);
  c.set('session', session);
  // Someone else's attempt answers exactly like a missing one.
  if (!attempt) throw notFound('There is no such attempt.');
  c.set('attempt', attempt);
  c.set('assignment', assignment);
}

/**
 * The answer route's guard: requireOwnAttempt, or, when this worker remembers this session
 * answering in this attempt (server/session.ts, recallAnswering), the remembered session and
 * attempt without a read. The route's write then checks what may have changed (saveAnswer).
 */
type AnsweringVariables = OwnAttemptVariables & { remembered?: Answering | null };
const answeringAttempt = createMiddleware<AppEnv & { Variables: AnsweringVariables }>(async (c, next) => {
  const remembered = recallAnswering(c, c.req.param('id') ?? '');
  c.set('remembered', remembered);
  if (!remembered) return requireOwnAttempt(c, next);
  c.set('learner', remembered.session.learner!);
  c.set('session', remembered.session);
  c.set('attempt', remembered.attempt);
  c.set('assignment', remembered.assignment);
  await next();
  // The body was refused (415, 400, 422) before the route tried its write: a fresh read decides
  // first, as on the fresh path, so a device whose session has ended gets 401 (and someone
  // else's attempt 404) whatever its body. When the read allows the request, the refusal stands.
  if (c.get('remembered') && c.error instanceof ProblemError && c.error.status < 500) await readAfresh(c, remembered);
});

/** What this worker remembered did not do: forget it, and read the session and attempt afresh. */
async function readAfresh(c: Ctx<AppEnv & { Variables: AnsweringVariables }>, remembered: Answering): Promise<void> {
  forgetAnswering(c, remembered.session.id, remembered.attempt.id);
  c.set('remembered', null);
  await ownAttemptAfresh(c);
}

const pinnedLesson = <E extends AppEnv>(c: Ctx<E>, attempt: Pick<Attempt, 'lessonVersion'>): Promise<Lesson> => c.get('lessons').pinned(attempt.lessonVersion);

async function assignmentOf<E extends AppEnv>(c: Ctx<E>, attempt: Pick<Attempt, 'assignmentId'>): Promise<Assignment | null> {
  if (!attempt.assignmentId) return null;
  const [row] = await c.get('db').select().from(assignments).where(eq(assignments.id, attempt.assignmentId)).limit(1);
  return row ?? null;
}

// Each response with its latest grade (grades are appended; the highest id is the latest).
const RESPONSES_SQL = `SELECT r.id, r.question_id AS questionId, r.try, r.answer, r.fraction, r.created_at AS createdAt,
  g.id AS gradeSeq, g.points AS gradePoints, g.comment AS gradeComment, g.levels AS gradeLevels
  FROM responses r LEFT JOIN grades g ON g.id = (SELECT max(id) FROM grades WHERE response_id = r.id)
  WHERE r.attempt_id = ? ORDER BY r.question_id, r.try`;

async function storedSteps<E extends AppEnv>(c: Ctx<E>, attemptId: string): Promise<Steps> {
  const rows = await fastSqlOf(c.get('client')).all(RESPONSES_SQL, [attemptId]);
  const steps: Steps = { responses: [], grades: [] };
  for (const r of rows) {
    const id = r.id as string;
    steps.responses.push({
      id,
      questionId: r.questionId as string,
      try: Number(r.try),
      answer: JSON.parse(r.answer as string) as Answer,
      fraction: r.fraction === null ? null : Number(r.fraction),
      createdAt: new Date(Number(r.createdAt)),
    });
    if (r.gradeSeq !== null) {
      steps.grades.push({
        responseId: id,
        seq: Number(r.gradeSeq),
        points: Number(r.gradePoints),
        comment: (r.gradeComment as string | null) ?? null,
        levels: r.gradeLevels ? (JSON.parse(r.gradeLevels as string) as Record<string, number>) : null,
      });
    }
  }
  return steps;
}

/** What the behaviour needs to know of an attempt: finished, closed, and its assignment's release. */
export function attemptState(
  attempt: Pick<Attempt, 'status'>,
  assignment: Pick<Assignment, 'feedbackRelease' | 'feedbackReleasedAt' | 'dueAt'> & { closedAt?: Date | null } | null,
  now?: Date,
): AttemptState {
  return {
    finished: attempt.status === 'finished',
    // Past its due date, or closed by the teacher.
    closed: !!(now && ((assignment?.dueAt && now > assignment.dueAt) || assignment?.closedAt)),
    // Self-study tests show their feedback at finish; an assignment follows its teacher's choice.
    release: assignment?.feedbackRelease ?? 'on-finish',
    released: assignment?.feedbackReleasedAt != null,
  };
}

/** Whether this attempt's grades, feedback and review may be shown now: its behaviour decides. */
export function mayShowFeedback(attempt: Pick<Attempt, 'mode' | 'status'>, assignment: Pick<Assignment, 'feedbackRelease' | 'feedbackReleasedAt' | 'dueAt'> | null): boolean {
  return behaviourOf(attempt.mode).reviewVisible(attemptState(attempt, assignment));
}

/** A response's grade as the learner sees it: the type's feedback, the scorer's fraction. */
function gradedAs(q: Question, seed: string, r: StoredResponse, fraction: number | null): Graded {
  return { ...gradeForLearner(q, seed, r.answer), fraction };
}

/** The levels a teacher gave an open answer, criterion by criterion, with what each level means. */
function rubricLevels(q: Question, given: Record<string, number>): NonNullable<ReviewItem['levels']> {
  if (q.type !== 'open') return [];
  return q.rubric.flatMap((c) => {
    const level = given[c.id];
    const meaning = c.levels.find((l) => l.points === level);
    if (level === undefined || !meaning) return [];
    return [{ criterion: c.criterion, level, max: Math.max(...c.levels.map((l) => l.points)), description: meaning.description }];
  });
}

function finishResult(attempt: Attempt, lesson: Lesson, steps: Steps, showFeedback: boolean): FinishResult {
  if (!showFeedback) {
    // A held-back test says only that it is finished: even a total score, compared between
    // students, would let them work out the key before the teacher releases it.
    return { status: 'finished', feedbackReleased: false } as FinishResult;
  }
  const { score, skills, pending, questions } = scoreAttempt(lesson, attempt.mode, steps.responses, steps.grades);
  // Without an assignment no teacher will grade an open answer: it stays out of the score.
  const selfStudy = attempt.assignmentId === null;
  const unscored: string[] = [];
  const reviewItems: ReviewItem[] = questions.map((s) => {
    const q = s.question;
    const r = review(q, attempt.seed);
    const g: Graded = s.counting ? gradedAs(q, attempt.seed, s.counting, s.fraction) : { fraction: 0, feedback: [], anchors: [] };
    const state = selfStudy && teacherGraded(q) ? 'unscored' : s.state;
    if (state === 'unscored') unscored.push(q.id);
    return {
      questionId: q.id,
      points: s.points,
      max: s.max,
      explanation: r.explanation,
      key: r.key,
      ...(r.modelAnswer ? { modelAnswer: r.modelAnswer } : {}),
      ...(r.accepted ? { accepted: r.accepted } : {}),
      fraction: g.fraction,
      feedback: g.feedback,
      anchors: [...new Set([...g.anchors, ...r.anchors])],
      ...(g.wrong ? { wrong: g.wrong } : {}),
      answer: s.counting ? toPublicAnswer(q, attempt.seed, s.counting.answer) : null,
      state,
      ...(s.others.length
        ? { laterTries: s.others.map((t) => ({ try: t.try, answer: toPublicAnswer(q, attempt.seed, t.answer), fraction: t.fraction })) }
        : {}),
      ...(s.grade ? { teacherComment: s.grade.comment } : {}),
      ...(s.grade?.levels ? { levels: rubricLevels(q, s.grade.levels) } : {}),
    };
  });
  return {
    status: 'finished',
    score,
    skills,
    review: reviewItems,
    feedbackReleased: true,
    ...(pending.length ? { pending } : {}),
    ...(unscored.length ? { unscored } : {}),
  };
}

function attemptView(attempt: Attempt, lesson: Lesson, steps: Steps, assignment: Assignment | null): AttemptView {
  const behaviour = behaviourOf(attempt.mode);
  const state = attemptState(attempt, assignment);
  const showFeedback = behaviour.reviewVisible(state);
  const scored = new Map(scoreAttempt(lesson, behaviour, steps.responses, steps.grades).questions.map((s) => [s.question.id, s]));
  // The runner resumes with the latest try of each question.
  const latest = new Map<string, StoredResponse>();
  for (const r of steps.responses) if ((latest.get(r.questionId)?.try ?? 0) < r.try) latest.set(r.questionId, r);
  const responseViews: ResponseView[] = lesson.questions.flatMap((q) => {
    const r = latest.get(q.id);
    if (!r) return [];
    const view: ResponseView = {
      questionId: r.questionId,
      answer: toPublicAnswer(q, attempt.seed, r.answer),
      try: r.try,
      savedAt: r.createdAt.toISOString(),
    };
    if (!showFeedback) return [view];
    const s = scored.get(q.id)!;
    const grade = s.counting?.id === r.id ? s.grade : null;
    const shown = behaviour.shown(q, gradedAs(q, attempt.seed, r, s.counting?.id === r.id ? s.fraction : r.fraction), r.try, attempt.seed, state);
    return [{
      ...view,
      ...shown,
      ...(teacherGraded(q) ? { teacherPoints: grade?.points ?? null, teacherComment: grade?.comment ?? null } : {}),
    }];
  });
  return {
    id: attempt.id,
    lessonSlug: attempt.lessonSlug,
    lessonVersion: attempt.lessonVersion,
    mode: attempt.mode,
    status: attempt.status,
    assignmentId: attempt.assignmentId,
    questions: lesson.questions.map((q) => publicQuestion(q, attempt.seed)),
    responses: responseViews,
    startedAt: attempt.startedAt.toISOString(),
    finishedAt: attempt.finishedAt?.toISOString() ?? null,
    ...(attempt.status === 'finished' && showFeedback ? { result: finishResult(attempt, lesson, steps, true) } : {}),
  };
}

async function viewOf<E extends AppEnv>(c: Ctx<E>, attempt: Attempt, known?: Assignment | null): Promise<AttemptView> {
  const [lesson, steps, assignment] = await Promise.all([pinnedLesson(c, attempt), storedSteps(c, attempt.id), known !== undefined ? known : assignmentOf(c, attempt)]);
  return attemptView(attempt, lesson, steps, assignment);
}

// ---------- starting an attempt ----------

async function startForAssignment<E extends AppEnv>(c: Ctx<E>, body: z.infer<typeof startBody>): Promise<{ attempt: Attempt; created: boolean }> {
  const db = c.get('db'), now = c.get('now');
  const learner = await currentLearner(c);
  if (!learner) throw unauthorized('Join your class (or resume with your code) to start this assignment.');
  const [assignment] = await db.select().from(assignments).where(eq(assignments.id, body.assignmentId!)).limit(1);
  if (!assignment) throw notFound('There is no such assignment.');
  if (learner.kind !== 'student' || learner.classId !== assignment.classId) {
    throw forbidden('This assignment is for another class.', 'not-in-class');
  }
  if (body.lessonSlug !== assignment.lessonSlug) {
    throw invalid('The lesson is not the one this assignment is about.', [{ path: 'lessonSlug', message: `expected '${assignment.lessonSlug}'` }]);
  }
  const existing = await existingAttempt(c, learner.id, assignment.id);
  if (existing) return { attempt: existing, created: false };

  const at = now();
  if (assignment.opensAt && at < assignment.opensAt) {
    throw forbidden(`This assignment opens at ${assignment.opensAt.toISOString()}.`, 'not-open-yet');
  }
  if (assignment.dueAt && at > assignment.dueAt) {
    throw conflict(`This assignment was due at ${assignment.dueAt.toISOString()}.`, 'past-due');
  }
  if (assignment.closedAt) throw conflict('Your teacher has closed this assignment.', 'assignment-closed');
  const id = newRowId();
  // The NOT EXISTS makes two simultaneous starts (a double click, two tabs) yield one attempt.
  await c.get('client').execute({
    sql: `INSERT INTO attempts (id, learner_id, lesson_slug, lesson_version, mode, assignment_id, seed, status, started_at, updated_at)
          SELECT ?, ?, ?, ?, ?, ?, ?, 'in-progress', ?, ?
          WHERE NOT EXISTS (SELECT 1 FROM attempts WHERE learner_id = ? AND assignment_id = ?)`,
    args: [id, learner.id, assignment.lessonSlug, assignment.lessonVersion, assignment.mode, assignment.id, newSeed(), at.getTime(), at.getTime(), learner.id, assignment.id],
  });
  const attempt = await existingAttempt(c, learner.id, assignment.id);
  if (!attempt) throw new Error('attempt insert vanished');
  return { attempt, created: attempt.id === id };
}

async function existingAttempt<E extends AppEnv>(c: Ctx<E>, learnerId: string, assignmentId: string): Promise<Attempt | undefined> {
  const [row] = await c.get('db')
    .select()
    .from(attempts)
    .where(and(eq(attempts.learnerId, learnerId), eq(attempts.assignmentId, assignmentId)))
    .orderBy(asc(attempts.startedAt))
    .limit(1);
  return row;
}

/**
 * A student whose class has this lesson in a mode that holds its key back until the review (a
 * test) takes it only through the assignment: a practice or self-study run of the same lesson
 * would show them its key before the test.
 */
async function refuseAssignedTest<E extends AppEnv>(c: Ctx<E>, lessonSlug: string): Promise<void> {
  const learner = await currentLearner(c);
  if (!learner?.classId) return;
  const assigned = await c.get('db')
    .select({ mode: assignments.mode })
    .from(assignments)
    .where(and(eq(assignments.classId, learner.classId), eq(assignments.lessonSlug, lessonSlug)));
  if (assigned.some((a: { mode: Attempt['mode'] }) => behaviourOf(a.mode).holdsKey)) {
    throw forbidden('This lesson is a test for your class: open it from your assignments.', 'assigned-as-test');
  }
}

/** Enough for any learner's history in the catalog; older attempts stay reachable by their link. */
const MY_ATTEMPTS_LIMIT = 100;

/** 128 random bits: shuffles and option tokens cannot be predicted or shared between attempts. */
const newSeed = () => randomBytes(16).toString('base64url');

// ---------- answering ----------

function saveResult(behaviour: Behaviour, state: AttemptState, seed: string, q: Question, graded: Graded, tryNumber: number): SaveResponseResult {
  // What the learner sees now, the behaviour decides: practice grades at once, a test says nothing.
  return { saved: true, questionId: q.id, try: tryNumber, ...behaviour.shown(q, graded, tryNumber, seed, state) };
}

function closedProblem(attempt: Attempt, assignment: Assignment | null) {
  if (attempt.status !== 'finished' && assignment?.closedAt) {
    return conflict('Your teacher has closed this assignment: answers can no longer change.', 'assignment-closed');
  }
  if (attempt.status !== 'finished' && assignment?.dueAt) {
    return conflict(`This assignment was due at ${assignment.dueAt.toISOString()}: answers can no longer change.`, 'past-due');
  }
  return conflict('This attempt is finished: answers can no longer change.', 'attempt-finished');
}

async function responseByKey(db: Db, attemptId: string, key: string) {
  const [row] = await db
    .select()
    .from(responses)
    .where(and(eq(responses.attemptId, attemptId), eq(responses.idempotencyKey, key)))
    .limit(1);
  return row;
}

/** A retry of a request that was stored: answer as the first time did, store nothing. */
async function replayed(db: Db, attempt: Attempt, q: Question, key: string | null, behaviour: Behaviour, state: AttemptState): Promise<SaveResponseResult | null> {
  if (key === null) return null;
  const stored = await responseByKey(db, attempt.id, key);
  if (!stored) return null;
  if (stored.questionId !== q.id) {
    throw problem(422, 'This Idempotency-Key was already used for another question.', {
      type: 'idempotency-key-reused',
      errors: [{ path: 'Idempotency-Key', message: 'use a new key for each answer' }],
    });
  }
  return saveResult(behaviour, state, attempt.seed, q, gradeForLearner(q, attempt.seed, stored.answer as Answer), stored.try);
}

/**
 * An answer's one write. It computes the try number and inserts only while the answer may be
 * saved, checked inside the write transaction, so a concurrent try, finish, sign-out or closing
 * cannot race it: the attempt is in progress; the session is the attempt's learner's, not ended
 * and within both timeouts (sessionAlive); its assignment, if any, is neither closed nor past due
 * (attemptState). A stored Idempotency-Key makes it insert nothing. The attempt row is not
 * touched: where a learner is and when they were last active, the teacher's live view reads from
 * the responses (server/reports/live.ts), so an answer writes one row and its indexes, not two.
 */
const SAVE_ANSWER_SQL = `INSERT INTO responses (id, attempt_id, question_id, try, answer, fraction, idempotency_key, created_at)
  SELECT ?, ?, ?, coalesce((SELECT max(try) FROM responses WHERE attempt_id = ? AND question_id = ?), 0) + 1, ?, ?, ?, ?
  WHERE EXISTS (SELECT 1 FROM attempts a JOIN sessions s ON s.id = ? AND s.learner_id = a.learner_id
    LEFT JOIN assignments g ON g.id = a.assignment_id
    WHERE a.id = ? AND a.status = 'in-progress' AND s.expires_at > ? AND s.last_seen_at > ?
      AND g.closed_at IS NULL AND (g.due_at IS NULL OR g.due_at >= ?))
  ON CONFLICT DO NOTHING
  RETURNING try`;

/** What saving an answer needs of the app: its context's variables (the front passes the same). */
export interface AnswerDeps {
  db: Db;
  client: Client;
  lessons: LessonStore;
  writes: WriteQueue;
  now: () => Date;
}
const answerDepsOf = <E extends AppEnv>(c: Ctx<E>): AnswerDeps => ({
  db: c.get('db'),
  client: c.get('client'),
  lessons: c.get('lessons'),
  writes: c.get('writes'),
  now: c.get('now'),
});

/**
 * Saves an answer (the body's `answerGiven`, to question `questionId`, with the request's
 * Idempotency-Key header `rawKey`) in the attempt of `read`, or says why not. With `remembered`
 * (`read` is what this worker remembered: recallAnswering, or the front's recall), it only tries:
 * anything but a saved answer returns null, and the caller reads afresh and calls again without.
 * The answer route and server/front.ts both save through it.
 */
export async function saveAnswer(
  deps: AnswerDeps,
  read: Answering,
  questionId: string,
  rawKey: string | undefined,
  answerGiven: unknown,
  remembered: boolean,
): Promise<SaveResponseResult | null> {
  const { session, attempt, assignment } = read;
  const lesson = await deps.lessons.pinned(attempt.lessonVersion);
  const q = lesson.questions.find((x) => x.id === questionId);
  if (!q) {
    if (remembered) return null;
    throw notFound(`This attempt has no question '${questionId}'.`);
  }
  let key: string | null = null;
  if (rawKey !== undefined) {
    const parsed = idempotencyKey.safeParse(rawKey);
    if (!parsed.success) {
      if (remembered) return null;
      throw problem(400, 'The Idempotency-Key header is not valid.', { type: 'bad-request', errors: [{ path: 'Idempotency-Key', message: parsed.error.issues[0].message }] });
    }
    key = parsed.data;
  }
  const behaviour = behaviourOf(attempt.mode);
  const now = deps.now();
  const state = attemptState(attempt, assignment, now);
  // The key is looked up only when the answer is not stored now: a retry after finishing (or of
  // a stored request) answers as the first time did.
  if (!behaviour.mayAnswer(state)) {
    if (remembered) return null;
    const again = await replayed(deps.db, attempt, q, key, behaviour, state);
    if (again) return again;
    throw closedProblem(attempt, assignment);
  }
  const parsed = parseAnswer(q, attempt.seed, answerGiven);
  if (!parsed.ok) {
    if (remembered) return null;
    const again = await replayed(deps.db, attempt, q, key, behaviour, state);
    if (again) return again;
    throw invalid('The answer does not fit this question.', parsed.errors.map((e) => ({ path: e.path ? `answer.${e.path}` : 'answer', message: e.message })));
  }
  const answer = parsed.answer;
  // Graded once: the fraction is stored, and the same grade is what the learner is shown.
  const graded = gradeForLearner(q, attempt.seed, answer);
  const at = now.getTime();
  const statements: InStatement[] = [
    {
      sql: SAVE_ANSWER_SQL,
      args: [newRowId(), attempt.id, q.id, attempt.id, q.id, JSON.stringify(answer), graded.fraction, key, at, session.id, attempt.id, at, at - SESSION_LIMITS.learner.idleMs, at],
    },
  ];
  // Unread, the session's last_seen_at is kept as a read keeps it: written in the answer's
  // transaction once it is a minute old (after the insert has checked the session's timeouts).
  const seen = remembered && at - session.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS;
  if (seen) statements.push({ sql: 'UPDATE sessions SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?', args: [at, session.id, at] });
  const [inserted] = await deps.writes.run(statements, attempt.id);
  const row = inserted.rows[0];
  if (row) {
    rememberAnswering(deps.client, { session: seen ? { ...session, lastSeenAt: now } : session, attempt, assignment });
    return saveResult(behaviour, state, attempt.seed, q, graded, Number(row.try));
  }
  if (remembered) return null;
  // Nothing inserted: the same key was stored before (a retry), or the attempt was just finished
  // (or its session ended, or its assignment closed, since this request read them).
  const again = await replayed(deps.db, attempt, q, key, behaviour, state);
  if (again) return again;
  throw conflict('This attempt is finished: answers can no longer change.', 'attempt-finished');
}

/** The answer route's save: the request's question, key and answer, in the attempt its guard read. */
const saveAnswerOf = (c: Context<AppEnv & { Variables: AnsweringVariables }, string, AnswerInput>, remembered: boolean) =>
  saveAnswer(
    answerDepsOf(c),
    { session: c.get('session'), attempt: c.get('attempt'), assignment: c.get('assignment') },
    c.req.param('questionId') ?? '',
    c.req.header('Idempotency-Key'),
    c.req.valid('json').answer,
    remembered,
  );
type AnswerInput = { in: { json: z.input<typeof answerBody> }; out: { json: z.output<typeof answerBody> } };

// ---------- the routes ----------

export const attemptRoutes = factory.createApp()
  .post('/', validate('json', startBody), async (c) => {
    const body = c.req.valid('json');
    if (body.assignmentId) {
      const { attempt, created } = await startForAssignment(c, body);
      const view = await viewOf(c, attempt);
      return created ? c.json(view, 201) : c.json(view, 200);
    }
    const lesson = c.get('lessons').current(body.lessonSlug);
    if (!lesson) throw invalid(`There is no lesson '${body.lessonSlug}'.`, [{ path: 'lessonSlug', message: 'unknown lesson' }]);
    await refuseAssignedTest(c, lesson.slug);
    const at = c.get('now')();
    let attempt!: Attempt;
    // Through the write queue, with the learner and session of a first visit in the same
    // transaction: a class starting at once shares commits instead of one fsync per row.
    await writeAsLearner(c, (learnerId) => {
      attempt = {
        id: newRowId(),
        learnerId,
        lessonSlug: lesson.slug,
        lessonVersion: lesson.version,
        mode: body.mode ?? 'practice',
        assignmentId: null,
        seed: newSeed(),
        status: 'in-progress',
        currentQuestionId: null,
        startedAt: at,
        updatedAt: at,
        finishedAt: null,
      };
      return [insertOf(c.get('db'), attempts, attempt)];
    });
    return c.json(attemptView(attempt, lesson, { responses: [], grades: [] }, null), 201);
  })
  .get('/', requireLearner, async (c) => {
    // Never anyone else's; no scores here.
    const rows = await c.var.db
      .select({
        id: attempts.id,
        lessonSlug: attempts.lessonSlug,
        mode: attempts.mode,
        status: attempts.status,
        assignmentId: attempts.assignmentId,
        startedAt: attempts.startedAt,
        finishedAt: attempts.finishedAt,
        // how far along: questions with a saved answer (the catalog's "5/13")
        answered: sql<number>`(SELECT count(DISTINCT r.question_id) FROM responses r WHERE r.attempt_id = "attempts"."id")`,
      })
      .from(attempts)
      .where(eq(attempts.learnerId, c.var.learner.id))
      .orderBy(desc(attempts.startedAt))
      .limit(MY_ATTEMPTS_LIMIT);
    const list: AttemptSummary[] = rows.map((r) => ({
      ...r,
      answered: Number(r.answered),
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
    }));
    return c.json({ attempts: list }, 200);
  })
  .get('/:id', requireOwnAttempt, async (c) => {
    return c.json(await viewOf(c, c.get('attempt'), c.get('assignment')), 200);
  })
  .put('/:id/responses/:questionId', answeringAttempt, validate('json', answerBody), async (c) => {
    const remembered = c.get('remembered');
    if (remembered) {
      const saved = await saveAnswerOf(c, true);
      if (saved) return c.json(saved, 200);
      // Not saved with what this worker remembered: whatever the reason, read afresh and decide.
      await readAfresh(c, remembered);
    }
    return c.json((await saveAnswerOf(c, false))!, 200);
  })
  .post('/:id/position', requireOwnAttempt, validate('json', positionBody), async (c) => {
    const attempt = c.get('attempt');
    const lesson = await pinnedLesson(c, attempt);
    const { questionId } = c.req.valid('json');
    if (!lesson.questions.some((q) => q.id === questionId)) {
      throw invalid('This attempt has no such question.', [{ path: 'questionId', message: 'unknown question' }]);
    }
    if (attempt.status === 'in-progress') {
      await c.get('db')
        .update(attempts)
        .set({ currentQuestionId: questionId, updatedAt: c.get('now')() })
        .where(and(eq(attempts.id, attempt.id), eq(attempts.status, 'in-progress')));
    }
    return c.body(null, 204);
  })
  .post('/:id/finish', requireOwnAttempt, async (c) => {
    let attempt = c.get('attempt');
    if (attempt.status === 'in-progress') {
      const at = c.get('now')();
      // This attempt's answers in the write queue commit first: a learner who answers and
      // finishes quickly must not lose the last answer to the ordering of two requests.
      await c.get('writes').drain(attempt.id);
      // No more answers: this worker forgets it (any other worker's remembered write is refused).
      forgetAnswering(c, c.get('session').id, attempt.id);
      await c.get('db')
        .update(attempts)
        .set({ status: 'finished', finishedAt: at, updatedAt: at })
        .where(and(eq(attempts.id, attempt.id), eq(attempts.status, 'in-progress')));
      attempt = await ownAttempt(c, c.get('learner'), attempt.id);
    }
    const [lesson, steps, assignment] = await Promise.all([pinnedLesson(c, attempt), storedSteps(c, attempt.id), assignmentOf(c, attempt)]);
    return c.json(finishResult(attempt, lesson, steps, mayShowFeedback(attempt, assignment)), 200);
  });

