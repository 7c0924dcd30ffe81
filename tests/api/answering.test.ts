// After a session has saved an answer in an attempt, the worker remembers them and the next answer
// only tries its write (server/session.ts, recallAnswering; the answer route's SAVE_ANSWER_SQL).
// Whatever changed in between must refuse that answer exactly as a fresh read of the session and
// attempt does, and store nothing; what did not change must not refuse it.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { review, type Lesson } from '../../lessons/index.ts';
import type { AttemptView, Problem, SaveResponseResult } from '../../server/api-types.ts';
import { Browser, contentLessons, count, seedOf, signIn, testServer, type TestServer } from './helpers.ts';

const lesson: Lesson = contentLessons()[0];
const [q1, q2, q3] = lesson.questions.filter((q) => q.type === 'single-choice');
const SECOND = 1_000;
const HOUR = 3_600_000;

let server: TestServer;
let student: Browser;
let attempt: AttemptView;
let seed: string;

async function sql(text: string, args: (string | number | null)[] = []) {
  return server.database.client.execute({ sql: text, args });
}

beforeEach(async () => {
  server = await testServer();
  await sql("INSERT INTO teachers (id, email, name, password_hash) VALUES ('t1', 't@school.nl', 'T', 'x')");
  await sql("INSERT INTO classes (id, teacher_id, name, join_code) VALUES ('c1', 't1', '3B', 'ABC')");
  await sql("INSERT INTO learners (id, kind, class_id, display_name) VALUES ('s1', 'student', 'c1', 'Sam')");
  await sql(
    "INSERT INTO assignments (id, class_id, lesson_slug, lesson_version, mode, due_at, feedback_release) VALUES ('a1', 'c1', ?, ?, 'practice', ?, 'on-finish')",
    [lesson.slug, lesson.version, server.clock.now.getTime() + HOUR],
  );
  student = new Browser(server);
  await signIn(server, student, { learnerId: 's1' });
  const started = await student.post('/api/attempts', { lessonSlug: lesson.slug, assignmentId: 'a1' });
  expect(started.status).toBe(201);
  attempt = await started.json();
  seed = await seedOf(server, attempt.id);
  // The first answer reads the session and attempt; from here the worker remembers them.
  expect((await answer(q1)).status).toBe(200);
});
afterEach(() => {
  vi.restoreAllMocks();
  server.close();
});

const answer = (q: (typeof lesson.questions)[number], headers?: Record<string, string>) =>
  student.put(`/api/attempts/${attempt.id}/responses/${q.id}`, { answer: review(q, seed).key }, headers);

const later = (ms: number) => {
  server.clock.now = new Date(server.clock.now.getTime() + ms);
};

async function refused(q: (typeof lesson.questions)[number], status: number, type: string) {
  const before = await count(server, 'responses');
  const res = await answer(q);
  expect(res.status).toBe(status);
  expect(((await res.json()) as Problem).type).toBe(`/problems/${type}`);
  expect(await count(server, 'responses')).toBe(before);
}

test('the next answer in the attempt is saved without reading the session again', async () => {
  const get = vi.spyOn(server.database.sql, 'get');
  const res = await answer(q2);
  expect(res.status).toBe(200);
  expect((await res.json()) as SaveResponseResult).toMatchObject({ saved: true, questionId: q2.id, try: 1, fraction: 1 });
  expect(get.mock.calls.filter(([text]) => /FROM sessions/.test(text))).toEqual([]);
  expect(await count(server, 'responses')).toBe(2);
});

test('signed out in between (or a new resume code ended the session): 401', async () => {
  await sql('DELETE FROM sessions');
  await refused(q2, 401, 'unauthorized');
});

test("the session's absolute end passed in between: 401", async () => {
  await sql('UPDATE sessions SET expires_at = ?', [server.clock.now.getTime() + 10 * SECOND]);
  later(20 * SECOND);
  await refused(q2, 401, 'unauthorized');
});

test('the teacher closed the assignment in between: 409', async () => {
  await sql("UPDATE assignments SET closed_at = ? WHERE id = 'a1'", [server.clock.now.getTime()]);
  await refused(q2, 409, 'assignment-closed');
});

test('the teacher moved the due date into the past in between: 409', async () => {
  await sql("UPDATE assignments SET due_at = ? WHERE id = 'a1'", [server.clock.now.getTime() - SECOND]);
  await refused(q2, 409, 'past-due');
});

test('the due date passed and the teacher then moved it later: the answer is saved', async () => {
  await sql("UPDATE assignments SET due_at = ? WHERE id = 'a1'", [server.clock.now.getTime() + 10 * SECOND]);
  // Remembered with the old date, which is now past; the database has the new one.
  expect((await answer(q2)).status).toBe(200);
  later(20 * SECOND);
  await sql("UPDATE assignments SET due_at = ? WHERE id = 'a1'", [server.clock.now.getTime() + HOUR]);
  expect((await answer(q3)).status).toBe(200);
  expect(await count(server, 'responses')).toBe(3);
});

test('finished in another tab in between: 409', async () => {
  const other = new Browser(server);
  other.cookies = new Map(student.cookies);
  expect((await other.post(`/api/attempts/${attempt.id}/finish`)).status).toBe(200);
  await refused(q2, 409, 'attempt-finished');
});

test('the student was removed from the class in between: 401', async () => {
  await sql("DELETE FROM learners WHERE id = 's1'");
  await refused(q2, 401, 'unauthorized');
});

test('a retry with the same Idempotency-Key is answered as the first time and stored once', async () => {
  const first = await answer(q2, { 'Idempotency-Key': 'k-2' });
  const again = await answer(q2, { 'Idempotency-Key': 'k-2' });
  expect(first.status).toBe(200);
  expect(again.status).toBe(200);
  expect(await again.json()).toEqual(await first.json());
  expect(await count(server, 'responses', 'question_id = ?', [q2.id])).toBe(1);
});

test("a minute on, the answer's write also keeps the session's last_seen_at, as a read does", async () => {
  const lastSeen = async () => Number((await sql('SELECT last_seen_at FROM sessions')).rows[0].last_seen_at);
  const first = await lastSeen();
  later(30 * SECOND);
  expect((await answer(q2)).status).toBe(200);
  expect(await lastSeen()).toBe(first);
  later(31 * SECOND);
  const get = vi.spyOn(server.database.sql, 'get');
  expect((await answer(q3)).status).toBe(200);
  expect(get.mock.calls.filter(([text]) => /FROM sessions/.test(text))).toEqual([]);
  expect(await lastSeen()).toBe(server.clock.now.getTime());
});

test('idle past the timeout, by a session kept alive only by answers: 401', async () => {
  // 89 days of answers a minute apart would keep it; here the last one was 91 days ago.
  await sql('UPDATE sessions SET last_seen_at = ?, expires_at = ?', [server.clock.now.getTime() - 91 * 24 * HOUR, server.clock.now.getTime() + HOUR]);
  await refused(q2, 401, 'unauthorized');
});

// A body the route refuses (415, 400, 422) before it tries its write. A fresh read answers 401 for an
// ended session first, whatever the body: the remembered path must too, and store nothing.
const badBodies: [string, string, Record<string, string>][] = [
  ['not JSON', '{"answer":', {}],
  ['not sent as JSON', 'answer=1', { 'Content-Type': 'application/x-www-form-urlencoded' }],
  ['not an answer', JSON.stringify({ reply: 1 }), {}],
];

test('signed out in between, then a body the route refuses: 401, as a fresh read gives', async () => {
  await sql('DELETE FROM sessions');
  const before = await count(server, 'responses');
  for (const [what, body, headers] of badBodies) {
    const res = await student.request('PUT', `/api/attempts/${attempt.id}/responses/${q2.id}`, body, headers);
    expect(res.status, what).toBe(401);
    expect(((await res.json()) as Problem).type, what).toBe('/problems/unauthorized');
  }
  expect(await count(server, 'responses')).toBe(before);
});

test('a body the route refuses while the session lives is refused as before, and the next good answer is saved', async () => {
  const statuses = [];
  for (const [, body, headers] of badBodies) {
    statuses.push((await student.request('PUT', `/api/attempts/${attempt.id}/responses/${q2.id}`, body, headers)).status);
  }
  expect(statuses).toEqual([400, 415, 422]);
  expect(await count(server, 'responses')).toBe(1);
  expect((await answer(q2)).status).toBe(200);
  expect(await count(server, 'responses')).toBe(2);
});
