// A learner's attempts: start one (self-study or an assignment), answer its questions, finish it,
// read it back, and list their own (to find them again on another device). The mode decides what a learner may see: grades, feedback and keys leave the
// server only when lessons/modes.ts says so. Responses are appended; scores are derived from them.
import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { z } from 'zod';
import { assignments, attempts, grades, responses, type Assignment, type Attempt, type Learner } from '../../db/schema.ts';
import {
  countingResponse,
  feedbackVisible,
  grade,
  parseAnswer,
  publicQuestion,
  review,
  scoreAttempt,
  toPublicAnswer,
  type Answer,
  type Graded,
  type Lesson,
  type Question,
} from '../../lessons/index.ts';
import type { AttemptSummary, AttemptView, FinishResult, ResponseView, ReviewItem, SaveResponseResult } from '../api-types.ts';
import { factory, type AppEnv } from '../env.ts';
import { conflict, forbidden, invalid, notFound, problem, unauthorized, validate } from '../errors.ts';
import { createMiddleware } from 'hono/factory';
import { fastSqlOf } from '../../db/client.ts';
import { requireLearner, type LearnerVariables } from '../guards.ts';
import { currentLearner, writeAsLearner } from '../learners.ts';
import { getSessionWithAttempt } from '../session.ts';
import { statementOf } from '../write-queue.ts';

// Generic in the env: the handlers' contexts are AppEnv widened by their guards.
type Ctx<E extends AppEnv> = Context<E>;

const startBody = z
  .object({
    lessonSlug: z.string().min(1).max(100),
    mode: z.enum(['practice', 'test']).optional(),
    assignmentId: z.string().min(1).max(100).optional(),
  })
  .strict();
const answerBody = z.object({ answer: z.unknown().refine((v) => v !== undefined, 'an answer is required') }).strict();
const positionBody = z.object({ questionId: z.string().min(1).max(100) }).strict();
/** Printable ASCII, as clients generate them (a UUID is typical). */
const idempotencyKey = z.string().regex(/^[\x21-\x7e]{1,128}$/, 'at most 128 printable ASCII characters, no spaces');

/** A stored response with its teacher's grade, when the question is open and graded. */
interface StoredResponse {
  id: string;
  questionId: string;
  try: number;
  answer: Answer;
  fraction: number | null;
  createdAt: Date;
  teacherPoints: number | null;
  teacherComment: string | null;
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
  const { session, attempt, assignment } = await getSessionWithAttempt(c, c.req.param('id') ?? '');
  if (!session?.learner) throw unauthorized('Start or resume a lesson first.');
  c.set('learner', session.learner);
  c.set('session', session);
  // Someone else's attempt answers exactly like a missing one.
  if (!attempt) throw notFound('There is no such attempt.');
  c.set('attempt', attempt);
  c.set('assignment', assignment);
  await next();
});

async function pinnedLesson<E extends AppEnv>(c: Ctx<E>, attempt: Pick<Attempt, 'lessonVersion'>): Promise<Lesson> {
  const lesson = await c.get('lessons').version(attempt.lessonVersion);
  if (!lesson) throw new Error(`lesson version ${attempt.lessonVersion} is not stored`);
  return lesson;
}

async function assignmentOf<E extends AppEnv>(c: Ctx<E>, attempt: Pick<Attempt, 'assignmentId'>): Promise<Assignment | null> {
  if (!attempt.assignmentId) return null;
  const [row] = await c.get('db').select().from(assignments).where(eq(assignments.id, attempt.assignmentId)).limit(1);
  return row ?? null;
}

const RESPONSES_SQL = `SELECT r.id, r.question_id AS questionId, r.try, r.answer, r.fraction, r.created_at AS createdAt,
  g.points AS teacherPoints, g.comment AS teacherComment
  FROM responses r LEFT JOIN grades g ON g.response_id = r.id
  WHERE r.attempt_id = ? ORDER BY r.question_id, r.try`;

async function storedResponses<E extends AppEnv>(c: Ctx<E>, attemptId: string): Promise<StoredResponse[]> {
  const rows = await fastSqlOf(c.get('client')).all(RESPONSES_SQL, [attemptId]);
  return rows.map((r) => ({
    id: r.id as string,
    questionId: r.questionId as string,
    try: Number(r.try),
    answer: JSON.parse(r.answer as string) as Answer,
    fraction: r.fraction === null ? null : Number(r.fraction),
    createdAt: new Date(Number(r.createdAt)),
    teacherPoints: r.teacherPoints === null ? null : Number(r.teacherPoints),
    teacherComment: (r.teacherComment as string | null) ?? null,
  }));
}

/** Whether this attempt's grades, feedback and review may be shown now. */
export function mayShowFeedback(attempt: Pick<Attempt, 'mode' | 'status'>, assignment: Pick<Assignment, 'feedbackRelease' | 'feedbackReleasedAt'> | null): boolean {
  return feedbackVisible(attempt.mode, {
    finished: attempt.status === 'finished',
    // Self-study tests show their feedback at finish; an assignment follows its teacher's choice.
    release: assignment?.feedbackRelease ?? 'on-finish',
    released: assignment?.feedbackReleasedAt != null,
  });
}

/** The fraction a response counts for: an open answer's comes from its teacher's points. */
function countedFraction(q: Question, r: StoredResponse): number | null {
  if (q.type === 'open') return r.teacherPoints === null ? null : clamp(r.teacherPoints / q.points);
  return r.fraction;
}
const clamp = (x: number) => Math.min(1, Math.max(0, x));

function byQuestion(list: StoredResponse[]): Map<string, StoredResponse[]> {
  const map = new Map<string, StoredResponse[]>();
  for (const r of list) map.set(r.questionId, [...(map.get(r.questionId) ?? []), r]);
  return map;
}

/** Score and per-skill scores of an attempt from its counting responses (practice: first try; test: latest). */
export function attemptScore(lesson: Lesson, mode: Attempt['mode'], list: StoredResponse[]) {
  const grouped = byQuestion(list);
  const fractions: Record<string, number | null> = {};
  for (const q of lesson.questions) {
    const counting = countingResponse(mode, grouped.get(q.id) ?? []);
    if (counting) fractions[q.id] = countedFraction(q, counting);
  }
  return scoreAttempt(lesson, fractions);
}

function gradedFor(q: Question, r: StoredResponse): Graded {
  const g = grade(q, r.answer);
  return { ...g, fraction: countedFraction(q, r) };
}

function finishResult(attempt: Attempt, lesson: Lesson, list: StoredResponse[], showFeedback: boolean): FinishResult {
  if (!showFeedback) {
    // A held-back test says only that it is finished: even a total score, compared between
    // students, would let them work out the key before the teacher releases it.
    return { status: 'finished', feedbackReleased: false } as FinishResult;
  }
  const { score, skills, pending } = attemptScore(lesson, attempt.mode, list);
  const grouped = byQuestion(list);
  const reviewItems: ReviewItem[] = lesson.questions.map((q) => {
    const r = review(q, attempt.seed);
    const counting = countingResponse(attempt.mode, grouped.get(q.id) ?? []);
    const g: Graded = counting ? gradedFor(q, counting) : { fraction: 0, feedback: [], anchors: [] };
    return {
      questionId: q.id,
      points: g.fraction === null ? 0 : Math.round(q.points * g.fraction * 100) / 100,
      max: q.points,
      explanation: r.explanation,
      key: r.key,
      ...(r.modelAnswer ? { modelAnswer: r.modelAnswer } : {}),
      ...(r.accepted ? { accepted: r.accepted } : {}),
      fraction: g.fraction,
      feedback: g.feedback,
      anchors: [...new Set([...g.anchors, ...r.anchors])],
    };
  });
  return { status: 'finished', score, skills, review: reviewItems, feedbackReleased: true, ...(pending.length ? { pending } : {}) };
}

function attemptView(attempt: Attempt, lesson: Lesson, list: StoredResponse[], assignment: Assignment | null): AttemptView {
  const showFeedback = mayShowFeedback(attempt, assignment);
  const questions = new Map(lesson.questions.map((q) => [q.id, q]));
  const latest = [...byQuestion(list).values()].map((tries) => tries[tries.length - 1]);
  const responseViews: ResponseView[] = latest.flatMap((r) => {
    const q = questions.get(r.questionId);
    if (!q) return [];
    const view: ResponseView = {
      questionId: r.questionId,
      answer: toPublicAnswer(q, attempt.seed, r.answer),
      try: r.try,
      savedAt: r.createdAt.toISOString(),
    };
    if (!showFeedback) return [view];
    const graded = gradedFor(q, r);
    return [{
      ...view,
      ...(attempt.mode === 'practice' ? practiceGraded(q, graded, r.try, attempt.seed) : graded),
      ...(q.type === 'open' ? { teacherPoints: r.teacherPoints, teacherComment: r.teacherComment } : {}),
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
    ...(attempt.status === 'finished' && showFeedback ? { result: finishResult(attempt, lesson, list, true) } : {}),
  };
}

async function viewOf<E extends AppEnv>(c: Ctx<E>, attempt: Attempt, known?: Assignment | null): Promise<AttemptView> {
  const [lesson, list, assignment] = await Promise.all([pinnedLesson(c, attempt), storedResponses(c, attempt.id), known !== undefined ? known : assignmentOf(c, attempt)]);
  return attemptView(attempt, lesson, list, assignment);
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
  const id = randomUUID();
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
 * A student whose class has this lesson as a test takes it only through the assignment: a
 * practice or self-study run of the same lesson would show them its key before the test.
 */
async function refuseAssignedTest<E extends AppEnv>(c: Ctx<E>, lessonSlug: string): Promise<void> {
  const learner = await currentLearner(c);
  if (!learner?.classId) return;
  const [test] = await c.get('db')
    .select({ id: assignments.id })
    .from(assignments)
    .where(and(eq(assignments.classId, learner.classId), eq(assignments.lessonSlug, lessonSlug), eq(assignments.mode, 'test')))
    .limit(1);
  if (test) {
    throw forbidden('This lesson is a test for your class: open it from your assignments.', 'assigned-as-test');
  }
}

/** Enough for any learner's history in the catalog; older attempts stay reachable by their link. */
const MY_ATTEMPTS_LIMIT = 100;

/** 128 random bits: shuffles and option tokens cannot be predicted or shared between attempts. */
const newSeed = () => randomBytes(16).toString('base64url');

// ---------- answering ----------

function saveResult(attempt: Attempt, q: Question, answer: Answer, tryNumber: number): SaveResponseResult {
  const base: SaveResponseResult = { saved: true, questionId: q.id, try: tryNumber };
  // Only practice grades at once; a test says nothing about correctness until the review.
  if (attempt.mode !== 'practice') return base;
  return { ...base, ...practiceGraded(q, grade(q, answer), tryNumber, attempt.seed) };
}

/**
 * Practice feedback for one try. Until the explanation may be read, the reader highlights only
 * what the feedback itself cites: the explanation's sentences (for a highlight question, the
 * key itself) would hand the answer to the retry.
 */
function practiceGraded(q: Question, graded: Graded, tryNumber: number, seed: string): Graded & Pick<SaveResponseResult, 'explanation' | 'modelAnswer'> {
  const reveal = practiceExplanation(q, graded.fraction, tryNumber, seed);
  if (reveal.explanation) return { ...graded, ...reveal };
  return { ...graded, anchors: [...new Set(graded.feedback.flatMap((f) => f.anchors))] };
}

/**
 * In practice the explanation (and an open question's model answer) comes once it can no longer
 * spoil a retry: after a fully right answer, from the second try on, or at once for an open
 * question, whose learner compares their own text with the model answer.
 */
function practiceExplanation(q: Question, fraction: number | null, tryNumber: number, seed: string): Pick<SaveResponseResult, 'explanation' | 'modelAnswer'> {
  if (q.type !== 'open' && fraction !== 1 && tryNumber < 2) return {};
  const r = review(q, seed);
  return { explanation: r.explanation, ...(r.modelAnswer ? { modelAnswer: r.modelAnswer } : {}) };
}

function checkOpenForAnswers<E extends AppEnv>(c: Ctx<E>, attempt: Attempt, assignment: Assignment | null): void {
  if (attempt.status === 'finished') throw conflict('This attempt is finished: answers can no longer change.', 'attempt-finished');
  if (assignment?.dueAt && c.get('now')() > assignment.dueAt) {
    throw conflict(`This assignment was due at ${assignment.dueAt.toISOString()}: answers can no longer change.`, 'past-due');
  }
}

async function responseByKey<E extends AppEnv>(c: Ctx<E>, attemptId: string, key: string) {
  const [row] = await c.get('db')
    .select()
    .from(responses)
    .where(and(eq(responses.attemptId, attemptId), eq(responses.idempotencyKey, key)))
    .limit(1);
  return row;
}

function replay(attempt: Attempt, q: Question, stored: { questionId: string; answer: unknown; try: number }): SaveResponseResult {
  if (stored.questionId !== q.id) {
    throw problem(422, 'This Idempotency-Key was already used for another question.', {
      type: 'idempotency-key-reused',
      errors: [{ path: 'Idempotency-Key', message: 'use a new key for each answer' }],
    });
  }
  return saveResult(attempt, q, stored.answer as Answer, stored.try);
}

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
        id: randomUUID(),
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
      return [statementOf(c.get('db').insert(attempts).values(attempt))];
    });
    return c.json(attemptView(attempt, lesson, [], null), 201);
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
      })
      .from(attempts)
      .where(eq(attempts.learnerId, c.var.learner.id))
      .orderBy(desc(attempts.startedAt))
      .limit(MY_ATTEMPTS_LIMIT);
    const list: AttemptSummary[] = rows.map((r) => ({
      ...r,
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
    }));
    return c.json({ attempts: list }, 200);
  })
  .get('/:id', requireOwnAttempt, async (c) => {
    return c.json(await viewOf(c, c.get('attempt'), c.get('assignment')), 200);
  })
  .put('/:id/responses/:questionId', requireOwnAttempt, validate('json', answerBody), async (c) => {
    const attempt = c.get('attempt');
    const lesson = await pinnedLesson(c, attempt);
    const q = lesson.questions.find((x) => x.id === c.req.param('questionId'));
    if (!q) throw notFound(`This attempt has no question '${c.req.param('questionId')}'.`);

    const rawKey = c.req.header('Idempotency-Key');
    let key: string | null = null;
    if (rawKey !== undefined) {
      const parsed = idempotencyKey.safeParse(rawKey);
      if (!parsed.success) throw problem(400, 'The Idempotency-Key header is not valid.', { type: 'bad-request', errors: [{ path: 'Idempotency-Key', message: parsed.error.issues[0].message }] });
      key = parsed.data;
      // A retry of a request that was stored: answer as the first time did, store nothing.
      const stored = await responseByKey(c, attempt.id, key);
      if (stored) return c.json(replay(attempt, q, stored), 200);
    }
    checkOpenForAnswers(c, attempt, c.get('assignment'));

    const parsed = parseAnswer(q, attempt.seed, c.req.valid('json').answer);
    if (!parsed.ok) {
      throw invalid('The answer does not fit this question.', parsed.errors.map((e) => ({ path: e.path ? `answer.${e.path}` : 'answer', message: e.message })));
    }
    const answer = parsed.answer;
    const graded = grade(q, answer);
    const at = c.get('now')().getTime();
    // One statement computes the try number and checks the attempt is still open, inside the
    // write transaction: concurrent tries and a concurrent finish cannot race it.
    const [inserted] = await c.get('writes').run([
      {
        sql: `INSERT INTO responses (id, attempt_id, question_id, try, answer, fraction, idempotency_key, created_at)
              SELECT ?, ?, ?, coalesce((SELECT max(try) FROM responses WHERE attempt_id = ? AND question_id = ?), 0) + 1, ?, ?, ?, ?
              WHERE (SELECT status FROM attempts WHERE id = ?) = 'in-progress'
              ON CONFLICT DO NOTHING
              RETURNING try`,
        args: [randomUUID(), attempt.id, q.id, attempt.id, q.id, JSON.stringify(answer), graded.fraction, key, at, attempt.id],
      },
      {
        sql: `UPDATE attempts SET current_question_id = ?, updated_at = ? WHERE id = ? AND status = 'in-progress'`,
        args: [q.id, at, attempt.id],
      },
    ]);
    const row = inserted.rows[0];
    if (row) return c.json(saveResult(attempt, q, answer, Number(row.try)), 200);
    if (key) {
      // The same key committed by a concurrent retry.
      const stored = await responseByKey(c, attempt.id, key);
      if (stored) return c.json(replay(attempt, q, stored), 200);
    }
    throw conflict('This attempt is finished: answers can no longer change.', 'attempt-finished');
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
      // Answers in the write queue for this attempt commit first: a learner who answers and
      // finishes quickly must not lose the last answer to the ordering of two requests.
      await c.get('writes').drain();
      await c.get('db')
        .update(attempts)
        .set({ status: 'finished', finishedAt: at, updatedAt: at })
        .where(and(eq(attempts.id, attempt.id), eq(attempts.status, 'in-progress')));
      attempt = await ownAttempt(c, c.get('learner'), attempt.id);
    }
    const [lesson, list, assignment] = await Promise.all([pinnedLesson(c, attempt), storedResponses(c, attempt.id), assignmentOf(c, attempt)]);
    return c.json(finishResult(attempt, lesson, list, mayShowFeedback(attempt, assignment)), 200);
  });

