// An assignment from start to report: four students answer through the API; the report's numbers
// (facility, discrimination, distributions, scores) are checked against values computed by hand;
// then grading, CSV, the projector view, the live stream, export and delete.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { review, type Lesson, type QuestionOfType } from '../../lessons/index.ts';
import type { AssignmentReport, AssignmentView, AttemptView, ClassView, LiveSnapshot, StudentAssignmentView } from '../../server/api-types.ts';
import { deleteExpired, startRetentionJob } from '../../server/security/privacy.ts';
import { Browser, contentLessons, count, seedOf, type TestServer } from '../api/helpers.ts';
import { assignLesson, createClass, del, joinAndStart, joinClass, patch, registerTeacher, teacherWithClass } from './helpers.ts';

const lesson: Lesson = contentLessons().find((l) => l.questions.filter((q) => q.type === 'single-choice').length >= 3 && l.questions.some((q) => q.type === 'open'))!;
const [q1, q2, q3] = lesson.questions.filter((q) => q.type === 'single-choice') as QuestionOfType<'single-choice'>[];
const open = lesson.questions.find((q) => q.type === 'open')!;
/** Every question's points, and those of the auto-graded ones (open answers wait for the teacher). */
const maxPoints = lesson.questions.reduce((n, q) => n + q.points, 0);
const autoMax = maxPoints - open.points;
// The wrong option of q1 that the two weaker students choose: one with a misconception if any.
const tempting = q1.options.find((o) => o.id !== q1.key && o.misconception) ?? q1.options.find((o) => o.id !== q1.key)!;

let server: TestServer, teacher: Browser, klass: ClassView;
beforeEach(async () => void ({ server, teacher, klass } = await teacherWithClass()));
afterEach(() => server.close());

const assign = (body: Record<string, unknown> = {}): Promise<AssignmentView> => assignLesson(teacher, klass, lesson.slug, body);

/** A student joins, starts the assignment and answers: right (true) or wrong (false) per question. */
async function student(name: string, assignmentId: string, answers: [QuestionOfType<'single-choice'>, boolean][], openText?: string) {
  const { browser, attempt, seed } = await joinAndStart(server, klass, name, { lessonSlug: lesson.slug, assignmentId });
  for (const [q, right] of answers) {
    const key = (review(q, seed).key as { optionId: string }).optionId;
    const shown = attempt.questions.find((p) => p.id === q.id) as { options: { id: string }[] };
    // The wrong pick for q1 is always the same option: tokens of the same seed map back to it.
    const wrongToken = q === q1 ? (review({ ...q1, key: tempting.id }, seed).key as { optionId: string }).optionId : shown.options.find((o) => o.id !== key)!.id;
    const res = await browser.put(`/api/attempts/${attempt.id}/responses/${q.id}`, { answer: { optionId: right ? key : wrongToken } });
    expect(res.status).toBe(200);
  }
  if (openText) expect((await browser.put(`/api/attempts/${attempt.id}/responses/${open.id}`, { answer: { text: openText } })).status).toBe(200);
  return { browser, attemptId: attempt.id };
}

async function fourStudents(a: AssignmentView, finish = true) {
  const list = [
    await student('Anna', a.id, [[q1, true], [q2, true], [q3, true]], 'Volgens de krant zegt een anonieme bron dit; dat is niet bevestigd.'),
    await student('Bram', a.id, [[q1, true], [q2, true], [q3, false]]),
    await student('=Cas', a.id, [[q1, false], [q2, false], [q3, true]]),
    await student('Dewi', a.id, [[q1, false], [q2, false], [q3, false]]),
  ];
  if (finish) for (const s of list) expect((await s.browser.post(`/api/attempts/${s.attemptId}/finish`)).status).toBe(200);
  return list;
}

const report = async (id: string, who = teacher): Promise<AssignmentReport> => {
  const res = await who.get(`/api/assignments/${id}/report`);
  expect(res.status).toBe(200);
  return res.json();
};

test('the report: facility and discrimination as computed by hand, distribution, misconceptions, scores', async () => {
  const a = await assign();
  await fourStudents(a);
  const r = await report(a.id);
  expect(r.students.map((s) => s.displayName)).toEqual(['=Cas', 'Anna', 'Bram', 'Dewi']);
  expect(r.students.every((s) => s.state === 'finished')).toBe(true);
  const byId = new Map(r.questions.map((q) => [q.id, q]));
  // q1 and q2: scores 1,1,0,0 (Anna, Bram, Cas, Dewi); rest of the test 2,1,1,0.
  // Deviations (.5,.5,-.5,-.5) and (1,0,0,-1): Sxy = 1, Sxx = 1, Syy = 2, r = 1/sqrt(2).
  for (const q of [q1, q2]) {
    expect(byId.get(q.id)!.facility).toBe(0.5);
    expect(byId.get(q.id)!.discrimination).toBeCloseTo(0.7071, 4);
    expect(byId.get(q.id)!.discriminationNote.en).toMatch(/very well/);
  }
  // q3: scores 1,0,1,0 against rest 2,2,0,0: deviations (.5,-.5,.5,-.5) and (1,1,-1,-1): Sxy = 0.
  expect(byId.get(q3.id)!.facility).toBe(0.5);
  expect(byId.get(q3.id)!.discrimination).toBe(0);
  // Unanswered by everyone: no facility; the open answer is not graded yet: no discrimination.
  const untouched = lesson.questions.find((q) => ![q1.id, q2.id, q3.id, open.id].includes(q.id))!;
  expect(byId.get(untouched.id)).toMatchObject({ responses: 0, facility: null, discrimination: null });
  expect(byId.get(open.id)).toMatchObject({ responses: 1, facility: null, discrimination: null });
  expect(byId.get(open.id)).toHaveProperty('rubric');

  const dist = byId.get(q1.id)!;
  expect(dist.responses).toBe(4);
  expect(dist.distribution.find((d) => d.value === q1.key)).toMatchObject({ count: 2, correct: true });
  expect(dist.distribution.find((d) => d.value === tempting.id)).toMatchObject({ count: 2, correct: false });
  expect(dist.distribution.reduce((n, d) => n + d.count, 0)).toBe(4);
  expect(dist.commonWrong).toMatchObject({ value: tempting.id, count: 2 });
  if (tempting.misconception) {
    expect(dist.commonWrong!.misconception).toBe(tempting.misconception);
    expect(dist.misconceptions).toContainEqual({ tag: tempting.misconception, count: 2 });
  }

  const anna = r.students.find((s) => s.displayName === 'Anna')!;
  // Three right; the open answer waits for the teacher and is left out of the maximum.
  expect(anna.score).toEqual({ points: 3, max: autoMax });
  expect(anna.cells.find((c) => c.questionId === open.id)).toMatchObject({ answered: true, fraction: null });
  expect(r.skills[q1.skill]!.max).toBeGreaterThan(0);
  expect(r.toGrade).toHaveLength(1);
  expect(r.toGrade[0]).toMatchObject({ displayName: 'Anna', questionId: open.id, points: null });
});

test('grading an open answer changes the student score; only the teacher of the class may grade', async () => {
  const a = await assign();
  const [anna] = await fourStudents(a);
  const { toGrade } = await report(a.id);
  const responseId = toGrade[0]!.responseId;

  const other = (await registerTeacher(server, 'bas@school.nl', 'Bas')).browser;
  expect((await other.put(`/api/responses/${responseId}/grade`, { points: 1 })).status).toBe(404);
  expect((await anna!.browser.put(`/api/responses/${responseId}/grade`, { points: 1 })).status).toBe(401);
  expect((await teacher.put(`/api/responses/${responseId}/grade`, { points: 5 })).status).toBe(422);

  const graded = await teacher.put(`/api/responses/${responseId}/grade`, { points: 1, comment: 'Goed: je noemt de bron.' });
  expect(graded.status).toBe(200);
  const after = await report(a.id);
  const annaRow = after.students.find((s) => s.displayName === 'Anna')!;
  expect(annaRow.score).toEqual({ points: 4, max: maxPoints });
  expect(after.toGrade[0]).toMatchObject({ points: 1, comment: 'Goed: je noemt de bron.' });
  // The student sees it in their list and in their attempt.
  const mine: { assignments: StudentAssignmentView[] } = await (await anna!.browser.get('/api/assignments')).json();
  expect(mine.assignments[0]).toMatchObject({ state: 'done', score: { points: 4, max: maxPoints } });
  const view: AttemptView = await (await anna!.browser.get(`/api/attempts/${anna!.attemptId}`)).json();
  expect(view.result?.score).toEqual({ points: 4, max: maxPoints });

  // By rubric levels: all criteria at the top level is full marks; a missing criterion is refused.
  if (open.type === 'open') {
    const levels = Object.fromEntries(open.rubric.map((c) => [c.id, 0]));
    expect((await teacher.put(`/api/responses/${responseId}/grade`, { levels: {} })).status).toBe(422);
    expect((await teacher.put(`/api/responses/${responseId}/grade`, { levels })).status).toBe(200);
    const after = await report(a.id);
    expect(after.students.find((s) => s.displayName === 'Anna')!.score).toEqual({ points: 3, max: maxPoints });
    // Reopened, the grade shows the levels it was given by.
    expect(after.toGrade.find((g) => g.responseId === responseId)!.levels).toEqual(levels);
    // The student's review shows the level per criterion and what that level means.
    const seen: AttemptView = await (await anna!.browser.get(`/api/attempts/${anna!.attemptId}`)).json();
    const item = seen.result!.review!.find((x) => x.questionId === open.id)!;
    expect(item.levels).toEqual(open.rubric.map((c) => ({ criterion: c.criterion, level: 0, max: 3, description: c.levels.find((l) => l.points === 0)!.description })));
  }
  // Each grading appended a step (the latest counts); the response itself was never updated.
  expect(await count(server, 'grades', 'response_id = ?', [responseId])).toBe(open.type === 'open' ? 2 : 1);
  const stored = await server.database.client.execute({ sql: 'SELECT fraction FROM responses WHERE id = ?', args: [responseId] });
  expect(stored.rows[0]!.fraction).toBeNull();
});

test('CSV: semicolons, BOM, CRLF by default; commas on request; formulas neutralized; an attachment', async () => {
  const a = await assign();
  await fourStudents(a);
  const res = await teacher.get(`/api/assignments/${a.id}/report.csv`);
  expect(res.status).toBe(200);
  expect(res.headers.get('Content-Type')).toMatch(/^text\/csv; charset=utf-8/);
  expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename="bronwijs-[\w-]+-3B-\d{4}-\d{2}-\d{2}\.csv"$/);
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes.slice(3));
  const lines = text.split('\r\n');
  expect(lines).toHaveLength(6); // header, four students, the empty string after the final CRLF
  // Headers and states in the interface language: Dutch unless ?lang=en (issue 14 item 17).
  expect(lines[0]!.split(';').slice(0, 4)).toEqual(['Naam', 'Status', 'Punten', 'Maximum']);
  expect(lines[1]!.startsWith("'=Cas;klaar;1;")).toBe(true);
  expect(lines.find((l) => l.startsWith('Anna;'))).toMatch(/^Anna;klaar;3;12;1;/);

  const comma = await (await teacher.get(`/api/assignments/${a.id}/report.csv?separator=comma`)).text();
  expect(comma.charCodeAt(0)).not.toBe(0xfeff);
  expect(comma.split('\r\n')[0]!.split(',').slice(0, 3)).toEqual(['Naam', 'Status', 'Punten']);
});

test('the projector view has the distributions but no names or ids of students', async () => {
  const a = await assign();
  await fourStudents(a);
  const full = await report(a.id);
  const res = await teacher.get(`/api/assignments/${a.id}/report?view=projector`);
  const text = await res.text();
  const projected: AssignmentReport = JSON.parse(text);
  expect(projected.students).toEqual([]);
  expect(projected.toGrade).toEqual([]);
  expect(projected.questions.find((q) => q.id === q1.id)!.distribution).toEqual(full.questions.find((q) => q.id === q1.id)!.distribution);
  for (const s of full.students) {
    expect(text).not.toContain(s.id);
    expect(text).not.toContain(s.attemptId!);
    expect(text).not.toContain(`"${s.displayName}"`);
  }
});

test("another teacher gets 404 for the assignment, its report, CSV, live view and release; a student 401", async () => {
  const a = await assign({ mode: 'test', feedbackRelease: 'manual' });
  const [anna] = await fourStudents(a);
  const other = (await registerTeacher(server, 'bas@school.nl', 'Bas')).browser;
  for (const path of [`/api/assignments/${a.id}`, `/api/assignments/${a.id}/report`, `/api/assignments/${a.id}/report.csv`, `/api/assignments/${a.id}/live`]) {
    expect((await other.get(path)).status).toBe(404);
  }
  expect((await other.post(`/api/assignments/${a.id}/release`)).status).toBe(404);
  expect((await other.post(`/api/classes/${klass.id}/assignments`, { lessonSlug: lesson.slug, mode: 'test' })).status).toBe(404);
  expect((await (await other.get('/api/assignments')).json()).assignments).toEqual([]);
  for (const path of [`/api/assignments/${a.id}/report`, `/api/assignments/${a.id}/report.csv`, `/api/assignments/${a.id}/live`]) {
    expect((await anna!.browser.get(path)).status).toBe(401);
  }
  expect((await anna!.browser.post(`/api/assignments/${a.id}/release`)).status).toBe(401);
});

test('a test with manual release: the student sees the score only after the teacher releases it', async () => {
  const a = await assign({ mode: 'test', feedbackRelease: 'manual' });
  const [anna] = await fourStudents(a);
  const before: { assignments: StudentAssignmentView[] } = await (await anna!.browser.get('/api/assignments')).json();
  expect(before.assignments[0]!.state).toBe('done');
  expect(before.assignments[0]!.score).toBeUndefined();
  const released = await teacher.post(`/api/assignments/${a.id}/release`);
  expect(released.status).toBe(200);
  expect((await released.json()).feedbackReleasedAt).not.toBeNull();
  const after: { assignments: StudentAssignmentView[] } = await (await anna!.browser.get('/api/assignments')).json();
  expect(after.assignments[0]!.score).toEqual({ points: 3, max: autoMax });
});

test("practice with 'manual' feedback release is refused with 422 naming feedbackRelease; a test may have it", async () => {
  const res = await teacher.post(`/api/classes/${klass.id}/assignments`, { lessonSlug: lesson.slug, mode: 'practice', feedbackRelease: 'manual' });
  expect(res.status).toBe(422);
  const body = await res.json();
  expect(body.errors).toEqual([{ path: 'feedbackRelease', message: expect.stringMatching(/practice/) }]);
  expect(await count(server, 'assignments')).toBe(0);
  expect((await assign({ mode: 'practice', feedbackRelease: 'on-finish' })).feedbackRelease).toBe('on-finish');
  expect((await assign({ mode: 'test', feedbackRelease: 'manual' })).feedbackRelease).toBe('manual');
});

test('assignment dates: due after opening, states for the student, and the attempt route enforcing them', async () => {
  const now = server.clock.now.getTime();
  const at = (h: number) => new Date(now + h * 3_600_000).toISOString();
  const bad = await teacher.post(`/api/classes/${klass.id}/assignments`, { lessonSlug: lesson.slug, mode: 'test', opensAt: at(5), dueAt: at(1) });
  expect(bad.status).toBe(422);
  expect((await bad.json()).errors[0].path).toBe('dueAt');
  expect((await teacher.post(`/api/classes/${klass.id}/assignments`, { lessonSlug: 'geen-les', mode: 'test' })).status).toBe(422);
  expect((await teacher.post(`/api/classes/${klass.id}/assignments`, { lessonSlug: lesson.slug, mode: 'exam' })).status).toBe(422);

  // A due date in the past at creation: the assignment could never be done.
  const gone = await teacher.post(`/api/classes/${klass.id}/assignments`, { lessonSlug: lesson.slug, mode: 'test', opensAt: at(-48), dueAt: at(-1) });
  expect(gone.status).toBe(422);
  expect((await gone.json()).errors).toEqual([expect.objectContaining({ path: 'dueAt' })]);

  const later = await assign({ opensAt: at(25), dueAt: at(49) });
  const soon = await assign({ dueAt: at(11) });
  const past = await assign({ opensAt: at(-48), dueAt: at(0.5) });
  expect(later.lessonVersion).toBe(lesson.version);
  // An hour later, the last one is past its due date.
  server.clock.now = new Date(now + 3_600_000);
  // The class's join window (15 minutes from creation) has closed: the teacher opens it again.
  expect((await teacher.post(`/api/classes/${klass.id}/join-window`, {})).status).toBe(200);
  const { browser } = await joinClass(server, klass.joinCode, 'Sam');
  const mine: { assignments: StudentAssignmentView[] } = await (await browser.get('/api/assignments')).json();
  const state = (id: string) => mine.assignments.find((x) => x.id === id)!;
  expect(state(later.id)).toMatchObject({ state: 'not-open', dueSoon: false });
  expect(state(soon.id)).toMatchObject({ state: 'to-do', dueSoon: true });
  expect(state(past.id)).toMatchObject({ state: 'closed', dueSoon: false });
  expect((await browser.post('/api/attempts', { lessonSlug: lesson.slug, assignmentId: later.id })).status).toBe(403);
  expect((await browser.post('/api/attempts', { lessonSlug: lesson.slug, assignmentId: past.id })).status).toBe(409);
  expect((await browser.post('/api/attempts', { lessonSlug: lesson.slug, assignmentId: soon.id })).status).toBe(201);
  const again: { assignments: StudentAssignmentView[] } = await (await browser.get('/api/assignments')).json();
  expect(again.assignments.find((x) => x.id === soon.id)!.state).toBe('in-progress');
  // The teacher's list can be filtered by class.
  const other = await createClass(teacher, '4A');
  expect((await (await teacher.get(`/api/assignments?classId=${other.id}`)).json()).assignments).toEqual([]);
  expect((await (await teacher.get(`/api/assignments?classId=${klass.id}`)).json()).assignments).toHaveLength(3);
});

/** Reads server-sent events from a streaming response, one data payload at a time. */
function sseReader(res: Response) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(timeoutMs = 5000): Promise<LiveSnapshot> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (data) return JSON.parse(data);
          continue;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('no event in time');
        const chunk = await Promise.race([reader.read(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no event in time')), left))]);
        if (chunk.done) throw new Error('stream ended');
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

test('live view: a snapshot at once, and another after a student answers', async () => {
  const a = await assign();
  const { browser } = await joinClass(server, klass.joinCode, 'Sam');
  const res = await teacher.get(`/api/assignments/${a.id}/live`);
  expect(res.status).toBe(200);
  expect(res.headers.get('Content-Type')).toMatch(/^text\/event-stream/);
  const events = sseReader(res);
  const first = await events.next();
  expect(first.students).toEqual([expect.objectContaining({ displayName: 'Sam', state: 'not-started', answered: 0, questionNumber: null })]);

  const attempt: AttemptView = await (await browser.post('/api/attempts', { lessonSlug: lesson.slug, assignmentId: a.id })).json();
  const seed = await seedOf(server, attempt.id);
  const key = (review(q1, seed).key as { optionId: string }).optionId;
  await browser.put(`/api/attempts/${attempt.id}/responses/${q1.id}`, { answer: { optionId: key } });
  let next = await events.next();
  // The start and the answer may arrive as one change or two.
  if (next.students[0]!.answered === 0) next = await events.next();
  expect(next.students[0]).toMatchObject({ state: 'in-progress', answered: 1, total: lesson.questions.length, questionNumber: lesson.questions.indexOf(q1) + 1 });

  // A later answer, to another question: the view follows it (the student's question, when they
  // were last active), though an answer writes only its own row.
  const before = next.students[0]!.updatedAt!;
  server.clock.now = new Date(server.clock.now.getTime() + 60_000);
  const other = (review(q3, seed).key as { optionId: string }).optionId;
  expect((await browser.put(`/api/attempts/${attempt.id}/responses/${q3.id}`, { answer: { optionId: other } })).status).toBe(200);
  next = await events.next();
  expect(next.students[0]).toMatchObject({ state: 'in-progress', answered: 2, questionNumber: lesson.questions.indexOf(q3) + 1 });
  expect(Date.parse(next.students[0]!.updatedAt!)).toBe(Date.parse(before) + 60_000);

  // Moving back to a question after that answer: the move is the later.
  server.clock.now = new Date(server.clock.now.getTime() + 60_000);
  expect((await browser.post(`/api/attempts/${attempt.id}/position`, { questionId: q1.id })).status).toBe(204);
  next = await events.next();
  expect(next.students[0]).toMatchObject({ answered: 2, questionNumber: lesson.questions.indexOf(q1) + 1 });
  await events.cancel();
});

/** Resolves true when the stream ends within timeoutMs (the events before the end are skipped). */
async function streamEnds(events: ReturnType<typeof sseReader>, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await events.next(Math.max(1, deadline - Date.now()));
    } catch (e) {
      if ((e as Error).message === 'stream ended') return true;
      if ((e as Error).message === 'no event in time') return false;
      throw e;
    }
  }
}

test('live view: signing out ends the stream (the session is checked on every poll)', async () => {
  const a = await assign();
  const res = await teacher.get(`/api/assignments/${a.id}/live`);
  expect(res.status).toBe(200);
  const events = sseReader(res);
  await events.next();
  expect((await teacher.post('/api/auth/logout')).status).toBeLessThan(300);
  expect(await streamEnds(events)).toBe(true);
  // The reconnect of the browser's EventSource is refused.
  expect((await teacher.get(`/api/assignments/${a.id}/live`)).status).toBe(401);
});

test('live view: the session deleted elsewhere (another instance, a password change) ends the stream', async () => {
  const a = await assign();
  const events = sseReader(await teacher.get(`/api/assignments/${a.id}/live`));
  await events.next();
  await server.database.client.execute('DELETE FROM sessions WHERE teacher_id IS NOT NULL');
  expect(await streamEnds(events)).toBe(true);
});

test("live view: the session's absolute timeout ends the stream, however active", async () => {
  const a = await assign();
  const events = sseReader(await teacher.get(`/api/assignments/${a.id}/live`));
  await events.next();
  // Active until a minute before the absolute timeout (12 hours), then past it.
  await server.database.client.execute({ sql: 'UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE teacher_id IS NOT NULL', args: [server.clock.now.getTime(), server.clock.now.getTime() + 60_000] });
  expect(await streamEnds(events, 2500)).toBe(false);
  server.clock.now = new Date(server.clock.now.getTime() + 61_000);
  expect(await streamEnds(events)).toBe(true);
});

test('live view: a stream lives at most an hour; the reconnect is let in while the session lasts', async () => {
  const a = await assign();
  const events = sseReader(await teacher.get(`/api/assignments/${a.id}/live`));
  await events.next();
  server.clock.now = new Date(server.clock.now.getTime() + 61 * 60_000);
  expect(await streamEnds(events)).toBe(true);
  const again = await teacher.get(`/api/assignments/${a.id}/live`);
  expect(again.status).toBe(200);
  await sseReader(again).cancel();
});

test('export gives everything stored about a student; delete removes them and their work from the report', async () => {
  const a = await assign();
  const [anna, bram] = await fourStudents(a);
  const roster: ClassView = await (await teacher.get(`/api/classes/${klass.id}`)).json();
  const annaId = roster.students.find((s) => s.displayName === 'Anna')!.id;
  const exported = await teacher.get(`/api/classes/${klass.id}/students/${annaId}/export`);
  expect(exported.status).toBe(200);
  expect(exported.headers.get('Content-Disposition')).toMatch(/^attachment/);
  const data = await exported.json();
  expect(data.student).toMatchObject({ id: annaId, displayName: 'Anna', className: '3B' });
  expect(data.attempts).toHaveLength(1);
  expect(data.attempts[0].responses).toHaveLength(4);
  expect(JSON.stringify(data)).not.toContain('resume');

  expect((await del(teacher, `/api/classes/${klass.id}/students/${annaId}`)).status).toBe(204);
  expect(await count(server, 'learners', 'id = ?', [annaId])).toBe(0);
  expect(await count(server, 'attempts', 'learner_id = ?', [annaId])).toBe(0);
  expect(await count(server, 'responses', 'attempt_id = ?', [anna!.attemptId])).toBe(0);
  expect(await count(server, 'sessions', 'learner_id = ?', [annaId])).toBe(0);
  expect(await (await anna!.browser.get('/api/me')).json()).toEqual({ role: null });
  const r = await report(a.id);
  expect(r.students.map((s) => s.displayName)).not.toContain('Anna');
  expect(r.questions.find((q) => q.id === q1.id)!.responses).toBe(3);
  expect(r.toGrade).toEqual([]);
  expect((await del(teacher, `/api/classes/${klass.id}/students/${annaId}`)).status).toBe(404);
  expect(bram).toBeDefined();
});

test('retention: attempts of classes archived longer than the retention period are deleted', async () => {
  const a = await assign();
  await fourStudents(a);
  const keep = await createClass(teacher, '4A');
  const keepAssignment = await (await teacher.post(`/api/classes/${keep.id}/assignments`, { lessonSlug: lesson.slug, mode: 'practice' })).json();
  const { browser } = await joinClass(server, keep.joinCode, 'Sam');
  expect((await browser.post('/api/attempts', { lessonSlug: lesson.slug, assignmentId: keepAssignment.id })).status).toBe(201);
  await patch(teacher, `/api/classes/${klass.id}`, { archived: true });
  const now = server.clock.now;
  expect(await deleteExpired(server.database.db, { days: 30, now: new Date(now.getTime() + 29 * 86_400_000) })).toBe(0);
  expect(await deleteExpired(server.database.db, { days: 30, now: new Date(now.getTime() + 31 * 86_400_000) })).toBe(4);
  expect(await count(server, 'attempts')).toBe(1);
  expect(await count(server, 'responses', "attempt_id NOT IN (SELECT id FROM attempts)")).toBe(0);
});

test('the retention job runs at start', async () => {
  const a = await assign();
  await fourStudents(a);
  await server.database.client.execute({ sql: 'UPDATE classes SET archived_at = ? WHERE id = ?', args: [Date.now() - 40 * 86_400_000, klass.id] });
  const job = startRetentionJob(server.database.db, { days: 30 });
  expect(await job.first).toBe(4);
  job.stop();
  expect(await count(server, 'attempts')).toBe(0);
});
