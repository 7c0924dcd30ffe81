// A self-study learner notes a resume code and continues on another device with it.
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { AttemptView } from '../../server/api-types.ts';
import { Browser, contentLessons, signIn, testServer, type TestServer } from './helpers.ts';

let server: TestServer;
beforeEach(async () => {
  server = await testServer();
});
afterEach(() => server.close());

test('a resume code brings a self-study learner and their attempts to another device', async () => {
  const laptop = new Browser(server);
  const started: AttemptView = await (await laptop.post('/api/attempts', { lessonSlug: contentLessons()[0].slug })).json();
  // one question answered: the list says how far along the attempt is
  const choice = started.questions.find((q) => q.type === 'single-choice')!;
  expect((await laptop.put(`/api/attempts/${started.id}/responses/${choice.id}`, { answer: { optionId: choice.options[0]!.id } })).status).toBe(200);
  const first = await laptop.post('/api/resume-code');
  expect(first.status).toBe(201);
  const { resumeCode } = await first.json();
  expect(resumeCode).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);

  const phone = new Browser(server);
  expect((await phone.get(`/api/attempts/${started.id}`)).status).toBe(401);
  expect((await phone.post('/api/resume', { resumeCode: resumeCode.toLowerCase() })).status).toBe(200);
  expect((await phone.get(`/api/attempts/${started.id}`)).status).toBe(200);
  // The other device finds the learner's lessons again, and only theirs.
  await new Browser(server).post('/api/attempts', { lessonSlug: contentLessons()[1].slug });
  const listed = await (await phone.get('/api/attempts')).json();
  expect(listed.attempts.map((a: { id: string }) => a.id)).toEqual([started.id]);
  expect(listed.attempts[0]).toMatchObject({ lessonSlug: started.lessonSlug, status: 'in-progress', assignmentId: null, answered: 1 });

  // A new code replaces the old one.
  const { resumeCode: next } = await (await laptop.post('/api/resume-code')).json();
  expect(next).not.toBe(resumeCode);
  expect((await new Browser(server).post('/api/resume', { resumeCode })).status).toBe(404);
});

test('a visitor has nothing to resume; a student keeps the code from joining', async () => {
  expect((await new Browser(server).post('/api/resume-code')).status).toBe(401);
  await server.database.client.execute("INSERT INTO teachers (id, email, name, password_hash) VALUES ('t1', 't@school.nl', 'T', 'x')");
  await server.database.client.execute("INSERT INTO classes (id, teacher_id, name, join_code) VALUES ('c1', 't1', '3B', 'ABC')");
  await server.database.client.execute("INSERT INTO learners (id, kind, class_id, display_name) VALUES ('s1', 'student', 'c1', 'Sam')");
  const student = new Browser(server);
  await signIn(server, student, { learnerId: 's1' });
  expect((await student.post('/api/resume-code')).status).toBe(403);
});
