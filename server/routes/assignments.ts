// Assignments: a teacher assigns a lesson (its current version pinned) to a class with optional
// opening and due dates; teachers list theirs by class, students see their own to do with state,
// "due soon" and, once feedback is released, their score. Test feedback is released here too.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assignments, attempts, classes, grades, responses, type Assignment, type Attempt, type Class, type Learner } from '../../db/schema.ts';
import { behaviourOf, scoreAttempt, teacherGraded, type GradeStep, type Lesson, type ResponseStep } from '../../lessons/index.ts';
import type { AssignmentView, StudentAssignmentView } from '../api-types.ts';
import { conflict, invalid, notFound, unauthorized, validate } from '../errors.ts';
import { factory } from '../env.ts';
import { requireTeacher } from '../guards.ts';
import type { LessonStore } from '../lesson-store.ts';
import { getSession } from '../session.ts';
import { ownAssignment, ownClass } from '../security/access.ts';

const DUE_SOON_MS = 48 * 60 * 60 * 1000;

const when = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
/** A teacher's name for an assignment; blank means none (the lesson's title). */
const title = z
  .string()
  .trim()
  .max(80)
  .transform((t) => t || null);
const createBody = z
  .object({
    lessonSlug: z.string().min(1).max(100),
    title: title.nullish(),
    mode: z.enum(['practice', 'test']),
    opensAt: when.nullish(),
    dueAt: when.nullish(),
    feedbackRelease: z.enum(['on-finish', 'manual']).optional(),
  })
  .refine((b) => !b.opensAt || !b.dueAt || b.dueAt > b.opensAt, { path: ['dueAt'], message: 'the due date must be after the opening date' })
  // Practice shows feedback at every answer: there is nothing for the teacher to release.
  .refine((b) => b.feedbackRelease !== 'manual' || behaviourOf(b.mode).releasable, {
    path: ['feedbackRelease'],
    message: "practice shows feedback at once: 'manual' release is only for tests",
  });

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function assignmentView(store: LessonStore, a: Assignment, klass: Pick<Class, 'name'>): Promise<AssignmentView> {
  const lesson = await store.version(a.lessonVersion);
  return {
    id: a.id,
    classId: a.classId,
    className: klass.name,
    lessonSlug: a.lessonSlug,
    lessonTitle: lesson?.title ?? { nl: a.lessonSlug, en: a.lessonSlug },
    lessonVersion: a.lessonVersion,
    mode: a.mode,
    opensAt: iso(a.opensAt),
    dueAt: iso(a.dueAt),
    feedbackRelease: a.feedbackRelease,
    feedbackReleasedAt: iso(a.feedbackReleasedAt),
    title: a.title ?? null,
    closedAt: iso(a.closedAt ?? null),
    gradeNorm: a.gradeNorm ?? null,
    discussion: a.discussion ?? [],
    createdAt: a.createdAt.toISOString(),
  };
}

/** Whether feedback (and so the score) of a finished attempt at this assignment may be shown. */
export function releasedFor(a: Assignment, finished: boolean): boolean {
  return behaviourOf(a.mode).reviewVisible({ finished, release: a.feedbackRelease, released: a.feedbackReleasedAt !== null });
}

/** A student's view of their class's assignments: three queries for the whole list. */
async function studentViews(db: Db, store: LessonStore, learner: Learner, now: Date): Promise<StudentAssignmentView[]> {
  if (!learner.classId) return [];
  const [klass] = await db.select().from(classes).where(eq(classes.id, learner.classId)).limit(1);
  if (!klass) return [];
  const list = await db.select().from(assignments).where(eq(assignments.classId, klass.id)).orderBy(desc(assignments.createdAt));
  const ids = list.map((a) => a.id);
  const own = ids.length
    ? await db
        .select()
        .from(attempts)
        .where(and(eq(attempts.learnerId, learner.id), inArray(attempts.assignmentId, ids)))
        .orderBy(desc(attempts.startedAt))
    : [];
  const latest = new Map<string, Attempt>();
  for (const a of own) if (!latest.has(a.assignmentId!)) latest.set(a.assignmentId!, a);
  const scored = [...latest.values()].filter((t) => t.status === 'finished');
  const rows = scored.length
    ? await db
        .select({
          id: responses.id,
          attemptId: responses.attemptId,
          questionId: responses.questionId,
          try: responses.try,
          fraction: responses.fraction,
          gradeSeq: grades.id,
          gradePoints: grades.points,
        })
        .from(responses)
        .leftJoin(grades, eq(grades.responseId, responses.id))
        .where(inArray(responses.attemptId, scored.map((t) => t.id)))
    : [];
  const views: StudentAssignmentView[] = [];
  for (const a of list) {
    const attempt = latest.get(a.id) ?? null;
    const finished = attempt?.status === 'finished';
    const closed = a.closedAt !== null || (a.dueAt !== null && a.dueAt.getTime() <= now.getTime());
    const state: StudentAssignmentView['state'] = finished
      ? 'done'
      : a.closedAt
        ? 'closed'
        : a.opensAt && a.opensAt.getTime() > now.getTime()
        ? 'not-open'
        : closed
          ? 'closed'
          : attempt
            ? 'in-progress'
            : 'to-do';
    const view: StudentAssignmentView = {
      ...(await assignmentView(store, a, klass)),
      // The teacher's grading norm and picks for discussion are not the student's business.
      gradeNorm: null,
      discussion: [],
      state,
      dueSoon: !finished && !closed && a.dueAt !== null && a.dueAt.getTime() - now.getTime() < DUE_SOON_MS,
      attemptId: attempt?.id ?? null,
    };
    if (attempt && finished && releasedFor(a, true)) {
      const lesson = await store.version(attempt.lessonVersion);
      if (lesson) {
        const mine = rows.filter((r) => r.attemptId === attempt.id);
        // A response joined with each of its grades: one step of each, the scorer takes the latest.
        const steps = new Map<string, ResponseStep>(mine.map((r) => [r.id, r]));
        const gradeSteps: GradeStep[] = mine.flatMap((r) => (r.gradeSeq === null ? [] : [{ responseId: r.id, seq: r.gradeSeq, points: r.gradePoints! }]));
        view.score = scoreAttempt(lesson, attempt.mode, [...steps.values()], gradeSteps).score;
      }
    }
    views.push(view);
  }
  return views;
}

/** POST /api/classes/:id/assignments: a teacher assigns a lesson to their class. */
export const classAssignmentRoutes = factory.createApp().post('/', requireTeacher, validate('json', createBody), async (c) => {
  const { db } = c.var;
  const klass = await ownClass(db, c.var.teacherId, c.req.param('id') ?? '');
  if (klass.archivedAt) throw conflict('This class is archived. Restore it before assigning lessons.', 'class-archived');
  const body = c.req.valid('json');
  // An assignment that is already closed could never be done.
  if (body.dueAt && body.dueAt.getTime() <= c.var.now().getTime()) {
    throw invalid('The due date is in the past.', [{ path: 'dueAt', message: 'the due date must be in the future' }]);
  }
  const lesson: Lesson | undefined = await c.var.lessons.assignable(body.lessonSlug, c.var.teacherId);
  if (!lesson) throw invalid('There is no such lesson.', [{ path: 'lessonSlug', message: `unknown lesson '${body.lessonSlug}'` }]);
  const [created] = await db
    .insert(assignments)
    .values({
      id: randomUUID(),
      classId: klass.id,
      lessonSlug: lesson.slug,
      lessonVersion: lesson.version,
      mode: body.mode,
      title: body.title ?? null,
      opensAt: body.opensAt ?? null,
      dueAt: body.dueAt ?? null,
      feedbackRelease: body.feedbackRelease ?? 'on-finish',
    })
    .returning();
  return c.json(await assignmentView(c.var.lessons, created!, klass), 201);
});

const patchBody = z
  .object({
    title: title.nullable().optional(),
    opensAt: when.nullable().optional(),
    dueAt: when.nullable().optional(),
    feedbackRelease: z.enum(['on-finish', 'manual']).optional(),
    /** true closes it (no starting or answering); false opens it again. */
    closed: z.boolean().optional(),
    /** The Dutch 1-10 grade's norm in points; null: no grade. */
    gradeNorm: z.object({ passMark: z.number().finite(), guess: z.number().finite().min(0) }).nullable().optional(),
  })
  .strict();

/** At most this many open answers on the projector's discussion screen. */
const MAX_DISCUSSION = 12;
const discussionBody = z.object({ responseIds: z.array(z.string().min(1).max(100)).max(MAX_DISCUSSION) }).strict();

export const assignmentRoutes = factory.createApp()
  .get('/', async (c) => {
    const session = await getSession(c);
    const { db } = c.var;
    if (session?.teacherId) {
      const classId = c.req.query('classId');
      const rows = await db
        .select({ assignment: assignments, klass: classes })
        .from(assignments)
        .innerJoin(classes, eq(classes.id, assignments.classId))
        .where(classId ? and(eq(classes.teacherId, session.teacherId), eq(classes.id, classId)) : eq(classes.teacherId, session.teacherId))
        .orderBy(classes.name, desc(assignments.createdAt));
      const list = await Promise.all(rows.map((r) => assignmentView(c.var.lessons, r.assignment, r.klass)));
      return c.json({ assignments: list }, 200);
    }
    if (session?.learner) return c.json({ assignments: await studentViews(db, c.var.lessons, session.learner, c.var.now()) }, 200);
    throw unauthorized('Sign in, or join a class, first.');
  })
  .get('/:id', async (c) => {
    const session = await getSession(c);
    const { db } = c.var;
    if (session?.teacherId) {
      const { assignment, klass } = await ownAssignment(db, session.teacherId, c.req.param('id'));
      return c.json(await assignmentView(c.var.lessons, assignment, klass), 200);
    }
    if (session?.learner) {
      const mine = await studentViews(db, c.var.lessons, session.learner, c.var.now());
      const view = mine.find((a) => a.id === c.req.param('id'));
      if (!view) throw notFound('There is no such assignment in your class.');
      return c.json(view, 200);
    }
    throw unauthorized('Sign in, or join a class, first.');
  })
  // Rename, change dates or the release, close or reopen, set the grade's norm.
  .patch('/:id', requireTeacher, validate('json', patchBody), async (c) => {
    const { db } = c.var;
    const { assignment, klass } = await ownAssignment(db, c.var.teacherId, c.req.param('id'));
    const body = c.req.valid('json');
    const set: Partial<Assignment> = {};
    if (body.title !== undefined) set.title = body.title;
    if (body.opensAt !== undefined) set.opensAt = body.opensAt;
    if (body.dueAt !== undefined) {
      if (body.dueAt && body.dueAt.getTime() <= c.var.now().getTime()) {
        throw invalid('The due date is in the past.', [{ path: 'dueAt', message: 'the due date must be in the future; to stop the assignment now, close it' }]);
      }
      set.dueAt = body.dueAt;
    }
    const opens = set.opensAt !== undefined ? set.opensAt : assignment.opensAt;
    const due = set.dueAt !== undefined ? set.dueAt : assignment.dueAt;
    if (opens && due && due <= opens) throw invalid('The due date is before the opening date.', [{ path: 'dueAt', message: 'the due date must be after the opening date' }]);
    if (body.feedbackRelease !== undefined) {
      if (body.feedbackRelease === 'manual' && !behaviourOf(assignment.mode).releasable) {
        throw invalid('Practice shows feedback at once.', [{ path: 'feedbackRelease', message: "practice shows feedback at once: 'manual' release is only for tests" }]);
      }
      set.feedbackRelease = body.feedbackRelease;
    }
    if (body.closed !== undefined) set.closedAt = body.closed ? (assignment.closedAt ?? c.var.now()) : null;
    if (body.gradeNorm !== undefined) {
      if (body.gradeNorm) {
        const lesson = await c.var.lessons.pinned(assignment.lessonVersion);
        const max = lesson.questions.reduce((n, q) => n + q.points, 0);
        const { passMark, guess } = body.gradeNorm;
        if (!(guess < passMark && passMark < max)) {
          throw invalid('The norm does not fit this lesson.', [
            { path: 'gradeNorm', message: `needs 0 <= guess < passMark < ${max} (the lesson's points)` },
          ]);
        }
      }
      set.gradeNorm = body.gradeNorm;
    }
    const [updated] = Object.keys(set).length ? await db.update(assignments).set(set).where(eq(assignments.id, assignment.id)).returning() : [assignment];
    return c.json(await assignmentView(c.var.lessons, updated!, klass), 200);
  })
  // Deleting removes the students' attempts, answers and grades at this assignment with it (the
  // foreign keys cascade); the class page says so before the teacher confirms.
  .delete('/:id', requireTeacher, async (c) => {
    const { db } = c.var;
    const { assignment } = await ownAssignment(db, c.var.teacherId, c.req.param('id'));
    await db.delete(assignments).where(eq(assignments.id, assignment.id));
    return c.body(null, 204);
  })
  // The open answers the teacher picks to discuss on the projector (shown there without names).
  .put('/:id/discussion', requireTeacher, validate('json', discussionBody), async (c) => {
    const { db } = c.var;
    const { assignment, klass } = await ownAssignment(db, c.var.teacherId, c.req.param('id'));
    const ids = [...new Set(c.req.valid('json').responseIds)];
    if (ids.length) {
      const lesson = await c.var.lessons.pinned(assignment.lessonVersion);
      const rows = await db
        .select({ id: responses.id, questionId: responses.questionId })
        .from(responses)
        .innerJoin(attempts, eq(attempts.id, responses.attemptId))
        .where(and(eq(attempts.assignmentId, assignment.id), inArray(responses.id, ids)));
      const open = new Set(rows.filter((r) => lesson.questions.some((q) => q.id === r.questionId && teacherGraded(q))).map((r) => r.id));
      const bad = ids.findIndex((id) => !open.has(id));
      if (bad >= 0) throw invalid('Only open answers to this assignment can be discussed.', [{ path: `responseIds.${bad}`, message: 'not an open answer to this assignment' }]);
    }
    const [updated] = await db.update(assignments).set({ discussion: ids }).where(eq(assignments.id, assignment.id)).returning();
    return c.json(await assignmentView(c.var.lessons, updated!, klass), 200);
  })
  .post('/:id/release', requireTeacher, async (c) => {
    const { db } = c.var;
    const { assignment, klass } = await ownAssignment(db, c.var.teacherId, c.req.param('id'));
    if (!behaviourOf(assignment.mode).releasable) throw conflict('Practice assignments show feedback at once; there is nothing to release.', 'not-a-test');
    const [updated] = await db
      .update(assignments)
      .set({ feedbackReleasedAt: assignment.feedbackReleasedAt ?? c.var.now() })
      .where(eq(assignments.id, assignment.id))
      .returning();
    return c.json(await assignmentView(c.var.lessons, updated!, klass), 200);
  });
