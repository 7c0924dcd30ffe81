// The authorization matrix: every endpoint by every role, with the status each must get. The table
// is the specification. Another teacher's class, another learner's attempt answer like a missing
// one (404); a request without the right kind of session gets 401. The suite also fails when the
// app has a route this table does not list, so a new endpoint cannot ship without its row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicQuestion } from '../../server/api-types.ts';
import type { Browser } from '../api/helpers.ts';
import { someAnswer, rng } from './answers.ts';
import { articleFields, fixtureDraft } from '../teacher/studio-helpers.ts';
import { bodyText, buildWorld, ROLES, unique, type Role, type World } from './world.ts';

type Statuses = Record<Role, number>;
interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as the app registers it. */
  route: string;
  /** What the row is about, when a route has more than one row. */
  about?: string;
  path(w: World): string | Promise<string>;
  body?(w: World, role: Role): unknown | Promise<unknown>;
  expect: Statuses;
}

const all = (status: number): Statuses => Object.fromEntries(ROLES.map((r) => [r, status])) as Statuses;
/** 401 for everyone but the listed roles. */
const only = (allowed: Partial<Statuses>, otherwise = 401): Statuses => ({ ...all(otherwise), ...allowed });
const learnersGet = (status: number): Partial<Statuses> => ({ learnerA: status, learnerB: status, studentX: status, studentY: status });

const random = rng(1);
const A = (w: World) => w.learners.learnerA.attempt;
const questionOf = (w: World) => A(w).questions[0]!;
const throwawayStudent = async (w: World): Promise<string> => {
  const b = await w.as('nobody');
  await b.post('/api/join', { joinCode: w.classes.X.joinCode, displayName: unique('weg') });
  return ((await (await b.get('/api/me')).json()) as { id: string }).id;
};

/** An assignment in class X made for this cell, so the owning teacher's cell can delete it. */
const throwawayAssignment = async (w: World): Promise<string> => {
  const res = await (await w.as('teacherX')).post(`/api/classes/${w.classes.X.id}/assignments`, { lessonSlug: w.lesson.slug, mode: 'practice' });
  return ((await res.json()) as { id: string }).id;
};

/** The draft's revision now (teacher X's autosave row changes it). */
const revisionOf = async (w: World, lessonId: string): Promise<number> =>
  Number((await w.server.database.client.execute({ sql: 'SELECT revision FROM authored_lessons WHERE id = ?', args: [lessonId] })).rows[0]!.revision);
const throwawayDraft = async (w: World): Promise<string> => {
  const x = await w.as('teacherX');
  return ((await (await x.post('/api/studio/lessons', { articleId: w.studio.article })).json()) as { id: string }).id;
};

/** The id of student X's answer to an open question (answered on first use). */
const openResponseOfStudentX = async (w: World): Promise<string> => {
  const attempt = w.students.studentX.attempt;
  const q = attempt.questions.find((x) => x.type === 'open')!;
  const find = () =>
    w.server.database.client.execute({ sql: 'SELECT id FROM responses WHERE attempt_id = ? AND question_id = ? ORDER BY try DESC LIMIT 1', args: [attempt.id, q.id] });
  let rows = (await find()).rows;
  if (!rows.length) {
    const res = await (await w.as('studentX')).put(`/api/attempts/${attempt.id}/responses/${q.id}`, { answer: { text: 'De bron is anoniem, dus ik zoek een tweede bron.' } });
    if (res.status !== 200) throw new Error(`answering the open question: ${res.status} ${await res.text()}`);
    rows = (await find()).rows;
  }
  return String(rows[0]!.id);
};

// Rows run top to bottom, each row's cells in ROLES order; rows that change state come after the
// rows that read it (finishing an attempt last among the attempt rows, password changes last).
const TABLE: Row[] = [
  { method: 'GET', route: '/api/health', path: () => '/api/health', expect: all(200) },
  { method: 'GET', route: '/api/lessons', path: () => '/api/lessons', expect: all(200) },
  { method: 'GET', route: '/api/lessons/:slug', path: (w) => `/api/lessons/${w.lesson.slug}`, expect: all(200) },
  // The guide holds the answers: teachers only (any teacher: the lessons are the same for all).
  { method: 'GET', route: '/api/lessons/:slug/guide', path: (w) => `/api/lessons/${w.lesson.slug}/guide`, expect: only({ teacherX: 200, teacherY: 200 }) },
  // The preview shows every question with its key: teachers only, like the guide.
  { method: 'GET', route: '/api/lessons/:slug/preview', path: (w) => `/api/lessons/${w.lesson.slug}/preview`, expect: only({ teacherX: 200, teacherY: 200 }) },
  { method: 'GET', route: '/api/me', path: () => '/api/me', expect: all(200) },
  // The API's description, generated from the routes: nothing in it is anyone's data.
  { method: 'GET', route: '/api/openapi.json', path: () => '/api/openapi.json', expect: all(200) },

  // Self-study: anyone but a teacher may start; a teacher is not signed out by taking a lesson.
  // A student whose class has the lesson as a test takes it only through that assignment, or a
  // practice run would show them the test's key first.
  {
    method: 'POST', route: '/api/attempts', about: 'self-study',
    path: () => '/api/attempts',
    body: (w) => ({ lessonSlug: w.lesson.slug, mode: 'practice' }),
    expect: { ...all(201), studentX: 403, studentY: 403, teacherX: 403, teacherY: 403 },
  },
  {
    method: 'POST', route: '/api/attempts', about: "class X's assignment",
    path: () => '/api/attempts',
    body: (w) => ({ lessonSlug: w.lesson.slug, assignmentId: w.assignments.X }),
    // studentX already started it: the same attempt again (200), never a second one.
    expect: { nobody: 401, learnerA: 403, learnerB: 403, studentX: 200, studentY: 403, teacherX: 401, teacherY: 401 },
  },
  {
    method: 'GET', route: '/api/attempts/:id', about: "learner A's attempt",
    path: (w) => `/api/attempts/${A(w).id}`,
    expect: { ...only({ learnerA: 200 }), ...{ learnerB: 404, studentX: 404, studentY: 404 } },
  },
  {
    method: 'GET', route: '/api/attempts/:id', about: "student X's assignment attempt (not even X's teacher reads it here)",
    path: (w) => `/api/attempts/${w.students.studentX.attempt.id}`,
    expect: { ...only({ studentX: 200 }), ...{ learnerA: 404, learnerB: 404, studentY: 404 } },
  },
  {
    method: 'PUT', route: '/api/attempts/:id/responses/:questionId',
    path: (w) => `/api/attempts/${A(w).id}/responses/${questionOf(w).id}`,
    body: (w) => ({ answer: someAnswer(questionOf(w), w.sentences, random) }),
    expect: { ...only({ learnerA: 200 }), ...{ learnerB: 404, studentX: 404, studentY: 404 } },
  },
  {
    method: 'POST', route: '/api/attempts/:id/position',
    path: (w) => `/api/attempts/${A(w).id}/position`,
    body: (w) => ({ questionId: questionOf(w).id }),
    expect: { ...only({ learnerA: 204 }), ...{ learnerB: 404, studentX: 404, studentY: 404 } },
  },
  {
    method: 'POST', route: '/api/attempts/:id/finish',
    path: (w) => `/api/attempts/${A(w).id}/finish`,
    expect: { ...only({ learnerA: 200 }), ...{ learnerB: 404, studentX: 404, studentY: 404 } },
  },

  // Classes: a teacher's own only; another teacher's class is as missing (404).
  { method: 'POST', route: '/api/classes', path: () => '/api/classes', body: () => ({ name: unique('klas') }), expect: only({ teacherX: 201, teacherY: 201 }) },
  { method: 'GET', route: '/api/classes', path: () => '/api/classes', expect: only({ teacherX: 200, teacherY: 200 }) },
  { method: 'GET', route: '/api/classes/:id', path: (w) => `/api/classes/${w.classes.X.id}`, expect: only({ teacherX: 200, teacherY: 404 }) },
  {
    method: 'PATCH', route: '/api/classes/:id',
    path: (w) => `/api/classes/${w.classes.X.id}`,
    body: () => ({ name: 'Klas X' }),
    expect: only({ teacherX: 200, teacherY: 404 }),
  },
  {
    method: 'GET', route: '/api/classes/:id/students/:studentId/export',
    path: (w) => `/api/classes/${w.classes.X.id}/students/${w.students.studentX.id}/export`,
    expect: only({ teacherX: 200, teacherY: 404 }),
  },
  {
    method: 'GET', route: '/api/classes/:id/students/:studentId/export', about: "class Y's student through class X",
    path: (w) => `/api/classes/${w.classes.X.id}/students/${w.students.studentY.id}/export`,
    expect: only({ teacherX: 404, teacherY: 404 }),
  },
  {
    method: 'DELETE', route: '/api/classes/:id/students/:studentId',
    // A student who joined for this cell: the owning teacher's cell deletes them.
    path: async (w) => `/api/classes/${w.classes.X.id}/students/${await throwawayStudent(w)}`,
    expect: only({ teacherX: 204, teacherY: 404 }),
  },
  {
    method: 'POST', route: '/api/classes/:id/students/:studentId/resume-code',
    // A student who joined for this cell: the owning teacher's cell gives them a new code.
    path: async (w) => `/api/classes/${w.classes.X.id}/students/${await throwawayStudent(w)}/resume-code`,
    expect: only({ teacherX: 201, teacherY: 404 }),
  },
  {
    method: 'POST', route: '/api/classes/:id/students/:studentId/resume-code', about: "class Y's student through class X",
    path: (w) => `/api/classes/${w.classes.X.id}/students/${w.students.studentY.id}/resume-code`,
    expect: only({ teacherX: 404, teacherY: 404 }),
  },

  // Assignments: teachers create them in their own classes; students see their class's.
  {
    method: 'POST', route: '/api/classes/:id/assignments',
    path: (w) => `/api/classes/${w.classes.X.id}/assignments`,
    body: (w) => ({ lessonSlug: w.lesson.slug, mode: 'practice' }),
    expect: only({ teacherX: 201, teacherY: 404 }),
  },
  { method: 'GET', route: '/api/assignments', path: () => '/api/assignments', expect: only({ ...learnersGet(200), teacherX: 200, teacherY: 200 }) },
  {
    method: 'GET', route: '/api/assignments/:id',
    path: (w) => `/api/assignments/${w.assignments.X}`,
    expect: only({ learnerA: 404, learnerB: 404, studentX: 200, studentY: 404, teacherX: 200, teacherY: 404 }),
  },
  {
    method: 'PATCH', route: '/api/assignments/:id',
    path: (w) => `/api/assignments/${w.assignments.X}`,
    body: () => ({ title: 'Week 1' }),
    expect: only({ teacherX: 200, teacherY: 404 }),
  },
  {
    method: 'PUT', route: '/api/assignments/:id/discussion',
    path: (w) => `/api/assignments/${w.assignments.X}/discussion`,
    body: () => ({ responseIds: [] }),
    expect: only({ teacherX: 200, teacherY: 404 }),
  },
  {
    method: 'DELETE', route: '/api/assignments/:id',
    path: async (w) => `/api/assignments/${await throwawayAssignment(w)}`,
    expect: only({ teacherX: 204, teacherY: 404 }),
  },
  {
    method: 'GET', route: '/api/assignments/:id/students/:studentId/answers',
    path: (w) => `/api/assignments/${w.assignments.X}/students/${w.students.studentX.id}/answers`,
    expect: only({ teacherX: 200, teacherY: 404 }),
  },
  {
    method: 'GET', route: '/api/assignments/:id/students/:studentId/answers', about: "class Y's student through class X's assignment",
    path: (w) => `/api/assignments/${w.assignments.X}/students/${w.students.studentY.id}/answers`,
    expect: only({ teacherX: 404, teacherY: 404 }),
  },
  {
    method: 'POST', route: '/api/assignments/:id/release',
    path: (w) => `/api/assignments/${w.assignments.X}/release`,
    expect: only({ teacherX: 200, teacherY: 404 }),
  },

  // Reports, the live view and grading: the owning teacher only.
  { method: 'GET', route: '/api/assignments/:id/report', path: (w) => `/api/assignments/${w.assignments.X}/report`, expect: only({ teacherX: 200, teacherY: 404 }) },
  { method: 'GET', route: '/api/assignments/:id/report.csv', path: (w) => `/api/assignments/${w.assignments.X}/report.csv`, expect: only({ teacherX: 200, teacherY: 404 }) },
  { method: 'GET', route: '/api/assignments/:id/live', path: (w) => `/api/assignments/${w.assignments.X}/live`, expect: only({ teacherX: 200, teacherY: 404 }) },
  {
    method: 'PUT', route: '/api/responses/:id/grade',
    path: async (w) => `/api/responses/${await openResponseOfStudentX(w)}/grade`,
    body: () => ({ points: 1, comment: 'Goed gezien.' }),
    expect: only({ teacherX: 200, teacherY: 404 }),
  },

  // Live sessions (issue 11): the session's teacher only; a participant reads their own view and
  // answers; a student of no session, or another learner, gets 404 like a missing session.
  { method: 'POST', route: '/api/live', path: () => '/api/live', body: (w) => ({ slug: w.lesson.slug }), expect: only({ teacherX: 201, teacherY: 201 }) },
  {
    method: 'POST', route: '/api/live', about: "another teacher's class",
    path: () => '/api/live',
    body: (w) => ({ slug: w.lesson.slug, classId: w.classes.X.id }),
    expect: only({ teacherX: 201, teacherY: 422 }),
  },
  { method: 'GET', route: '/api/live', path: () => '/api/live', expect: only({ teacherX: 200, teacherY: 200 }) },
  { method: 'GET', route: '/api/live/:id', path: (w) => `/api/live/${w.live.id}`, expect: only({ teacherX: 200, teacherY: 404 }) },
  { method: 'GET', route: '/api/live/:id/events', path: (w) => `/api/live/${w.live.id}/events`, expect: only({ teacherX: 200, teacherY: 404 }) },
  { method: 'GET', route: '/api/live/:id/projector', path: (w) => `/api/live/${w.live.id}/projector`, expect: only({ teacherX: 200, teacherY: 404 }) },
  { method: 'GET', route: '/api/live/:id/projector/events', path: (w) => `/api/live/${w.live.id}/projector/events`, expect: only({ teacherX: 200, teacherY: 404 }) },
  { method: 'GET', route: '/api/live/:id/results', path: (w) => `/api/live/${w.live.id}/results`, expect: only({ teacherX: 200, teacherY: 404 }) },
  { method: 'GET', route: '/api/live/:id/results.csv', path: (w) => `/api/live/${w.live.id}/results.csv`, expect: only({ teacherX: 200, teacherY: 404 }) },
  {
    method: 'POST', route: '/api/live/:id/commands',
    path: (w) => `/api/live/${w.live.id}/commands`,
    body: () => ({ type: 'open-joining', minutes: 30 }),
    expect: only({ teacherX: 200, teacherY: 404 }),
  },
  {
    method: 'GET', route: '/api/live/:id/me',
    path: (w) => `/api/live/${w.live.id}/me`,
    expect: only({ learnerA: 200, learnerB: 404, studentX: 404, studentY: 404 }),
  },
  {
    method: 'GET', route: '/api/live/:id/me/events',
    path: (w) => `/api/live/${w.live.id}/me/events`,
    expect: only({ learnerA: 200, learnerB: 404, studentX: 404, studentY: 404 }),
  },
  {
    method: 'PUT', route: '/api/live/:id/answers/:questionId',
    path: (w) => `/api/live/${w.live.id}/answers/${w.live.questionId}`,
    body: async (w) => {
      // Learner A's question in their own tokens; the others send the same and are refused.
      const me = (await (await (await w.as('learnerA')).get(`/api/live/${w.live.id}/me`)).json()) as { question: PublicQuestion };
      return { round: 1, answer: someAnswer(me.question, w.sentences, random), cites: [] };
    },
    expect: only({ learnerA: 200, learnerB: 404, studentX: 404, studentY: 404 }),
  },
  // A guest session: any learner joins (learner A is in already: 200), never a signed-in teacher.
  {
    method: 'POST', route: '/api/join/live',
    path: () => '/api/join/live',
    body: (w) => ({ code: w.live.code, displayName: unique('gast') }),
    expect: { ...all(201), learnerA: 200, teacherX: 403, teacherY: 403 },
  },
  // The studio: teachers only; an article or draft is its author's alone (another teacher gets 404);
  // a lesson shared by its author is open to every teacher to use, copy and export.
  { method: 'GET', route: '/api/studio', path: () => '/api/studio', expect: only({ teacherX: 200, teacherY: 200 }) },
  { method: 'POST', route: '/api/studio/articles', path: () => '/api/studio/articles', body: () => articleFields(), expect: only({ teacherX: 201, teacherY: 201 }) },
  { method: 'GET', route: '/api/studio/articles/:id', path: (w) => `/api/studio/articles/${w.studio.article}`, expect: only({ teacherX: 200, teacherY: 404 }) },
  {
    method: 'PUT', route: '/api/studio/articles/:id',
    path: (w) => `/api/studio/articles/${w.studio.article}`,
    body: () => articleFields(),
    expect: only({ teacherX: 200, teacherY: 404 }),
  },
  {
    method: 'POST', route: '/api/studio/lessons',
    path: () => '/api/studio/lessons',
    body: (w) => ({ articleId: w.studio.article }),
    expect: only({ teacherX: 201, teacherY: 404 }),
  },
  { method: 'GET', route: '/api/studio/lessons/:id', path: (w) => `/api/studio/lessons/${w.studio.draft}`, expect: only({ teacherX: 200, teacherY: 404 }) },
  {
    method: 'GET', route: '/api/studio/lessons/:id', about: 'a lesson shared by teacher X (its draft stays X\'s)',
    path: (w) => `/api/studio/lessons/${w.studio.shared.id}`,
    expect: only({ teacherX: 200, teacherY: 404 }),
  },
  {
    method: 'PUT', route: '/api/studio/lessons/:id/draft',
    path: (w) => `/api/studio/lessons/${w.studio.draft}/draft`,
    body: async (w) => ({ draft: fixtureDraft(), revision: await revisionOf(w, w.studio.draft) }),
    expect: only({ teacherX: 200, teacherY: 404 }),
  },
  { method: 'POST', route: '/api/studio/lessons/:id/publish', path: (w) => `/api/studio/lessons/${w.studio.shared.id}/publish`, expect: only({ teacherX: 201, teacherY: 404 }) },
  {
    method: 'PUT', route: '/api/studio/lessons/:id/sharing',
    path: (w) => `/api/studio/lessons/${w.studio.shared.id}/sharing`,
    body: () => ({ shared: true }),
    expect: only({ teacherX: 200, teacherY: 404 }),
  },
  { method: 'POST', route: '/api/studio/lessons/:id/copy', path: (w) => `/api/studio/lessons/${w.studio.shared.id}/copy`, expect: only({ teacherX: 201, teacherY: 201 }) },
  {
    method: 'POST', route: '/api/studio/lessons/:id/copy', about: "teacher X's unshared draft",
    path: (w) => `/api/studio/lessons/${w.studio.draft}/copy`,
    expect: only({ teacherX: 201, teacherY: 404 }),
  },
  { method: 'GET', route: '/api/studio/lessons/:id/export', path: (w) => `/api/studio/lessons/${w.studio.shared.id}/export`, expect: only({ teacherX: 200, teacherY: 200 }) },
  {
    method: 'GET', route: '/api/studio/lessons/:id/export', about: "teacher X's unshared draft",
    path: (w) => `/api/studio/lessons/${w.studio.draft}/export`,
    expect: only({ teacherX: 200, teacherY: 404 }),
  },
  {
    method: 'DELETE', route: '/api/studio/lessons/:id',
    // A draft made for this cell: the author's cell deletes it.
    path: async (w) => `/api/studio/lessons/${await throwawayDraft(w)}`,
    expect: only({ teacherX: 204, teacherY: 404 }),
  },
  // The zip itself is tested in tests/teacher/studio.test.ts; a JSON body is not one (415).
  { method: 'POST', route: '/api/studio/import', path: () => '/api/studio/import', body: () => ({ zip: 'no' }), expect: only({ teacherX: 415, teacherY: 415 }) },
  {
    method: 'GET', route: '/api/lessons/:slug', about: 'a studio lesson shared by teacher X, assigned to no class',
    path: (w) => `/api/lessons/${w.studio.shared.slug}`,
    expect: only({ teacherX: 200, teacherY: 200 }, 404),
  },

  // Joining and resuming: anyone but a signed-in teacher.
  {
    method: 'POST', route: '/api/join',
    path: () => '/api/join',
    body: (w) => ({ joinCode: w.classes.Y.joinCode, displayName: unique('nieuw') }),
    expect: { ...all(201), teacherX: 403, teacherY: 403 },
  },
  {
    method: 'POST', route: '/api/resume',
    path: () => '/api/resume',
    body: (w) => ({ resumeCode: w.students.studentY.resumeCode }),
    expect: { ...all(200), teacherX: 403, teacherY: 403 },
  },
  // A learner's own attempts, to find them again on another device.
  {
    method: 'GET', route: '/api/attempts',
    path: () => '/api/attempts',
    expect: only(learnersGet(200)),
  },
  // A self-study learner notes a resume code; students have theirs from joining.
  {
    method: 'POST', route: '/api/resume-code',
    path: () => '/api/resume-code',
    expect: only({ learnerA: 201, learnerB: 201, studentX: 403, studentY: 403 }),
  },

  // Accounts.
  {
    method: 'POST', route: '/api/auth/register',
    path: () => '/api/auth/register',
    body: () => ({ email: `${unique('nieuw')}@school.example`, password: `nog-een-${unique('pw')}`, name: 'Juf Nieuw' }),
    expect: all(201),
  },
  {
    method: 'POST', route: '/api/auth/login',
    path: () => '/api/auth/login',
    body: (w) => ({ email: w.teachers.teacherY.email, password: w.teachers.teacherY.password }),
    expect: all(200),
  },
  { method: 'POST', route: '/api/auth/logout', path: () => '/api/auth/logout', expect: all(204) },
  // A forgotten password: anyone may ask (the same answer for every address) and anyone may bring
  // a token; a wrong one is refused alike for every role.
  {
    method: 'POST', route: '/api/auth/forgot-password',
    path: () => '/api/auth/forgot-password',
    body: (w) => ({ email: w.teachers.teacherX.email }),
    expect: all(202),
  },
  {
    method: 'POST', route: '/api/auth/reset-password',
    path: () => '/api/auth/reset-password',
    body: () => ({ token: 'ABCD-EFGH-JKMN-PQRS', password: 'een-nieuw-lang-wachtwoord' }),
    expect: all(400),
  },
  {
    method: 'POST', route: '/api/auth/password',
    path: () => '/api/auth/password',
    body: (w, role) => {
      const t = role === 'teacherY' ? w.teachers.teacherY : w.teachers.teacherX;
      const next = `nieuw-${unique('pw')}`;
      const body = { current: t.password, next };
      if (role === 'teacherX' || role === 'teacherY') t.password = next;
      return body;
    },
    expect: only({ teacherX: 200, teacherY: 200 }),
  },

  // A class's join window: closed, then opened again (the rows above join class X while it is open).
  { method: 'DELETE', route: '/api/classes/:id/join-window', path: (w) => `/api/classes/${w.classes.X.id}/join-window`, expect: only({ teacherX: 200, teacherY: 404 }) },
  {
    method: 'POST', route: '/api/classes/:id/join-window',
    path: (w) => `/api/classes/${w.classes.X.id}/join-window`,
    body: () => ({ minutes: 15 }),
    expect: only({ teacherX: 200, teacherY: 404 }),
  },
];

/** Routes of the app that are not endpoints: middleware and the fallbacks for unknown paths. */
const isEndpoint = (r: { method: string; path: string }) => r.method !== 'ALL';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 60_000);
afterAll(() => w?.close());

describe('authorization matrix', () => {
  it('lists every route the app has, and only those', () => {
    const app = new Set(w.server.app.routes.filter(isEndpoint).map((r) => `${r.method} ${r.path}`));
    const table = new Set(TABLE.map((r) => `${r.method} ${r.route}`));
    expect([...app].filter((r) => !table.has(r)), 'routes without a row in the matrix').toEqual([]);
    expect([...table].filter((r) => !app.has(r)), 'rows for routes the app does not have').toEqual([]);
  });

  it(`gives every role the status the table says (${TABLE.length * ROLES.length} endpoint-role pairs)`, async () => {
    const wrong: string[] = [];
    for (const row of TABLE) {
      for (const role of ROLES) {
        const browser: Browser = await w.as(role);
        const path = await row.path(w);
        const body = row.body ? await row.body(w, role) : undefined;
        const res = await browser.request(row.method, path, body);
        const text = await bodyText(res);
        if (res.status !== row.expect[role]) {
          wrong.push(`${row.method} ${row.route}${row.about ? ` (${row.about})` : ''} as ${role}: ${res.status}, expected ${row.expect[role]}: ${text.slice(0, 160)}`);
        }
        if (res.status >= 400) expect(res.headers.get('content-type'), `${row.method} ${path} as ${role}`).toMatch(/^application\/problem\+json/);
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);
});
