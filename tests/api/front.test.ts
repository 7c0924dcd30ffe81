// server/front.ts answers a catalog lesson's GET, and an answer the worker remembers the session of,
// without the app: its answer must be the app's own, status, bytes and headers, for every encoding
// and revalidation a browser sends, and for answers in both modes; everything else, refusals of an
// answer included, goes to the app, which answers as it always did.
import { getRequestListener, serve } from '@hono/node-server';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { frontDepsOf } from '../../server/app.ts';
import { serveApp, withFront } from '../../server/front.ts';
import { createLogger } from '../../server/log.ts';
import type { AttemptView, PublicQuestion } from '../../server/api-types.ts';
import { answerFor } from '../bench/answers.ts';
import { count, testServer, type TestServer } from './helpers.ts';

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
  front = serveApp(server.app, { port: 0, hostname: '127.0.0.1' });
  appOnly = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  const toApp = getRequestListener(server.app.fetch);
  const spy: RequestListener = (req, res) => {
    appAsked.push(`${req.method} ${req.url}`);
    return toApp(req, res);
  };
  watched = createServer(withFront(spy, frontDepsOf(server.app))).listen(0, '127.0.0.1');
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
    const node = createServer(withFront(getRequestListener(server.app.fetch), { ...frontDepsOf(server.app), lessons: broken })).listen(0, '127.0.0.1');
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

describe('an answer in front of the app', () => {
  /** A self-study learner's first visit, through `base`: the attempt and the session's cookie. */
  async function started(base: string, mode: 'practice' | 'test') {
    const slug = server.lessons.list()[0]!.slug;
    const res = await fetch(`${base}/api/attempts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lessonSlug: slug, mode }) });
    expect(res.status).toBe(201);
    const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
    const attempt = (await res.json()) as AttemptView;
    const put = (at: string, q: PublicQuestion, init: { body?: string; headers?: Record<string, string> } = {}) =>
      fetch(`${at}/api/attempts/${attempt.id}/responses/${q.id}`, {
        method: 'PUT',
        headers: { cookie, 'content-type': 'application/json', ...init.headers },
        body: init.body ?? JSON.stringify({ answer: answerFor(q, 0.3) }),
      });
    return { attempt, cookie, questions: attempt.questions, put };
  }
  const stored = (attemptId: string) => count(server, 'responses', 'attempt_id = ?', [attemptId]);

  test("is answered as the app answers it, in practice and in test mode, and is the app's to read", async () => {
    const [base, appBase] = await Promise.all([listening(watched), listening(appOnly)]);
    for (const mode of ['practice', 'test'] as const) {
      const { attempt, cookie, questions, put } = await started(base, mode);
      appAsked = [];
      // The first answer reads the session (the app); the worker then remembers it.
      expect((await put(base, questions[0]!)).status).toBe(200);
      expect(appAsked).toEqual([`PUT /api/attempts/${attempt.id}/responses/${questions[0]!.id}`]);
      const key = { 'idempotency-key': `front-${mode}` };
      const fromFront = await put(base, questions[1]!, { headers: key });
      expect(appAsked).toHaveLength(1);
      // The same request again, to the app alone: a retry, which it answers as the first time.
      const fromApp = await put(appBase, questions[1]!, { headers: key });
      const seen = async (res: Response) => ({
        status: res.status,
        headers: Object.fromEntries([...res.headers].filter(([name]) => !VARYING.has(name)).sort()),
        body: await res.text(),
      });
      const [front, app] = [await seen(fromFront), await seen(fromApp)];
      expect(front.status).toBe(200);
      expect(front).toEqual(app);
      expect(JSON.parse(front.body)).toMatchObject({ saved: true, questionId: questions[1]!.id, try: 1 });
      if (mode === 'test') expect(Object.keys(JSON.parse(front.body)).sort()).toEqual(['questionId', 'saved', 'try']);
      expect(await stored(attempt.id)).toBe(2);
      // What the front saved, the app reads back.
      const view = (await (await fetch(`${appBase}/api/attempts/${attempt.id}`, { headers: { cookie } })).json()) as AttemptView;
      expect(view.responses.map((r) => r.questionId)).toEqual([questions[0]!.id, questions[1]!.id]);
    }
  });

  test('a refusal, or a request the app checks before reading a body, goes to the app with its body', async () => {
    const base = await listening(watched);
    const { attempt, questions, put } = await started(base, 'practice');
    expect((await put(base, questions[0]!)).status).toBe(200);
    const q = questions[1]!;
    const path = `/api/attempts/${attempt.id}/responses/${q.id}`;
    const cases: [string, { body?: string; headers?: Record<string, string> }, number, string][] = [
      ['not JSON', { body: '{"answer": ' }, 400, 'bad-request'],
      ['not an object of the schema', { body: JSON.stringify({ answer: answerFor(q, 0.3), extra: 1 }) }, 422, 'invalid-input'],
      ['an answer that does not fit', { body: JSON.stringify({ answer: { nothing: true } }) }, 422, 'invalid-input'],
      ['a bad Idempotency-Key', { headers: { 'idempotency-key': 'has spaces in it' } }, 400, 'bad-request'],
      ['not said to be JSON', { headers: { 'content-type': 'text/plain' } }, 415, 'unsupported-media-type'],
      ['from another site', { headers: { origin: 'https://elders.example' } }, 403, 'cross-origin'],
    ];
    for (const [what, init, status, type] of cases) {
      appAsked = [];
      const res = await put(base, q, init);
      expect(res.status, what).toBe(status);
      expect((await res.json()).type, what).toBe(`/problems/${type}`);
      expect(appAsked, what).toEqual([`PUT ${path}`]);
      // The refused answer forgot what the worker remembered: the next good one reads afresh.
      expect((await put(base, questions[0]!)).status).toBe(200);
    }
    expect(await stored(attempt.id)).toBe(1 + cases.length);
    // Same site, as a browser sends it: the front's.
    appAsked = [];
    const own = await put(base, q, { headers: { origin: base, 'sec-fetch-site': 'same-origin' } });
    expect(own.status).toBe(200);
    expect(appAsked).toEqual([]);
    // Signed out in between: the app's fresh read refuses it, and nothing is stored.
    await server.database.client.execute({ sql: 'DELETE FROM sessions' });
    const before = await stored(attempt.id);
    const signedOut = await put(base, questions[2]!);
    expect(signedOut.status).toBe(401);
    expect(appAsked).toEqual([`PUT /api/attempts/${attempt.id}/responses/${questions[2]!.id}`]);
    expect(await stored(attempt.id)).toBe(before);
  });

  test("keeps a proxy's request id and writes the request's log line", async () => {
    const base = await listening(watched);
    const { attempt, questions, put } = await started(base, 'test');
    expect((await put(base, questions[0]!)).status).toBe(200);
    lines.length = 0;
    appAsked = [];
    const res = await put(base, questions[1]!, { headers: { 'x-request-id': 'from-the-proxy-43' } });
    expect(res.status).toBe(200);
    expect(appAsked).toEqual([]);
    expect(res.headers.get('x-request-id')).toBe('from-the-proxy-43');
    const logged = lines.map((line) => JSON.parse(line)).filter((line) => line.msg === 'request');
    expect(logged).toEqual([
      expect.objectContaining({ level: 'info', requestId: 'from-the-proxy-43', method: 'PUT', path: `/api/attempts/${attempt.id}/responses/${questions[1]!.id}`, status: 200 }),
    ]);
  });
});
