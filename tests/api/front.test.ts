// server/front.ts answers a catalog lesson's GET without the app: its answer must be the app's own,
// status, bytes and headers, for every encoding and revalidation a browser sends; everything else
// goes to the app.
import { getRequestListener, serve } from '@hono/node-server';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveApp, withFront } from '../../server/front.ts';
import { createLogger } from '../../server/log.ts';
import { testServer, type TestServer } from './helpers.ts';

let server: TestServer;
const lines: string[] = [];
const log = createLogger({ level: 'info', write: (line) => lines.push(line) });
let front: Server;
let appOnly: Server;
let watched: Server;
let appAsked: string[] = [];

const listening = async (node: Server) => {
  if (!node.listening) await new Promise<void>((resolve) => node.once('listening', resolve));
  return `http://127.0.0.1:${(node.address() as AddressInfo).port}`;
};
const closing = (node: Server) => new Promise((resolve) => node.close(resolve));

beforeAll(async () => {
  server = await testServer({ log });
  // As server/worker.ts serves, beside the app served alone, and the front over a spy of the app.
  front = serveApp(server.app, { port: 0, hostname: '127.0.0.1', lessons: server.lessons, log });
  appOnly = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  const toApp = getRequestListener(server.app.fetch);
  const spy: RequestListener = (req, res) => {
    appAsked.push(`${req.method} ${req.url}`);
    return toApp(req, res);
  };
  watched = createServer(withFront(spy, { lessons: server.lessons, log })).listen(0, '127.0.0.1');
});
afterAll(async () => {
  await Promise.all([closing(front), closing(appOnly), closing(watched)]);
  server.close();
});

// Set per connection or per request by Node, or made anew per request.
const VARYING = new Set(['date', 'connection', 'keep-alive', 'x-request-id']);

async function answer(base: string, path: string, headers: Record<string, string>) {
  const res = await fetch(base + path, { headers });
  const kept = [...res.headers].filter(([name]) => !VARYING.has(name));
  return { status: res.status, headers: Object.fromEntries(kept.sort()), body: Buffer.from(await res.arrayBuffer()).toString('base64') };
}

describe('the front (server/front.ts)', () => {
  test("a catalog lesson's GET is answered as the app answers it, for each encoding and revalidation", async () => {
    const [frontBase, appBase] = await Promise.all([listening(front), listening(appOnly)]);
    const slug = server.lessons.list()[0]!.slug;
    const path = `/api/lessons/${slug}`;
    const encodings = ['gzip, deflate, br, zstd', 'gzip', 'br;q=0, gzip', 'identity', '*'];
    let compared = 0;
    for (const acceptEncoding of encodings) {
      const asked = { 'accept-encoding': acceptEncoding };
      const first = await answer(appBase, path, asked);
      expect(first.status).toBe(200);
      const etag = first.headers.etag!;
      for (const ifNoneMatch of [undefined, etag, `W/${etag}`, `"other", ${etag}`, '*', '"other"']) {
        const headers = { ...asked, ...(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}) };
        const [fromFront, fromApp] = await Promise.all([answer(frontBase, path, headers), answer(appBase, path, headers)]);
        expect(fromFront, JSON.stringify(headers)).toEqual(fromApp);
        compared++;
      }
    }
    expect(compared).toBe(encodings.length * 6);
  });

  test('the app is not asked for a catalog lesson, and is for everything else', async () => {
    const base = await listening(watched);
    const slug = server.lessons.list()[0]!.slug;
    appAsked = [];
    const lesson = await fetch(`${base}/api/lessons/${slug}`);
    expect(lesson.status).toBe(200);
    expect((await lesson.json()).slug).toBe(slug);
    expect(appAsked).toEqual([]);

    const others: [string, string, number][] = [
      ['GET', '/api/lessons/nope', 404],
      ['GET', `/api/lessons/${slug}?x=1`, 200],
      ['HEAD', `/api/lessons/${slug}`, 200],
      ['GET', `/api/lessons/${slug}/guide`, 401],
      ['GET', '/api/lessons', 200],
      ['POST', `/api/lessons/${slug}`, 404],
    ];
    for (const [method, path, status] of others) {
      const res = await fetch(base + path, { method });
      expect(res.status, `${method} ${path}`).toBe(status);
    }
    expect(appAsked).toEqual(others.map(([method, path]) => `${method} ${path}`));
    const missing = await fetch(`${base}/api/lessons/nope`);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  test('a request id given by a proxy is kept, another is made, and each answer has its log line', async () => {
    const base = await listening(watched);
    const slug = server.lessons.list()[0]!.slug;
    lines.length = 0;
    const kept = await fetch(`${base}/api/lessons/${slug}`, { headers: { 'X-Request-Id': 'from-the-proxy-42' } });
    expect(kept.headers.get('x-request-id')).toBe('from-the-proxy-42');
    const made = await fetch(`${base}/api/lessons/${slug}`, { headers: { 'X-Request-Id': 'not a token!', 'If-None-Match': kept.headers.get('etag')! } });
    expect(made.status).toBe(304);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const logged = lines.map((line) => JSON.parse(line)).filter((line) => line.msg === 'request');
    expect(logged).toEqual([
      expect.objectContaining({ level: 'info', requestId: 'from-the-proxy-42', method: 'GET', path: `/api/lessons/${slug}`, status: 200 }),
      expect.objectContaining({ level: 'info', requestId: made.headers.get('x-request-id'), method: 'GET', path: `/api/lessons/${slug}`, status: 304 }),
    ]);
  });
});

describe('the front when a lesson cannot be answered', () => {
  test('the app answers in its place, and the process keeps serving', async () => {
    const broken = { ...server.lessons, current: () => { throw new Error('the lesson store failed'); } } as unknown as typeof server.lessons;
    const node = createServer(withFront(getRequestListener(server.app.fetch), { lessons: broken, log })).listen(0, '127.0.0.1');
    const base = await listening(node);
    try {
      const slug = server.lessons.list()[0]!.slug;
      // The app has its own store, so it answers the lesson; the point is that the front's failure
      // reached neither the client as a reset nor the process as an uncaught exception.
      const res = await fetch(`${base}/api/lessons/${slug}`);
      expect(res.status).toBe(200);
      expect((await res.json()).slug).toBe(slug);
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
    } finally {
      await closing(node);
    }
  });
});
