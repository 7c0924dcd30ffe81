// A student's attempt at an assignment: only for the class, only while open, one attempt, mode and
// version from the assignment, and a test's feedback held back until the teacher releases it.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { review, type Lesson } from '../../lessons/index.ts';
import type { AttemptView, FinishResult } from '../../server/api-types.ts';
import { Browser, contentLessons, count, keysIn, seedOf, signIn, testServer, type TestServer } from './helpers.ts';

const lesson: Lesson = contentLessons()[0];
const HOUR = 3_600_000;
let server: TestServer;
let student: Browser;

async function sql(text: string, args: (string | number | null)[] = []) {
  return server.database.client.execute({ sql: text, args });
}

beforeEach(async () => {
  server = await testServer();
  await sql("INSERT INTO teachers (id, email, name, password_hash) VALUES ('t1', 't@school.nl', 'T', 'x')");
  await sql("INSERT INTO classes (id, teacher_id, name, join_code) VALUES ('c1', 't1', '3B', 'ABC'), ('c2', 't1', '3C', 'DEF')");
  await sql("INSERT INTO learners (id, kind, class_id, display_name) VALUES ('s1', 'student', 'c1', 'Sam'), ('s2', 'student', 'c2', 'Noor')");
  student = new Browser(server);
  await signIn(server, student, { learnerId: 's1' });
});
afterEach(() => server.close());

async function assign(fields: { mode?: string; opensAt?: number | null; dueAt?: number | null; release?: string } = {}) {
  const id = `a${Math.random().toString(36).slice(2)}`;
  await sql(
    'INSERT INTO assignments (id, class_id, lesson_slug, lesson_version, mode, opens_at, due_at, feedback_release) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [id, 'c1', lesson.slug, lesson.version, fields.mode ?? 'test', fields.opensAt ?? null, fields.dueAt ?? null, fields.release ?? 'on-finish'],
  );
  return id;
}
const startAssignment = (id: string, who = student) => who.post('/api/attempts', { lessonSlug: lesson.slug, assignmentId: id, mode: 'practice' });

test('the mode comes from the assignment and a second start returns the same attempt', async () => {
  const id = await assign({ mode: 'test' });
  const first = await startAssignment(id);
  expect(first.status).toBe(201);
  const view: AttemptView = await first.json();
  expect(view).toMatchObject({ mode: 'test', assignmentId: id, lessonVersion: lesson.version });
  const [a, b] = await Promise.all([startAssignment(id), startAssignment(id)]);
  expect(a.status).toBe(200);
  expect((await b.json()).id).toBe(view.id);
  expect(await count(server, 'attempts')).toBe(1);
});

test('a student of another class, a self-study learner and a visitor cannot start it', async () => {
  const id = await assign();
  const other = new Browser(server);
  await signIn(server, other, { learnerId: 's2' });
  expect((await startAssignment(id, other)).status).toBe(403);
  const visitor = new Browser(server);
  expect((await startAssignment(id, visitor)).status).toBe(401);
  expect((await startAssignment('missing')).status).toBe(404);
  expect(await count(server, 'attempts')).toBe(0);
});

test('before it opens: 403 saying when; after it is due: 409, and answers are refused', async () => {
  const now = server.clock.now.getTime();
  const later = await assign({ opensAt: now + HOUR });
  const res = await startAssignment(later);
  expect(res.status).toBe(403);
  expect((await res.json()).detail).toContain(new Date(now + HOUR).toISOString());

  const due = await assign({ dueAt: now + HOUR });
  const view: AttemptView = await (await startAssignment(due)).json();
  server.clock.now = new Date(now + 2 * HOUR);
  const q = lesson.questions[0];
  const answer = review(q, await seedOf(server, view.id)).key;
  const put = await student.put(`/api/attempts/${view.id}/responses/${q.id}`, { answer });
  expect(put.status).toBe(409);
  expect(await count(server, 'responses')).toBe(0);
  const late = await assign({ dueAt: now + HOUR });
  expect((await startAssignment(late)).status).toBe(409);
});

test('a test with manual release holds back score and review until the teacher releases them', async () => {
  const id = await assign({ mode: 'test', release: 'manual' });
  const view: AttemptView = await (await startAssignment(id)).json();
  for (const q of lesson.questions.filter((x) => x.type !== 'open')) {
    await student.put(`/api/attempts/${view.id}/responses/${q.id}`, { answer: review(q, await seedOf(server, view.id)).key ?? { value: 3 } });
  }
  const held: FinishResult = await (await student.post(`/api/attempts/${view.id}/finish`)).json();
  expect(held).toEqual({ status: 'finished', feedbackReleased: false });
  const during = await (await student.get(`/api/attempts/${view.id}`)).json();
  expect(['fraction', 'feedback', 'key', 'review', 'score', 'explanation'].filter((k) => keysIn(during).has(k))).toEqual([]);

  await sql('UPDATE assignments SET feedback_released_at = ? WHERE id = ?', [Date.now(), id]);
  const released: FinishResult = await (await student.post(`/api/attempts/${view.id}/finish`)).json();
  expect(released.feedbackReleased).toBe(true);
  expect(released.review).toHaveLength(lesson.questions.length);
  const after: AttemptView = await (await student.get(`/api/attempts/${view.id}`)).json();
  expect(after.result?.score).toEqual(released.score);
});

test("an open answer counts once its teacher has graded it", async () => {
  const id = await assign({ mode: 'practice' });
  const view: AttemptView = await (await startAssignment(id)).json();
  const open = lesson.questions.find((q) => q.type === 'open')!;
  await student.put(`/api/attempts/${view.id}/responses/${open.id}`, { answer: { text: 'Er is maar één bron.' } });
  const before: FinishResult = await (await student.post(`/api/attempts/${view.id}/finish`)).json();
  const max = lesson.questions.reduce((s, q) => s + q.points, 0);
  expect(before.score!.max).toBe(max - open.points);
  const rs = await sql('SELECT id FROM responses WHERE question_id = ?', [open.id]);
  await sql("INSERT INTO grades (response_id, teacher_id, points, comment) VALUES (?, 't1', ?, 'Goed gezien')", [String(rs.rows[0].id), open.points]);
  const after: FinishResult = await (await student.post(`/api/attempts/${view.id}/finish`)).json();
  expect(after.score).toEqual({ points: open.points, max });
  const got: AttemptView = await (await student.get(`/api/attempts/${view.id}`)).json();
  expect(got.responses.find((r) => r.questionId === open.id)).toMatchObject({ fraction: 1, teacherPoints: open.points, teacherComment: 'Goed gezien' });
});

test('a lesson assigned as a test cannot be practised outside it first: that would show its key', async () => {
  await assign({ mode: 'test' });
  const practise = await student.post('/api/attempts', { lessonSlug: lesson.slug, mode: 'practice' });
  expect(practise.status).toBe(403);
  expect((await practise.json()).type).toMatch(/assigned-as-test/);
  expect((await student.post('/api/attempts', { lessonSlug: lesson.slug, mode: 'test' })).status).toBe(403);
  expect(await count(server, 'attempts')).toBe(0);
  // Other lessons stay open for practice, and so does this one for a student of another class.
  const other = contentLessons().find((l) => l.slug !== lesson.slug)!;
  expect((await student.post('/api/attempts', { lessonSlug: other.slug })).status).toBe(201);
  const elsewhere = new Browser(server);
  await signIn(server, elsewhere, { learnerId: 's2' });
  expect((await elsewhere.post('/api/attempts', { lessonSlug: lesson.slug })).status).toBe(201);
});
