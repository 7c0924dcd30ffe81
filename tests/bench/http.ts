// A small keep-alive HTTP client for the bench drivers: one cookie per simulated learner,
// JSON in and out, the latency of every request. node:http so the socket pool is explicit.
import { Agent, request as httpRequest } from 'node:http';

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as text; with `prefixOnly`, only its first bytes (a check that it is what was asked for). */
  text: string;
  /** The body's length in bytes. */
  bytes: number;
  /** Milliseconds from the call to the last byte of the body. */
  ms: number;
}

export interface HttpClientOptions {
  /** Most sockets open at once; further requests queue in the agent (and the queue counts in the latency). */
  maxSockets?: number;
  /** Give up on a request after this long, so every loop is bounded in time. */
  timeoutMs?: number;
  /**
   * Close a kept-alive socket after it was idle this long, or a second before the server's own
   * keep-alive timeout (its Keep-Alive: timeout=N header, which Node's agent heeds only when it has
   * a timeout of its own), as a browser does: without it, a request sent on a socket that the server
   * is closing just then fails (ECONNRESET). For clients whose sockets sit idle for seconds.
   */
  idleTimeoutMs?: number;
}

export class HttpClient {
  private readonly agent: Agent;
  private readonly timeoutMs: number;
  private readonly url: URL;

  constructor(baseUrl: string, { maxSockets = 256, timeoutMs = 30_000, idleTimeoutMs }: HttpClientOptions = {}) {
    this.url = new URL(baseUrl);
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, ...(idleTimeoutMs ? { timeout: idleTimeoutMs } : {}) });
    this.timeoutMs = timeoutMs;
  }

  /**
   * `prefixOnly`: decode only the body's first bytes. A simulated device that would parse the body
   * in its own browser should not spend this machine's cores on it (the server's share of them is
   * what the bench measures): 16 KB of attempt decoded and parsed 3,000 times took a core-second.
   */
  send(
    method: string,
    path: string,
    { body, cookie, headers = {}, prefixOnly = false }: { body?: unknown; cookie?: string; headers?: Record<string, string>; prefixOnly?: boolean } = {},
  ): Promise<HttpResponse> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: this.url.hostname,
          port: this.url.port,
          method,
          path,
          agent: this.agent,
          timeout: this.timeoutMs,
          headers: {
            accept: 'application/json, application/problem+json',
            ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
            ...(cookie ? { cookie } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const ms = performance.now() - started;
            const bytes = chunks.reduce((n, chunk) => n + chunk.length, 0);
            const text = prefixOnly ? (chunks[0]?.toString('utf8', 0, 64) ?? '') : Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, bytes, ms });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`timeout after ${this.timeoutMs} ms: ${method} ${path}`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The name=value part of each Set-Cookie header, joined for a Cookie header. */
export function cookieFrom(res: HttpResponse, previous = ''): string {
  const set = res.headers['set-cookie'];
  if (!set) return previous;
  const jar = new Map<string, string>();
  const put = (pair: string) => {
    const eq = pair.indexOf('=');
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  };
  if (previous) previous.split('; ').forEach(put);
  for (const header of Array.isArray(set) ? set : [set]) put(header.split(';')[0]!);
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** Runs task(i) for i in 0..n-1 with at most `limit` running at once. */
export async function pool(n: number, limit: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, n) }, worker));
}
