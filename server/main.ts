// The server: `npm start` runs this (bundled to dist/server/main.js). With WEB_CONCURRENCY
// workers (default: one per core) it is a small primary that forks the workers of
// server/worker.ts, which share the port (node:cluster) and each open their own connection and
// write queue on the one database: nothing lives only in one process's memory (DESIGN.md,
// scale-out). With one worker it serves in this process. This module imports nothing heavy, so
// the primary stays small (its memory counts with the workers').
//
// The first worker starts alone (it migrates and stores the lesson versions), the others once it
// listens. On SIGTERM/SIGINT every worker stops accepting, lets its requests in flight finish and
// exits; the primary then exits 0. A worker that dies while serving is replaced; one that dies
// before it ever listened (a configuration error, a port in use) stops the whole server.
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';

// The worker module next to this one: server/worker.ts under tsx, dist/server/worker.js built.
const workerModule = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url).href;

function workerCount(): number {
  const raw = process.env.WEB_CONCURRENCY?.trim();
  if (raw) {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 64) {
      process.stderr.write(`Configuration error: WEB_CONCURRENCY: expected a whole number from 1 to 64, got '${raw}'\n`);
      process.exit(1);
    }
    return n;
  }
  // An embedded replica or an in-memory database is one process's own: one worker.
  const url = process.env.DATABASE_URL ?? '';
  if (process.env.DATABASE_SYNC_URL || url.includes(':memory:')) return 1;
  return Math.max(1, availableParallelism());
}

const line = (level: string, msg: string, fields: Record<string, unknown> = {}) =>
  JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }) + '\n';

function primary(count: number): void {
  const workers = new Set<Worker>();
  const listened = new WeakSet<Worker>();
  let stopping = false;
  let exitCode = 0;

  const fork = () => {
    // One malloc arena: glibc gives each thread (libuv's pool, V8's helpers) its own, which holds
    // freed native memory; the workers' threads allocate little (tests/bench/NOTES.md, memory).
    const worker = cluster.fork({ MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '1' });
    workers.add(worker);
    worker.once('listening', () => {
      listened.add(worker);
      // The first worker has migrated and stored the lesson versions: start the others.
      if (workers.size < count && !stopping) while (workers.size < count) fork();
    });
    worker.once('exit', (code, signal) => {
      workers.delete(worker);
      if (stopping) {
        // A worker still starting when the signal came dies of it: nothing of it to finish.
        if (code !== 0 && listened.has(worker)) exitCode = 1;
        if (workers.size === 0) process.exit(exitCode);
        return;
      }
      if (!listened.has(worker)) {
        // It never served: forking again would fail the same way.
        process.stderr.write(line('error', 'worker failed to start: stopping', { pid: worker.process.pid, code, signal }));
        stop(1);
        return;
      }
      process.stderr.write(line('warn', 'worker died: starting another', { pid: worker.process.pid, code, signal }));
      fork();
    });
  };

  const stop = (code = 0) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    if (workers.size === 0) process.exit(exitCode);
    for (const worker of workers) worker.process.kill('SIGTERM');
  };
  process.on('SIGTERM', () => stop());
  process.on('SIGINT', () => stop());
  fork();
}

if (cluster.isPrimary && workerCount() > 1) {
  // Bounded worker heaps: 4 MB semi-spaces (short-lived request garbage) and an 80 MB old
  // generation keep the cluster inside the memory budget; the measurements behind both figures
  // are in tests/bench/NOTES.md (memory). BRONWIJS_WORKER_NODE_ARGS overrides them.
  cluster.setupPrimary({ exec: process.argv[1], execArgv: [...process.execArgv, ...(process.env.BRONWIJS_WORKER_NODE_ARGS ?? '--max-semi-space-size=4 --max-old-space-size=80').split(' ').filter(Boolean)] });
  primary(workerCount());
} else {
  const { runServer } = (await import(workerModule)) as typeof import('./worker.ts');
  runServer().catch((error: unknown) => {
    process.stderr.write(`Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
