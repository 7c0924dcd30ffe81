// GET /api/health: the process is up and the database answers (for load balancers and uptime checks).
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { problem } from '../errors.ts';

export const health = new Hono<AppEnv>().get('/health', async (c) => {
  try {
    await c.var.client.execute('SELECT 1');
  } catch (cause) {
    throw problem(503, 'The database does not answer.', { type: 'unavailable', cause });
  }
  c.header('Cache-Control', 'no-store');
  return c.json({ status: 'ok' as const }, 200);
});
