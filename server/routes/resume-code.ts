// POST /api/resume-code: a self-study learner notes a resume code to continue on another device.
// Students got theirs when they joined; a new code replaces the old one, which stops working.
import { eq } from 'drizzle-orm';
import { learners } from '../../db/schema.ts';
import { factory } from '../env.ts';
import { forbidden } from '../errors.ts';
import { requireLearner } from '../guards.ts';
import { hashResumeCode, newResumeCode, normalizeResumeCode } from '../security/codes.ts';

export const resumeCodeRoutes = factory.createApp().post('/', requireLearner, async (c) => {
  const learner = c.var.learner;
  if (learner.kind !== 'self') {
    throw forbidden('Students receive their resume code when they join their class.', 'student-resume-code');
  }
  const resumeCode = newResumeCode();
  await c.var.db
    .update(learners)
    .set({ resumeCodeHash: hashResumeCode(normalizeResumeCode(resumeCode)!) })
    .where(eq(learners.id, learner.id));
  return c.json({ resumeCode }, 201);
});
