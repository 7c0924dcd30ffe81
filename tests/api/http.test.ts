// What every response shares: problem+json errors, security headers and CSP, the Origin check,
// body limits, the request id, and the built client served with an index.html fallback.
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLogger } from '../../server/log.ts';
import { Browser, testServer, type TestServer } from './helpers.ts';

let server: TestServer;
const lines: string[] = [];
beforeAll(async () => {
  server = await testServer({ log: createLogger({ level: 'debug', write: (line) => lines.push(line) }) });
});
afterAll(() => server.close());

const request = (path: string, init?: RequestInit) => server.app.request(`http://localhost${path}`, init);

describe('API basics', () => {
  test("every route fits Hono's RegExpRouter: one path it cannot take makes every request go through the slower trie", async () => {
    expect((await request('/api/health')).status).toBe(200);
    // SmartRouter settles on the first router that takes all routes, at the first request.
    expect((server.app.router as unknown as { activeRouter: { name: string } }).activeRouter.name).toBe('RegExpRouter');
  });

  test('health and the catalog', async () => {
    expect(await (await request('/api/health')).json()).toEqual({ status: 'ok' });
    const { lessons } = await (await request('/api/lessons')).json();
    expect(lessons.length).toBe(server.lessons.list().length);
    expect(Object.keys(lessons[0]).sort()).toEqual(['language', 'minutes', 'questionCount', 'skills', 'slug', 'summary', 'title']);
    const detail = await (await request(`/api/lessons/${lessons[0].slug}`)).json();
    expect(detail.article.paragraphs[0].sentences[0]).toMatchObject({ id: expect.any(String), text: expect.any(String) });
    expect(detail).not.toHaveProperty('questions');
    expect((await request('/api/lessons/nope')).status).toBe(404);
  });

  test('an unknown API path is a JSON 404 problem, never the app shell', async () => {
    for (const [method, path] of [['GET', '/api/nope'], ['POST', '/api/lessons'], ['DELETE', '/api/attempts']]) {
      const res = await request(path, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toEqual({ type: '/problems/not-found', title: 'Not found', status: 404, detail: expect.stringContaining(path) });
    }
  });

  test('a wrong content type, a body that is not JSON and a body too large are refused with a problem', async () => {
    const form = await request('/api/attempts', { method: 'POST', body: 'lessonSlug=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    const broken = await request('/api/attempts', { method: 'POST', body: '{', headers: { 'Content-Type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ status: 400, title: 'Bad request' });
    const huge = await request('/api/attempts', { method: 'POST', body: JSON.stringify({ lessonSlug: 'x'.repeat(100_000) }), headers: { 'Content-Type': 'application/json' } });
    expect(huge.status).toBe(413);
    expect(huge.headers.get('content-type')).toMatch(/problem\+json/);
    // A body that states its length is judged by it before it is read (server/body-limit.ts).
    const stated = JSON.stringify({ lessonSlug: 'x'.repeat(100_000) });
    const statedHuge = await request('/api/attempts', { method: 'POST', body: stated, headers: { 'Content-Type': 'application/json', 'Content-Length': String(stated.length) } });
    expect(statedHuge.status).toBe(413);
    expect(statedHuge.headers.get('content-type')).toMatch(/problem\+json/);
  });

  test('responses carry a request id and API responses are not cached', async () => {
    const res = await request('/api/lessons');
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('browser protections', () => {
  // Pages get the full browser set with a CSP of this origin only; API responses (JSON, never a
  // page) the short API set, whose CSP allows nothing. Both through app.request() and through
  // Node's HTTP server as production serves them (there the API set is written on Node's response).
  const expectPageHeaders = (res: Response, where: string) => {
    const csp = res.headers.get('content-security-policy')!;
    expect(csp, where).toContain("default-src 'self'");
    expect(csp, where).toContain("script-src 'self'");
    expect(csp, where).toContain("frame-ancestors 'none'");
    expect(csp, where).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options'), where).toBe('nosniff');
    expect(res.headers.get('referrer-policy'), where).toBe('same-origin');
    expect(res.headers.get('x-frame-options'), where).toBe('DENY');
  };
  const expectApiHeaders = (res: Response, where: string, cacheControl = 'no-store') => {
    expect(res.headers.get('content-security-policy'), where).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options'), where).toBe('nosniff');
    expect(res.headers.get('x-frame-options'), where).toBe('DENY');
    expect(res.headers.get('cross-origin-resource-policy'), where).toBe('same-origin');
    expect(res.headers.get('strict-transport-security'), where).toMatch(/^max-age=\d+/);
    expect(res.headers.get('cache-control'), where).toBe(cacheControl);
    expect(res.headers.get('x-request-id'), where).toMatch(/^[\w-]{8,}$/);
    // One value each, not the default beside the route's own.
    expect(res.headers.get('cache-control'), where).not.toContain(',');
  };

  test('security headers: the full set and a CSP of this origin on pages, the API set on API responses', async () => {
    for (const path of ['/', '/lessons/x']) expectPageHeaders(await request(path), path);
    for (const path of ['/api/health', '/api/nope']) expectApiHeaders(await request(path), path);
    expectApiHeaders(await request(`/api/lessons/${server.lessons.list()[0]!.slug}`), 'a lesson', 'no-cache');
  });

  test('the same headers through Node as production serves them, and a given request id is kept', async () => {
    const node = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    await new Promise<void>((resolve) => node.once('listening', resolve));
    const base = `http://127.0.0.1:${(node.address() as AddressInfo).port}`;
    try {
      for (const path of ['/', '/lessons/x']) expectPageHeaders(await fetch(base + path), path);
      for (const path of ['/api/health', '/api/nope', '/api/lessons']) expectApiHeaders(await fetch(base + path), path);
      const slug = server.lessons.list()[0]!.slug;
      const lesson = await fetch(`${base}/api/lessons/${slug}`);
      expectApiHeaders(lesson, 'a lesson', 'no-cache');
      const again = await fetch(`${base}/api/lessons/${slug}`, { headers: { 'If-None-Match': lesson.headers.get('etag')! } });
      expect(again.status).toBe(304);
      expectApiHeaders(again, 'a 304', 'no-cache');
      expect((await fetch(`${base}/api/health`, { headers: { 'X-Request-Id': 'from-the-proxy-42' } })).headers.get('x-request-id')).toBe('from-the-proxy-42');
      expect((await fetch(`${base}/api/health`, { headers: { 'X-Request-Id': 'not a token!' } })).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await new Promise((resolve) => node.close(resolve));
    }
  });

  test('a state-changing request from another origin is refused before it changes anything', async () => {
    const body = JSON.stringify({ lessonSlug: server.lessons.list()[0].slug });
    const post = (headers: Record<string, string>) =>
      request('/api/attempts', { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });
    const foreign: Record<string, string>[] = [{ Origin: 'https://evil.example' }, { Origin: 'null' }, { 'Sec-Fetch-Site': 'cross-site' }];
    for (const headers of foreign) {
      const res = await post(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.json()).toMatchObject({ status: 403, type: '/problems/cross-origin' });
    }
    const rs = await server.database.client.execute('SELECT count(*) AS n FROM attempts');
    expect(Number(rs.rows[0].n)).toBe(0);
    expect((await post({ Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' })).status).toBe(201);
    expect((await request('/api/lessons', { headers: { Origin: 'https://evil.example' } })).status).toBe(200);
  });

  test('logs name method, path and status but never bodies, answers or cookies', async () => {
    const learner = new Browser(server);
    const start = await (await learner.post('/api/attempts', { lessonSlug: server.lessons.list()[0].slug })).json();
    const q = start.questions.find((x: { type: string }) => x.type === 'open');
    await learner.put(`/api/attempts/${start.id}/responses/${q.id}`, { answer: { text: 'GEHEIM-ANTWOORD-42' } });
    const log = lines.join('\n');
    expect(log).toContain(`/api/attempts/${start.id}/responses/${q.id}`);
    expect(log).not.toContain('GEHEIM-ANTWOORD-42');
    expect(log).not.toContain([...learner.cookies.values()][0]);
  });
});

describe('the built client', () => {
  test("client routes fall back to index.html, revalidated; hashed assets are cached for a year", async () => {
    for (const path of ['/', '/lessons/hoe-zeker', '/classes/abc/report']) {
      const res = await request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<title>Bronwijs</title>');
    }
    const asset = await request('/assets/app-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await request('/assets/missing-1234.js')).status).toBe(404);
    expect((await request('/favicon.ico')).status).toBe(404);
  });

  test("the build's own metadata (Vite's .vite/manifest.json) is not served, nor any dot-path", async () => {
    mkdirSync(join(server.dir, 'client', '.vite'), { recursive: true });
    writeFileSync(join(server.dir, 'client', '.vite', 'manifest.json'), '{"index.html":{"file":"assets/app-abc123.js"}}');
    for (const path of ['/.vite/manifest.json', '/.vite/', '/assets/.hidden', '/.env']) {
      const res = await request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('assets/app-abc123.js');
    }
  });

  test('a file the build compressed is sent compressed to a browser that accepts it, as it is to one that does not', async () => {
    const script = 'export const words = "' + 'zou, volgens, aldus een bron; '.repeat(40) + '";';
    const assets = join(server.dir, 'client', 'assets');
    writeFileSync(join(assets, 'words-abc123.js'), script);
    writeFileSync(join(assets, 'words-abc123.js.br'), brotliCompressSync(script));
    writeFileSync(join(assets, 'words-abc123.js.gz'), gzipSync(script));
    const cases = [
      ['gzip, deflate, br, zstd', 'br', (b: Buffer) => brotliDecompressSync(b)],
      ['gzip, deflate', 'gzip', (b: Buffer) => gunzipSync(b)],
      ['', null, (b: Buffer) => b],
    ] as const;
    for (const [accept, encoding, decode] of cases) {
      const res = await request('/assets/words-abc123.js', { headers: accept ? { 'Accept-Encoding': accept } : {} });
      expect(res.status, accept).toBe(200);
      expect(res.headers.get('content-encoding'), accept).toBe(encoding);
      expect(res.headers.get('content-type'), accept).toMatch(/javascript/);
      expect(res.headers.get('cache-control'), accept).toBe('public, max-age=31536000, immutable');
      if (encoding) expect(res.headers.get('vary'), accept).toMatch(/Accept-Encoding/);
      const body = Buffer.from(await res.arrayBuffer());
      if (encoding) expect(body.length).toBeLessThan(script.length / 4);
      expect(decode(body).toString('utf8'), accept).toBe(script);
    }
  });
});
