// OWASP ASVS level 2, where it applies to Bronwijs: password storage and policy, session
// management (rotation, timeouts, ending sessions), brute-force limits per account, CSRF by
// Origin, security headers, cookie attributes, and logs that hold no secrets or answers.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log.ts';
import { SESSION_LIMITS } from '../../server/session.ts';
import { issueReset } from '../../server/security/password-reset.ts';
import { Browser, contentLessons, testServer, type TestServer } from '../api/helpers.ts';
import type { AttemptView } from '../../server/api-types.ts';
import { rng, someAnswer, articleSentenceIds } from './answers.ts';
import { unique } from './world.ts';

const MINUTE = 60_000;
const logLines: string[] = [];
let s: TestServer;
beforeAll(async () => {
  s = await testServer({ log: createLogger({ level: 'debug', write: (line) => logLines.push(line) }) });
});
afterAll(() => s?.close());

const password = () => `rustig-${unique('pw')}`;
async function teacher(server: TestServer = s) {
  const b = new Browser(server);
  const account = { email: `${unique('t')}@school.example`, password: password() };
  const res = await b.post('/api/auth/register', { ...account, name: 'Juf' });
  expect(res.status).toBe(201);
  return { b, ...account };
}
const role = async (b: Browser) => ((await (await b.get('/api/me')).json()) as { role: string | null }).role;
const advance = (ms: number) => (s.clock.now = new Date(s.clock.now.getTime() + ms));

describe('passwords', () => {
  it('are stored as argon2id with m=19 MiB, t=2, p=1', async () => {
    const t = await teacher();
    const row = await s.database.client.execute({ sql: 'SELECT password_hash FROM teachers WHERE email = ?', args: [t.email] });
    const hash = String(row.rows[0]!.password_hash);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hash).not.toContain(t.password);
  });

  it('need at least 8 characters and may not be a common one', async () => {
    const common = readFileSync(new URL('../../server/security/common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#') && l.length >= 8);
    expect(common.length).toBeGreaterThan(1000);
    for (const [pw, ok] of [['kort-7!', false], [common[0]!, false], [common.at(-1)!, false], ['acht-tkn', true]] as const) {
      const res = await new Browser(s).post('/api/auth/register', { email: `${unique('p')}@school.example`, password: pw, name: 'X' });
      expect(res.status, pw).toBe(ok ? 201 : 422);
    }
  });
});

describe('sessions', () => {
  it('get a new id at login, and the old id stops working', async () => {
    const t = await teacher();
    const b = new Browser(s);
    // A learner's session first (a shared computer), then the teacher signs in on it.
    await b.post('/api/attempts', { lessonSlug: contentLessons()[0]!.slug });
    const before = new Map(b.cookies);
    expect(before.size).toBe(1);
    expect((await b.post('/api/auth/login', { email: t.email, password: t.password })).status).toBe(200);
    const [name] = [...before.keys()];
    expect(b.cookies.get(name!)).toBeDefined();
    expect(b.cookies.get(name!)).not.toBe(before.get(name!));
    const old = new Browser(s);
    old.cookies = before;
    expect(await role(old)).toBeNull();
    expect(await role(b)).toBe('teacher');
  });

  it('end after the idle timeout', async () => {
    const { b } = await teacher();
    advance(SESSION_LIMITS.teacher.idleMs - MINUTE);
    expect(await role(b)).toBe('teacher');
    advance(SESSION_LIMITS.teacher.idleMs);
    expect(await role(b)).toBeNull();
  });

  it('end at the absolute timeout, however active', async () => {
    const { b } = await teacher();
    const hops = Math.ceil(SESSION_LIMITS.teacher.absoluteMs / (SESSION_LIMITS.teacher.idleMs / 2));
    let alive = 0;
    for (let i = 0; i < hops; i++) {
      advance(SESSION_LIMITS.teacher.idleMs / 2);
      if ((await role(b)) === 'teacher') alive++;
    }
    expect(alive).toBe(hops - 1);
    expect(await role(b)).toBeNull();
    expect(SESSION_LIMITS.teacher.absoluteMs).toBeLessThanOrEqual(12 * 60 * MINUTE);
  });

  it('all end at a password change, except the one that changed it (which gets a new id)', async () => {
    const t = await teacher();
    const other = new Browser(s);
    expect((await other.post('/api/auth/login', { email: t.email, password: t.password })).status).toBe(200);
    const before = new Map(t.b.cookies);
    const next = password();
    expect((await t.b.post('/api/auth/password', { current: t.password, next })).status).toBe(200);
    expect(await role(other)).toBeNull();
    expect(await role(t.b)).toBe('teacher');
    expect([...t.b.cookies.values()]).not.toEqual([...before.values()]);
    expect((await new Browser(s).post('/api/auth/login', { email: t.email, password: t.password })).status).toBe(401);
    expect((await new Browser(s).post('/api/auth/login', { email: t.email, password: next })).status).toBe(200);
  });
});

describe('failed logins', () => {
  it('are limited per account to at most 100 an hour; the right password waits too; others are not affected', async () => {
    const victim = await teacher();
    const bystander = await teacher();
    const start = s.clock.now.getTime();
    let checked = 0;
    let refusedRight = false;
    // Five guesses a minute for an hour: far more than the limit allows.
    for (let minute = 0; minute < 60; minute++) {
      s.clock.now = new Date(start + minute * MINUTE);
      for (let i = 0; i < 5; i++) {
        const res = await new Browser(s).post('/api/auth/login', { email: victim.email, password: `fout-${minute}-${i}` });
        if (res.status === 401) checked++;
        else {
          expect(res.status).toBe(429);
          expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
        }
      }
      const right = await new Browser(s).post('/api/auth/login', { email: victim.email, password: victim.password });
      if (right.status === 429) refusedRight = true;
      else {
        // A success forgives only itself: sign out again and keep guessing.
        expect(right.status).toBe(200);
      }
    }
    expect(checked).toBeLessThanOrEqual(100);
    expect(checked).toBeGreaterThan(0);
    expect(refusedRight).toBe(true);
    expect((await new Browser(s).post('/api/auth/login', { email: bystander.email, password: bystander.password })).status).toBe(200);
    s.clock.now = new Date(start + 2 * 60 * MINUTE);
    expect((await new Browser(s).post('/api/auth/login', { email: victim.email, password: victim.password })).status).toBe(200);
  });
});

describe('browser protections', () => {
  it('refuse a state-changing request from another origin, and change nothing', async () => {
    const { b } = await teacher();
    const count = async () => Number((await s.database.client.execute('SELECT count(*) FROM classes')).rows[0]![0]);
    const before = await count();
    const refused: Record<string, string>[] = [{ Origin: 'https://evil.example' }, { Origin: 'null' }, { 'Sec-Fetch-Site': 'cross-site' }];
    for (const headers of refused) {
      const res = await b.post('/api/classes', { name: 'Overgenomen' }, headers);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect(await count()).toBe(before);
    expect((await b.post('/api/classes', { name: 'Eigen' }, { Origin: 'http://localhost' })).status).toBe(201);
    expect(await count()).toBe(before + 1);
  });

  it('send CSP and the other security headers on pages and API responses', async () => {
    for (const path of ['/', '/nergens']) {
      const res = await new Browser(s).get(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/default-src 'self'/);
      expect(csp, path).toMatch(/script-src 'self'(;|$)/);
      expect(csp, path).toMatch(/frame-ancestors 'none'/);
      expect(csp, path).toMatch(/object-src 'none'/);
      expect(csp, path).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('referrer-policy'), path).toBeTruthy();
    }
    // API responses are JSON, never a page: a CSP that allows nothing (OWASP REST Security).
    for (const path of ['/api/health', '/api/lessons', '/api/nergens']) {
      const res = await new Browser(s).get(path);
      expect(res.headers.get('content-security-policy'), path).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('cross-origin-resource-policy'), path).toBe('same-origin');
    }
    expect((await new Browser(s).get('/api/lessons')).headers.get('cache-control')).toBe('no-store');
  });

  it('set the session cookie HttpOnly, SameSite, Path=/, and under https as __Host- and Secure', async () => {
    const res = await new Browser(s).post('/api/attempts', { lessonSlug: contentLessons()[0]!.slug });
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=(Lax|Strict)/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);

    const https = await testServer({ config: { secureCookies: true, publicUrl: new URL('https://bronwijs.example') } });
    try {
      const t = await teacher(https);
      const login = await new Browser(https).post('/api/auth/login', { email: t.email, password: t.password }, { Origin: 'https://bronwijs.example' });
      expect(login.status).toBe(200);
      const [secure] = login.headers.getSetCookie();
      expect(secure).toMatch(/^__Host-/);
      expect(secure).toMatch(/;\s*Secure/i);
      expect(secure).toMatch(/HttpOnly/i);
      expect(secure).toMatch(/Path=\//);
      expect(secure).not.toMatch(/Domain=/i);
    } finally {
      https.close();
    }
  });
});

describe('logs', () => {
  it('hold no passwords, codes, session tokens, answers or lesson keys', async () => {
    logLines.length = 0;
    const t = await teacher();
    await new Browser(s).post('/api/auth/login', { email: t.email, password: 'verkeerd-wachtwoord-9' });
    const klass = (await (await t.b.post('/api/classes', { name: 'Logklas' })).json()) as { id: string; joinCode: string };
    const lesson = contentLessons()[0]!;
    const assignment = (await (await t.b.post(`/api/classes/${klass.id}/assignments`, { lessonSlug: lesson.slug, mode: 'test' })).json()) as { id: string };
    const student = new Browser(s);
    const joined = (await (await student.post('/api/join', { joinCode: klass.joinCode, displayName: 'Geheime Naam' })).json()) as { resumeCode: string };
    const attempt = (await (await student.post('/api/attempts', { lessonSlug: lesson.slug, assignmentId: assignment.id })).json()) as AttemptView;
    const openText = `Mijn geheime open antwoord ${unique('a')}`;
    const random = rng(5);
    const sentences = articleSentenceIds(lesson);
    for (const q of attempt.questions) {
      const answer = q.type === 'open' ? { text: openText } : someAnswer(q, sentences, random);
      expect((await student.put(`/api/attempts/${attempt.id}/responses/${q.id}`, { answer })).status).toBe(200);
    }
    await student.post(`/api/attempts/${attempt.id}/finish`);
    await new Browser(s).post('/api/resume', { resumeCode: joined.resumeCode });
    await new Browser(s).post('/api/resume', { resumeCode: 'AAAA-BBBB-CCCC' });
    // Something that fails: the log of a problem must not carry the body either.
    await t.b.post('/api/auth/password', { current: 'verkeerd-wachtwoord-9', next: 'nog-een-geheim-9' });
    // A forgotten password and a student's new code: neither the address, the code nor the new password.
    await new Browser(s).post('/api/auth/forgot-password', { email: t.email });
    const teacherId = ((await (await t.b.get('/api/me')).json()) as { id: string }).id;
    const { token: resetCode } = await issueReset(s.database.db, teacherId, 'code', s.clock.now);
    expect((await new Browser(s).post('/api/auth/reset-password', { token: 'ABCD-EFGH-JKMN-PQRS', password: 'reset-geheim-9' })).status).toBe(400);
    const resetter = new Browser(s);
    expect((await resetter.post('/api/auth/reset-password', { token: resetCode, password: 'reset-geheim-9' })).status).toBe(200);
    const studentId = ((await (await student.get('/api/me')).json()) as { id: string }).id;
    const reissued = (await (await resetter.post(`/api/classes/${klass.id}/students/${studentId}/resume-code`)).json()) as { resumeCode: string };
    expect(reissued.resumeCode).toMatch(/^[A-Z2-9-]{14}$/);

    const log = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(10);
    const tokens = [...student.cookies.values(), ...t.b.cookies.values(), ...resetter.cookies.values()];
    const keys = lesson.questions.flatMap((q) => [q.explanation.nl!, q.explanation.en!]);
    for (const secret of [t.password, 'verkeerd-wachtwoord-9', 'nog-een-geheim-9', joined.resumeCode, joined.resumeCode.replace(/-/g, ''), openText, t.email, resetCode, resetCode.replace(/-/g, ''), 'reset-geheim-9', reissued.resumeCode, ...tokens, ...keys]) {
      expect(log.includes(secret), `log contains ${secret.slice(0, 30)}`).toBe(false);
    }
  });
});
