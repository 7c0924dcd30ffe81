// Sessions: stored hashed, rotated at sign-in, ended by idle and absolute timeouts per role, and
// cookies with the __Host- prefix and Secure when served over https.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { requireTeacher } from '../../server/guards.ts';
import { endSession, endSessionsOfTeacher, getSession, SESSION_LIMITS, startSession } from '../../server/session.ts';
import { Browser, count, testServer, type TestServer } from './helpers.ts';

let server: TestServer;
beforeEach(async () => {
  server = await testServer();
  await setUp(server);
});
afterEach(() => server.close());

async function setUp(s: TestServer) {
  await s.database.client.execute("INSERT INTO teachers (id, email, name, password_hash) VALUES ('t1', 't@school.nl', 'T', 'x')");
  addTestRoutes(s);
}

// What a login route does, with the session module only. POST: GET paths outside /api belong to the client.
function addTestRoutes(s: TestServer) {
  s.app.post('/t/login', async (c) => c.json({ id: (await startSession(c, { teacherId: 't1' })).id }));
  s.app.post('/t/logout', async (c) => {
    await endSession(c);
    return c.body(null, 204);
  });
  s.app.post('/t/end-others', requireTeacher, async (c) => {
    await endSessionsOfTeacher(c, c.var.teacherId, c.var.session.id);
    return c.body(null, 204);
  });
  s.app.post('/t/me', async (c) => c.json({ session: await getSession(c) }));
  s.app.post('/t/teacher-only', requireTeacher, (c) => c.json({ teacherId: c.var.teacherId }));
}

const minutes = (n: number) => n * 60_000;
const advance = (ms: number) => (server.clock.now = new Date(server.clock.now.getTime() + ms));

test('the cookie holds a token whose sha256 is the row id; sign-in rotates the session', async () => {
  const browser = new Browser(server);
  await browser.post('/api/attempts', { lessonSlug: server.lessons.list()[0].slug });
  const learnerToken = browser.cookies.get('bronwijs-session')!;
  const learnerId = createHash('sha256').update(learnerToken).digest('hex');
  expect(await count(server, 'sessions', 'id = ?', [learnerId])).toBe(1);

  const { id } = await (await browser.post('/t/login')).json();
  expect(browser.cookies.get('bronwijs-session')).not.toBe(learnerToken);
  expect(id).toBe(createHash('sha256').update(browser.cookies.get('bronwijs-session')!).digest('hex'));
  expect(await count(server, 'sessions', 'id = ?', [learnerId])).toBe(0);
  expect((await browser.post('/t/teacher-only')).status).toBe(200);

  await browser.post('/t/logout');
  expect(await count(server, 'sessions')).toBe(0);
  const res = await browser.post('/t/teacher-only');
  expect(res.status).toBe(401);
  expect(res.headers.get('content-type')).toMatch(/problem\+json/);
});

test("a teacher's session ends after 2 hours idle and after 12 hours however active", async () => {
  const browser = new Browser(server);
  await browser.post('/t/login');
  advance(SESSION_LIMITS.teacher.idleMs - minutes(1));
  expect((await browser.post('/t/teacher-only')).status).toBe(200);
  advance(SESSION_LIMITS.teacher.idleMs - minutes(1));
  expect((await browser.post('/t/teacher-only')).status).toBe(200);
  advance(SESSION_LIMITS.teacher.idleMs);
  expect((await browser.post('/t/teacher-only')).status).toBe(401);
  expect(await count(server, 'sessions')).toBe(0);

  await browser.post('/t/login');
  for (let i = 0; i < 13; i++) {
    advance(minutes(59));
    if (i < 12) expect((await browser.post('/t/teacher-only')).status, `hour ${i}`).toBe(200);
  }
  expect((await browser.post('/t/teacher-only')).status).toBe(401);
});

test('a learner keeps a session for weeks of absence; last_seen_at is written at most once a minute', async () => {
  const browser = new Browser(server);
  await browser.post('/api/attempts', { lessonSlug: server.lessons.list()[0].slug });
  const lastSeen = async () => Number((await server.database.client.execute('SELECT last_seen_at FROM sessions')).rows[0].last_seen_at);
  const first = await lastSeen();
  advance(10_000);
  await browser.post('/t/me');
  expect(await lastSeen()).toBe(first);
  advance(minutes(1));
  await browser.post('/t/me');
  expect(await lastSeen()).toBe(server.clock.now.getTime());
  advance(60 * 24 * minutes(60));
  expect((await (await browser.post('/t/me')).json()).session).toMatchObject({ role: 'learner' });
  advance(SESSION_LIMITS.learner.idleMs);
  expect((await (await browser.post('/t/me')).json()).session).toBeNull();
});

test("ending a teacher's other sessions keeps the current one", async () => {
  const laptop = new Browser(server);
  const phone = new Browser(server);
  await laptop.post('/t/login');
  await phone.post('/t/login');
  expect(await count(server, 'sessions')).toBe(2);
  await laptop.post('/t/end-others');
  expect((await laptop.post('/t/teacher-only')).status).toBe(200);
  expect((await phone.post('/t/teacher-only')).status).toBe(401);
});

test('over https the cookie is Secure with the __Host- prefix', async () => {
  server.close();
  server = await testServer({ config: { secureCookies: true, publicUrl: new URL('https://bronwijs.example') } });
  await setUp(server);
  const res = await server.app.request('https://bronwijs.example/t/login', { method: 'POST' });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = res.headers.get('set-cookie')!;
  expect(cookie).toMatch(/^__Host-bronwijs-session=/);
  expect(cookie).toMatch(/; Secure/);
  expect(cookie).toMatch(/; HttpOnly/);
  expect(cookie).toMatch(/; Path=\//);
  expect(cookie).not.toMatch(/Domain=/i);
});
