// GET /api/health: the process is up and the database answers (for load balancers and uptime checks).
import { factory } from '../env.ts';
import { problem } from '../errors.ts';

export const healthRoutes = factory.createApp().get('/', async (c) => {
  try {
    await c.var.client.execute('SELECT 1');
  } catch (cause) {
    throw problem(503, 'The database does not answer.', { type: 'unavailable', cause });
  }
  return c.json({ status: 'ok' as const }, 200);
});
