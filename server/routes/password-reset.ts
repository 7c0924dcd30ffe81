// A forgotten password, mounted at /api/auth: ask for a reset (POST /forgot-password), then set a
// new password with the link's token or an administrator's code (POST /reset-password). The first
// answers the same, at once, whatever the address: the lookup and the mail happen after the
// answer, so neither the body nor the time tells who has an account. Tokens: security/password-reset.ts.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { loginFailures, teachers } from '../../db/schema.ts';
import { factory, type AppVariables } from '../env.ts';
import type { ForgotPasswordResult } from '../api-types.ts';
import { countTry, forgive } from '../security/rate-limit.ts';
import { invalid, problem, tooManyRequests, validate } from '../errors.ts';
import { mailFailure } from '../mail.ts';
import { endSessionsOfTeacher, startSession } from '../session.ts';
import { hashPassword, MAX_PASSWORD_LENGTH, passwordProblem } from '../security/passwords.ts';
import {
  dropResets,
  FORGOT_ADDRESS_WINDOWS,
  FORGOT_GLOBAL_WINDOWS,
  issueReset,
  normalizeResetToken,
  RESET_GLOBAL_WINDOWS,
  RESET_PREFIX_WINDOWS,
  RESET_TTL_MS,
  spendReset,
} from '../security/password-reset.ts';
import { teacherMe } from './auth.ts';

const forgotBody = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('enter a valid email address').max(254)),
  /** The language of the mail: the page's. */
  lang: z.enum(['nl', 'en']).default('nl'),
});
const resetBody = z.object({ token: z.string().max(200), password: z.string().max(MAX_PASSWORD_LENGTH) });

const wrongToken = () =>
  problem(400, 'This reset link or code is not valid: it was used already, has expired or was mistyped. Ask for a new one.', {
    type: 'reset-token-invalid',
  });

type Deps = Pick<AppVariables, 'db' | 'now' | 'mailer' | 'config' | 'log'>;

function resetMail(lang: 'nl' | 'en', name: string, link: string): { subject: string; text: string } {
  const minutes = RESET_TTL_MS.link / 60_000;
  return lang === 'en'
    ? {
        subject: 'Set a new Bronwijs password',
        text: `Hello ${name},\n\nSomeone (hopefully you) asked to set a new password for your Bronwijs teacher account. Open this link within ${minutes} minutes to choose one:\n\n${link}\n\nThe link works once. Setting a new password signs you out everywhere else.\nDid you not ask for this? Then ignore this e-mail: your password stays as it is.\n`,
      }
    : {
        subject: 'Nieuw wachtwoord voor Bronwijs',
        text: `Hallo ${name},\n\nIemand (hopelijk jij) vroeg om een nieuw wachtwoord voor je docentaccount bij Bronwijs. Open binnen ${minutes} minuten deze link om er een te kiezen:\n\n${link}\n\nDe link werkt één keer. Met een nieuw wachtwoord word je overal anders afgemeld.\nHeb je dit niet gevraagd? Negeer dan deze e-mail: je wachtwoord blijft zoals het is.\n`,
      };
}

/** After the answer: look the address up and mail a link when it has an account. */
async function sendResetLink(v: Deps, address: string, lang: 'nl' | 'en'): Promise<void> {
  const { db, mailer, config } = v;
  if (!mailer || !config.publicUrl) return;
  const now = v.now();
  // Counted for every address, known or not, and never forgiven: a handful of mails an hour.
  if ((await countTry(db, `forgot:${address}`, FORGOT_ADDRESS_WINDOWS, now)).retryAfter !== null) return;
  const [teacher] = await db.select().from(teachers).where(eq(teachers.email, address)).limit(1);
  if (!teacher) return;
  if ((await countTry(db, 'forgot:*', FORGOT_GLOBAL_WINDOWS, now)).retryAfter !== null) {
    v.log.warn('password reset mail not sent: too many reset mails this minute');
    return;
  }
  const { token } = await issueReset(db, teacher.id, 'link', now);
  const link = new URL('/reset-password', config.publicUrl);
  link.searchParams.set('token', token);
  await mailer.send({ to: teacher.email, ...resetMail(lang, teacher.name, link.href) });
  v.log.info('password reset mail sent');
}

export const passwordResetRoutes = factory.createApp()
  .post('/forgot-password', validate('json', forgotBody), async (c) => {
    const { email: address, lang } = c.req.valid('json');
    const v: Deps = { db: c.var.db, now: c.var.now, mailer: c.var.mailer, config: c.var.config, log: c.var.log };
    // Not awaited: the answer leaves before the lookup, whatever the address.
    void sendResetLink(v, address, lang).catch((error: unknown) => v.log.error('password reset mail failed', mailFailure(error)));
    const result: ForgotPasswordResult = { delivery: c.var.mailer && c.var.config.publicUrl ? 'email' : 'administrator' };
    return c.json(result, 202);
  })
  .post('/reset-password', validate('json', resetBody), async (c) => {
    const { token, password } = c.req.valid('json');
    // The strength first: a weak password does not spend the token.
    const weak = passwordProblem(password);
    if (weak) throw invalid('Choose a stronger password.', [{ path: 'password', message: weak }]);
    const normalized = normalizeResetToken(token);
    // A malformed token can never match: refused without a lookup and not counted.
    if (!normalized) throw wrongToken();
    const { db } = c.var;
    const now = c.var.now();
    const teacherId = await spendReset(db, normalized, now);
    if (!teacherId) {
      const everyone = await countTry(db, 'reset:*', RESET_GLOBAL_WINDOWS, now);
      if (everyone.retryAfter !== null) throw tooManyRequests('Too many wrong reset codes were tried just now. Try again in a minute.', everyone.retryAfter);
      const prefix = await countTry(db, `reset:${normalized.slice(0, 4)}`, RESET_PREFIX_WINDOWS, now);
      if (prefix.retryAfter !== null) {
        await forgive(db, everyone.id);
        throw tooManyRequests('Too many wrong tries for this code. Check it and try again later.', prefix.retryAfter);
      }
      throw wrongToken();
    }
    const [teacher] = await db
      .update(teachers)
      .set({ passwordHash: await hashPassword(password), passwordChangedAt: now })
      .where(eq(teachers.id, teacherId))
      .returning();
    if (!teacher) throw wrongToken();
    await dropResets(db, teacher.id);
    // Whoever had the old password is out: every session ends, the failed sign-ins are forgotten.
    await endSessionsOfTeacher(c, teacher.id);
    await db.delete(loginFailures).where(eq(loginFailures.email, teacher.email));
    await startSession(c, { teacherId: teacher.id });
    return c.json(teacherMe(teacher), 200);
  });
