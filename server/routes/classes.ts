// A teacher's classes: create, list, view with the roster and join code, rename or archive; open or
// close the class's join window (issue 11 item 8: the code admits students only while it is open,
// 15 minutes from creation by default); and per student the privacy actions: export everything
// stored, or delete the student and their work.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { classes, learners, sessions, type Class } from '../../db/schema.ts';
import { factory } from '../env.ts';
import type { ClassView, ReissuedResumeCode } from '../api-types.ts';
import { conflict, notFound, validate } from '../errors.ts';
import { requireTeacher } from '../guards.ts';
import { ownClass } from '../security/access.ts';
import { formatJoinCode, hashResumeCode, newJoinCode, newResumeCode, normalizeResumeCode } from '../security/codes.ts';
import { JOIN_WINDOW_MAX_MINUTES, windowUntil } from '../security/join-window.ts';
import { deleteStudent, exportStudent } from '../security/privacy.ts';

const name = z.string().trim().min(1, 'give the class a name').max(100);
const createBody = z.object({ name });
const patchBody = z.object({ name: name.optional(), archived: z.boolean().optional() });
const windowBody = z.object({ minutes: z.number().int().min(1).max(JOIN_WINDOW_MAX_MINUTES).optional() });

/** The classes with their rosters: one query for all students. */
export async function classViews(db: Db, list: readonly Class[]): Promise<ClassView[]> {
  const ids = list.map((k) => k.id);
  const students = ids.length
    ? await db
        .select({ id: learners.id, classId: learners.classId, displayName: learners.displayName })
        .from(learners)
        .where(and(inArray(learners.classId, ids), eq(learners.kind, 'student')))
        .orderBy(asc(learners.displayNameKey))
    : [];
  return list.map((k) => ({
    id: k.id,
    name: k.name,
    joinCode: formatJoinCode(k.joinCode),
    joinOpenUntil: k.joinOpenUntil ? k.joinOpenUntil.toISOString() : null,
    archived: k.archivedAt !== null,
    createdAt: k.createdAt.toISOString(),
    students: students.filter((s) => s.classId === k.id).map((s) => ({ id: s.id, displayName: s.displayName ?? '' })),
  }));
}

export const classRoutes = factory.createApp()
  .post('/', requireTeacher, validate('json', createBody), async (c) => {
    const { db } = c.var;
    const id = randomUUID();
    // 31^6 codes: a collision is rare, and the unique index catches it; try a fresh code then.
    for (let tries = 0; tries < 8; tries++) {
      const inserted = await db
        .insert(classes)
        .values({ id, teacherId: c.var.teacherId, name: c.req.valid('json').name, joinCode: newJoinCode(), joinOpenUntil: windowUntil(c.var.now()) })
        .onConflictDoNothing()
        .returning();
      if (inserted[0]) return c.json((await classViews(db, inserted))[0]!, 201);
    }
    throw new Error('could not find a free join code');
  })
  .get('/', requireTeacher, async (c) => {
    const list = await c.var.db
      .select()
      .from(classes)
      .where(eq(classes.teacherId, c.var.teacherId))
      .orderBy(asc(classes.archivedAt), asc(classes.name));
    return c.json({ classes: await classViews(c.var.db, list) }, 200);
  })
  .get('/:id', requireTeacher, async (c) => {
    const klass = await ownClass(c.var.db, c.var.teacherId, c.req.param('id'));
    return c.json((await classViews(c.var.db, [klass]))[0]!, 200);
  })
  .patch('/:id', requireTeacher, validate('json', patchBody), async (c) => {
    const { db } = c.var;
    const klass = await ownClass(db, c.var.teacherId, c.req.param('id'));
    const body = c.req.valid('json');
    const set: Partial<Class> = {};
    if (body.name !== undefined) set.name = body.name;
    // Archiving keeps the first date: the retention period counts from it.
    if (body.archived !== undefined) set.archivedAt = body.archived ? (klass.archivedAt ?? c.var.now()) : null;
    const [updated] = Object.keys(set).length ? await db.update(classes).set(set).where(eq(classes.id, klass.id)).returning() : [klass];
    return c.json((await classViews(db, [updated!]))[0]!, 200);
  })
  .post('/:id/join-window', requireTeacher, validate('json', windowBody), async (c) => {
    const { db } = c.var;
    const klass = await ownClass(db, c.var.teacherId, c.req.param('id'));
    if (klass.archivedAt) throw conflict('This class is archived: it takes no new students.', 'class-archived');
    const joinOpenUntil = windowUntil(c.var.now(), c.req.valid('json').minutes);
    await db.update(classes).set({ joinOpenUntil }).where(eq(classes.id, klass.id));
    return c.json({ joinOpenUntil: joinOpenUntil.toISOString() }, 200);
  })
  .delete('/:id/join-window', requireTeacher, async (c) => {
    const { db } = c.var;
    const klass = await ownClass(db, c.var.teacherId, c.req.param('id'));
    await db.update(classes).set({ joinOpenUntil: null }).where(eq(classes.id, klass.id));
    return c.json({ joinOpenUntil: null }, 200);
  })
  .get('/:id/students/:studentId/export', requireTeacher, async (c) => {
    const klass = await ownClass(c.var.db, c.var.teacherId, c.req.param('id'));
    const data = await exportStudent(c.var.db, c.var.lessons, klass.id, c.req.param('studentId'), c.var.now());
    if (!data) throw notFound('There is no such student in this class.');
    c.header('Content-Disposition', `attachment; filename="bronwijs-student-${data.student.id}.json"`);
    return c.json(data, 200);
  })
  // A student lost her resume code (or someone else saw it): a new one, shown once to the teacher to
  // hand over. The old code stops working and the student's sessions end, on every device: whoever
  // used the old code is out; the student continues with the new one.
  .post('/:id/students/:studentId/resume-code', requireTeacher, async (c) => {
    const { db } = c.var;
    const klass = await ownClass(db, c.var.teacherId, c.req.param('id'));
    const resumeCode = newResumeCode();
    const [student] = await db
      .update(learners)
      .set({ resumeCodeHash: hashResumeCode(normalizeResumeCode(resumeCode)!) })
      .where(and(eq(learners.id, c.req.param('studentId')), eq(learners.classId, klass.id), eq(learners.kind, 'student')))
      .returning({ id: learners.id, displayName: learners.displayName });
    if (!student) throw notFound('There is no such student in this class.');
    await db.delete(sessions).where(eq(sessions.learnerId, student.id));
    const result: ReissuedResumeCode = { studentId: student.id, displayName: student.displayName ?? '', resumeCode };
    return c.json(result, 201);
  })
  .delete('/:id/students/:studentId', requireTeacher, async (c) => {
    const klass = await ownClass(c.var.db, c.var.teacherId, c.req.param('id'));
    if (!(await deleteStudent(c.var.db, klass.id, c.req.param('studentId')))) throw notFound('There is no such student in this class.');
    return c.body(null, 204);
  });
