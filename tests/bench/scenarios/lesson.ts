// Scenario 1b/1c: the lesson page's one API read, GET /api/lessons/:slug, at 100 connections as the
// bare stack's GET (scenario 0a): once for the whole lesson (its article is most of the bytes), once
// as a browser that has it asks again (If-None-Match: its ETag, answered 304 without a body). Both
// ask as Chromium does (Accept-Encoding: gzip, deflate, br, zstd): the lesson comes precompressed.
import { measuredLoad } from '../load.ts';
import type { HttpClient } from '../http.ts';
import { expectStatus } from '../learner.ts';
import { count, kb, ms, type ScenarioLine } from '../stats.ts';
import { ratioTo } from './bare.ts';

export const LESSON_TARGETS = { full: 0.5, notModified: 0.6 } as const;

export async function lessonReads(
  url: string,
  http: HttpClient,
  { lessonSlug, bareGetPerSecond, connections = 100, seconds = 10 }: { lessonSlug: string; bareGetPerSecond: number; connections?: number; seconds?: number },
): Promise<ScenarioLine[]> {
  const path = `/api/lessons/${encodeURIComponent(lessonSlug)}`;
  const browser = { 'accept-encoding': 'gzip, deflate, br, zstd' };
  const plain = expectStatus(`GET ${path}`, await http.send('GET', path), 200);
  const first = expectStatus(`GET ${path}`, await http.send('GET', path, { headers: browser }), 200);
  const etag = first.headers.etag;
  if (typeof etag !== 'string') throw new Error(`GET ${path} has no ETag`);
  const encoding = first.headers['content-encoding'] ?? 'no encoding';

  const run = async (name: string, headers: Record<string, string>, status: number, share: number, what: string): Promise<ScenarioLine> => {
    const result = await measuredLoad({ url: `${url}${path}`, connections, duration: seconds, headers: { ...browser, ...headers } });
    // Every answer but the expected status is an error (autocannon's non2xx would count the 304s).
    const wrong = Object.entries(result.statusCodeStats ?? {}).reduce((n, [code, s]) => (Number(code) === status ? n : n + (s.count ?? 0)), 0);
    const errors = result.errors + result.timeouts + wrong;
    const throughput = result.requests.average;
    const needed = share * bareGetPerSecond;
    return {
      name,
      figure: `${ratioTo(throughput, bareGetPerSecond, 'bare GET')}, ${what}, p99 ${ms(result.latency.p99)}, ${count(errors)} errors`,
      target: `at least ${share.toFixed(2)}x bare GET (${Math.round(needed).toLocaleString('en-US')}/s), no errors`,
      pass: throughput >= needed && errors === 0,
    };
  };
  const full = await run('1b lesson (GET /api/lessons/:slug)', {}, 200, LESSON_TARGETS.full, `${kb(first.bytes)} each (${encoding}; ${kb(plain.bytes)} as JSON)`);
  await new Promise((r) => setTimeout(r, 1000));
  const notModified = await run('1c lesson again (If-None-Match, 304)', { 'if-none-match': etag }, 304, LESSON_TARGETS.notModified, '304 without a body');
  return [full, notModified];
}
