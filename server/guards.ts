// Guards for routes: who may call them. Each sets what it checked in the context, so handlers
// read c.var.teacherId or c.var.learner instead of looking the session up again.
import { createMiddleware } from 'hono/factory';
import type { Learner } from '../db/schema.ts';
import type { AppEnv } from './env.ts';
import { unauthorized } from './errors.ts';
import { getSession, type CurrentSession } from './session.ts';

/** Context variables set by the guards. */
export type TeacherVariables = { teacherId: string; session: CurrentSession };
export type LearnerVariables = { learner: Learner; session: CurrentSession };

/** A signed-in teacher, else 401. Sets c.var.teacherId and c.var.session. */
export const requireTeacher = createMiddleware<AppEnv & { Variables: TeacherVariables }>(async (c, next) => {
  const session = await getSession(c);
  if (!session?.teacherId) throw unauthorized('Sign in as a teacher first.');
  c.set('teacherId', session.teacherId);
  c.set('session', session);
  await next();
});

/** A student or self-study learner with a session, else 401. Sets c.var.learner and c.var.session. */
export const requireLearner = createMiddleware<AppEnv & { Variables: LearnerVariables }>(async (c, next) => {
  const session = await getSession(c);
  if (!session?.learner) throw unauthorized('Start or resume a lesson first.');
  c.set('learner', session.learner);
  c.set('session', session);
  await next();
});
