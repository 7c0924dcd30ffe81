// Privacy in the browser: loading any page of Bronwijs makes requests only to its own origin (no
// fonts, scripts, analytics or images from elsewhere that would tell a third party who reads what).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { chromiumAvailable, launchBrowser, startServer, type RunningServer } from './helpers.ts';

const run = chromiumAvailable();
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (!run) return;
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Visit each path in the context and return every request URL made that is not to the origin. */
async function foreignRequests(context: BrowserContext, paths: string[]): Promise<{ visited: number; foreign: string[] }> {
  const origin = new URL(server.url).origin;
  const foreign: string[] = [];
  let visited = 0;
  context.on('request', (req) => {
    const url = req.url();
    // data: and blob: URLs never leave the browser.
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreign.push(`${url} (from ${req.frame().url()})`);
  });
  const page = await context.newPage();
  for (const path of paths) {
    const res = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    expect(res?.status(), path).toBe(200);
    // Let lazy routes, their data and any late loads (fonts, images) happen.
    await page.waitForTimeout(700);
    visited++;
  }
  await page.close();
  return { visited, foreign };
}

describe.runIf(run)('every page requests only its own origin', () => {
  it('student and teacher pages', async () => {
    // The teacher: an account, a class with an assignment (through the API, in the browser's cookie jar).
    const teacher = await browser.newContext();
    const api = teacher.request;
    const email = `origin-${Date.now()}@school.example`;
    expect((await api.post(`${server.url}/api/auth/register`, { data: { email, password: 'herfst-in-de-klas', name: 'Juf Herkomst' } })).status()).toBe(201);
    const klass = (await (await api.post(`${server.url}/api/classes`, { data: { name: 'Klas Herkomst' } })).json()) as { id: string; joinCode: string };
    const { lessons } = (await (await api.get(`${server.url}/api/lessons`)).json()) as { lessons: { slug: string }[] };
    const slug = lessons[0]!.slug;
    const assignment = (await (await api.post(`${server.url}/api/classes/${klass.id}/assignments`, { data: { lessonSlug: slug, mode: 'practice' } })).json()) as { id: string };

    // A student of the class with an attempt on the assignment.
    const student = await browser.newContext();
    expect((await student.request.post(`${server.url}/api/join`, { data: { joinCode: klass.joinCode, displayName: 'Sam' } })).status()).toBe(201);
    const attempt = (await (await student.request.post(`${server.url}/api/attempts`, { data: { lessonSlug: slug, assignmentId: assignment.id } })).json()) as { id: string };

    const studentPages = ['/', `/lessons/${slug}`, `/attempts/${attempt.id}`, `/attempts/${attempt.id}/results`, '/me', '/join', '/resume', '/nergens'];
    const teacherPages = [
      '/teacher',
      '/teacher/classes',
      `/teacher/classes/${klass.id}`,
      `/teacher/classes/${klass.id}/projector`,
      `/teacher/assignments/${assignment.id}`,
      `/teacher/assignments/${assignment.id}/projector`,
      `/teacher/assignments/${assignment.id}/live`,
    ];
    const s = await foreignRequests(student, studentPages);
    const t = await foreignRequests(teacher, teacherPages);
    expect(s.visited + t.visited).toBe(studentPages.length + teacherPages.length);
    expect([...s.foreign, ...t.foreign]).toEqual([]);
    await student.close();
    await teacher.close();
  });
});
