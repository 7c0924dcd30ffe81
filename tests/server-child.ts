// What every suite that runs the real server as a child process needs: a free port on loopback,
// and waiting until GET /api/health answers (or saying why it never did).
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Polls `${url}/api/health`; throws with the server's output if it exits first or time runs out. */
export async function waitUntilHealthy(
  url: string,
  { timeoutMs, exited, output, intervalMs = 100 }: { timeoutMs: number; exited: () => string | null; output: () => string; intervalMs?: number },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const exit = exited();
    if (exit !== null) throw new Error(`server exited (${exit}) before it was healthy:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server not healthy within ${timeoutMs} ms:\n${output()}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
