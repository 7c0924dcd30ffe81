// Answer-leak guard (DESIGN.md rule 4): walk every response a student receives during whole
// attempts, in practice and in test mode, and check that no key, feedback or correctness signal
// arrives before the mode allows it; and that option order and ids differ between attempts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptView, PublicQuestion } from '../../server/api-types.ts';
import type { Lesson, Question } from '../../lessons/index.ts';
import { EventReader } from '../api/events.ts';
import { Browser, contentLessons } from '../api/helpers.ts';
import { rng, someAnswer } from './answers.ts';
import { buildWorld, type World } from './world.ts';

/** Fields that carry grading, feedback or the key: absent until the mode allows them. */
const GRADING_FIELDS = new Set([
  'key', 'correct', 'fraction', 'feedback', 'explanation', 'modelAnswer', 'review', 'result', 'score', 'points_awarded',
  'anchors', 'misconception', 'rubric', 'accepted', 'bands', 'outcomes', 'distractors', 'teacherPoints', 'teacherComment', 'pending',
  'wrong', 'levels',
]);
/** Where a question keeps what only grading may reveal. */
const SECRET_PARTS = new Set(['explanation', 'feedback', 'modelAnswer', 'outcomes', 'rubric', 'misconception']);

/** Every text of the lessons that only grading may reveal (feedback, explanations, model answers). */
function secretTexts(lesson: Lesson): Set<string> {
  const texts = new Set<string>();
  const collect = (value: unknown, secret: boolean): void => {
    if (typeof value === 'string') {
      if (secret && value.length >= 12) texts.add(value);
    } else if (Array.isArray(value)) value.forEach((v) => collect(v, secret));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) collect(v, secret || SECRET_PARTS.has(k));
    }
  };
  lesson.questions.forEach((q) => collect(q, false));
  return texts;
}

/** Problems with what a student received while grading is held back: fields and texts. */
function leaks(body: unknown, secrets: Set<string>, where: string): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      for (const s of secrets) if (value.includes(s)) found.push(`${where}${path}: secret text "${s.slice(0, 40)}"`);
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (GRADING_FIELDS.has(k)) found.push(`${where}${path}.${k}: grading field`);
        walk(v, `${path}.${k}`);
      }
    }
  };
  walk(body, '');
  return found;
}

/** A student's browser that keeps every JSON body it receives, labelled by request. */
class Recorder {
  readonly received: { label: string; body: unknown }[] = [];
  constructor(readonly browser: Browser) {}
  async call(method: string, path: string, body?: unknown): Promise<any> {
    const res = await this.browser.request(method, path, body);
    const text = await res.text();
    expect(res.status, `${method} ${path}: ${text}`).toBeLessThan(300);
    const json = text ? JSON.parse(text) : null;
    this.received.push({ label: `${method} ${path}`, body: json });
    return json;
  }
  take(): { label: string; body: unknown }[] {
    return this.received.splice(0);
  }
}

let w: World;
let lesson: Lesson;
let secrets: Set<string>;
beforeAll(async () => {
  w = await buildWorld();
  lesson = contentLessons().find((l) => l.slug === w.lesson.slug)!;
  secrets = secretTexts(lesson);
}, 60_000);
afterAll(() => w?.close());

/** Answer every question once (the first option, a plausible pick) and return the recorder's log. */
async function answerAll(r: Recorder, attempt: AttemptView, seed: number) {
  const random = rng(seed);
  for (const q of attempt.questions) {
    await r.call('POST', `/api/attempts/${attempt.id}/position`, { questionId: q.id });
    await r.call('PUT', `/api/attempts/${attempt.id}/responses/${q.id}`, { answer: someAnswer(q, w.sentences, random) });
    await r.call('GET', `/api/attempts/${attempt.id}`);
  }
}

describe('answer-leak guard', () => {
  it('has secrets to look for', () => {
    // Guards the guard: an empty list would make every check below pass.
    expect(secrets.size).toBeGreaterThan(lesson.questions.length);
  });

  it('test mode (self-study): nothing graded until finish, then the review', async () => {
    const r = new Recorder(await w.as('nobody'));
    await r.call('GET', `/api/lessons/${w.lesson.slug}`);
    const attempt: AttemptView = await r.call('POST', '/api/attempts', { lessonSlug: w.lesson.slug, mode: 'test' });
    await answerAll(r, attempt, 1);
    // A second answer to a question: editable in test mode, still silent.
    const q = attempt.questions[0]!;
    await r.call('PUT', `/api/attempts/${attempt.id}/responses/${q.id}`, { answer: someAnswer(q, w.sentences, rng(2)) });
    const before = r.take();
    expect(before.flatMap(({ label, body }) => leaks(body, secrets, label))).toEqual([]);

    const finished = await r.call('POST', `/api/attempts/${attempt.id}/finish`);
    expect(finished.review).toHaveLength(lesson.questions.length);
    expect(finished.score.max).toBeGreaterThan(0);
  });

  it('practice mode: feedback for an answered question only, never for the others', async () => {
    const r = new Recorder(await w.as('nobody'));
    const attempt: AttemptView = await r.call('POST', '/api/attempts', { lessonSlug: w.lesson.slug, mode: 'practice' });
    expect(leaks(r.take(), secrets, 'start')).toEqual([]);
    const random = rng(3);
    const answered = new Set<string>();
    let named = 0;
    for (const q of attempt.questions) {
      const answer = someAnswer(q, w.sentences, random);
      const saved = await r.call('PUT', `/api/attempts/${attempt.id}/responses/${q.id}`, { answer });
      answered.add(q.id);
      // The parts named wrong are this attempt's tokens of the question's own items, or (highlight)
      // sentences the learner chose: never a lesson id, never a key sentence the learner missed.
      if (saved.wrong !== undefined) {
        named++;
        expect(saved.fraction).toBeLessThan(1);
        const own = new Set<string>(
          'items' in q ? q.items.map((x) => x.id) : 'left' in q ? q.left.map((x) => x.id) : 'sentenceIds' in answer ? (answer as { sentenceIds: string[] }).sentenceIds : [],
        );
        for (const id of saved.wrong as string[]) expect(own.has(id), `${q.type} names ${id}`).toBe(true);
      }
      // Practice shows this answer's grade and feedback at once (that is the mode)...
      expect(saved).toHaveProperty('feedback');
      if (q.type !== 'open') expect(typeof saved.fraction).toBe('number');
      // ...but never the key itself; the explanation and the model answer only once they can no
      // longer spoil a retry: a fully right answer, or an open question (compared, not graded).
      expect(saved).not.toHaveProperty('key');
      if (saved.fraction !== 1 && q.type !== 'open') {
        expect(saved).not.toHaveProperty('explanation');
        expect(saved).not.toHaveProperty('modelAnswer');
      }
      const view: AttemptView = await r.call('GET', `/api/attempts/${attempt.id}`);
      expect(view.result).toBeUndefined();
      expect(leaks(view.questions, secrets, 'questions')).toEqual([]);
      for (const resp of view.responses) expect(answered.has(resp.questionId)).toBe(true);
      // Texts of unanswered questions' feedback must not appear anywhere yet.
      const unanswered = lesson.questions.filter((x) => !answered.has(x.id));
      const notYet = new Set(unanswered.flatMap((x) => [...secretTexts({ ...lesson, questions: [x] })]));
      const answeredTexts = new Set(lesson.questions.filter((x) => answered.has(x.id)).flatMap((x) => [...secretTexts({ ...lesson, questions: [x] })]));
      for (const t of answeredTexts) notYet.delete(t);
      expect(leaks(JSON.stringify(view), notYet, 'view').filter((l) => l.includes('secret text'))).toEqual([]);
    }
    // guards the guard: some answers were partly wrong and said which parts
    expect(named).toBeGreaterThan(0);
    const finished = await r.call('POST', `/api/attempts/${attempt.id}/finish`);
    expect(finished.review).toHaveLength(lesson.questions.length);
  });

  it("test mode held back by the teacher: no score, review or feedback until released", async () => {
    const teacher = await w.as('teacherX');
    const res = await teacher.post(`/api/classes/${w.classes.X.id}/assignments`, { lessonSlug: w.lesson.slug, mode: 'test', feedbackRelease: 'manual' });
    expect(res.status).toBe(201);
    const assignment = (await res.json()) as { id: string };

    const r = new Recorder(await w.as('studentX'));
    await r.call('GET', '/api/assignments');
    const attempt: AttemptView = await r.call('POST', '/api/attempts', { lessonSlug: w.lesson.slug, assignmentId: assignment.id });
    await answerAll(r, attempt, 4);
    await r.call('POST', `/api/attempts/${attempt.id}/finish`);
    await r.call('GET', `/api/attempts/${attempt.id}`);
    await r.call('GET', '/api/assignments');
    await r.call('GET', `/api/assignments/${assignment.id}`);
    await r.call('POST', `/api/attempts/${attempt.id}/finish`);
    const held = r.take();
    expect(held.flatMap(({ label, body }) => leaks(body, secrets, label))).toEqual([]);

    expect((await teacher.post(`/api/assignments/${assignment.id}/release`)).status).toBe(200);
    const view: AttemptView = await r.call('GET', `/api/attempts/${attempt.id}`);
    expect(view.result?.review).toHaveLength(lesson.questions.length);
  });

  it('live mode: nothing graded, no key, no feedback reaches a participant before the reveal', async () => {
    const teacher = await w.as('teacherX');
    const command = async (body: unknown) => expect((await teacher.post(`/api/live/${w.live.id}/commands`, body)).status).toBe(200);
    const r = new Recorder(await w.as('nobody'));
    await r.call('POST', '/api/join/live', { code: w.live.code, displayName: 'Lekker' });
    const events = new EventReader<unknown>(await r.browser.get(`/api/live/${w.live.id}/me/events`));
    const received: unknown[] = [await events.next()];
    const random = rng(7);
    for (const q of lesson.questions) {
      await command({ type: 'show-question', questionId: q.id });
      received.push(await events.next());
      const me = await r.call('GET', `/api/live/${w.live.id}/me`);
      const cites = me.takesCites ? [w.sentences[0]] : [];
      await r.call('PUT', `/api/live/${w.live.id}/answers/${q.id}`, { round: 1, answer: someAnswer(me.question, w.sentences, random), cites });
      await command({ type: 'show-results', show: true });
      await command({ type: 'lock' });
      await r.call('GET', `/api/live/${w.live.id}/me`);
      await command({ type: 'new-round' });
      await r.call('PUT', `/api/live/${w.live.id}/answers/${q.id}`, { round: 2, answer: someAnswer(me.question, w.sentences, random), cites });
      await r.call('GET', `/api/live/${w.live.id}/me`);
      received.push(await events.next());
    }
    events.close();
    const held = [...r.take(), ...received.map((body, i) => ({ label: `event ${i}`, body }))];
    expect(held.flatMap(({ label, body }) => leaks(body, secrets, label))).toEqual([]);
    // The projector is on the wall: before the reveal it says nothing of the key either.
    await command({ type: 'show-results', show: true });
    const projector = await (await teacher.get(`/api/live/${w.live.id}/projector`)).json();
    expect(projector.rounds.length).toBeGreaterThan(0);
    expect(leaks(projector.rounds, secrets, 'projector rounds')).toEqual([]);
    expect(projector.review).toBeNull();

    await command({ type: 'reveal' });
    const revealed = await r.call('GET', `/api/live/${w.live.id}/me`);
    expect(revealed.review.explanation).toEqual(lesson.questions.at(-1)!.explanation);
  });

  it('shuffles option order and renames option ids per attempt', async () => {
    const starts: AttemptView[] = [];
    for (let i = 0; i < 8; i++) {
      const b = await w.as('nobody');
      starts.push((await (await b.post('/api/attempts', { lessonSlug: w.lesson.slug, mode: 'practice' })).json()) as AttemptView);
    }
    const choices = (q: PublicQuestion) =>
      'options' in q ? q.options : 'items' in q ? q.items : 'left' in q ? q.left : [];
    const lessonIds = new Set(
      lesson.questions.flatMap((q: Question) => [
        ...('options' in q ? q.options.map((o) => o.id) : []),
        ...('items' in q ? q.items.map((o) => o.id) : []),
        ...('left' in q ? q.left.map((o) => o.id) : []),
      ]),
    );
    const shuffledQuestions = attemptQuestionsWithChoices(starts[0]!).filter((qi) => {
      const orders = new Set(starts.map((a) => choices(a.questions[qi]!).map((c) => c.text.nl).join('|')));
      return orders.size > 1;
    });
    // With 8 attempts, an unshuffled question keeps one order; a shuffled one of 3+ options almost never does.
    expect(shuffledQuestions.length).toBe(attemptQuestionsWithChoices(starts[0]!).length);

    for (const a of starts) {
      for (const q of a.questions) for (const c of choices(q)) expect(lessonIds.has(c.id), `lesson id ${c.id} shown`).toBe(false);
    }
    const idsOf = (a: AttemptView) => a.questions.flatMap((q) => choices(q).map((c) => c.id)).join('|');
    expect(new Set(starts.map(idsOf)).size).toBe(starts.length);

    // The key's position moves: for each single-choice question, the correct option is not always at one place.
    for (const [qi, q] of lesson.questions.entries()) {
      if (q.type !== 'single-choice') continue;
      const keyText = q.options.find((o) => o.id === q.key)!.text.nl;
      const positions = new Set(starts.map((a) => choices(a.questions[qi]!).findIndex((c) => c.text.nl === keyText)));
      expect(positions.size, `key position of ${q.id}`).toBeGreaterThan(1);
    }
  });
});

function attemptQuestionsWithChoices(a: AttemptView): number[] {
  return a.questions.flatMap((q, i) => (('options' in q || 'items' in q || 'left' in q) && (('options' in q ? q.options : 'items' in q ? q.items : q.left).length >= 3) ? [i] : []));
}
