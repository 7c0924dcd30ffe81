// GET /api/attempts: the current learner's own attempts, newest first, so that a learner who
// resumed on another device finds their lessons again. Never anyone else's; no scores here.
import { desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { attempts } from '../../db/schema.ts';
import type { AttemptSummary } from '../api-types.ts';
import type { AppEnv } from '../env.ts';
import { requireLearner } from '../session.ts';

/** Enough for any learner's history in the catalog; older attempts stay reachable by their link. */
const LIMIT = 100;

export const myAttemptRoutes = new Hono<AppEnv>().get('/attempts', requireLearner, async (c) => {
  const rows = await c.var.db
    .select({
      id: attempts.id,
      lessonSlug: attempts.lessonSlug,
      mode: attempts.mode,
      status: attempts.status,
      assignmentId: attempts.assignmentId,
      startedAt: attempts.startedAt,
      finishedAt: attempts.finishedAt,
    })
    .from(attempts)
    .where(eq(attempts.learnerId, c.var.learner.id))
    .orderBy(desc(attempts.startedAt))
    .limit(LIMIT);
  const list: AttemptSummary[] = rows.map((r) => ({
    ...r,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  }));
  c.header('Cache-Control', 'no-store');
  return c.json({ attempts: list }, 200);
});
