// Assignments: a teacher assigns a lesson (its current version pinned) to a class with optional
// opening and due dates; teachers list theirs by class, students see their own to do with state,
// "due soon" and, once feedback is released, their score. Test feedback is released here too.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assignments, attempts, classes, grades, responses, type Assignment, type Attempt, type Class, type Learner } from '../../db/schema.ts';
import { behaviourOf, scoreAttempt, type GradeStep, type Lesson, type ResponseStep } from '../../lessons/index.ts';
import type { AssignmentView, StudentAssignmentView } from '../api-types.ts';
import { conflict, invalid, notFound, unauthorized, validate } from '../errors.ts';
import { factory } from '../env.ts';
import { requireTeacher } from '../guards.ts';
import type { LessonStore } from '../lesson-store.ts';
import { getSession } from '../session.ts';
import { ownAssignment, ownClass } from '../security/access.ts';

const DUE_SOON_MS = 48 * 60 * 60 * 1000;

const when = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const createBody = z
  .object({
    lessonSlug: z.string().min(1).max(100),
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
    const closed = a.dueAt !== null && a.dueAt.getTime() <= now.getTime();
    const state: StudentAssignmentView['state'] = finished
      ? 'done'
      : a.opensAt && a.opensAt.getTime() > now.getTime()
        ? 'not-open'
        : closed
          ? 'closed'
          : attempt
            ? 'in-progress'
            : 'to-do';
    const view: StudentAssignmentView = {
      ...(await assignmentView(store, a, klass)),
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
  const lesson: Lesson | undefined = c.var.lessons.current(body.lessonSlug);
  if (!lesson) throw invalid('There is no such lesson.', [{ path: 'lessonSlug', message: `unknown lesson '${body.lessonSlug}'` }]);
  const [created] = await db
    .insert(assignments)
    .values({
      id: randomUUID(),
      classId: klass.id,
      lessonSlug: lesson.slug,
      lessonVersion: lesson.version,
      mode: body.mode,
      opensAt: body.opensAt ?? null,
      dueAt: body.dueAt ?? null,
      feedbackRelease: body.feedbackRelease ?? 'on-finish',
    })
    .returning();
  return c.json(await assignmentView(c.var.lessons, created!, klass), 201);
});

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
