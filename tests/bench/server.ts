// Starts the real server as a child process for the bench: built client, a fresh file database
// (WAL, synchronous FULL, as main.ts opens it), bound to 127.0.0.1, default configuration
// otherwise (LOG_LEVEL info: one log line per request, as deployed). It runs the bundle exactly
// as `npm start` does (node dist/server/main.js, built by scripts/build-server.mjs; a .ts entry
// runs with `--import tsx`). The server's memory is the sum over its process tree: the cluster
// primary and every worker.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { freePort, waitUntilHealthy } from '../server-child.ts';
import { fileURLToPath } from 'node:url';

export interface RunningServer {
  url: string;
  pid: number;
  databaseFile: string;
  /** Resident memory now and its high-water mark, in bytes, from /proc/<pid>/status. */
  memory(): { rss: number; hwm: number };
  /** The last lines the server wrote, to explain a failure. */
  output(): string;
  /** Warnings and errors the server logged (the first 20). */
  problems(): string[];
  stop(): Promise<void>;
}

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));


export function readMemory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

/** The process and all its descendants (a cluster's primary and workers). */
export function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    let children = '';
    try {
      for (const task of readdirSync(`/proc/${out[i]}/task`)) children += readFileSync(`/proc/${out[i]}/task/${task}/children`, 'utf8') + ' ';
    } catch {
      // gone meanwhile
    }
    out.push(...children.split(/\s+/).filter(Boolean).map(Number));
  }
  return out;
}

/** Resident memory summed over the process tree; hwm is the sum of each process's own high-water mark. */
export function treeMemory(pid: number): { rss: number; hwm: number } {
  let rss = 0;
  let hwm = 0;
  for (const p of processTree(pid)) {
    try {
      const m = readMemory(p);
      rss += m.rss;
      hwm += m.hwm;
    } catch {
      // exited between listing and reading
    }
  }
  return { rss, hwm };
}

export async function startServer({
  databaseFile,
  entry = 'dist/server/main.js',
  startTimeoutMs = 60_000,
}: {
  databaseFile: string;
  /** The module that starts the server, relative to the repository. */
  entry?: string;
  startTimeoutMs?: number;
}): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), ...(entry.endsWith('.ts') ? ['--import', 'tsx'] : []), entry], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `file:${databaseFile}`, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  let listening = 0;
  const problems: string[] = [];
  const keep = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    // The server logs a line per request: look at the lines only when the chunk has a problem in
    // it (this process shares the machine's two cores with the server it measures).
    if (problems.length < 20 && /"level":"(warn|error)"|Error|FATAL|Failed/.test(text)) {
      for (const l of text.split('\n')) if (/"level":"(warn|error)"|^\S*Error|FATAL|Failed/.test(l) && problems.length < 20) problems.push(l.slice(0, 500));
    }
    if (text.includes('"msg":"listening"')) listening += text.split('"msg":"listening"').length - 1;
    tail = (tail + text).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited: number | null = null;
  child.once('exit', (code, signal) => {
    exited = code ?? (signal ? 128 : 1);
  });

  const deadline = Date.now() + startTimeoutMs;
  try {
    await waitUntilHealthy(url, { timeoutMs: startTimeoutMs, exited: () => (exited === null ? null : `code ${exited}`), output: () => tail });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  // A cluster answers once its first worker listens; wait for the others (every process but the
  // primary) before measuring anything.
  while (Date.now() < deadline) {
    const processes = processTree(child.pid!).length;
    if (processes === 1 || listening >= processes - 1) break;
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    pid: child.pid!,
    databaseFile,
    memory: () => treeMemory(child.pid!),
    output: () => tail,
    problems: () => problems,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
