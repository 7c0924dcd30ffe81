// Helpers for the teacher suites: a signed-up teacher, a class, students who joined it, all
// through the public API on the shared test server (tests/api/helpers.ts).
import { expect } from 'vitest';
import type { ClassView, JoinResult, Me } from '../../server/api-types.ts';
import { Browser, type TestServer } from '../api/helpers.ts';

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

export const patch = (b: Browser, path: string, body: unknown) => b.request('PATCH', path, body);
export const del = (b: Browser, path: string) => b.request('DELETE', path);
