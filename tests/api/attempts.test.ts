// Walkthroughs of a learner's attempt through the API: start, answer every question type, bad
// input, finish, resume after a restart, idempotent retries, the two modes, and privacy.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { review, type Answer, type Lesson } from '../../lessons/index.ts';
import type { AttemptView, FinishResult, Problem, SaveResponseResult } from '../../server/api-types.ts';
import { Browser, contentLessons, count, keysIn, seedOf, testServer, type TestServer } from './helpers.ts';

// The lesson with one question of every type.
const lesson: Lesson = contentLessons().find((l) => new Set(l.questions.map((q) => q.type)).size === 8)!;
const questionOfType = (type: string) => lesson.questions.find((q) => q.type === type)!;

let server: TestServer;
let learner: Browser;
beforeEach(async () => {
  server = await testServer();
  learner = new Browser(server);
});
afterEach(() => server.close());

async function start(mode?: 'practice' | 'test', who = learner): Promise<AttemptView> {
  const res = await who.post('/api/attempts', { lessonSlug: lesson.slug, ...(mode ? { mode } : {}) });
  expect(res.status).toBe(201);
  return res.json();
}

/** The correct answer in this attempt's tokens (open: a written text). */
async function keyAnswer(attemptId: string, questionId: string): Promise<Answer> {
  const q = lesson.questions.find((x) => x.id === questionId)!;
  if (q.type === 'open') return { text: 'De bron is anoniem en er wordt geen bewijs genoemd.' };
  const r = review(q, await seedOf(server, attemptId));
  if (q.type === 'scale') return { value: r.accepted!.min };
  return r.key!;
}

/** The right option of a single-choice question in this attempt's tokens, and a wrong one. */
async function singleChoiceAnswers(view: AttemptView, questionId: string) {
  const shown = view.questions.find((x) => x.id === questionId) as { options: { id: string }[] };
  const right = (await keyAnswer(view.id, questionId)) as { optionId: string };
  return { right, wrong: shown.options.find((o) => o.id !== right.optionId)!.id };
}

const put = (id: string, qid: string, answer: unknown, headers?: Record<string, string>, who = learner) =>
  who.put(`/api/attempts/${id}/responses/${qid}`, { answer }, headers);

describe('starting an attempt', () => {
  test('a visitor gets a learner, a session cookie and the public questions', async () => {
    const res = await learner.post('/api/attempts', { lessonSlug: lesson.slug });
    expect(res.status).toBe(201);
    const cookie = res.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/bronwijs-session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    const view: AttemptView = await res.json();
    expect(view).toMatchObject({ lessonSlug: lesson.slug, lessonVersion: lesson.version, mode: 'practice', status: 'in-progress', responses: [] });
    expect(view.questions.map((q) => q.id)).toEqual(lesson.questions.map((q) => q.id));
    expect(await count(server, 'learners')).toBe(1);

    // The second attempt reuses the learner and gets its own seed.
    const again = await start('test');
    expect(again.id).not.toBe(view.id);
    expect(await count(server, 'learners')).toBe(1);
    expect(await seedOf(server, again.id)).not.toBe(await seedOf(server, view.id));
  });

  test('an unknown lesson or mode is a 422 naming the field, and creates nothing', async () => {
    for (const [body, path] of [[{ lessonSlug: 'nope' }, 'lessonSlug'], [{ lessonSlug: lesson.slug, mode: 'exam' }, 'mode'], [{}, 'lessonSlug']] as const) {
      const res = await learner.post('/api/attempts', body);
      expect(res.status).toBe(422);
      const problem: Problem = await res.json();
      expect(problem.errors?.map((e) => e.path)).toContain(path);
    }
    expect(await count(server, 'attempts')).toBe(0);
    expect(await count(server, 'learners')).toBe(0);
  });
});

describe('practice', () => {
  test('every question type: a right answer gets full credit, feedback and anchors at once', async () => {
    const view = await start('practice');
    for (const q of lesson.questions) {
      const res = await put(view.id, q.id, await keyAnswer(view.id, q.id));
      expect(res.status, `${q.type} ${q.id}`).toBe(200);
      const saved: SaveResponseResult = await res.json();
      expect(saved).toMatchObject({ saved: true, questionId: q.id, try: 1 });
      expect(saved.fraction, q.type).toBe(q.type === 'open' ? null : 1);
      expect(Array.isArray(saved.feedback)).toBe(true);
      expect(saved.anchors!.length).toBeGreaterThan(0);
    }
    expect(await count(server, 'responses')).toBe(lesson.questions.length);
  });

  test('a retry is stored but the first try counts', async () => {
    const view = await start('practice');
    const q = questionOfType('single-choice');
    const { right, wrong } = await singleChoiceAnswers(view, q.id);
    const first: SaveResponseResult = await (await put(view.id, q.id, { optionId: wrong })).json();
    expect(first).toMatchObject({ try: 1, fraction: 0 });
    const second: SaveResponseResult = await (await put(view.id, q.id, right)).json();
    expect(second).toMatchObject({ try: 2, fraction: 1 });
    expect(await count(server, 'responses', 'question_id = ?', [q.id])).toBe(2);

    const result: FinishResult = await (await learner.post(`/api/attempts/${view.id}/finish`)).json();
    expect(result.review!.find((r) => r.questionId === q.id)!.fraction).toBe(0);
  });

  test('the explanation comes after a right answer or a second try, never to spoil a first retry', async () => {
    const view = await start('practice');
    const q = questionOfType('single-choice');
    const { right, wrong } = await singleChoiceAnswers(view, q.id);
    const first: SaveResponseResult = await (await put(view.id, q.id, { optionId: wrong })).json();
    expect(first.fraction).toBe(0);
    expect(first.explanation).toBeUndefined();
    const resumed: AttemptView = await (await learner.get(`/api/attempts/${view.id}`)).json();
    expect(resumed.responses.find((r) => r.questionId === q.id)!.explanation).toBeUndefined();
    const second: SaveResponseResult = await (await put(view.id, q.id, { optionId: wrong })).json();
    expect(second.explanation).toEqual(q.explanation);

    const other = questionOfType('multiple-choice');
    const rightAtOnce: SaveResponseResult = await (await put(view.id, other.id, await keyAnswer(view.id, other.id))).json();
    expect(rightAtOnce).toMatchObject({ try: 1, fraction: 1, explanation: other.explanation });
  });

  test('a wrong first try at a highlight question does not highlight the key or the explanation\'s sentences', async () => {
    const view = await start('practice');
    const q = questionOfType('highlight') as Extract<Lesson['questions'][number], { type: 'highlight' }>;
    const wrongPick = lesson.article.paragraphs.flatMap((p) => p.sentences.map((s) => s.id)).find((id) => !q.key.includes(id))!;
    const saved: SaveResponseResult = await (await put(view.id, q.id, { sentenceIds: [wrongPick] })).json();
    expect(saved.fraction).toBe(0);
    for (const id of [...q.key, ...q.cites]) expect(saved.anchors).not.toContain(id);
    const resumed: AttemptView = await (await learner.get(`/api/attempts/${view.id}`)).json();
    for (const id of q.key) expect(resumed.responses.find((r) => r.questionId === q.id)!.anchors).not.toContain(id);
    // Once the explanation may be read, its sentences light up too.
    const second: SaveResponseResult = await (await put(view.id, q.id, { sentenceIds: [wrongPick] })).json();
    expect(second.anchors).toEqual(expect.arrayContaining(q.cites));
  });
});

describe('test mode', () => {
  test('saving says nothing about correctness; answers change until finish and the latest counts', async () => {
    const view = await start('test');
    const q = questionOfType('single-choice');
    const { right, wrong } = await singleChoiceAnswers(view, q.id);

    const first = await (await put(view.id, q.id, right)).json();
    expect(first).toEqual({ saved: true, questionId: q.id, try: 1 });
    const second = await (await put(view.id, q.id, { optionId: wrong })).json();
    expect(second).toEqual({ saved: true, questionId: q.id, try: 2 });

    const during: AttemptView = await (await learner.get(`/api/attempts/${view.id}`)).json();
    expect(during.responses).toEqual([{ questionId: q.id, answer: { optionId: wrong }, try: 2, savedAt: expect.any(String) }]);
    expect(during.result).toBeUndefined();

    const result: FinishResult = await (await learner.post(`/api/attempts/${view.id}/finish`)).json();
    expect(result.feedbackReleased).toBe(true);
    expect(result.review!.find((r) => r.questionId === q.id)).toMatchObject({ fraction: 0, key: right });
    // Unanswered questions count as zero of their points, the open one too (it has no answer to grade).
    expect(result.score!.max).toBe(lesson.questions.reduce((s, x) => s + x.points, 0));
    expect(result.score!.points).toBe(0);
  });

  test('nothing a learner receives before finishing carries a key, feedback or correctness', async () => {
    const forbidden = ['key', 'feedback', 'explanation', 'misconception', 'correct', 'fraction', 'anchors', 'modelAnswer', 'rubric', 'cites', 'outcomes', 'bands', 'distractors', 'accepted', 'result', 'review', 'score'];
    const view = await start('test');
    const payloads: unknown[] = [view];
    for (const q of lesson.questions) {
      payloads.push(await (await put(view.id, q.id, await keyAnswer(view.id, q.id))).json());
    }
    payloads.push(await (await learner.get(`/api/attempts/${view.id}`)).json());
    payloads.push(await (await learner.get(`/api/lessons/${lesson.slug}`)).json());
    for (const payload of payloads) {
      const keys = keysIn(payload);
      expect(forbidden.filter((k) => keys.has(k))).toEqual([]);
    }
    // Option ids are per-attempt tokens, never the lesson's own ids.
    const sc = view.questions.find((q) => q.type === 'single-choice') as { options: { id: string }[] };
    const ownIds = (questionOfType('single-choice') as { options: { id: string }[] }).options.map((o) => o.id);
    expect(sc.options.some((o) => ownIds.includes(o.id))).toBe(false);
  });
});

describe('bad input', () => {
  test('an answer of the wrong shape is a 422 naming the field, and nothing is stored', async () => {
    const view = await start('practice');
    const cases: [string, unknown, string][] = [
      ['single-choice', { optionId: 'not-an-option' }, 'answer.optionId'],
      ['multiple-choice', { optionIds: 'x' }, 'answer.optionIds'],
      ['highlight', { sentenceIds: ['s999'] }, 'answer.sentenceIds.0'],
      ['categorize', { placements: 3 }, 'answer.placements'],
      ['order', { order: [] }, 'answer.order'],
      ['match', { pairs: { nope: 'x' } }, 'answer.pairs'],
      ['scale', { value: 'high' }, 'answer.value'],
      ['open', { text: '   ' }, 'answer.text'],
    ];
    for (const [type, answer, path] of cases) {
      const res = await put(view.id, questionOfType(type).id, answer);
      expect(res.status, type).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem: Problem = await res.json();
      expect(problem, type).toMatchObject({ status: 422, title: expect.any(String), detail: expect.any(String), type: expect.any(String) });
      expect(problem.errors!.map((e) => e.path).some((p) => p.startsWith(path)), `${type}: ${JSON.stringify(problem.errors)}`).toBe(true);
    }
    const missing = await learner.put(`/api/attempts/${view.id}/responses/${lesson.questions[0].id}`, {});
    expect(missing.status).toBe(422);
    expect((await missing.json()).errors[0].path).toBe('answer');
    const notJson = await learner.put(`/api/attempts/${view.id}/responses/${lesson.questions[0].id}`, '{"answer":', { 'Content-Type': 'application/json' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ status: 400, detail: expect.stringMatching(/JSON/) });
    const unknownQuestion = await put(view.id, 'q999', { optionId: 'x' });
    expect(unknownQuestion.status).toBe(404);
    expect(await count(server, 'responses')).toBe(0);
  });

  test('a finished attempt refuses answers with 409 and stores nothing', async () => {
    const view = await start('test');
    await learner.post(`/api/attempts/${view.id}/finish`);
    const q = lesson.questions[0];
    const res = await put(view.id, q.id, await keyAnswer(view.id, q.id));
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ status: 409, type: '/problems/attempt-finished' });
    expect(await count(server, 'responses')).toBe(0);
  });
});

describe('finishing and resuming', () => {
  test('finish scores by skill and is idempotent; the review carries keys and explanations', async () => {
    const view = await start('practice');
    for (const q of lesson.questions) await put(view.id, q.id, await keyAnswer(view.id, q.id));
    const res = await learner.post(`/api/attempts/${view.id}/finish`);
    expect(res.status).toBe(200);
    const result: FinishResult = await res.json();
    const auto = lesson.questions.filter((q) => q.type !== 'open');
    const max = auto.reduce((s, q) => s + q.points, 0);
    expect(result).toMatchObject({ status: 'finished', score: { points: max, max }, feedbackReleased: true });
    for (const skill of new Set(auto.map((q) => q.skill))) expect(result.skills![skill]!.points).toBe(result.skills![skill]!.max);
    expect(result.review).toHaveLength(lesson.questions.length);
    const open = result.review!.find((r) => r.questionId === questionOfType('open').id)!;
    expect(open).toMatchObject({ fraction: null, key: null, modelAnswer: expect.any(Object) });

    const again: FinishResult = await (await learner.post(`/api/attempts/${view.id}/finish`)).json();
    expect(again).toEqual(result);
  });

  test('an attempt resumes on a restarted server with its answers', async () => {
    const view = await start('test');
    const q = questionOfType('order');
    const answer = await keyAnswer(view.id, q.id);
    await put(view.id, q.id, answer);
    const restarted = await server.restart();
    const sameBrowser = new Browser(restarted);
    sameBrowser.cookies = learner.cookies;
    const res = await sameBrowser.get(`/api/attempts/${view.id}`);
    expect(res.status).toBe(200);
    const resumed: AttemptView = await res.json();
    expect(resumed.questions).toEqual(view.questions);
    expect(resumed.responses).toMatchObject([{ questionId: q.id, answer, try: 1 }]);
    server = restarted;
  });
});

describe('idempotency', () => {
  test('a retried answer with the same Idempotency-Key is stored once and answered the same', async () => {
    const view = await start('practice');
    const q = questionOfType('categorize');
    const answer = await keyAnswer(view.id, q.id);
    const headers = { 'Idempotency-Key': 'k-123e4567' };
    const [a, b] = await Promise.all([put(view.id, q.id, answer, headers), put(view.id, q.id, answer, headers)]);
    const c = await put(view.id, q.id, answer, headers);
    const bodies = await Promise.all([a.json(), b.json(), c.json()]);
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
    expect(await count(server, 'responses')).toBe(1);
    const other = await put(view.id, questionOfType('scale').id, { value: 1 }, headers);
    expect(other.status).toBe(422);
  });
});

describe('privacy', () => {
  test("another learner's attempt is a 404, to read, answer, finish or locate", async () => {
    const view = await start('practice');
    const other = new Browser(server);
    await other.post('/api/attempts', { lessonSlug: lesson.slug });
    const q = lesson.questions[0];
    const answer = await keyAnswer(view.id, q.id);
    for (const res of [
      await other.get(`/api/attempts/${view.id}`),
      await put(view.id, q.id, answer, {}, other),
      await other.post(`/api/attempts/${view.id}/finish`),
      await other.post(`/api/attempts/${view.id}/position`, { questionId: q.id }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
    const stranger = await new Browser(server).get(`/api/attempts/${view.id}`);
    expect(stranger.status).toBe(401);
    expect(await count(server, 'responses')).toBe(0);
  });

  test('the position is recorded for the live view', async () => {
    const view = await start('practice');
    const res = await learner.post(`/api/attempts/${view.id}/position`, { questionId: lesson.questions[2].id });
    expect(res.status).toBe(204);
    const rs = await server.database.client.execute({ sql: 'SELECT current_question_id FROM attempts WHERE id = ?', args: [view.id] });
    expect(rs.rows[0].current_question_id).toBe(lesson.questions[2].id);
    expect((await learner.post(`/api/attempts/${view.id}/position`, { questionId: 'q999' })).status).toBe(422);
  });
});

describe('the review after "Probeer opnieuw"', () => {
  test('shows the try that counts (the first), then the later try labelled as not counted', async () => {
    const view = await start('practice');
    const q = questionOfType('single-choice');
    const { right, wrong } = await singleChoiceAnswers(view, q.id);
    expect((await put(view.id, q.id, { optionId: wrong })).status).toBe(200);
    const retry: SaveResponseResult = await (await put(view.id, q.id, right)).json();
    expect(retry).toMatchObject({ try: 2, fraction: 1 });
    const finished: FinishResult = await (await learner.post(`/api/attempts/${view.id}/finish`)).json();
    const got: AttemptView = await (await learner.get(`/api/attempts/${view.id}`)).json();
    for (const result of [finished, got.result!]) {
      const item = result.review!.find((r) => r.questionId === q.id)!;
      // The score counts the first try, and the review shows that same answer beside the key.
      expect(item).toMatchObject({ fraction: 0, points: 0, state: 'scored', answer: { optionId: wrong } });
      expect(item.answer).not.toEqual(item.key);
      expect(item.laterTries).toEqual([{ try: 2, answer: right, fraction: 1 }]);
    }
    // The runner still resumes with the latest try.
    expect(got.responses.find((r) => r.questionId === q.id)).toMatchObject({ try: 2, answer: right });
  });

  test('a test shows its final answer and lists no earlier versions', async () => {
    const view = await start('test');
    const q = questionOfType('single-choice');
    const { right, wrong } = await singleChoiceAnswers(view, q.id);
    await put(view.id, q.id, { optionId: wrong });
    await put(view.id, q.id, right);
    const finished: FinishResult = await (await learner.post(`/api/attempts/${view.id}/finish`)).json();
    const item = finished.review!.find((r) => r.questionId === q.id)!;
    expect(item).toMatchObject({ fraction: 1, points: q.points, state: 'scored', answer: right });
    expect(item.laterTries).toBeUndefined();
  });

  test('self-study: open questions are graded by no one, and the result says so', async () => {
    const view = await start('test');
    const open = questionOfType('open');
    await put(view.id, open.id, { text: 'De bron is anoniem.' });
    const finished: FinishResult = await (await learner.post(`/api/attempts/${view.id}/finish`)).json();
    expect(finished.unscored).toEqual([open.id]);
    expect(finished.review!.find((r) => r.questionId === open.id)).toMatchObject({ state: 'unscored', answer: { text: 'De bron is anoniem.' } });
    expect(finished.review!.find((r) => r.questionId !== open.id)).toMatchObject({ state: 'unanswered', answer: null });
  });
});
