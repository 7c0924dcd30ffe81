// Concurrency in one process: the same answer sent twice at once (a double click, a retry racing
// the original), and one learner working in two tabs at once. Nothing lost, nothing doubled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptView, PublicQuestion } from '../../server/api-types.ts';
import { Browser } from '../api/helpers.ts';
import { rng, someAnswer } from '../security/answers.ts';
import { buildWorld, type World } from '../security/world.ts';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 60_000);
afterAll(() => w?.close());

const rows = async (attemptId: string) =>
  (await w.server.database.client.execute({ sql: 'SELECT question_id, try, idempotency_key FROM responses WHERE attempt_id = ? ORDER BY question_id, try', args: [attemptId] })).rows;

async function start(b: Browser, mode: 'practice' | 'test'): Promise<AttemptView> {
  const res = await b.post('/api/attempts', { lessonSlug: w.lesson.slug, mode });
  expect(res.status).toBe(201);
  return (await res.json()) as AttemptView;
}
const put = (b: Browser, a: AttemptView, q: PublicQuestion, answer: unknown, key?: string) =>
  b.put(`/api/attempts/${a.id}/responses/${q.id}`, { answer }, key ? { 'Idempotency-Key': key } : {}).then(async (r) => ({ status: r.status, body: (await r.json()) as { try?: number } }));

describe('concurrency', () => {
  it('stores the same answer sent twice at once (same Idempotency-Key) once, and says so to both', async () => {
    const b = await w.as('learnerA');
    const a = await start(b, 'test');
    const random = rng(11);
    const sends = a.questions.map((q, i) => {
      const answer = someAnswer(q, w.sentences, random);
      return Promise.all([put(b, a, q, answer, `twice-${i}`), put(b, a, q, answer, `twice-${i}`), put(b, a, q, answer, `twice-${i}`)]);
    });
    for (const trio of await Promise.all(sends)) {
      expect(trio.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(new Set(trio.map((r) => r.body.try)).size).toBe(1);
    }
    const stored = await rows(a.id);
    expect(stored).toHaveLength(a.questions.length);
    expect(new Set(stored.map((r) => r.idempotency_key)).size).toBe(a.questions.length);
  });

  it('keeps every answer of one learner working in two tabs at once, with distinct tries', async () => {
    const tab1 = await w.as('learnerB');
    const tab2 = new Browser(w.server);
    tab2.cookies = new Map(tab1.cookies);
    const a = await start(tab1, 'test');
    const random = rng(12);
    const q = a.questions[0]!;
    const sent = await Promise.all(Array.from({ length: 24 }, (_, i) => put(i % 2 ? tab2 : tab1, a, q, someAnswer(q, w.sentences, random), `tab-${i}`)));
    expect(sent.map((r) => r.status)).toEqual(sent.map(() => 200));
    expect(sent.map((r) => r.body.try).sort((x, y) => x! - y!)).toEqual(sent.map((_, i) => i + 1));
    expect(await rows(a.id)).toHaveLength(24);

    // Both tabs see the latest answer; finishing in one tab while the other answers never tears.
    const [view1, view2] = await Promise.all([tab1.get(`/api/attempts/${a.id}`), tab2.get(`/api/attempts/${a.id}`)]);
    expect(((await view1.json()) as AttemptView).responses).toEqual(((await view2.json()) as AttemptView).responses);
    const race = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => put(tab2, a, a.questions[1]!, someAnswer(a.questions[1]!, w.sentences, random), `late-${i}`)),
      tab1.post(`/api/attempts/${a.id}/finish`).then((r) => ({ status: r.status, body: {} as { try?: number } })),
    ]);
    const saved = race.slice(0, 6).filter((r) => r.status === 200).length;
    for (const r of race.slice(0, 6)) expect([200, 409]).toContain(r.status);
    expect(race[6]!.status).toBe(200);
    // Exactly the answers acknowledged before the finish are stored, and the finished attempt shows them.
    const late = (await rows(a.id)).filter((r) => String(r.idempotency_key).startsWith('late-'));
    expect(late).toHaveLength(saved);
    const after = (await (await tab2.get(`/api/attempts/${a.id}`)).json()) as AttemptView;
    expect(after.status).toBe('finished');
    expect(after.responses.find((r) => r.questionId === a.questions[1]!.id)?.try ?? 0).toBe(saved);
  });

  it('starts one attempt for an assignment when a student starts it in two tabs at once', async () => {
    const teacher = await w.as('teacherX');
    const res = await teacher.post(`/api/classes/${w.classes.X.id}/assignments`, { lessonSlug: w.lesson.slug, mode: 'practice' });
    const { id } = (await res.json()) as { id: string };
    const tab1 = await w.as('studentX');
    const tab2 = new Browser(w.server);
    tab2.cookies = new Map(tab1.cookies);
    const both = await Promise.all([tab1, tab2, tab1, tab2].map((t) => t.post('/api/attempts', { lessonSlug: w.lesson.slug, assignmentId: id })));
    const views = (await Promise.all(both.map((r) => r.json()))) as AttemptView[];
    expect(new Set(views.map((v) => v.id)).size).toBe(1);
    expect(both.filter((r) => r.status === 201)).toHaveLength(1);
  });
});
