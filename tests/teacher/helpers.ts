// Helpers for the teacher suites: a signed-up teacher, a class, students who joined it, all
// through the public API on the shared test server (tests/api/helpers.ts).
import { expect } from 'vitest';
import type { AssignmentView, AttemptView, ClassView, JoinResult, Me } from '../../server/api-types.ts';
import { Browser, seedOf, testServer, type TestServer } from '../api/helpers.ts';

export const PASSWORD = 'bronwijs leest kritisch';

export async function registerTeacher(server: TestServer, email = 'juf@school.nl', name = 'Juf Anna'): Promise<{ browser: Browser; me: Me }> {
  const browser = new Browser(server);
  const res = await browser.post('/api/auth/register', { email, password: PASSWORD, name });
  expect(res.status).toBe(201);
  return { browser, me: await res.json() };
}

export async function createClass(teacher: Browser, name = '3B'): Promise<ClassView> {
  const res = await teacher.post('/api/classes', { name });
  expect(res.status).toBe(201);
  return res.json();
}

export async function joinClass(server: TestServer, joinCode: string, displayName: string): Promise<{ browser: Browser; result: JoinResult }> {
  const browser = new Browser(server);
  const res = await browser.post('/api/join', { joinCode, displayName });
  expect(res.status).toBe(201);
  return { browser, result: await res.json() };
}

/** A fresh test server with a signed-up teacher and their class; the caller closes the server. */
export async function teacherWithClass(): Promise<{ server: TestServer; teacher: Browser; klass: ClassView }> {
  const server = await testServer();
  const teacher = (await registerTeacher(server)).browser;
  return { server, teacher, klass: await createClass(teacher) };
}

/** The class gets the lesson as an assignment: practice, unless the body says otherwise. */
export async function assignLesson(teacher: Browser, klass: ClassView, lessonSlug: string, body: Record<string, unknown> = {}): Promise<AssignmentView> {
  const res = await teacher.post(`/api/classes/${klass.id}/assignments`, { lessonSlug, mode: 'practice', ...body });
  expect(res.status).toBe(201);
  return res.json();
}

/** A student joins the class and starts the assignment: their browser, the attempt and its seed. */
export async function joinAndStart(
  server: TestServer,
  klass: ClassView,
  name: string,
  assignment: { lessonSlug: string; assignmentId: string },
): Promise<{ browser: Browser; attempt: AttemptView; seed: string }> {
  const { browser } = await joinClass(server, klass.joinCode, name);
  const started = await browser.post('/api/attempts', assignment);
  expect(started.status).toBe(201);
  const attempt: AttemptView = await started.json();
  return { browser, attempt, seed: await seedOf(server, attempt.id) };
}

export const patch = (b: Browser, path: string, body: unknown) => b.request('PATCH', path, body);
export const del = (b: Browser, path: string) => b.request('DELETE', path);
