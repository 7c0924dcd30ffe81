// Walkthroughs of each question type on the fixture lesson: a public answer is parsed, then graded.
import { describe, expect, it } from 'vitest';
import { fixtureQuestion } from '../test-fixtures/fixture.ts';
import { grade, parseAnswer, publicQuestion, review, scoreOpen, toPublicAnswer } from './index.ts';
import type { Answer, Question } from '../model.ts';
import { tokenFor, tokensFor } from '../shuffle.ts';

const seed = 'attempt-1';
const tok = (q: Question, id: string) => tokenFor(seed, q.id, id);
function gradePublic(q: Question, raw: unknown) {
  const parsed = parseAnswer(q, seed, raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return grade(q, parsed.answer);
}
const invalid = (q: Question, raw: unknown) => {
  const parsed = parseAnswer(q, seed, raw);
  return parsed.ok ? [] : parsed.errors;
};

describe('single-choice', () => {
  const q = fixtureQuestion('single-choice');
  it('gives full credit for the key and none for another option, with that option\'s feedback', () => {
    expect(gradePublic(q, { optionId: tok(q, 'anoniem') }).fraction).toBe(1);
    const wrong = gradePublic(q, { optionId: tok(q, 'nyt-eigen') });
    expect(wrong.fraction).toBe(0);
    expect(wrong.feedback).toEqual([
      expect.objectContaining({ misconception: 'attribution-as-endorsement', text: expect.objectContaining({ nl: expect.stringContaining('meldt wat bronnen zeggen') }) }),
    ]);
    expect(wrong.anchors).toEqual(q.cites);
  });
  it('rejects a raw option id, another attempt\'s token and a wrong shape', () => {
    expect(invalid(q, { optionId: 'anoniem' })).toEqual([{ path: 'optionId', message: 'unknown option' }]);
    expect(invalid(q, { optionId: tokenFor('other-attempt', q.id, 'anoniem') })).toHaveLength(1);
    expect(invalid(q, { optionIds: [tok(q, 'anoniem')] }).length).toBeGreaterThan(0);
    expect(invalid(q, 'anoniem').length).toBeGreaterThan(0);
  });
});

describe('multiple-choice', () => {
  const q = fixtureQuestion('multiple-choice');
  const pick = (...ids: string[]) => gradePublic(q, { optionIds: ids.map((id) => tok(q, id)) });
  it('gives full, partial and no credit', () => {
    expect(pick('zou', 'lijken').fraction).toBe(1);
    expect(pick('zou').fraction).toBe(0.5);
    expect(pick('zou', 'lijken', 'melden').fraction).toBe(0.5);
    expect(pick('melden', 'bewezen').fraction).toBe(0);
    expect(pick().fraction).toBe(0);
  });
  it('does not reward picking everything', () => {
    expect(pick('zou', 'lijken', 'melden', 'bewezen').fraction).toBe(0);
  });
  it('gives feedback where the learner erred: a missed key option and a wrong pick', () => {
    const result = pick('lijken', 'bewezen');
    expect(result.feedback.map((f) => f.misconception ?? f.text.en)).toEqual([
      'hedge-as-denial',
      'The word "proven" sounds certain, although you do not see the proof.',
    ]);
    expect(result.anchors).toEqual(expect.arrayContaining([...q.cites, ...q.options[0]!.cites!]));
  });
  it('rejects duplicates and unknown options', () => {
    expect(invalid(q, { optionIds: [tok(q, 'zou'), tok(q, 'zou')] })).toEqual([{ path: 'optionIds', message: 'an option is picked twice' }]);
    expect(invalid(q, { optionIds: [tok(q, 'zou'), 'x'] })).toEqual([{ path: 'optionIds.1', message: 'unknown option' }]);
  });
});

describe('highlight', () => {
  const q = fixtureQuestion('highlight');
  const [a, b] = q.key as [string, string];
  const distractor = q.distractors[0]!.sentenceIds[0]!;
  const other = q.selectable.find((id) => !q.key.includes(id) && id !== distractor)!;
  it('scores right picks minus wrong picks over the key', () => {
    expect(gradePublic(q, { sentenceIds: [a, b] }).fraction).toBe(1);
    expect(gradePublic(q, { sentenceIds: [a] }).fraction).toBe(0.5);
    expect(gradePublic(q, { sentenceIds: [a, b, other] }).fraction).toBe(0.5);
    expect(gradePublic(q, { sentenceIds: [other] }).fraction).toBe(0);
    expect(gradePublic(q, { sentenceIds: q.selectable }).fraction).toBe(0);
  });
  it('gives the outcome and the feedback of a tempting distractor', () => {
    const result = gradePublic(q, { sentenceIds: [a, b, distractor] });
    expect(result.feedback.map((f) => f.text.en)).toEqual([
      'Partly; there is another sentence by the paper.',
      'This sentence has no source, but it is not attributed to the paper.',
    ]);
  });
  it('rejects unknown sentences and duplicates', () => {
    expect(invalid(q, { sentenceIds: ['s-00000000'] })).toEqual([{ path: 'sentenceIds.0', message: 'unknown sentence' }]);
    expect(invalid(q, { sentenceIds: [a, a] })).toHaveLength(1);
  });
});

describe('categorize', () => {
  const q = fixtureQuestion('categorize');
  const place = (p: Record<string, string>) =>
    gradePublic(q, { placements: Object.fromEntries(Object.entries(p).map(([item, c]) => [tok(q, item), c])) });
  it('scores the share of items placed right; unplaced counts as wrong', () => {
    expect(place({ laks: 'mening', zullen: 'voorspelling', 'krant-meldt': 'feit' }).fraction).toBe(1);
    expect(place({ laks: 'feit', zullen: 'voorspelling', 'krant-meldt': 'feit' }).fraction).toBeCloseTo(2 / 3);
    expect(place({ laks: 'mening' }).fraction).toBeCloseTo(1 / 3);
    expect(place({ laks: 'feit', zullen: 'feit', 'krant-meldt': 'mening' }).fraction).toBe(0);
  });
  it('names the misconception of a misplaced item', () => {
    const result = place({ laks: 'feit', zullen: 'voorspelling', 'krant-meldt': 'feit' });
    expect(result.feedback.map((f) => f.misconception)).toEqual([undefined, 'opinion-as-fact']);
    expect(result.feedback[0]!.text.en).toBe('Some are right.');
  });
  it('rejects unknown items and categories', () => {
    expect(invalid(q, { placements: { laks: 'mening' } })).toEqual([{ path: 'placements.laks', message: 'unknown item' }]);
    expect(invalid(q, { placements: { [tok(q, 'laks')]: 'gerucht' } })[0]!.message).toBe('unknown category');
  });
});

describe('order', () => {
  const q = fixtureQuestion('order');
  const put = (...ids: string[]) => gradePublic(q, { order: ids.map((id) => tok(q, id)) });
  it('scores pairs in the right relative order; 1 only for the key order', () => {
    expect(put('bronnen', 'nyt', 'tubantia', 'lezer').fraction).toBe(1);
    expect(put('nyt', 'bronnen', 'tubantia', 'lezer').fraction).toBeCloseTo(5 / 6);
    expect(put('lezer', 'tubantia', 'nyt', 'bronnen').fraction).toBe(0);
  });
  it('gives feedback for misplaced items', () => {
    const result = put('nyt', 'bronnen', 'tubantia', 'lezer');
    expect(result.feedback.map((f) => f.misconception)).toEqual([undefined, 'translation-as-original']);
  });
  it('requires every item exactly once', () => {
    expect(invalid(q, { order: [tok(q, 'bronnen'), tok(q, 'nyt')] })).toEqual([{ path: 'order', message: 'order all 4 items' }]);
    expect(invalid(q, { order: ['bronnen', 'nyt', 'tubantia', 'lezer'].map((id) => tok(q, id === 'lezer' ? 'nyt' : id)) })[0]!.message).toBe(
      'an item appears twice',
    );
  });
  it('never shows the items in key order', () => {
    for (let i = 0; i < 200; i++) {
      const shown = publicQuestion(q, `seed-${i}`);
      if (shown.type !== 'order') throw new Error('type');
      const keyTokens = q.key.map((id) => tokenFor(`seed-${i}`, q.id, id));
      expect(shown.items.map((item) => item.id)).not.toEqual(keyTokens);
    }
  });
});

describe('match', () => {
  const q = fixtureQuestion('match');
  const pair = (p: Record<string, string>) =>
    gradePublic(q, { pairs: Object.fromEntries(Object.entries(p).map(([l, r]) => [tok(q, l), tok(q, r)])) });
  it('scores the share of left items paired right', () => {
    expect(pair({ poetin: 'een-bron', 'moderne-versie': 'de-krant' }).fraction).toBe(1);
    expect(pair({ poetin: 'trump', 'moderne-versie': 'de-krant' }).fraction).toBe(0.5);
    expect(pair({ poetin: 'een-bron' }).fraction).toBe(0.5);
    expect(pair({ poetin: 'de-krant', 'moderne-versie': 'trump' }).fraction).toBe(0);
  });
  it('uses the none outcome for partial credit when no partial text is given', () => {
    expect(pair({ poetin: 'trump', 'moderne-versie': 'de-krant' }).feedback[0]!.text).toEqual(q.outcomes.none);
  });
  it('rejects unknown right-hand ids', () => {
    expect(invalid(q, { pairs: { [tok(q, 'poetin')]: 'een-bron' } })[0]!.message).toBe('unknown match');
  });
});

describe('scale', () => {
  const q = fixtureQuestion('scale');
  it('gives 1 in the key range, 0.5 one step outside, 0 further', () => {
    expect([1, 2, 3, 4].map((value) => gradePublic(q, { value }).fraction)).toEqual([1, 1, 0.5, 0]);
  });
  it('gives the feedback of the band the value lies in', () => {
    expect(gradePublic(q, { value: 4 }).feedback).toEqual([expect.objectContaining({ misconception: 'hedge-as-denial' })]);
  });
  it('rejects values out of range or not whole', () => {
    expect(invalid(q, { value: 5 })[0]!.path).toBe('value');
    expect(invalid(q, { value: 1.5 })).not.toEqual([]);
    expect(invalid(q, { value: '2' })).not.toEqual([]);
  });
  it('reviews with the accepted range', () => {
    expect(review(q, seed)).toMatchObject({ key: { value: 2 }, accepted: { min: 1, max: 2 } });
  });
});

describe('open', () => {
  const q = fixtureQuestion('open');
  it('has no automatic grade and shows the model answer', () => {
    const result = gradePublic(q, { text: '  Ik kijk of de NOS het ook meldt.  ' });
    expect(result.fraction).toBeNull();
    expect(result.feedback).toEqual([{ text: q.modelAnswer, anchors: q.cites }]);
  });
  it('trims the text and rejects empty or too long answers', () => {
    expect(parseAnswer(q, seed, { text: '  ja  ' })).toEqual({ ok: true, answer: { text: 'ja' } });
    expect(invalid(q, { text: '   ' })).toEqual([{ path: 'text', message: 'write an answer' }]);
    expect(invalid(q, { text: 'x'.repeat(q.maxLength + 1) })[0]!.path).toBe('text');
  });
  it('is scored by a teacher with the rubric', () => {
    expect(scoreOpen(q, { wat: 3 })).toBe(1);
    expect(scoreOpen(q, { wat: 1 })).toBeCloseTo(1 / 3);
    expect(() => scoreOpen(q, {})).toThrow(RangeError);
    expect(() => scoreOpen(q, { wat: 4 })).toThrow(RangeError);
  });
  it('reviews with the model answer and no key', () => {
    expect(review(q, seed)).toMatchObject({ key: null, modelAnswer: q.modelAnswer, explanation: q.explanation });
  });
});

describe('review and saved answers', () => {
  it('the review key, parsed back, earns full credit for every auto-graded type', () => {
    for (const type of ['single-choice', 'multiple-choice', 'highlight', 'categorize', 'order', 'match', 'scale'] as const) {
      const q = fixtureQuestion(type);
      const key = review(q, seed).key as Answer;
      expect(gradePublic(q, key).fraction, type).toBe(1);
    }
  });
  it('shows a saved canonical answer back in the attempt\'s tokens', () => {
    const q = fixtureQuestion('single-choice');
    expect(toPublicAnswer(q, seed, { optionId: 'trump' })).toEqual({ optionId: tok(q, 'trump') });
  });
});

describe('option tokens kept per attempt', () => {
  it('a changed list of the same question and seed (a new version in the teacher preview) gets its own tokens', () => {
    const q = fixtureQuestion('multiple-choice');
    const before = tokensFor('teacher-preview', q.id, ['bron', 'zeker', 'twijfel']);
    expect(before.token('zeker')).toBe(tokenFor('teacher-preview', q.id, 'zeker'));
    const after = tokensFor('teacher-preview', q.id, ['bron', 'zeker', 'nieuw']);
    expect(after.token('nieuw')).toBe(tokenFor('teacher-preview', q.id, 'nieuw'));
    expect(after.id(tokenFor('teacher-preview', q.id, 'twijfel'))).toBeUndefined();
    expect(() => after.token('twijfel')).toThrow(/unknown id/);
    // and the first list, asked for again, is its own again
    expect(tokensFor('teacher-preview', q.id, ['bron', 'zeker', 'twijfel']).id(tokenFor('teacher-preview', q.id, 'twijfel'))).toBe('twijfel');
  });
});
