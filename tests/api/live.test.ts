// Live mode walkthrough (issue 11): a teacher starts a session for guests, three students join with
// the code, the teacher shows a question, they answer with the sentences they cite, the teacher
// locks and reveals, opens round 2, moves on; the results show the shift and who moved; the CSV
// has a row per student; ending stops the code. Also: a class session, join windows, removal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { review, type Lesson, type Question } from '../../lessons/index.ts';
import type { LiveProjectorView, LiveResults, LiveStudentView, LiveTeacherView } from '../../server/api-types.ts';
import { registerTeacher, createClass, joinClass } from '../teacher/helpers.ts';
import { EventReader } from './events.ts';
import { Browser, contentLessons, testServer, type TestServer } from './helpers.ts';

let server: TestServer;
let lesson: Lesson;
let single: Question;
beforeAll(async () => {
  server = await testServer();
  lesson = contentLessons().find((l) => l.questions.some((q) => q.type === 'single-choice') && l.questions.length >= 2)!;
  single = lesson.questions.find((q) => q.type === 'single-choice')!;
});
afterAll(() => server?.close());

const json = async <T>(res: Response, status = 200): Promise<T> => {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
};
const seedOf = async (participantId: string) =>
  String((await server.database.client.execute({ sql: 'SELECT seed FROM live_participants WHERE id = ?', args: [participantId] })).rows[0]!.seed);
/** A participant's answer in their own tokens: the key, or another option. */
async function answerOf(participantId: string, q: Question, right: boolean) {
  const key = review(q, await seedOf(participantId)).key as { optionId: string };
  if (right) return key;
  const view = q as Extract<Question, { type: 'single-choice' }>;
  const wrong = view.options.find((o) => o.id !== view.key)!;
  // The wrong option in the participant's tokens: the public view lists options by token.
  const { publicQuestion } = await import('../../lessons/index.ts');
  const pub = publicQuestion(q, await seedOf(participantId)) as { options: { id: string; text: { nl: string } }[] };
  return { optionId: pub.options.find((o) => o.text.nl === wrong.text.nl)!.id };
}
const sentence = (i: number) => lesson.article.paragraphs.flatMap((p) => p.sentences.map((s) => s.id))[i]!;

describe('a live session for guests', () => {
  let teacher: Browser;
  let id: string;
  let code: string;
  const students: { browser: Browser; participantId: string; name: string }[] = [];

  it('starts with a code, an open join window, in the lobby', async () => {
    ({ browser: teacher } = await registerTeacher(server, 'live@school.nl'));
    const started = await json<{ id: string; code: string }>(await teacher.post('/api/live', { slug: lesson.slug }), 201);
    id = started.id;
    code = started.code!;
    expect(code).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{3}$/);
    const view = await json<LiveTeacherView>(await teacher.get(`/api/live/${id}`));
    expect(view.state.phase).toBe('lobby');
    expect(view.joinOpen).toBe(true);
    expect(view.lesson.questions.length).toBe(lesson.questions.length);
    const list = await json<{ sessions: { id: string }[] }>(await teacher.get('/api/live'));
    expect(list.sessions.map((s) => s.id)).toEqual([id]);
  });

  it('lets three guests join with a name; a taken name is refused', async () => {
    for (const name of ['Ada', 'Bo', 'Cas']) {
      const b = new Browser(server);
      const joined = await json<{ sessionId: string; participantId: string }>(await b.post('/api/join/live', { code: code.toLowerCase(), displayName: name }), 201);
      expect(joined.sessionId).toBe(id);
      students.push({ browser: b, participantId: joined.participantId, name });
    }
    expect((await new Browser(server).post('/api/join/live', { code, displayName: 'ada' })).status).toBe(409);
    expect((await new Browser(server).post('/api/join/live', { code })).status).toBe(422);
    // Joining again with the same device: the same participant.
    expect((await json<{ participantId: string }>(await students[0]!.browser.post('/api/join/live', { code }))).participantId).toBe(students[0]!.participantId);
    const me = await json<LiveStudentView>(await students[0]!.browser.get(`/api/live/${id}/me`));
    expect(me.state.phase).toBe('lobby');
    expect(me.question).toBeNull();
  });

  it('round 1: answers with cites, counted on the projector without names, nothing of the key', async () => {
    const shown = await json<LiveTeacherView>(await teacher.post(`/api/live/${id}/commands`, { type: 'show-question', questionId: single.id }));
    expect(shown.state).toMatchObject({ questionId: single.id, round: 1, phase: 'answering' });
    const [ada, bo, cas] = students as [typeof students[0], typeof students[0], typeof students[0]];
    const me = await json<LiveStudentView>(await ada.browser.get(`/api/live/${id}/me`));
    expect(me.question?.id).toBe(single.id);
    expect(me.takesCites).toBe(true);
    expect(me.review).toBeUndefined();
    expect(JSON.stringify(me)).not.toContain('"key"');
    // Ada right, Bo and Cas wrong; Ada and Bo cite sentence 0, Cas sentence 1.
    const put = (s: typeof ada, round: number, answer: unknown, cites: string[]) => s.browser.put(`/api/live/${id}/answers/${single.id}`, { round, answer, cites });
    expect((await put(ada, 1, await answerOf(ada.participantId, single, true), [sentence(0)])).status).toBe(200);
    expect((await put(bo, 1, await answerOf(bo.participantId, single, false), [sentence(0)])).status).toBe(200);
    const casAnswer = await answerOf(cas.participantId, single, false);
    const saved = await json<{ try: number }>(await put(cas, 1, casAnswer, [sentence(1)]));
    // The same again (a retry) is stored once.
    expect((await json<{ try: number }>(await put(cas, 1, casAnswer, [sentence(1)]))).try).toBe(saved.try);
    // A round that is not the current one, a sentence not in the article, a bad answer.
    expect((await put(cas, 2, casAnswer, [])).status).toBe(409);
    expect((await put(cas, 1, casAnswer, ['nope'])).status).toBe(422);
    expect((await put(cas, 1, { optionId: 'nope' }, [])).status).toBe(422);

    let projector = await json<LiveProjectorView>(await teacher.get(`/api/live/${id}/projector`));
    expect(projector.counts).toEqual({ joined: 3, answered: 3 });
    expect(projector.rounds).toEqual([]);
    for (const s of students) expect(JSON.stringify(projector)).not.toContain(s.name);
    await json(await teacher.post(`/api/live/${id}/commands`, { type: 'show-results', show: true }));
    projector = await json<LiveProjectorView>(await teacher.get(`/api/live/${id}/projector`));
    expect(projector.rounds).toHaveLength(1);
    expect(projector.rounds[0]!.citations).toEqual({ [sentence(0)]: 2, [sentence(1)]: 1 });
    expect(projector.rounds[0]!.distribution.reduce((n, d) => n + d.count, 0)).toBe(3);
    // Before the reveal the projector says nothing of what is right.
    expect(projector.rounds[0]!.distribution.some((d) => 'correct' in d)).toBe(false);
    expect(projector.review).toBeNull();
    const teacherView = await json<LiveTeacherView>(await teacher.get(`/api/live/${id}`));
    expect(teacherView.participants.filter((p) => p.answered).map((p) => p.name).sort()).toEqual(['Ada', 'Bo', 'Cas']);
    expect(teacherView.rounds[0]!.right).toBeCloseTo(1 / 3);
  });

  it('lock closes the answers; round 2 opens them; the projector shows both rounds', async () => {
    await json(await teacher.post(`/api/live/${id}/commands`, { type: 'lock' }));
    const [ada, bo, cas] = students as [typeof students[0], typeof students[0], typeof students[0]];
    const late = await bo.browser.put(`/api/live/${id}/answers/${single.id}`, { round: 1, answer: await answerOf(bo.participantId, single, true), cites: [] });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { type: string }).type).toBe('/problems/answers-locked');
    const round2 = await json<LiveTeacherView>(await teacher.post(`/api/live/${id}/commands`, { type: 'new-round' }));
    expect(round2.state).toMatchObject({ round: 2, phase: 'answering' });
    // Ada moves to wrong, Bo to right, Cas stays wrong.
    for (const [s, right] of [[ada, false], [bo, true], [cas, false]] as const) {
      expect((await s.browser.put(`/api/live/${id}/answers/${single.id}`, { round: 2, answer: await answerOf(s.participantId, single, right), cites: [sentence(2)] })).status).toBe(200);
    }
    // Bo changes their mind twice: the latest counts.
    await bo.browser.put(`/api/live/${id}/answers/${single.id}`, { round: 2, answer: await answerOf(bo.participantId, single, false), cites: [] });
    await bo.browser.put(`/api/live/${id}/answers/${single.id}`, { round: 2, answer: await answerOf(bo.participantId, single, true), cites: [sentence(2)] });
    await json(await teacher.post(`/api/live/${id}/commands`, { type: 'show-results', show: true }));
    const projector = await json<LiveProjectorView>(await teacher.get(`/api/live/${id}/projector`));
    expect(projector.rounds.map((r) => r.round)).toEqual([1, 2]);
    expect(projector.rounds[1]!.answered).toBe(3);
  });

  it('reveal shows the key, explanation and cited sentences to students and the projector', async () => {
    const [ada] = students;
    const before = await json<LiveStudentView>(await ada!.browser.get(`/api/live/${id}/me`));
    expect(before.review).toBeUndefined();
    await json(await teacher.post(`/api/live/${id}/commands`, { type: 'reveal' }));
    const after = await json<LiveStudentView>(await ada!.browser.get(`/api/live/${id}/me`));
    expect(after.state.phase).toBe('revealed');
    expect(after.review?.key).toEqual(review(single, await seedOf(ada!.participantId)).key);
    expect(after.review?.fraction).toBe(0);
    expect(after.review?.anchors).toEqual(single.cites);
    const projector = await json<LiveProjectorView>(await teacher.get(`/api/live/${id}/projector`));
    expect(projector.review?.explanation).toEqual(single.explanation);
    expect(projector.rounds[1]!.distribution.some((d) => d.correct)).toBe(true);
  });

  it('results: share right per round, who moved, misconceptions; CSV; a second question', async () => {
    const next = lesson.questions.find((q) => q.id !== single.id)!;
    await json(await teacher.post(`/api/live/${id}/commands`, { type: 'show-question', questionId: next.id }));
    const results = await json<LiveResults>(await teacher.get(`/api/live/${id}/results`));
    const q = results.questions.find((x) => x.questionId === single.id)!;
    expect(q.rounds.map((r) => r.right)).toEqual([0.33, 0.33]);
    expect(q.rounds[1]!.wrongToRight.map((m) => m.name)).toEqual(['Bo']);
    expect(q.rounds[1]!.rightToWrong.map((m) => m.name)).toEqual(['Ada']);
    expect(q.rounds[0]!.wrongToRight).toEqual([]);
    const csv = await teacher.get(`/api/live/${id}/results.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('Content-Type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines[0]).toContain('round 2');
    expect(lines.filter((l) => /^(Ada|Bo|Cas);/.test(l))).toHaveLength(3);
    expect(lines.find((l) => l.startsWith('Bo;'))).toMatch(/;0;1$/);
    // Going back to the first question: its round and reveal are kept.
    const back = await json<LiveTeacherView>(await teacher.post(`/api/live/${id}/commands`, { type: 'show-question', questionId: single.id }));
    expect(back.state).toMatchObject({ round: 2, phase: 'revealed' });
  });

  it('removing a participant shuts them out; ending stops the code', async () => {
    const cas = students[2]!;
    await json(await teacher.post(`/api/live/${id}/commands`, { type: 'remove-participant', participantId: cas.participantId }));
    expect((await cas.browser.get(`/api/live/${id}/me`)).status).toBe(404);
    expect((await cas.browser.post('/api/join/live', { code })).status).toBe(404);
    const ended = await json<LiveTeacherView>(await teacher.post(`/api/live/${id}/commands`, { type: 'end' }));
    expect(ended.state.phase).toBe('ended');
    expect(ended.code).toBeNull();
    const late = await new Browser(server).post('/api/join/live', { code, displayName: 'Laat' });
    expect(late.status).toBe(404);
    expect((await teacher.post(`/api/live/${id}/commands`, { type: 'reveal' })).status).toBe(409);
    // Results stay readable.
    expect((await teacher.get(`/api/live/${id}/results`)).status).toBe(200);
  });
});

describe('join windows', () => {
  it('a closed or locked session refuses a right code exactly like a wrong one', async () => {
    const { browser: teacher } = await registerTeacher(server, 'window@school.nl');
    const { id, code } = await json<{ id: string; code: string }>(await teacher.post('/api/live', { slug: lesson.slug }), 201);
    const wrong = await new Browser(server).post('/api/join/live', { code: 'ZZZ-ZZZ', displayName: 'X' });
    const wrongBody = await wrong.text();
    await json(await teacher.post(`/api/live/${id}/commands`, { type: 'close-joining' }));
    const closed = await new Browser(server).post('/api/join/live', { code, displayName: 'X' });
    expect([closed.status, await closed.text()]).toEqual([wrong.status, wrongBody]);
    await json(await teacher.post(`/api/live/${id}/commands`, { type: 'open-joining', minutes: 5 }));
    await json(await teacher.post(`/api/live/${id}/commands`, { type: 'lock-joining' }));
    const locked = await new Browser(server).post('/api/join/live', { code, displayName: 'X' });
    expect([locked.status, await locked.text()]).toEqual([wrong.status, wrongBody]);
    await json(await teacher.post(`/api/live/${id}/commands`, { type: 'unlock-joining' }));
    expect((await new Browser(server).post('/api/join/live', { code, displayName: 'X' })).status).toBe(201);
    // The window passes by itself after its minutes.
    server.clock.now = new Date(server.clock.now.getTime() + 6 * 60_000);
    const late = await new Browser(server).post('/api/join/live', { code, displayName: 'Y' });
    expect([late.status, await late.text()]).toEqual([wrong.status, wrongBody]);
  });

  it('a class opens for 15 minutes at creation; the teacher reopens and closes it', async () => {
    const { browser: teacher } = await registerTeacher(server, 'klas-window@school.nl');
    const k = await createClass(teacher, '4A');
    expect(new Date(k.joinOpenUntil!).getTime()).toBe(server.clock.now.getTime() + 15 * 60_000);
    await joinClass(server, k.joinCode, 'Noor');
    const wrong = await new Browser(server).post('/api/join', { joinCode: 'ZZZ-ZZZ', displayName: 'Sam' });
    const wrongBody = await wrong.text();
    expect((await teacher.request('DELETE', `/api/classes/${k.id}/join-window`)).status).toBe(200);
    const closed = await new Browser(server).post('/api/join', { joinCode: k.joinCode, displayName: 'Sam' });
    expect([closed.status, await closed.text()]).toEqual([wrong.status, wrongBody]);
    const reopened = await json<{ joinOpenUntil: string }>(await teacher.post(`/api/classes/${k.id}/join-window`, { minutes: 10 }));
    expect(new Date(reopened.joinOpenUntil).getTime()).toBe(server.clock.now.getTime() + 10 * 60_000);
    await joinClass(server, k.joinCode, 'Sam');
    server.clock.now = new Date(server.clock.now.getTime() + 11 * 60_000);
    expect((await new Browser(server).post('/api/join', { joinCode: k.joinCode, displayName: 'Lot' })).status).toBe(404);
  });

  it('a class session admits only its own students, under their class name', async () => {
    const { browser: teacher } = await registerTeacher(server, 'klas-live@school.nl');
    const k = await createClass(teacher, '5V');
    const { browser: noor } = await joinClass(server, k.joinCode, 'Noor');
    const { id, code } = await json<{ id: string; code: string }>(await teacher.post('/api/live', { slug: lesson.slug, classId: k.id }), 201);
    const joined = await json<{ name: string; participantId: string }>(await noor.post('/api/join/live', { code, displayName: 'Iets anders' }), 201);
    expect(joined.name).toBe('Noor');
    expect((await new Browser(server).post('/api/join/live', { code, displayName: 'Gast' })).status).toBe(403);
    // The privacy duties cover live answers: exported with the student, deleted with her.
    await json(await teacher.post(`/api/live/${id}/commands`, { type: 'show-question', questionId: single.id }));
    await json(await noor.put(`/api/live/${id}/answers/${single.id}`, { round: 1, answer: await answerOf(joined.participantId, single, true), cites: [sentence(0)] }));
    const studentId = (await json<{ id: string }>(await noor.get('/api/me'))).id;
    const exported = await json<{ live: { sessionId: string; answers: { cites: string[] }[] }[] }>(await teacher.get(`/api/classes/${k.id}/students/${studentId}/export`));
    expect(exported.live).toMatchObject([{ sessionId: id, answers: [{ cites: [sentence(0)] }] }]);
    expect((await teacher.request('DELETE', `/api/classes/${k.id}/students/${studentId}`)).status).toBe(204);
    const left = await server.database.client.execute({ sql: 'SELECT count(*) AS n FROM live_answers WHERE session_id = ?', args: [id] });
    expect(Number(left.rows[0]!.n)).toBe(0);
    // Another teacher's class cannot be used.
    const { browser: other } = await registerTeacher(server, 'ander@school.nl');
    expect((await other.post('/api/live', { slug: lesson.slug, classId: k.id })).status).toBe(422);
  });
});

describe('live events', () => {
  it('send the full state on connect, then every change: teacher, projector and a reconnecting student', async () => {
    const { browser: teacher } = await registerTeacher(server, 'events@school.nl');
    const { id, code } = await json<{ id: string; code: string }>(await teacher.post('/api/live', { slug: lesson.slug }), 201);
    const student = new Browser(server);
    const { participantId } = await json<{ participantId: string }>(await student.post('/api/join/live', { code, displayName: 'Eva' }), 201);

    const teacherEvents = new EventReader<LiveTeacherView>(await teacher.get(`/api/live/${id}/events`));
    const projectorEvents = new EventReader<LiveProjectorView>(await teacher.get(`/api/live/${id}/projector/events`));
    const studentEvents = new EventReader<LiveStudentView>(await student.get(`/api/live/${id}/me/events`));
    try {
      expect((await teacherEvents.next()).participants.map((p) => p.name)).toEqual(['Eva']);
      expect((await projectorEvents.next()).counts).toEqual({ joined: 1, answered: 0 });
      expect((await studentEvents.next()).state.phase).toBe('lobby');

      await json(await teacher.post(`/api/live/${id}/commands`, { type: 'show-question', questionId: single.id }));
      const shown = await studentEvents.until((e) => e.state.phase === 'answering');
      expect(shown.question?.id).toBe(single.id);

      const sent = Date.now();
      expect((await student.put(`/api/live/${id}/answers/${single.id}`, { round: 1, answer: await answerOf(participantId, single, true), cites: [sentence(3)] })).status).toBe(200);
      const counted = await projectorEvents.until((e) => e.counts.answered === 1);
      expect(Date.now() - sent).toBeLessThan(1000);
      expect(JSON.stringify(counted)).not.toContain('Eva');
      await teacherEvents.until((e) => e.participants.some((p) => p.answered));

      // The device drops and reconnects mid-round: the current question, round and its answer at once.
      studentEvents.close();
      await json(await teacher.post(`/api/live/${id}/commands`, { type: 'new-round' }));
      const again = new EventReader<LiveStudentView>(await student.get(`/api/live/${id}/me/events`));
      const first = await again.next();
      expect(first.state).toMatchObject({ questionId: single.id, round: 2, phase: 'answering' });
      expect(first.answer).toBeNull();
      // Removed: the stream ends.
      await json(await teacher.post(`/api/live/${id}/commands`, { type: 'remove-participant', participantId }));
      expect(await again.ended()).toBe(true);
    } finally {
      teacherEvents.close();
      projectorEvents.close();
      studentEvents.close();
    }
  });
});
