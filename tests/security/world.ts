// A small school for the security suites: two teachers with a class each, a student in each class
// with an assignment attempt, and two self-study learners with attempts of their own. Built through
// the public API on the API suites' test server; every role can get a fresh session at any time.
import { createHash, randomBytes } from 'node:crypto';
import type { AttemptView, ClassView, JoinResult, LessonDetail, LessonSummary } from '../../server/api-types.ts';
import { sessionCookieName, SESSION_LIMITS } from '../../server/session.ts';
import { Browser, testServer, type TestServer } from '../api/helpers.ts';
import { articleFields, fixtureDraft } from '../teacher/studio-helpers.ts';
import { articleSentenceIds } from './answers.ts';

export const ROLES = ['nobody', 'learnerA', 'learnerB', 'studentX', 'studentY', 'teacherX', 'teacherY'] as const;
export type Role = (typeof ROLES)[number];

export interface World {
  server: TestServer;
  lesson: LessonDetail;
  sentences: string[];
  /** Login details of the teachers; the password changes when a test changes it. */
  teachers: Record<'teacherX' | 'teacherY', { id: string; email: string; password: string }>;
  classes: Record<'X' | 'Y', ClassView>;
  assignments: Record<'X' | 'Y', string>;
  students: Record<'studentX' | 'studentY', { id: string; resumeCode: string; attempt: AttemptView }>;
  learners: Record<'learnerA' | 'learnerB', { id: string; attempt: AttemptView }>;
  /** Teacher X's live session for guests, its first question shown; learner A takes part. */
  live: { id: string; code: string; questionId: string; participantA: string };
  /** Teacher X's studio: an article, an unpublished draft, and a lesson published and shared. */
  studio: { article: string; draft: string; shared: { id: string; slug: string } };
  /** A browser signed in as the role with a session of its own (so a test may end it freely). */
  as(role: Role): Promise<Browser>;
  close(): void;
}

async function ok<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} from ${res.url}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

let counter = 0;
/** A name nobody else in the run has: emails, display names. */
export const unique = (prefix: string) => `${prefix}${process.pid}${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function buildWorld(options: Parameters<typeof testServer>[0] = {}): Promise<World> {
  const server = await testServer(options);
  const anon = new Browser(server);
  const { lessons } = await ok<{ lessons: LessonSummary[] }>(await anon.get('/api/lessons'));
  const lesson = await ok<LessonDetail>(await anon.get(`/api/lessons/${lessons[0]!.slug}`));

  const teachers = {} as World['teachers'];
  const classes = {} as World['classes'];
  const assignments = {} as World['assignments'];
  const students = {} as World['students'];
  for (const [role, klass] of [['teacherX', 'X'], ['teacherY', 'Y']] as const) {
    const t = new Browser(server);
    const email = `${unique(role.toLowerCase())}@school.example`;
    const password = `lang-genoeg-${unique('pw')}`;
    const me = await ok<{ id: string }>(await t.post('/api/auth/register', { email, password, name: `Meester ${klass}` }), 201);
    teachers[role] = { id: me.id, email, password };
    classes[klass] = await ok<ClassView>(await t.post('/api/classes', { name: `Klas ${klass}` }), 201);
    const assignment = await ok<{ id: string }>(
      await t.post(`/api/classes/${classes[klass].id}/assignments`, { lessonSlug: lesson.slug, mode: 'test' }),
      201,
    );
    assignments[klass] = assignment.id;

    const s = new Browser(server);
    const joined = await ok<JoinResult>(await s.post('/api/join', { joinCode: classes[klass].joinCode, displayName: `Leerling ${klass}` }), 201);
    const me2 = await ok<{ id: string }>(await s.get('/api/me'));
    const attempt = await ok<AttemptView>(await s.post('/api/attempts', { lessonSlug: lesson.slug, assignmentId: assignment.id }), 201);
    students[`student${klass}`] = { id: me2.id, resumeCode: joined.resumeCode, attempt };
  }
  const learners = {} as World['learners'];
  for (const role of ['learnerA', 'learnerB'] as const) {
    const l = new Browser(server);
    const attempt = await ok<AttemptView>(await l.post('/api/attempts', { lessonSlug: lesson.slug, mode: 'practice' }), 201);
    const me = await ok<{ id: string }>(await l.get('/api/me'));
    learners[role] = { id: me.id, attempt };
  }

  const liveTeacher = new Browser(server);
  await ok(await liveTeacher.post('/api/auth/login', { email: teachers.teacherX.email, password: teachers.teacherX.password }));
  const started = await ok<{ id: string; code: string }>(await liveTeacher.post('/api/live', { slug: lesson.slug }), 201);
  const firstQuestion = (await ok<{ lesson: { questions: { id: string }[] } }>(await liveTeacher.get(`/api/live/${started.id}`))).lesson.questions[0]!.id;
  await ok(await liveTeacher.post(`/api/live/${started.id}/commands`, { type: 'show-question', questionId: firstQuestion }));
  const live = { id: started.id, code: started.code, questionId: firstQuestion, participantA: '' };
  const studio = {} as World['studio'];
  {
    const t = new Browser(server);
    await ok(await t.post('/api/auth/login', { email: teachers.teacherX.email, password: teachers.teacherX.password }));
    studio.article = (await ok<{ id: string }>(await t.post('/api/studio/articles', articleFields()), 201)).id;
    studio.draft = (await ok<{ id: string }>(await t.post('/api/studio/lessons', { articleId: studio.article }), 201)).id;
    const shared = (await ok<{ id: string }>(await t.post('/api/studio/lessons', { articleId: studio.article }), 201)).id;
    await ok(await t.put(`/api/studio/lessons/${shared}/draft`, { draft: fixtureDraft(), revision: 1 }));
    const { slug } = await ok<{ slug: string }>(await t.post(`/api/studio/lessons/${shared}/publish`), 201);
    await ok(await t.put(`/api/studio/lessons/${shared}/sharing`, { shared: true }));
    studio.shared = { id: shared, slug };
  }

  const ids: Record<Exclude<Role, 'nobody'>, { teacherId?: string; learnerId?: string }> = {
    teacherX: { teacherId: teachers.teacherX.id },
    teacherY: { teacherId: teachers.teacherY.id },
    studentX: { learnerId: students.studentX.id },
    studentY: { learnerId: students.studentY.id },
    learnerA: { learnerId: learners.learnerA.id },
    learnerB: { learnerId: learners.learnerB.id },
  };

  const world: World = {
    server,
    lesson,
    sentences: articleSentenceIds(lesson),
    teachers,
    classes,
    assignments,
    students,
    learners,
    live,
    studio,
    async as(role) {
      const browser = new Browser(server);
      if (role === 'nobody') return browser;
      // A session row as session.ts writes one at sign-in (the cookie holds the token, the row its
      // sha256): cheaper than a password hash per request, and the same session in every respect.
      const token = randomBytes(32).toString('base64url');
      const who = ids[role];
      const now = server.clock.now.getTime();
      const limits = who.teacherId ? SESSION_LIMITS.teacher : SESSION_LIMITS.learner;
      await server.database.client.execute({
        sql: 'INSERT INTO sessions (id, teacher_id, learner_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
        args: [createHash('sha256').update(token).digest('hex'), who.teacherId ?? null, who.learnerId ?? null, now, now, now + limits.absoluteMs],
      });
      browser.cookies.set(sessionCookieName(false), token);
      return browser;
    },
    close: () => server.close(),
  };
  const a = await world.as('learnerA');
  live.participantA = (await ok<{ participantId: string }>(await a.post('/api/join/live', { code: live.code, displayName: 'Leerling A' }), 201)).participantId;
  return world;
}

const tableNames = new WeakMap<TestServer, Promise<string[]>>();

/**
 * A cheap fingerprint of the database: row counts of every table, and the connection's
 * total_changes() (which also moves on an UPDATE). Equal before and after a request: it wrote nothing.
 */
export async function fingerprint(server: TestServer): Promise<Record<string, number>> {
  let names = tableNames.get(server);
  if (!names) {
    names = server.database.client
      .execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%drizzle%' ORDER BY name")
      .then((r) => r.rows.map((row) => String(row.name)));
    tableNames.set(server, names);
  }
  const tables = await names;
  const row = (await server.database.client.execute(
    `SELECT ${tables.map((t) => `(SELECT count(*) FROM "${t}")`).join(', ')}, total_changes()`,
  )).rows[0]!;
  return Object.fromEntries([...tables, 'total_changes()'].map((t, i) => [t, Number(row[i])]));
}

/** The body, except of an event stream: its headers say enough, and it never ends by itself. */
export async function bodyText(res: Response): Promise<string> {
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
    await res.body?.cancel();
    return '';
  }
  return res.text();
}
