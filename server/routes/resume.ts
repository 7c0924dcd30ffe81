// POST /api/resume: a student continues on another device with the resume code they were shown
// once at joining; a self-study learner with the one they noted (./resume-code.ts).
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { learners } from '../../db/schema.ts';
import type { Me } from '../api-types.ts';
import { factory } from '../env.ts';
import { forbidden, notFound, tooManyRequests, validate } from '../errors.ts';
import { getSession, startSession } from '../session.ts';
import { hashResumeCode, normalizeResumeCode } from '../security/codes.ts';
import { countTry, forgive, RESUME_GLOBAL_WINDOWS, RESUME_PREFIX_WINDOWS } from '../security/rate-limit.ts';

const resumeBody = z.object({ resumeCode: z.string().max(40) });

export const resumeRoutes = factory.createApp().post('/', validate('json', resumeBody), async (c) => {
    const code = normalizeResumeCode(c.req.valid('json').resumeCode);
    const wrong = () => notFound('No student has this resume code. Check it and try again.');
    if ((await getSession(c))?.teacherId) {
      throw forbidden('You are signed in as a teacher. Use a private window to continue as a student.', 'teacher-not-learner');
    }
    // A malformed code can never match: refused without a lookup and not counted.
    if (!code) throw wrong();
    const { db } = c.var;
    // The lookup comes first: the right code always works, however many wrong ones others tried.
    const [learner] = await db.select().from(learners).where(eq(learners.resumeCodeHash, hashResumeCode(code))).limit(1);
    if (!learner) {
      // Only wrong codes are counted and limited: per first group (someone working on a code they
      // half-saw) and over the whole server (random guessing, a load).
      const now = c.var.now();
      const everyone = await countTry(db, 'resume:*', RESUME_GLOBAL_WINDOWS, now);
      if (everyone.retryAfter !== null) throw tooManyRequests('Too many wrong resume codes were tried just now. Check your code and try again in a minute.', everyone.retryAfter);
      const prefix = await countTry(db, `resume:${code.slice(0, 4)}`, RESUME_PREFIX_WINDOWS, now);
      if (prefix.retryAfter !== null) {
        await forgive(db, everyone.id);
        throw tooManyRequests('Too many wrong tries for this code. Check it and try again later.', prefix.retryAfter);
      }
      throw wrong();
    }
    await startSession(c, { learnerId: learner.id });
    const me: Me = { role: 'student', id: learner.id, name: learner.displayName ?? undefined, classId: learner.classId ?? undefined };
    return c.json(me, 200);
  });
