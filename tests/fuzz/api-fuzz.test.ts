// Fuzzing the API with fast-check: generated and mutated bodies, path parameters and headers against
// every endpoint the app has, as every role. No request may get a 5xx; every 4xx is problem+json;
// a rejected request changes nothing in the database. Seeded and reproducible: FUZZ_SEED repeats a
// run, FUZZ_RUNS sets its length (20,000 in `npm test`; `npm run fuzz` runs far more).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '../api/helpers.ts';
import { someAnswer, rng } from '../security/answers.ts';
import { articleFields, fixtureDraft } from '../teacher/studio-helpers.ts';
import { bodyText, buildWorld, fingerprint, ROLES, type Role, type World } from '../security/world.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 20_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_601);

/** Rejections that count against a rate limit: they may add a failure row, and nothing else. */
// Joining: a right code outside its join window counts like a wrong one (a command may close one).
const COUNTED_FAILURES = new Set(['POST /api/auth/login', 'POST /api/auth/password', 'POST /api/resume', 'POST /api/auth/reset-password', 'POST /api/join', 'POST /api/join/live']);

interface Endpoint {
  method: string;
  path: string;
  params: string[];
}

let w: World;
let endpoints: Endpoint[];
const browsers = new Map<Role, Browser>();
/** Real ids of every kind, so generated requests also reach the code behind the 404s. */
let realIds: string[];
/** A well-formed body per endpoint, for mutation. */
let validBodies: Record<string, () => unknown>;

beforeAll(async () => {
  w = await buildWorld();
  // A route with middleware is listed once per handler: one endpoint each.
  const seen = new Set<string>();
  endpoints = w.server.app.routes
    .filter((r) => r.method !== 'ALL' && !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`))
    .map((r) => ({ method: r.method, path: r.path, params: [...r.path.matchAll(/:(\w+)/g)].map((m) => m[1]!) }));
  for (const role of ROLES) browsers.set(role, await w.as(role));
  const a = w.learners.learnerA.attempt;
  realIds = [
    a.id, w.students.studentX.attempt.id, w.classes.X.id, w.classes.Y.id, w.assignments.X, w.assignments.Y,
    w.students.studentX.id, w.learners.learnerB.id, w.lesson.slug, ...a.questions.map((q) => q.id),
    w.live.id, w.live.participantA, w.live.questionId,
    w.studio.article, w.studio.draft, w.studio.shared.id, w.studio.shared.slug,
  ];
  const random = rng(SEED);
  validBodies = {
    'POST /api/attempts': () => ({ lessonSlug: w.lesson.slug, mode: 'test' }),
    'PUT /api/attempts/:id/responses/:questionId': () => ({ answer: someAnswer(a.questions[0]!, w.sentences, random) }),
    'POST /api/attempts/:id/position': () => ({ questionId: a.questions[1]!.id }),
    'POST /api/auth/register': () => ({ email: 'fuzz@school.example', password: 'een-lang-wachtwoord', name: 'Fuzz' }),
    'POST /api/auth/login': () => ({ email: w.teachers.teacherX.email, password: w.teachers.teacherX.password }),
    'POST /api/auth/password': () => ({ current: 'niet-het-wachtwoord', next: 'een-ander-wachtwoord' }),
    'POST /api/auth/forgot-password': () => ({ email: w.teachers.teacherX.email, lang: 'nl' }),
    'POST /api/auth/reset-password': () => ({ token: 'ABCD-EFGH-JKMN-PQRS', password: 'een-ander-wachtwoord' }),
    'POST /api/join': () => ({ joinCode: w.classes.X.joinCode, displayName: 'Fuzz' }),
    'POST /api/resume': () => ({ resumeCode: w.students.studentX.resumeCode }),
    'POST /api/classes': () => ({ name: 'Fuzzklas' }),
    'PATCH /api/classes/:id': () => ({ name: 'Klas X' }),
    'POST /api/classes/:id/assignments': () => ({ lessonSlug: w.lesson.slug, mode: 'test', feedbackRelease: 'manual' }),
    'PUT /api/responses/:id/grade': () => ({ points: 1, comment: 'Goed' }),
    'POST /api/classes/:id/join-window': () => ({ minutes: 15 }),
    'POST /api/live': () => ({ slug: w.lesson.slug }),
    'POST /api/join/live': () => ({ code: w.live.code, displayName: 'Fuzz' }),
    'POST /api/live/:id/commands': () => ({ type: 'lock' }),
    'PUT /api/live/:id/answers/:questionId': () => ({ round: 1, answer: someAnswer(a.questions[0]!, w.sentences, random), cites: [] }),
    'PATCH /api/assignments/:id': () => ({ title: 'Week 1', closed: false, gradeNorm: { passMark: 6, guess: 1 }, feedbackRelease: 'manual' }),
    'PUT /api/assignments/:id/discussion': () => ({ responseIds: [] }),
    'POST /api/studio/articles': () => articleFields(),
    'PUT /api/studio/articles/:id': () => articleFields(),
    'POST /api/studio/lessons': () => ({ articleId: w.studio.article, starters: true }),
    'PUT /api/studio/lessons/:id/draft': () => ({ draft: fixtureDraft(), revision: 2 }),
    'PUT /api/studio/lessons/:id/sharing': () => ({ shared: true }),
  };
}, 60_000);
afterAll(() => w?.close());

const weirdString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', ' ', '..', '%00', '%2e%2e%2f', "' OR 1=1 --", '<script>', 'null', '-1', '1e309', 'x'.repeat(5000)),
);
const param = () => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...realIds) }, { weight: 2, arbitrary: weirdString });

/** A valid body with one thing changed: a field replaced, dropped, or one added. */
const mutated = (valid: unknown) =>
  fc.oneof(
    fc.constant(valid),
    fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 3 })).map(([i, value]) => {
      if (!valid || typeof valid !== 'object') return value;
      const keys = Object.keys(valid);
      return { ...(valid as object), [keys[i % keys.length]!]: value };
    }),
    fc.nat().map((i) => {
      if (!valid || typeof valid !== 'object') return valid;
      const copy = { ...(valid as Record<string, unknown>) };
      delete copy[Object.keys(copy)[i % Object.keys(copy).length]!];
      return copy;
    }),
    fc.tuple(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })).map(([k, v]) => ({ ...(valid as object), [k]: v })),
  );

const request = () =>
  fc
    .record({
      endpoint: fc.nat(),
      role: fc.constantFrom(...ROLES),
      seed: fc.nat(),
      body: fc.oneof(
        { weight: 4, arbitrary: fc.constant<'valid'>('valid') },
        { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
        { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      ),
      contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/problem+json', undefined, '*/*'),
      idempotencyKey: fc.option(weirdString, { freq: 3 }),
      origin: fc.constantFrom(undefined, undefined, 'http://localhost', 'https://evil.example', 'null', 'not a url'),
      extraQuery: fc.option(fc.dictionary(fc.constantFrom('classId', 'lang', 'x'), weirdString, { maxKeys: 2 }), { freq: 4 }),
    })
    .chain((r) => {
      const endpoint = endpoints[r.endpoint % endpoints.length]!;
      const valid = validBodies[`${endpoint.method} ${endpoint.path}`];
      return fc
        .record({
          params: fc.tuple(...endpoint.params.map(() => param())),
          body: r.body === 'valid' ? (valid ? mutated(valid()).map((v) => JSON.stringify(v)) : fc.constant('{}')) : fc.constant(r.body),
        })
        .map((x) => ({ ...r, ...x, endpoint }));
    });

describe('API fuzzing', () => {
  it(`survives ${RUNS} generated requests (seed ${SEED})`, async () => {
    let before = await fingerprint(w.server);
    let cases = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request(), async (r) => {
        cases++;
        let i = 0;
        const path = r.endpoint.path.replace(/:(\w+)/g, () => encodeURIComponent(String(r.params[i++])));
        const query = r.extraQuery ? `?${new URLSearchParams(r.extraQuery as Record<string, string>)}` : '';
        const headers: Record<string, string> = {};
        if (r.contentType) headers['Content-Type'] = r.contentType as string;
        if (r.idempotencyKey !== null) headers['Idempotency-Key'] = String(r.idempotencyKey).replace(/[^\x20-\x7e]/g, '?');
        if (r.origin) headers.Origin = r.origin as string;
        const method = r.endpoint.method;
        const role = r.role as Role;
        // A browser that signed out (or, for nobody, signed in) gets its role back: otherwise the
        // run would drift towards strangers and stop reaching the code behind the guards.
        let browser = browsers.get(role)!;
        if (role === 'nobody' ? browser.cookies.size > 0 : browser.cookies.size === 0) {
          browser = await w.as(role);
          browsers.set(role, browser);
          before = await fingerprint(w.server);
        }
        const res = await browser.request(method, path + query, method === 'GET' ? undefined : r.body as string | undefined, headers);
        const text = await bodyText(res);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const what = `${method} ${path}${query} as ${r.role}: ${res.status} ${text.slice(0, 200)}`;
        expect(res.status, what).toBeLessThan(500);

        const after = await fingerprint(w.server);
        if (res.status >= 400) {
          expect(res.headers.get('content-type'), what).toMatch(/^application\/problem\+json/);
          const problem = JSON.parse(text) as { status: number; title: unknown; type: unknown; detail: unknown };
          expect(problem.status, what).toBe(res.status);
          expect(typeof problem.title, what).toBe('string');
          expect(typeof problem.type, what).toBe('string');
          expect(typeof problem.detail, what).toBe('string');
          if (COUNTED_FAILURES.has(`${method} ${r.endpoint.path}`)) {
            const { login_failures: _a, 'total_changes()': _b, ...restAfter } = after;
            const { login_failures: _c, 'total_changes()': _d, ...restBefore } = before;
            expect(restAfter, `${what}\nchanged the database`).toEqual(restBefore);
          } else {
            expect(after, `${what}\nchanged the database`).toEqual(before);
          }
        }
        before = after;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    console.log(`API fuzzing: ${cases} cases over ${endpoints.length} endpoints (seed ${SEED}); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect(cases).toBeGreaterThanOrEqual(RUNS);
  }, RUNS * 5 + 60_000);
});
