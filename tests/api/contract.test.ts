// The API's contract as the app states it: the OpenAPI document at /api/openapi.json lists every
// route the app has (walked from app.routes, as the authorization matrix does) with the request
// schemas its validators check; and a lesson's JSON, fixed per version, is revalidated by ETag.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testServer, type TestServer } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.close());

const request = (path: string, init?: RequestInit) => server.app.request(`http://localhost${path}`, init);

type Doc = { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> }; responses: Record<string, unknown> }>> };

describe('GET /api/openapi.json', () => {
  let doc: Doc;
  beforeAll(async () => {
    const res = await request('/api/openapi.json');
    expect(res.status).toBe(200);
    doc = (await res.json()) as Doc;
  });

  test('is OpenAPI 3.1 and lists every route of the app, and only those', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    // Middleware and the fallbacks for unknown paths are registered for ALL methods: not endpoints.
    const routes = new Set(server.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`));
    const listed = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    expect(routes.size).toBeGreaterThan(25);
    expect([...routes].filter((r) => !listed.has(r)), 'routes missing from the document').toEqual([]);
    expect([...listed].filter((r) => !routes.has(r)), 'paths the app does not have').toEqual([]);
  });

  test('a route with a JSON body carries its schema and its 415 and 422 problems', () => {
    const join = doc.paths['/api/join']!.post!;
    expect(Object.keys(join.requestBody!.content['application/json']!.schema.properties!).sort()).toEqual(['displayName', 'joinCode']);
    expect(join.responses).toHaveProperty('415');
    expect(join.responses).toHaveProperty('422');
    const answer = doc.paths['/api/attempts/{id}/responses/{questionId}']!.put!;
    expect(answer.requestBody!.content['application/json']!.schema.properties).toHaveProperty('answer');
    expect(doc.paths['/api/assignments/{id}/report']!.get!.requestBody).toBeUndefined();
  });
});

describe('GET /api/lessons/:slug is revalidated by its version', () => {
  test('an ETag naming the version, a Cache-Control that allows keeping it, and 304 on a repeat load', async () => {
    const lesson = server.lessons.list()[0]!;
    const first = await request(`/api/lessons/${lesson.slug}`);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(new RegExp(`^"${lesson.version}-[\\w-]+"$`));
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect((await first.json()).version).toBe(lesson.version);

    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await request(`/api/lessons/${lesson.slug}`, { headers: { 'If-None-Match': ifNoneMatch } });
      expect(again.status, ifNoneMatch).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toBe('no-cache');
    }
    const stale = await request(`/api/lessons/${lesson.slug}`, { headers: { 'If-None-Match': `"${'0'.repeat(16)}-x"` } });
    expect(stale.status).toBe(200);
    expect((await stale.json()).slug).toBe(lesson.slug);
  });

  test('compressed as the browser accepts it (brotli, gzip), each encoding with a tag of its own, revalidated by any of them', async () => {
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    const lesson = server.lessons.list()[0]!;
    const path = `/api/lessons/${lesson.slug}`;
    const plain = await request(path);
    const text = await plain.text();
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    const cases = [
      ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
      ['br;q=0.5, gzip;q=1', 'gzip', gunzipSync],
      ['gzip;q=0, br;q=0, identity', null, (b: Buffer) => b],
      ['deflate', null, (b: Buffer) => b],
    ] as const;
    const tags = new Set<string>();
    for (const [accept, encoding, decode] of cases) {
      const res = await request(path, { headers: { 'Accept-Encoding': accept } });
      expect(res.status, accept).toBe(200);
      expect(res.headers.get('content-encoding'), accept).toBe(encoding);
      expect(res.headers.get('vary'), accept).toBe('Accept-Encoding');
      const body = Buffer.from(await res.arrayBuffer());
      if (encoding) expect(body.length, accept).toBeLessThan(Buffer.byteLength(text) / 2);
      expect(decode(body).toString('utf8'), accept).toBe(text);
      const etag = res.headers.get('etag')!;
      expect(etag, accept).toMatch(new RegExp(`^"${lesson.version}-[\\w-]+"$`));
      tags.add(etag);
      // A browser that kept this representation revalidates it under any encoding it asks for.
      for (const other of ['br', 'gzip', '']) {
        const again = await request(path, { headers: { 'If-None-Match': etag, ...(other ? { 'Accept-Encoding': other } : {}) } });
        expect(again.status, `${accept} then ${other}`).toBe(304);
        expect(await again.text()).toBe('');
      }
    }
    // identity, br and gzip: three tags.
    expect(tags.size).toBe(3);
  });

  test('another lesson has another tag; a missing one is a 404 problem, not cached', async () => {
    const [a, b] = server.lessons.list();
    const tagOf = async (slug: string) => (await request(`/api/lessons/${slug}`)).headers.get('etag');
    expect(await tagOf(a!.slug)).not.toBe(await tagOf(b!.slug));
    const missing = await request('/api/lessons/nope', { headers: { 'If-None-Match': '*' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
  });

  test('per-learner API answers stay uncached', async () => {
    for (const path of ['/api/lessons', '/api/me', '/api/health']) {
      expect((await request(path)).headers.get('cache-control'), path).toBe('no-store');
    }
  });
});
