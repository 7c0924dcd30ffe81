// Teachers' accounts: register, sign in and out, change the password; and GET /me, which says who
// is signed in and as what (teacher, student in a class, self-study learner, or nobody).
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { classes, teachers, type Teacher } from '../../db/schema.ts';
import type { AppEnv, AppVariables } from '../env.ts';
import type { Me } from '../api-types.ts';
import { conflict, invalid, problem, tooManyRequests, validate } from '../errors.ts';
import { endSession, endSessionsOfTeacher, getSession, requireTeacher, startSession } from '../session.ts';
import { hashPassword, MAX_PASSWORD_LENGTH, passwordProblem, verifyAgainstNothing, verifyPassword } from '../teaching/passwords.ts';
import { forgive, LOGIN_WINDOWS, takeAttempt } from '../teaching/rate-limit.ts';

const email = z.string().trim().toLowerCase().pipe(z.email('enter a valid email address').max(254));

const registerBody = z.object({
  email,
  password: z.string().max(MAX_PASSWORD_LENGTH),
  name: z.string().trim().min(1, 'enter your name').max(100),
});
const loginBody = z.object({ email: z.string().trim().toLowerCase().max(254), password: z.string().max(MAX_PASSWORD_LENGTH) });
const passwordBody = z.object({ current: z.string().max(MAX_PASSWORD_LENGTH), next: z.string().max(MAX_PASSWORD_LENGTH) });

export const teacherMe = (t: Pick<Teacher, 'id' | 'name' | 'email'>): Me => ({ role: 'teacher', id: t.id, name: t.name, email: t.email });

const wrongCredentials = () => problem(401, 'The email address or the password is wrong.', { type: 'wrong-credentials' });

/** One login attempt for an account, counted against its limit: the teacher when it succeeds. */
async function checkPassword(c: { var: Pick<AppVariables, 'db' | 'now'> }, address: string, password: string): Promise<Teacher | null> {
  const { db } = c.var;
  const attempt = await takeAttempt(db, address, LOGIN_WINDOWS, c.var.now());
  if (attempt.retryAfter !== null) {
    throw tooManyRequests(`Too many failed sign-ins for this account. Try again in ${Math.ceil(attempt.retryAfter / 60)} minute(s).`, attempt.retryAfter);
  }
  const [teacher] = await db.select().from(teachers).where(eq(teachers.email, address)).limit(1);
  // An unknown address costs the same hashing time: the answer does not tell who has an account.
  if (!teacher) {
    await verifyAgainstNothing(password);
    return null;
  }
  if (!(await verifyPassword(teacher.passwordHash, password))) return null;
  await forgive(db, attempt.id);
  return teacher;
}

export const auth = new Hono<AppEnv>()
  .post('/auth/register', validate('json', registerBody), async (c) => {
    const body = c.req.valid('json');
    const weak = passwordProblem(body.password);
    if (weak) throw invalid('Choose a stronger password.', [{ path: 'password', message: weak }]);
    const id = randomUUID();
    const passwordHash = await hashPassword(body.password);
    const inserted = await c.var.db
      .insert(teachers)
      .values({ id, email: body.email, name: body.name, passwordHash })
      .onConflictDoNothing()
      .returning({ id: teachers.id });
    if (inserted.length === 0) throw conflict('There is already an account with this email address. Sign in instead.', 'email-taken');
    await startSession(c, { teacherId: id });
    return c.json(teacherMe({ id, name: body.name, email: body.email }), 201);
  })
  .post('/auth/login', validate('json', loginBody), async (c) => {
    const { email: address, password } = c.req.valid('json');
    const teacher = await checkPassword(c, address, password);
    if (!teacher) throw wrongCredentials();
    // startSession deletes any session this browser had: a new id at every sign-in.
    await startSession(c, { teacherId: teacher.id });
    return c.json(teacherMe(teacher), 200);
  })
  .post('/auth/logout', async (c) => {
    await endSession(c);
    return c.body(null, 204);
  })
  .post('/auth/password', requireTeacher, validate('json', passwordBody), async (c) => {
    const { current, next } = c.req.valid('json');
    const [me] = await c.var.db.select().from(teachers).where(eq(teachers.id, c.var.teacherId)).limit(1);
    if (!me) throw wrongCredentials();
    // Counted like a sign-in: a stolen session must not become a way to guess the password.
    const teacher = await checkPassword(c, me.email, current);
    if (!teacher) throw invalid('The current password is wrong.', [{ path: 'current', message: 'the current password is wrong' }]);
    const weak = passwordProblem(next);
    if (weak) throw invalid('Choose a stronger password.', [{ path: 'next', message: weak }]);
    await c.var.db
      .update(teachers)
      .set({ passwordHash: await hashPassword(next), passwordChangedAt: c.var.now() })
      .where(eq(teachers.id, teacher.id));
    // Every other device is signed out; this one gets a fresh session id.
    await endSessionsOfTeacher(c, teacher.id, c.var.session.id);
    await startSession(c, { teacherId: teacher.id });
    return c.json(teacherMe(teacher), 200);
  })
  .get('/me', async (c) => {
    const session = await getSession(c);
    let me: Me = { role: null };
    if (session?.teacherId) {
      const [t] = await c.var.db.select().from(teachers).where(eq(teachers.id, session.teacherId)).limit(1);
      if (t) me = teacherMe(t);
    } else if (session?.learner?.kind === 'student') {
      const l = session.learner;
      const [klass] = l.classId ? await c.var.db.select({ name: classes.name }).from(classes).where(eq(classes.id, l.classId)).limit(1) : [];
      me = { role: 'student', id: l.id, name: l.displayName ?? undefined, classId: l.classId ?? undefined, className: klass?.name };
    } else if (session?.learner) {
      me = { role: 'learner', id: session.learner.id };
    }
    return c.json(me, 200);
  });
