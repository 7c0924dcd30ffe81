// A teacher who forgot the password, in the browser: "Wachtwoord vergeten?" on the sign-in form,
// the link from a real mail (an SMTP server this test starts on 127.0.0.1) and a code from the
// administrator command, each ending signed in with the new password. And a student's new
// personal code from the class roster. axe-core checks each page; screenshots at 1280 and 375 px.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../server-child.ts';
import { checkA11y, chromiumAvailable, launchBrowser, ROOT, startServer, type RunningServer } from './helpers.ts';

const SCREENS = join(ROOT, '.tmp/screens');
const EMAIL = 'juf.reset@school.example';

async function shoot(page: Page, name: string) {
  for (const [width, height] of [
    [1280, 800],
    [375, 812],
  ] as const) {
    await page.setViewportSize({ width, height });
    await checkA11y(page, `${name} at ${width} px`);
    await page.screenshot({ path: join(SCREENS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function call(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    { method, path, body },
  );
}

describe.runIf(chromiumAvailable())('password reset and new student codes in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let smtp: SMTPServer;
  const mails: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'bronwijs-e2e-reset-'));
  const databaseUrl = `file:${join(dir, 'bronwijs.db')}`;

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        let body = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => (body += chunk));
        stream.on('end', () => {
          mails.push(body);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = await freePort();
    server = await startServer({
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    });
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise<void>((resolve) => (smtp ? smtp.close(resolve) : resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  const newPage = async () => (await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: server.url, bypassCSP: true })).newPage();

  it('by e-mail link: forgot on the sign-in form, the mail, a new password, signed in; the old password no longer works', async () => {
    const page = await newPage();
    await page.goto('/teacher');
    expect((await call(page, 'POST', '/api/auth/register', { email: EMAIL, password: 'het eerste wachtwoord', name: 'Juf Reset' })).status).toBe(201);
    await call(page, 'POST', '/api/auth/logout', {});
    await page.goto('/teacher');
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' }).waitFor();
    await shoot(page, 'forgot-password');
    await page.getByRole('textbox', { name: 'E-mailadres' }).fill(EMAIL);
    await page.getByRole('button', { name: 'Stuur de link' }).click();
    await page.getByRole('heading', { name: 'Kijk in je mailbox' }).waitFor();
    await shoot(page, 'forgot-password-sent');

    const deadline = Date.now() + 15_000;
    while (!mails.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const body = mails[0]!.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const link = body.match(/http:\/\/127\.0\.0\.1:\d+\/reset-password\?token=[A-Za-z0-9_-]+/)?.[0];
    expect(link, body).toBeDefined();
    expect(server.output()).not.toContain(new URL(link!).searchParams.get('token')!);

    await page.goto(link!);
    await page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' }).waitFor();
    await shoot(page, 'reset-password-link');
    await page.getByLabel('Nieuw wachtwoord').fill('een nieuw lang wachtwoord');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/teacher/classes');
    expect(await (await call(page, 'GET', '/api/me')).json).toMatchObject({ role: 'teacher', email: EMAIL });
    expect((await call(page, 'POST', '/api/auth/login', { email: EMAIL, password: 'het eerste wachtwoord' })).status).toBe(401);
    await page.context().close();
  }, 90_000);

  it('by administrator code: npm run admin -- reset-code prints it, the teacher types it with a new password', async () => {
    const { stdout } = await promisify(execFile)(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/admin.ts', 'reset-code', EMAIL], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    const code = stdout.match(/[A-Z2-9]{4}(-[A-Z2-9]{4}){3}/)?.[0];
    expect(code, stdout).toBeDefined();
    const page = await newPage();
    await page.goto('/forgot-password');
    await page.getByRole('link', { name: 'Ik heb een herstelcode' }).click();
    await page.getByRole('textbox', { name: 'Herstelcode' }).waitFor();
    await page.getByRole('textbox', { name: 'Herstelcode' }).fill(code!.toLowerCase());
    await shoot(page, 'reset-password-code');
    await page.getByLabel('Nieuw wachtwoord').fill('het derde lange wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.waitForURL('**/teacher/classes');
    expect((await call(page, 'POST', '/api/auth/login', { email: EMAIL, password: 'het derde lange wachtwoord' })).status).toBe(200);
    await page.context().close();
  }, 90_000);

  it("the roster gives a student a new personal code, shown once; the student's old code stops working", async () => {
    const teacher = await newPage();
    await teacher.goto('/teacher');
    await call(teacher, 'POST', '/api/auth/login', { email: EMAIL, password: 'het derde lange wachtwoord' });
    const klass = (await call(teacher, 'POST', '/api/classes', { name: '2C' })).json as { id: string; joinCode: string };
    const student = await newPage();
    await student.goto('/join');
    const joined = (await call(student, 'POST', '/api/join', { joinCode: klass.joinCode, displayName: 'Sam' })).json as { resumeCode: string };

    // Joining again under the same name points to the personal code.
    const again = await newPage();
    await again.goto('/join');
    await again.getByRole('textbox', { name: 'Klascode' }).fill(klass.joinCode);
    await again.getByRole('textbox', { name: 'Je naam in de klas' }).fill('sam');
    await again.getByRole('button', { name: 'Binnengaan' }).click();
    await again.getByRole('link', { name: 'Ga verder met je code' }).first().waitFor();
    await shoot(again, 'join-name-taken');

    await teacher.goto(`/teacher/classes/${klass.id}`);
    // The visually hidden ": Sam" (tw-sr-only) reads as a word of its own in Chromium's name.
    await teacher.getByRole('button', { name: /^Nieuwe code\s*: Sam$/ }).click();
    await teacher.getByRole('button', { name: 'Ja, nieuwe code' }).click();
    const shown = teacher.locator('.tw-new-code .tw-resume-code');
    await shown.waitFor();
    const code = (await shown.textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await shoot(teacher, 'class-new-code');
    expect((await call(again, 'POST', '/api/resume', { resumeCode: joined.resumeCode })).status).toBe(404);
    expect((await call(again, 'POST', '/api/resume', { resumeCode: code })).status).toBe(200);
  }, 90_000);
});
