// Scenario 0's server: the bare stack Bronwijs runs on, the same hono and @hono/node-server and the
// same worker count as server/main.ts (WEB_CONCURRENCY, else one per core, node:cluster), with no
// middleware and no database. GET /json answers a small JSON; PUT /echo parses a small JSON body
// and answers it. What Bronwijs's own request path costs is measured against these two.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const workers = Number(process.env.WEB_CONCURRENCY?.trim() || availableParallelism());

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) {
    // The bench waits for one such line per worker, as the real server's workers log it.
    cluster.fork().once('listening', () => process.stdout.write(`${JSON.stringify({ level: 'info', msg: 'listening' })}\n`));
  }
  const stop = () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  const app = new Hono()
    .get('/api/health', (c) => c.json({ status: 'ok' }))
    .get('/json', (c) => c.json({ status: 'ok', items: [1, 2, 3], name: 'bronwijs' }))
    .put('/echo', async (c) => c.json(await c.req.json()));
  serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3000), hostname: process.env.HOST ?? '127.0.0.1' }, () => {
    if (workers === 1) process.stdout.write(`${JSON.stringify({ level: 'info', msg: 'listening' })}\n`);
  });
  process.on('SIGTERM', () => process.exit(0));
}
