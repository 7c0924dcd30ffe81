// The teacher's first week (issue 14 items 9, 10, 13, 14, 16, 17) through the API: assignments are
// named, edited, closed and deleted; a lesson is previewed with its key; the live view marks each
// answer; a report cell opens the student's answers with their feedback; the projector shows the
// open answers the teacher picked without names; the CSV speaks the interface language.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { review, type Lesson, type QuestionOfType } from '../../lessons/index.ts';
import { dutchGrade } from '../../lessons/dutch-grade.ts';
import type { AssignmentReport, AssignmentView, ClassView, LessonPreview, StudentAnswers, StudentAssignmentView } from '../../server/api-types.ts';
import { liveSnapshot } from '../../server/reports/live.ts';
import { Browser, contentLessons, count, type TestServer } from '../api/helpers.ts';
import { assignLesson, del, joinAndStart, joinClass, patch, registerTeacher, teacherWithClass } from './helpers.ts';

const lesson: Lesson = contentLessons().find((l) => l.questions.filter((q) => q.type === 'single-choice').length >= 2 && l.questions.some((q) => q.type === 'open'))!;
const [q1, q2] = lesson.questions.filter((q) => q.type === 'single-choice') as QuestionOfType<'single-choice'>[];
const open = lesson.questions.find((q) => q.type === 'open')!;
const maxPoints = lesson.questions.reduce((n, q) => n + q.points, 0);

let server: TestServer, teacher: Browser, klass: ClassView;
beforeEach(async () => void ({ server, teacher, klass } = await teacherWithClass()));
afterEach(() => server.close());

const assign = (body: Record<string, unknown> = {}): Promise<AssignmentView> => assignLesson(teacher, klass, lesson.slug, body);

/** A student joins and starts; answers q1 right, q2 wrong and the open question when given text. */
async function student(name: string, assignmentId: string, openText?: string) {
  const { browser, attempt, seed } = await joinAndStart(server, klass, name, { lessonSlug: lesson.slug, assignmentId });
  const key = (q: QuestionOfType<'single-choice'>) => (review(q, seed).key as { optionId: string }).optionId;
  const wrong = (attempt.questions.find((p) => p.id === q2.id) as { options: { id: string }[] }).options.find((o) => o.id !== key(q2))!.id;
  expect((await browser.put(`/api/attempts/${attempt.id}/responses/${q1.id}`, { answer: { optionId: key(q1) } })).status).toBe(200);
  expect((await browser.put(`/api/attempts/${attempt.id}/responses/${q2.id}`, { answer: { optionId: wrong } })).status).toBe(200);
  if (openText) expect((await browser.put(`/api/attempts/${attempt.id}/responses/${open.id}`, { answer: { text: openText } })).status).toBe(200);
  return { browser, attempt };
}

const mine = async (b: Browser): Promise<StudentAssignmentView[]> => (await (await b.get('/api/assignments')).json()).assignments;

describe('item 9: assignments named, edited, closed and deleted', () => {
  test('two assignments of one lesson carry their names to the students; the teacher renames and re-dates one', async () => {
    const week1 = await assign({ title: '  Week 1  ' });
    const week2 = await assign({ title: 'Week 2', mode: 'test' });
    expect(week1.title).toBe('Week 1');
    const { browser } = await joinClass(server, klass.joinCode, 'Anna');
    expect((await mine(browser)).map((a) => a.title).sort()).toEqual(['Week 1', 'Week 2']);
    // The grading norm and discussion picks are the teacher's only.
    expect((await mine(browser)).every((a) => a.gradeNorm === null && a.discussion.length === 0)).toBe(true);

    const due = new Date(server.clock.now.getTime() + 86_400_000).toISOString();
    const res = await patch(teacher, `/api/assignments/${week2.id}`, { title: 'Toets week 2', dueAt: due, feedbackRelease: 'manual' });
    expect(res.status).toBe(200);
    const edited: AssignmentView = await res.json();
    expect(edited).toMatchObject({ title: 'Toets week 2', dueAt: due, feedbackRelease: 'manual' });
    // A blank name goes back to the lesson's title.
    expect(((await (await patch(teacher, `/api/assignments/${week2.id}`, { title: ' ' })).json()) as AssignmentView).title).toBeNull();
  });

  test('bad edits are refused with the field named and change nothing', async () => {
    const a = await assign({ title: 'Week 1' });
    const soon = new Date(server.clock.now.getTime() + 3_600_000).toISOString();
    const later = new Date(server.clock.now.getTime() + 7_200_000).toISOString();
    const past = new Date(server.clock.now.getTime() - 60_000).toISOString();
    for (const body of [
      { opensAt: later, dueAt: soon },
      { dueAt: past },
      { feedbackRelease: 'manual' }, // practice has nothing to release
      { gradeNorm: { passMark: maxPoints, guess: 0 } },
      { gradeNorm: { passMark: 2, guess: 3 } },
      { title: 'x'.repeat(81) },
      { closed: 'ja' },
    ]) {
      const res = await patch(teacher, `/api/assignments/${a.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    const now: AssignmentView = await (await teacher.get(`/api/assignments/${a.id}`)).json();
    expect(now).toMatchObject({ title: 'Week 1', dueAt: null, opensAt: null, feedbackRelease: 'on-finish', gradeNorm: null, closedAt: null });
  });

  test('closing stops starting and answering, keeps what was handed in, and can be undone', async () => {
    const a = await assign();
    const anna = await student('Anna', a.id);
    const { browser: bram } = await joinClass(server, klass.joinCode, 'Bram');
    const closed: AssignmentView = await (await patch(teacher, `/api/assignments/${a.id}`, { closed: true })).json();
    expect(closed.closedAt).not.toBeNull();
    expect((await mine(bram))[0]!.state).toBe('closed');
    expect((await mine(anna.browser))[0]!.state).toBe('closed');
    const start = await bram.post('/api/attempts', { lessonSlug: lesson.slug, assignmentId: a.id });
    expect(start.status).toBe(409);
    expect((await start.json()).type).toMatch(/assignment-closed/);
    const change = await anna.browser.put(`/api/attempts/${anna.attempt.id}/responses/${q1.id}`, { answer: { optionId: anna.attempt.questions[0]!.id } });
    expect(change.status).toBe(409);
    // What was saved stays in the report; the student may still hand it in.
    const r: AssignmentReport = await (await teacher.get(`/api/assignments/${a.id}/report`)).json();
    expect(r.students.find((s) => s.displayName === 'Anna')!.cells.filter((c) => c.answered)).toHaveLength(2);
    expect((await anna.browser.post(`/api/attempts/${anna.attempt.id}/finish`)).status).toBe(200);
    // Open again: Bram can start.
    expect(((await (await patch(teacher, `/api/assignments/${a.id}`, { closed: false })).json()) as AssignmentView).closedAt).toBeNull();
    expect((await bram.post('/api/attempts', { lessonSlug: lesson.slug, assignmentId: a.id })).status).toBe(201);
  });

  test('deleting removes the assignment with its attempts, answers and grades; other assignments keep theirs', async () => {
    const a = await assign();
    const keep = await assign({ title: 'Blijft' });
    const anna = await student('Anna', a.id, 'Een anonieme bron is niet bevestigd.');
    await student('Bram', keep.id);
    const r: AssignmentReport = await (await teacher.get(`/api/assignments/${a.id}/report`)).json();
    expect((await teacher.put(`/api/responses/${r.toGrade[0]!.responseId}/grade`, { points: 1 })).status).toBe(200);
    expect(await count(server, 'attempts', 'assignment_id = ?', [a.id])).toBe(1);
    expect((await del(teacher, `/api/assignments/${a.id}`)).status).toBe(204);
    expect(await count(server, 'attempts', 'assignment_id = ?', [a.id])).toBe(0);
    expect(await count(server, 'responses', 'attempt_id = ?', [anna.attempt.id])).toBe(0);
    expect(await count(server, 'grades')).toBe(0);
    expect(await count(server, 'attempts', 'assignment_id = ?', [keep.id])).toBe(1);
    expect((await teacher.get(`/api/assignments/${a.id}`)).status).toBe(404);
    expect((await anna.browser.get(`/api/attempts/${anna.attempt.id}`)).status).toBe(404);
    // Another teacher cannot delete or edit it: as missing.
    const other = (await registerTeacher(server, 'bas@school.nl', 'Bas')).browser;
    expect((await del(other, `/api/assignments/${keep.id}`)).status).toBe(404);
    expect((await patch(other, `/api/assignments/${keep.id}`, { title: 'van mij' })).status).toBe(404);
    expect(await count(server, 'attempts', 'assignment_id = ?', [keep.id])).toBe(1);
  });
});

test('item 10: the preview shows every question with its key, in the tokens of its own view', async () => {
  const res = await teacher.get(`/api/lessons/${lesson.slug}/preview`);
  expect(res.status).toBe(200);
  const preview: LessonPreview = await res.json();
  expect(preview.questions.map((q) => q.question.id)).toEqual(lesson.questions.map((q) => q.id));
  const first = preview.questions.find((q) => q.question.id === q1.id)!;
  const keyToken = (first.review.key as { optionId: string }).optionId;
  const shown = (first.question as { options: { id: string; text: { nl: string } }[] }).options.find((o) => o.id === keyToken)!;
  expect(shown.text.nl).toBe(q1.options.find((o) => o.id === q1.key)!.text.nl);
  expect(first.review.explanation).toEqual(q1.explanation);
  // Students and strangers never get it.
  const { browser } = await joinClass(server, klass.joinCode, 'Anna');
  expect((await browser.get(`/api/lessons/${lesson.slug}/preview`)).status).toBe(401);
});

test('item 13: the live view marks each answer right or wrong per question, and an open one as waiting', async () => {
  const a = await assign();
  const anna = await student('Anna', a.id, 'Ik zoek een tweede bron.');
  await joinClass(server, klass.joinCode, 'Bram');
  const [row] = await server.database.db.select().from((await import('../../db/schema.ts')).assignments);
  const live = await liveSnapshot(server.database.db, row!, lesson, server.clock.now);
  const annaLive = live.students.find((s) => s.displayName === 'Anna')!;
  const at = (id: string) => annaLive.marks[lesson.questions.findIndex((q) => q.id === id)];
  expect(at(q1.id)).toBe('right');
  expect(at(q2.id)).toBe('wrong');
  expect(at(open.id)).toBe('pending');
  expect(annaLive.marks.filter((m) => m !== null)).toHaveLength(3);
  expect(live.students.find((s) => s.displayName === 'Bram')!.marks.every((m) => m === null)).toBe(true);
  expect(anna.attempt.id).toBeTruthy();
});

test("item 14: a report cell opens that student's answers with the feedback grading gave", async () => {
  const a = await assign();
  const anna = await student('Anna', a.id, 'Ik zoek een tweede bron.');
  const res = await teacher.get(`/api/assignments/${a.id}/students/${(await (await anna.browser.get('/api/me')).json()).id}/answers`);
  expect(res.status).toBe(200);
  const answers: StudentAnswers = await res.json();
  expect(answers).toMatchObject({ displayName: 'Anna', state: 'in-progress' });
  const byId = new Map(answers.questions.map((q) => [q.questionId, q]));
  expect(byId.get(q1.id)).toMatchObject({ answered: true, fraction: 1, points: q1.points });
  expect(byId.get(q2.id)).toMatchObject({ answered: true, fraction: 0, points: 0 });
  expect(byId.get(q2.id)!.feedback.length).toBeGreaterThan(0);
  expect(byId.get(open.id)).toMatchObject({ answered: true, fraction: null, answer: { nl: 'Ik zoek een tweede bron.' } });
  // The report's cells agree (one scorer).
  const r: AssignmentReport = await (await teacher.get(`/api/assignments/${a.id}/report`)).json();
  expect(r.students[0]!.cells.map((c) => c.fraction)).toEqual(answers.questions.map((q) => q.fraction));
});

test('item 16: the projector shows the open answers the teacher picked, without names; only open answers of this assignment can be picked', async () => {
  const a = await assign();
  await student('Anna', a.id, 'Volgens de krant is de bron anoniem.');
  await student('Bram', a.id, 'Ik weet het niet.');
  const other = await assign({ title: 'Ander' });
  await student('Cem', other.id, 'Van een andere opdracht.');
  const r: AssignmentReport = await (await teacher.get(`/api/assignments/${a.id}/report`)).json();
  const annaOpen = r.toGrade.find((g) => g.displayName === 'Anna')!;
  const cemOpen = ((await (await teacher.get(`/api/assignments/${other.id}/report`)).json()) as AssignmentReport).toGrade[0]!;
  const closedResponse = r.students.find((s) => s.displayName === 'Anna')!.cells.find((c) => c.questionId === q1.id)!.responseId!;
  for (const id of [cemOpen.responseId, closedResponse, 'nope']) {
    const bad = await teacher.put(`/api/assignments/${a.id}/discussion`, { responseIds: [id] });
    expect(bad.status).toBe(422);
  }
  expect((await teacher.put(`/api/assignments/${a.id}/discussion`, { responseIds: [annaOpen.responseId] })).status).toBe(200);
  const text = await (await teacher.get(`/api/assignments/${a.id}/report?view=projector`)).text();
  const projected: AssignmentReport = JSON.parse(text);
  expect(projected.discussion).toEqual([{ questionId: open.id, text: 'Volgens de krant is de bron anoniem.' }]);
  expect(text).not.toContain('Anna');
  expect(text).not.toContain(annaOpen.responseId);
  expect(text).not.toContain('Ik weet het niet');
  // The teacher's own report has no discussion list (it has the names instead).
  expect(r.discussion).toBeUndefined();
});

test('item 17 and the grade: CSV headers and states in the interface language with question text; a grade column by the norm; distinct file names', async () => {
  const a = await assign({ title: 'Week 1' });
  const b = await assign({ title: 'Week 2' });
  await student('Anna', a.id);
  const anna = (await (await teacher.get(`/api/assignments/${a.id}/report`)).json()) as AssignmentReport;
  expect((await patch(teacher, `/api/assignments/${a.id}`, { gradeNorm: { passMark: maxPoints / 2, guess: 0 } })).status).toBe(200);
  const en = await teacher.get(`/api/assignments/${a.id}/report.csv?separator=comma&lang=en`);
  const [header, line] = (await en.text()).split('\r\n');
  expect(header!.startsWith('Name,Status,Points,Maximum,')).toBe(true);
  expect(header).toContain(`Q1: ${lesson.questions[0]!.prompt.en!.replace(/"/g, '""')}`);
  expect(header!.endsWith(',Grade')).toBe(true);
  expect(line!.startsWith('Anna,in progress,')).toBe(true);
  // Not finished: no grade yet. Finished: the grade by the norm, out of the whole lesson's points.
  expect(line!.endsWith(',')).toBe(true);
  const nl = await (await teacher.get(`/api/assignments/${a.id}/report.csv`)).text();
  expect(nl).toContain(`V1: `);
  expect(nl).toContain('Anna;bezig;');
  const points = anna.students[0]!.score!.points;
  expect(dutchGrade(points, maxPoints, { passMark: maxPoints / 2, guess: 0 })).toBe(Math.round((1 + (9 * points) / maxPoints) * 10) / 10);
  const name = async (id: string) => (await teacher.get(`/api/assignments/${id}/report.csv`)).headers.get('Content-Disposition');
  expect(await name(a.id)).not.toEqual(await name(b.id));
  expect(await name(a.id)).toMatch(/Week-1/);
});
