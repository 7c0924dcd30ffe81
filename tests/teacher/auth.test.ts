// Teachers' accounts: register, sign in with a new session id, sign out, change the password
// (other devices signed out), and failed sign-ins limited per account.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { Browser, count, testServer, type TestServer } from '../api/helpers.ts';
import { PASSWORD, registerTeacher } from './helpers.ts';

let server: TestServer;
beforeEach(async () => {
  server = await testServer();
});
afterEach(() => server.close());

const MINUTE = 60_000;
const login = (b: Browser, email: string, password: string) => b.post('/api/auth/login', { email, password });

test('register signs the teacher in; /api/me says so; the password is stored as argon2id only', async () => {
  const { browser, me } = await registerTeacher(server, ' Juf@School.NL ');
  expect(me).toMatchObject({ role: 'teacher', email: 'juf@school.nl', name: 'Juf Anna' });
  expect(await (await browser.get('/api/me')).json()).toMatchObject({ role: 'teacher', email: 'juf@school.nl' });
  const rs = await server.database.client.execute('SELECT password_hash FROM teachers');
  expect(String(rs.rows[0].password_hash)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  expect(String(rs.rows[0].password_hash)).not.toContain(PASSWORD);
  expect(await (await new Browser(server).get('/api/me')).json()).toEqual({ role: null });
});

test('register refuses short or common passwords, bad emails and a taken email', async () => {
  const b = new Browser(server);
  const short = await b.post('/api/auth/register', { email: 'a@school.nl', password: 'kort', name: 'A' });
  expect(short.status).toBe(422);
  expect((await short.json()).errors[0].path).toBe('password');
  const common = await b.post('/api/auth/register', { email: 'a@school.nl', password: 'iloveyou2', name: 'A' });
  expect(common.status).toBe(422);
  expect((await b.post('/api/auth/register', { email: 'geen-email', password: PASSWORD, name: 'A' })).status).toBe(422);
  await registerTeacher(server, 'a@school.nl');
  const taken = await b.post('/api/auth/register', { email: 'A@school.nl', password: PASSWORD, name: 'B' });
  expect(taken.status).toBe(409);
  expect(await count(server, 'teachers')).toBe(1);
});

test('login gives a new session id, wrong password and unknown email get the same answer', async () => {
  await registerTeacher(server);
  const b = new Browser(server);
  // A planted cookie (session fixation) must not survive the sign-in.
  await b.get('/api/me');
  b.cookies.set('bronwijs-session', 'planted-token');
  const ok = await login(b, 'JUF@school.nl', PASSWORD);
  expect(ok.status).toBe(200);
  expect(await ok.json()).toMatchObject({ role: 'teacher', email: 'juf@school.nl' });
  const first = b.cookies.get('bronwijs-session');
  expect(first).toBeDefined();
  expect(first).not.toBe('planted-token');
  expect((await login(b, 'juf@school.nl', PASSWORD)).status).toBe(200);
  expect(b.cookies.get('bronwijs-session')).not.toBe(first);
  // The old session is gone, not just replaced in this browser.
  expect(await count(server, 'sessions')).toBe(2); // the register browser's and this one's

  const wrong = await login(new Browser(server), 'juf@school.nl', 'niet het wachtwoord');
  const unknown = await login(new Browser(server), 'niemand@school.nl', 'niet het wachtwoord');
  expect(wrong.status).toBe(401);
  expect(unknown.status).toBe(401);
  const [a, c] = [await wrong.json(), await unknown.json()];
  expect(a).toEqual(c);
});

test('unknown email costs about as much time as a wrong password', async () => {
  await registerTeacher(server);
  const time = async (email: string) => {
    const t = performance.now();
    await login(new Browser(server), email, 'niet het wachtwoord');
    return performance.now() - t;
  };
  await time('niemand@school.nl'); // warm the stand-in hash
  const known = await time('juf@school.nl');
  const unknown = await time('niemand@school.nl');
  expect(unknown).toBeGreaterThan(known / 3);
});

test('logout ends the session', async () => {
  const { browser } = await registerTeacher(server);
  expect((await browser.post('/api/auth/logout')).status).toBe(204);
  expect(await (await browser.get('/api/me')).json()).toEqual({ role: null });
  expect(await count(server, 'sessions')).toBe(0);
});

test('password change needs the current password and signs out every other device', async () => {
  const { browser: laptop } = await registerTeacher(server);
  const phone = new Browser(server);
  await login(phone, 'juf@school.nl', PASSWORD);
  const wrong = await laptop.post('/api/auth/password', { current: 'fout fout fout', next: 'een nieuw lang wachtwoord' });
  expect(wrong.status).toBe(422);
  const weak = await laptop.post('/api/auth/password', { current: PASSWORD, next: 'password' });
  expect(weak.status).toBe(422);
  const before = laptop.cookies.get('bronwijs-session');
  const ok = await laptop.post('/api/auth/password', { current: PASSWORD, next: 'een nieuw lang wachtwoord' });
  expect(ok.status).toBe(200);
  expect(laptop.cookies.get('bronwijs-session')).not.toBe(before);
  expect((await laptop.get('/api/me')).status).toBe(200);
  expect(await (await laptop.get('/api/me')).json()).toMatchObject({ role: 'teacher' });
  expect(await (await phone.get('/api/me')).json()).toEqual({ role: null });
  expect((await login(new Browser(server), 'juf@school.nl', PASSWORD)).status).toBe(401);
  expect((await login(new Browser(server), 'juf@school.nl', 'een nieuw lang wachtwoord')).status).toBe(200);
  // A student or visitor cannot reach it.
  expect((await new Browser(server).post('/api/auth/password', { current: 'x', next: 'y' })).status).toBe(401);
});

test('failed logins are limited per account: 10 per 15 minutes, then 429 with Retry-After', async () => {
  await registerTeacher(server);
  for (let i = 0; i < 10; i++) expect((await login(new Browser(server), 'juf@school.nl', `fout ${i}`)).status).toBe(401);
  const limited = await login(new Browser(server), 'juf@school.nl', PASSWORD);
  expect(limited.status).toBe(429);
  expect(limited.headers.get('Content-Type')).toMatch(/problem\+json/);
  const retry = Number(limited.headers.get('Retry-After'));
  expect(retry).toBeGreaterThan(0);
  expect(retry).toBeLessThanOrEqual(15 * 60);
  // Another account from the same school (same IP) is not affected.
  await registerTeacher(server, 'meester@school.nl', 'Meester Bas');
  expect((await login(new Browser(server), 'meester@school.nl', PASSWORD)).status).toBe(200);
  // An unknown address is limited the same way: the limit does not reveal who has an account.
  for (let i = 0; i < 10; i++) await login(new Browser(server), 'niemand@school.nl', `fout ${i}`);
  expect((await login(new Browser(server), 'niemand@school.nl', 'x')).status).toBe(429);
  // After the window the right password works again.
  server.clock.now = new Date(server.clock.now.getTime() + 15 * MINUTE + 1000);
  expect((await login(new Browser(server), 'juf@school.nl', PASSWORD)).status).toBe(200);
});

test('failed logins: at most 100 an hour per account', async () => {
  await registerTeacher(server);
  const start = server.clock.now.getTime();
  // 100 failures between 20 and 22 minutes ago: none in the last 15 minutes, all in the last hour.
  await server.database.client.execute({
    sql: `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99)
          INSERT INTO login_failures (email, at) SELECT 'juf@school.nl', ? - (20 * 60000) - i * 1000 FROM n`,
    args: [start],
  });
  const limited = await login(new Browser(server), 'juf@school.nl', PASSWORD);
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(15 * 60);
});
