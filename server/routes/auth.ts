// Teachers' accounts: register, sign in and out, change the password. Who is signed in: ./me.ts.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { teachers, type Teacher } from '../../db/schema.ts';
import { factory, type AppVariables } from '../env.ts';
import type { Me } from '../api-types.ts';
import { conflict, invalid, problem, tooManyRequests, validate } from '../errors.ts';
import { requireTeacher } from '../guards.ts';
import { endSession, endSessionsOfTeacher, startSession } from '../session.ts';
import { hashPassword, MAX_PASSWORD_LENGTH, passwordProblem, verifyAgainstNothing, verifyPassword } from '../security/passwords.ts';
import { countTry, forgive, LOGIN_WINDOWS } from '../security/rate-limit.ts';

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

/** One sign-in try for an account, counted against its limit: the teacher when it succeeds. */
async function checkPassword(c: { var: Pick<AppVariables, 'db' | 'now'> }, address: string, password: string): Promise<Teacher | null> {
  const { db } = c.var;
  const tried = await countTry(db, address, LOGIN_WINDOWS, c.var.now());
  if (tried.retryAfter !== null) {
    throw tooManyRequests(`Too many failed sign-ins for this account. Try again in ${Math.ceil(tried.retryAfter / 60)} minute(s).`, tried.retryAfter);
  }
  const [teacher] = await db.select().from(teachers).where(eq(teachers.email, address)).limit(1);
  // An unknown address costs the same hashing time: the answer does not tell who has an account.
  if (!teacher) {
    await verifyAgainstNothing(password);
    return null;
  }
  if (!(await verifyPassword(teacher.passwordHash, password))) return null;
  await forgive(db, tried.id);
  return teacher;
}

export const authRoutes = factory.createApp()
  .post('/register', validate('json', registerBody), async (c) => {
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
  .post('/login', validate('json', loginBody), async (c) => {
    const { email: address, password } = c.req.valid('json');
    const teacher = await checkPassword(c, address, password);
    if (!teacher) throw wrongCredentials();
    // startSession deletes any session this browser had: a new id at every sign-in.
    await startSession(c, { teacherId: teacher.id });
    return c.json(teacherMe(teacher), 200);
  })
  .post('/logout', async (c) => {
    await endSession(c);
    return c.body(null, 204);
  })
  .post('/password', requireTeacher, validate('json', passwordBody), async (c) => {
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
  });
