// A teacher who forgot the password: a reset link by e-mail (through a real SMTP server this test
// starts on 127.0.0.1) or a code the administrator command issues. The request answers the same,
// at once, for every address; tokens are stored as hashes, work once, expire and are limited
// against guessing; using one sets the password, ends every session and signs in fresh.
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { createLogger } from '../../server/log.ts';
import { createMailer, type Mailer } from '../../server/mail.ts';
import { CODE_ALPHABET } from '../../server/security/codes.ts';
import { issueReset } from '../../server/security/password-reset.ts';
import { Browser, count, testServer, type TestServer } from '../api/helpers.ts';
import { PASSWORD, registerTeacher } from './helpers.ts';

const MINUTE = 60_000;
const NEW_PASSWORD = 'een nieuw en lang wachtwoord';
const PUBLIC_URL = new URL('http://localhost:3000/');

interface Received {
  to: string[];
  body: string;
}
let smtp: SMTPServer;
let smtpUrl: string;
let inbox: Received[] = [];
let waiting: (() => void)[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let body = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (body += chunk));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        for (const wake of waiting.splice(0)) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(resolve)));

/** The next mail (waits up to 5 s). */
async function nextMail(n = 1): Promise<Received> {
  const deadline = Date.now() + 5000;
  while (inbox.length < n) {
    if (Date.now() > deadline) throw new Error(`no mail arrived (${inbox.length} of ${n})`);
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      setTimeout(resolve, 200);
    });
  }
  return inbox[n - 1]!;
}
/** The token in a mail's link (quoted-printable may wrap the line). */
function linkIn(mail: Received): URL {
  const body = mail.body.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const href = body.match(/http:\/\/localhost:3000\/reset-password\?token=[A-Za-z0-9_-]+/)?.[0];
  if (!href) throw new Error(`no reset link in: ${body}`);
  return new URL(href);
}

let server: TestServer;
let logLines: string[];
/** A server that mails through the test's SMTP server, or (null) one without SMTP. */
async function start(mailer: Mailer | null = createMailer(smtpUrl, 'Bronwijs <bronwijs@localhost>')): Promise<void> {
  logLines = [];
  server = await testServer({
    config: { publicUrl: PUBLIC_URL },
    mailer: mailer ?? undefined,
    log: createLogger({ level: 'debug', write: (line) => logLines.push(line) }),
  });
}
beforeEach(() => {
  inbox = [];
  waiting = [];
});
afterEach(() => server.close());

const forgot = (b: Browser, email: string, lang?: 'nl' | 'en') => b.post('/api/auth/forgot-password', { email, lang });
const reset = (b: Browser, token: string, password = NEW_PASSWORD) => b.post('/api/auth/reset-password', { token, password });
const login = (b: Browser, email: string, password: string) => b.post('/api/auth/login', { email, password });

test('by e-mail: the link sets a new password once, ends every session and signs in fresh; only hashes are stored, nothing in the log', async () => {
  await start();
  const { browser: laptop } = await registerTeacher(server);
  const asked = await forgot(new Browser(server), ' Juf@School.nl ', 'nl');
  expect(asked.status).toBe(202);
  expect(await asked.json()).toEqual({ delivery: 'email' });
  const mail = await nextMail();
  expect(mail.to).toEqual(['juf@school.nl']);
  expect(mail.body).toContain('Nieuw wachtwoord voor Bronwijs');
  const link = linkIn(mail);
  expect(link.origin).toBe(PUBLIC_URL.origin);
  const token = link.searchParams.get('token')!;
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const stored = await server.database.client.execute('SELECT id, kind, expires_at - created_at AS ttl FROM password_resets');
  expect(stored.rows).toHaveLength(1);
  expect(String(stored.rows[0]!.id)).toMatch(/^[0-9a-f]{64}$/);
  expect(String(stored.rows[0]!.id)).not.toContain(token);
  expect(stored.rows[0]).toMatchObject({ kind: 'link', ttl: 30 * MINUTE });

  // A weak password is refused and does not spend the token.
  const phone = new Browser(server);
  const weak = await reset(phone, token, 'kort');
  expect(weak.status).toBe(422);
  expect((await weak.json()).errors[0].path).toBe('password');

  const done = await reset(phone, token);
  expect(done.status).toBe(200);
  expect(await done.json()).toMatchObject({ role: 'teacher', email: 'juf@school.nl' });
  expect(await (await phone.get('/api/me')).json()).toMatchObject({ role: 'teacher' });
  // The laptop's session (whoever has it) ended; only the phone's is left.
  expect(await (await laptop.get('/api/me')).json()).toEqual({ role: null });
  expect(await count(server, 'sessions')).toBe(1);
  expect((await login(new Browser(server), 'juf@school.nl', PASSWORD)).status).toBe(401);
  expect((await login(new Browser(server), 'juf@school.nl', NEW_PASSWORD)).status).toBe(200);

  // Once only.
  const again = await reset(new Browser(server), token, 'nog een ander wachtwoord');
  expect(again.status).toBe(400);
  expect((await again.json()).type).toMatch(/reset-token-invalid$/);
  expect(await count(server, 'password_resets')).toBe(0);

  const log = logLines.join('\n');
  expect(log).toContain('password reset mail sent');
  expect(log).not.toContain(token);
  expect(log.toLowerCase()).not.toContain('juf@school.nl');
});

test('unknown and known addresses get the same answer at once: the mail is sent after it; only known ones get mail', async () => {
  const real = createMailer(smtpUrl, 'Bronwijs <bronwijs@localhost>');
  // A slow SMTP server: awaiting it would make a known address answer 400 ms later.
  await start({ send: async (m) => { await new Promise((r) => setTimeout(r, 400)); await real.send(m); } });
  await registerTeacher(server);
  const timed = async (email: string) => {
    const started = performance.now();
    const res = await forgot(new Browser(server), email);
    return { status: res.status, body: await res.text(), ms: performance.now() - started };
  };
  const unknown = await timed('niemand@school.nl');
  const known = await timed('juf@school.nl');
  expect(known.status).toBe(202);
  expect({ status: unknown.status, body: unknown.body }).toEqual({ status: known.status, body: known.body });
  expect(known.ms).toBeLessThan(300);
  expect(unknown.ms).toBeLessThan(300);
  const mail = await nextMail();
  expect(mail.to).toEqual(['juf@school.nl']);
  await new Promise((r) => setTimeout(r, 600));
  expect(inbox).toHaveLength(1);
  // The English page asks for an English mail.
  await forgot(new Browser(server), 'juf@school.nl', 'en');
  expect((await nextMail(2)).body).toContain('Set a new Bronwijs password');
});

test('a link expires after 30 minutes; a new request replaces the earlier link', async () => {
  await start();
  await registerTeacher(server);
  await forgot(new Browser(server), 'juf@school.nl');
  const first = linkIn(await nextMail()).searchParams.get('token')!;
  await forgot(new Browser(server), 'juf@school.nl');
  const second = linkIn(await nextMail(2)).searchParams.get('token')!;
  expect((await reset(new Browser(server), first)).status).toBe(400);
  server.clock.now = new Date(server.clock.now.getTime() + 31 * MINUTE);
  expect((await reset(new Browser(server), second)).status).toBe(400);
  expect((await login(new Browser(server), 'juf@school.nl', PASSWORD)).status).toBe(200);
});

test('at most 5 reset mails an hour for one address: the 6th request answers the same and sends nothing', async () => {
  await start();
  await registerTeacher(server);
  for (let i = 1; i <= 6; i++) {
    const res = await forgot(new Browser(server), 'juf@school.nl');
    expect(res.status).toBe(202);
    if (i <= 5) await nextMail(i);
  }
  await new Promise((r) => setTimeout(r, 500));
  expect(inbox).toHaveLength(5);
});

test('without SMTP the request says an administrator issues codes, and stores nothing', async () => {
  await start(null);
  await registerTeacher(server);
  const res = await forgot(new Browser(server), 'juf@school.nl');
  expect(res.status).toBe(202);
  expect(await res.json()).toEqual({ delivery: 'administrator' });
  await new Promise((r) => setTimeout(r, 100));
  expect(await count(server, 'password_resets')).toBe(0);
});

test('an administrator code works with or without dashes and case, once, for 24 hours', async () => {
  await start(null);
  const { me } = await registerTeacher(server);
  const { token } = await issueReset(server.database.db, me.id!, 'code', server.clock.now);
  expect(token).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
  server.clock.now = new Date(server.clock.now.getTime() + 23 * 60 * MINUTE);
  const b = new Browser(server);
  expect((await reset(b, ` ${token.replaceAll('-', ' ').toLowerCase()} `)).status).toBe(200);
  expect(await (await b.get('/api/me')).json()).toMatchObject({ role: 'teacher', email: 'juf@school.nl' });
  expect((await reset(new Browser(server), token)).status).toBe(400);

  const { token: late } = await issueReset(server.database.db, me.id!, 'code', server.clock.now);
  server.clock.now = new Date(server.clock.now.getTime() + 24 * 60 * MINUTE + 1);
  expect((await reset(new Browser(server), late)).status).toBe(400);
});

test('guessing codes is limited per first group, and the right code is never refused', async () => {
  await start(null);
  const { me } = await registerTeacher(server);
  const { token } = await issueReset(server.database.db, me.id!, 'code', server.clock.now);
  const prefix = token.slice(0, 4);
  const guesses: number[] = [];
  for (let i = 0; i < 11; i++) {
    const guess = `${prefix}-${CODE_ALPHABET[i]!.repeat(4)}-2345-6789`;
    if (guess === token) continue;
    guesses.push((await reset(new Browser(server), guess)).status);
  }
  expect(guesses.slice(0, 10)).toEqual(Array(10).fill(400));
  expect(guesses[10]).toBe(429);
  // The teacher's own code still works.
  expect((await reset(new Browser(server), token)).status).toBe(200);
  // Malformed tokens are refused without counting: no lookups to limit.
  expect((await reset(new Browser(server), 'x')).status).toBe(400);
});

test('bad input gets problem+json 4xx and changes nothing', async () => {
  await start();
  await registerTeacher(server);
  const b = new Browser(server);
  for (const body of [{}, { email: 'geen-adres' }, { email: 'juf@school.nl', lang: 'fr' }]) {
    const res = await b.post('/api/auth/forgot-password', body);
    expect(res.status).toBe(422);
    expect(res.headers.get('Content-Type')).toMatch(/application\/problem\+json/);
  }
  for (const body of [{}, { token: 'x'.repeat(300), password: NEW_PASSWORD }, { token: 1, password: NEW_PASSWORD }]) {
    expect((await b.post('/api/auth/reset-password', body)).status).toBe(422);
  }
  await new Promise((r) => setTimeout(r, 200));
  expect(inbox).toHaveLength(0);
  expect(await count(server, 'password_resets')).toBe(0);
});

test('npm run admin -- reset-code <email> prints a code once that signs the teacher in; an unknown address fails', async () => {
  await start(null);
  await registerTeacher(server);
  const run = (args: string[]) =>
    promisify(execFile)('node_modules/.bin/tsx', ['scripts/admin.ts', ...args], {
      env: { ...process.env, DATABASE_URL: server.url, PUBLIC_URL: 'https://bronwijs.example/' },
    });
  const { stdout } = await run(['reset-code', 'Juf@School.nl']);
  const code = stdout.match(/[A-Z2-9]{4}(-[A-Z2-9]{4}){3}/)?.[0];
  expect(code, stdout).toBeDefined();
  expect(stdout).toContain('https://bronwijs.example/reset-password');
  const b = new Browser(server);
  expect((await reset(b, code!)).status).toBe(200);
  await expect(run(['reset-code', 'niemand@school.nl'])).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/No teacher account/) });
  await expect(run(['reset-code'])).rejects.toMatchObject({ code: 2 });
}, 60_000);
