// Object-level checks for teachers: a class or assignment that is not the teacher's is answered
// with 404, exactly as one that does not exist, so ids of other classes reveal nothing.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assignments, classes, type Assignment, type Class } from '../../db/schema.ts';
import { notFound } from '../errors.ts';

export async function ownClass(db: Db, teacherId: string, classId: string): Promise<Class> {
  const [klass] = await db
    .select()
    .from(classes)
    .where(and(eq(classes.id, classId), eq(classes.teacherId, teacherId)))
    .limit(1);
  if (!klass) throw notFound('There is no such class among yours.');
  return klass;
}

export async function ownAssignment(db: Db, teacherId: string, assignmentId: string): Promise<{ assignment: Assignment; klass: Class }> {
  const [row] = await db
    .select({ assignment: assignments, klass: classes })
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .where(and(eq(assignments.id, assignmentId), eq(classes.teacherId, teacherId)))
    .limit(1);
  if (!row) throw notFound('There is no such assignment in your classes.');
  return row;
}
