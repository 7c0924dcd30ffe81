// A student lost her personal (resume) code: the teacher reissues it from the class page. The new
// code is shown once to the teacher; the old one stops working and the student's sessions end.
// A student who tries to join again under her own name is pointed to her code, told no more than
// that the name is taken.
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { ReissuedResumeCode } from '../../server/api-types.ts';
import { Browser, count, testServer, type TestServer } from '../api/helpers.ts';
import { createClass, joinClass, registerTeacher } from './helpers.ts';

let server: TestServer;
beforeEach(async () => {
  server = await testServer();
});
afterEach(() => server.close());

test('the teacher reissues a student code: the new one brings her back, the old one and her sessions stop', async () => {
  const { browser: t } = await registerTeacher(server);
  const k = await createClass(t);
  const { browser: laptop, result } = await joinClass(server, k.joinCode, 'Sam');
  await joinClass(server, k.joinCode, 'Noor');
  const [, sam] = (await (await t.get(`/api/classes/${k.id}`)).json()).students as { id: string; displayName: string }[];
  expect(sam!.displayName).toBe('Sam');

  const res = await t.post(`/api/classes/${k.id}/students/${sam!.id}/resume-code`);
  expect(res.status).toBe(201);
  expect(res.headers.get('Cache-Control')).toBe('no-store');
  const issued = (await res.json()) as ReissuedResumeCode;
  expect(issued).toMatchObject({ studentId: sam!.id, displayName: 'Sam' });
  expect(issued.resumeCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  expect(issued.resumeCode).not.toBe(result.resumeCode);
  // Stored only as a hash.
  const stored = await server.database.client.execute({ sql: 'SELECT resume_code_hash FROM learners WHERE id = ?', args: [sam!.id] });
  expect(String(stored.rows[0]!.resume_code_hash)).not.toContain(issued.resumeCode.replaceAll('-', ''));

  expect(await (await laptop.get('/api/me')).json()).toEqual({ role: null });
  expect((await new Browser(server).post('/api/resume', { resumeCode: result.resumeCode })).status).toBe(404);
  const tablet = new Browser(server);
  const back = await tablet.post('/api/resume', { resumeCode: issued.resumeCode });
  expect(back.status).toBe(200);
  expect(await back.json()).toMatchObject({ role: 'student', id: sam!.id, name: 'Sam' });
  // Noor is untouched; nobody new was created.
  expect(await count(server, 'learners')).toBe(2);
});

test("only the class's own teacher reissues, only for a student of that class", async () => {
  const { browser: anna } = await registerTeacher(server);
  const { browser: bas } = await registerTeacher(server, 'bas@school.nl', 'Bas');
  const k = await createClass(anna);
  const other = await createClass(anna, '4A');
  const { browser: sam, result } = await joinClass(server, k.joinCode, 'Sam');
  const [student] = (await (await anna.get(`/api/classes/${k.id}`)).json()).students as { id: string }[];
  const path = `/api/classes/${k.id}/students/${student!.id}/resume-code`;
  expect((await bas.post(path)).status).toBe(404);
  expect((await anna.post(`/api/classes/${other.id}/students/${student!.id}/resume-code`)).status).toBe(404);
  expect((await anna.post(`/api/classes/${k.id}/students/nobody/resume-code`)).status).toBe(404);
  expect((await sam.post(path)).status).toBe(401);
  expect((await new Browser(server).post(path)).status).toBe(401);
  // Nothing changed: the first code still works.
  expect((await new Browser(server).post('/api/resume', { resumeCode: result.resumeCode })).status).toBe(200);
});

test('joining again under a taken name points to the personal code and says no more than that the name is taken', async () => {
  const { browser: t } = await registerTeacher(server);
  const k = await createClass(t);
  await joinClass(server, k.joinCode, 'Sam');
  const again = await new Browser(server).post('/api/join', { joinCode: k.joinCode, displayName: ' sam ' });
  expect(again.status).toBe(409);
  const body = await again.json();
  expect(body.type).toBe('/problems/name-taken');
  expect(body.detail).toMatch(/continue with your personal code/i);
  // Nothing about the student beyond the name typed: no id, no class members, no code.
  expect(Object.keys(body).sort()).toEqual(['detail', 'status', 'title', 'type']);
  expect(await count(server, 'learners')).toBe(1);
});
