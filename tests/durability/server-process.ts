// The real server (server/main.ts) as a child process, for the suites that must kill it, restart it
// or run two of it on one database file. Node runs main.ts with `--import tsx` itself, so a signal
// sent to the child reaches the server and nothing in between.
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, waitUntilHealthy } from '../server-child.ts';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  url: string;
  pid: number;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}


/** Start main.ts on a free port with the given database file and wait until /api/health answers. */
export async function startServerProcess({
  databaseFile,
  env = {},
  startTimeoutMs = 60_000,
}: {
  databaseFile: string;
  env?: Record<string, string>;
  startTimeoutMs?: number;
}): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      // One process: a SIGKILL or SIGTERM reaches the process that serves and writes.
      WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? '1',
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${databaseFile}`,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  let ended = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      ended = true;
      resolve({ code, signal });
    }),
  );

  try {
    await waitUntilHealthy(url, { timeoutMs: startTimeoutMs, exited: () => (ended ? 'ended' : null), output: () => log.slice(-4000), intervalMs: 50 });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  return {
    url,
    pid: child.pid!,
    output: () => log,
    exited,
    kill(signal) {
      if (!ended) child.kill(signal);
      return exited;
    },
  };
}

/** Cookie jar of one browser: keeps name=value of every Set-Cookie it is given. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}
