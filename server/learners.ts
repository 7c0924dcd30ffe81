// The learner of a request: a student or self-study learner with a session, or for a first visit
// a new anonymous self-study learner, created in the same group commit as what they start.
import type { InStatement } from '@libsql/client';
import type { Context } from 'hono';
import { learners, sessions, type Learner } from '../db/schema.ts';
import type { AppEnv } from './env.ts';
import { forbidden } from './errors.ts';
import { getSession, newSession } from './session.ts';
import { insertOf } from './write-queue.ts';
import { newRowId } from './ids.ts';

/** A signed-in teacher asked to act as a learner: refused, so it never silently signs them out. */
export const teacherNotLearner = (doing = 'take a lesson as a learner') =>
  forbidden(`You are signed in as a teacher. Sign out, or use a private window, to ${doing}.`, 'teacher-not-learner');

/**
 * The learner of this request. With create: a request without one gets a new anonymous
 * self-study learner and its session (the first attempt of a visitor). A signed-in teacher is not
 * a learner: 403, so taking a lesson never silently signs the teacher out.
 */
export async function currentLearner<E extends AppEnv>(c: Context<E>, options: { create: true }): Promise<Learner>;
export async function currentLearner<E extends AppEnv>(c: Context<E>, options?: { create?: boolean }): Promise<Learner | null>;
export async function currentLearner<E extends AppEnv>(c: Context<E>, { create = false }: { create?: boolean } = {}): Promise<Learner | null> {
  const session = await getSession(c);
  if (session?.learner) return session.learner;
  if (session?.teacherId) {
    if (!create) return null;
    throw teacherNotLearner();
  }
  if (!create) return null;
  return writeAsLearner(c, () => []);
}

/**
 * Writes `rows(learnerId)` for the learner of this request through the write queue. A visitor
 * without a learner gets a new anonymous self-study learner and session in that same group
 * commit: a class that starts at once costs one commit per batch, not three per learner.
 */
export async function writeAsLearner<E extends AppEnv>(c: Context<E>, rows: (learnerId: string) => InStatement[]): Promise<Learner> {
  const session = await getSession(c);
  if (session?.learner) {
    await c.get('writes').run(rows(session.learner.id));
    return session.learner;
  }
  if (session?.teacherId) throw teacherNotLearner();
  const db = c.get('db');
  const learner: Learner = { id: newRowId(), kind: 'self', classId: null, displayName: null, displayNameKey: null, resumeCodeHash: null, createdAt: c.get('now')() };
  const started = newSession(c, { learner });
  await c.get('writes').run([
    insertOf(db, learners, learner),
    insertOf(db, sessions, started.row),
    ...rows(learner.id),
  ]);
  started.begin();
  return learner;
}
