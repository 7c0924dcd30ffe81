// Properties of every question type over arbitrary answers and attempt seeds (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureLesson } from '../test-fixtures/fixture.ts';
import type { Answer, Question } from '../model.ts';
import { grade, parseAnswer, publicQuestion, toPublicAnswer } from './index.ts';

const questions = fixtureLesson().questions;
const seed = fc.string({ minLength: 1, maxLength: 24 });

/** Arbitrary canonical answers (valid, with the lesson's own ids) for a question. */
function canonicalAnswer(q: Question): fc.Arbitrary<Answer> {
  const placementsOf = (ids: string[], values: string[]) =>
    fc
      .tuple(...ids.map((id) => fc.option(fc.constantFrom(...values), { nil: undefined }).map((v) => [id, v] as const)))
      .map((pairs) => Object.fromEntries(pairs.filter(([, v]) => v !== undefined)) as Record<string, string>);
  switch (q.type) {
    case 'single-choice':
      return fc.constantFrom(...q.options.map((o) => o.id)).map((optionId) => ({ optionId }));
    case 'multiple-choice':
      return fc.subarray(q.options.map((o) => o.id)).map((optionIds) => ({ optionIds }));
    case 'highlight':
      return fc.subarray(q.selectable).map((sentenceIds) => ({ sentenceIds }));
    case 'categorize':
      return placementsOf(q.items.map((i) => i.id), q.categories.map((c) => c.id)).map((placements) => ({ placements }));
    case 'order':
      return fc.shuffledSubarray(q.items.map((i) => i.id), { minLength: q.items.length }).map((order) => ({ order }));
    case 'match':
      return placementsOf(q.left.map((i) => i.id), q.right.map((r) => r.id)).map((pairs) => ({ pairs }));
    case 'scale':
      return fc.integer({ min: q.min, max: q.max }).map((value) => ({ value }));
    case 'open':
      return fc.string({ minLength: 1, maxLength: q.maxLength }).filter((t) => t.trim() === t && t.length > 0).map((text) => ({ text }));
  }
}

describe.each(questions.map((q) => [q.type, q] as const))('%s', (_type, q) => {
  it('grades every answer within [0,1] (open: null until a teacher scores it)', () => {
    fc.assert(
      fc.property(canonicalAnswer(q), (answer) => {
        const { fraction } = grade(q, answer);
        if (q.type === 'open') expect(fraction).toBeNull();
        else expect(fraction! >= 0 && fraction! <= 1).toBe(true);
      }),
    );
  });

  it('never throws on arbitrary input: an invalid answer is a list of errors', () => {
    fc.assert(
      fc.property(seed, fc.anything(), (s, raw) => {
        const parsed = parseAnswer(q, s, raw);
        if (!parsed.ok) expect(parsed.errors.length).toBeGreaterThan(0);
        else expect(grade(q, parsed.answer).fraction ?? 0).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('shows no key, feedback, misconception, explanation or cites in the public view', () => {
    const secrets = secretTexts(q);
    expect(secrets.length).toBeGreaterThan(0);
    const ownIds = 'options' in q ? q.options.map((o) => o.id) : 'items' in q ? q.items.map((i) => i.id) : 'left' in q ? [...q.left, ...q.right].map((i) => i.id) : [];
    fc.assert(
      fc.property(seed, (s) => {
        const view = publicQuestion(q, s);
        const json = JSON.stringify(view);
        for (const word of ['key', 'feedback', 'misconception', 'explanation', 'cites', 'outcomes', 'modelAnswer', 'rubric', 'bands', 'distractors', 'correct']) {
          expect(json).not.toContain(`"${word}"`);
        }
        for (const text of secrets) expect(json).not.toContain(text);
        const shownIds = [...json.matchAll(/"id":"([^"]+)"/g)].map((m) => m[1]!);
        for (const id of ownIds) expect(shownIds).not.toContain(id);
        expect(Object.keys(view).sort()).toEqual(expectedFields[q.type]);
      }),
    );
  });

  it('grades a canonical answer the same in every attempt (shuffle and tokens change nothing)', () => {
    fc.assert(
      fc.property(canonicalAnswer(q), seed, seed, (answer, s1, s2) => {
        const direct = grade(q, answer);
        for (const s of [s1, s2]) {
          const parsed = parseAnswer(q, s, toPublicAnswer(q, s, answer));
          expect(parsed.ok).toBe(true);
          if (parsed.ok) expect(grade(q, parsed.answer)).toEqual(direct);
        }
      }),
    );
  });

  it('round-trips an answer built from the public view\'s tokens', () => {
    fc.assert(
      fc.property(seed, fc.nat(), (s, pick) => {
        const view = publicQuestion(q, s);
        const raw = answerFromView(view, pick);
        const parsed = parseAnswer(q, s, raw);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(toPublicAnswer(q, s, parsed.answer)).toEqual(raw);
      }),
    );
  });
});

/** Every text that only grading may show: feedback, outcomes, explanation, model answer, rubric. */
function secretTexts(value: unknown, secret = false): string[] {
  if (typeof value === 'string') return secret ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => secretTexts(v, secret));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      secretTexts(v, secret || ['feedback', 'explanation', 'modelAnswer', 'outcomes', 'rubric'].includes(k)),
    );
  }
  return [];
}

const base = ['focus', 'id', 'points', 'prompt', 'skill', 'type'];
const expectedFields: Record<Question['type'], string[]> = {
  'single-choice': [...base, 'options'].sort(),
  'multiple-choice': [...base, 'options'].sort(),
  highlight: base,
  categorize: [...base, 'categories', 'items'].sort(),
  order: [...base, 'items'].sort(),
  match: [...base, 'left', 'right'].sort(),
  scale: [...base, 'labels', 'max', 'min'].sort(),
  open: [...base, 'maxLength'].sort(),
};

/** A valid answer a client could build from what it was shown; `pick` varies the choices. */
function answerFromView(view: ReturnType<typeof publicQuestion>, pick: number): Answer {
  const at = <T>(list: T[], n: number) => list[(pick + n) % list.length]!;
  switch (view.type) {
    case 'single-choice':
      return { optionId: at(view.options, 0).id };
    case 'multiple-choice':
      return { optionIds: view.options.filter((_, i) => (pick >> i) & 1).map((o) => o.id) };
    case 'highlight':
      return { sentenceIds: view.focus };
    case 'categorize':
      return { placements: Object.fromEntries(view.items.map((item, i) => [item.id, at(view.categories, i).id])) };
    case 'order':
      return { order: view.items.map((_, i) => at(view.items, i).id) };
    case 'match':
      return { pairs: Object.fromEntries(view.left.map((item, i) => [item.id, at(view.right, i).id])) };
    case 'scale':
      return { value: view.min + (pick % (view.max - view.min + 1)) };
    case 'open':
      return { text: 'Ik zoek of de NOS het ook meldt.' };
  }
}
