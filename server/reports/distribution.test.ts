import { expect, test } from 'vitest';
import { fixtureLesson, fixtureQuestion } from '../../lessons/test-fixtures/fixture.ts';
import { commonWrong, distribution, misconceptionCounts, sentenceLookup } from './distribution.ts';

const text = sentenceLookup(fixtureLesson());

test('categorize: counts per item and category, weighted by how many gave the answer', () => {
  const q = fixtureQuestion('categorize');
  const [first, second] = q.items;
  const right = q.key[first!.id]!;
  const wrong = q.categories.find((c) => c.id !== right)!.id;
  const entries = distribution(q, [
    { answer: { placements: { [first!.id]: right, [second!.id]: q.key[second!.id]! } }, count: 3 },
    { answer: { placements: { [first!.id]: wrong, [second!.id]: q.key[second!.id]! } }, count: 2 },
  ], text);
  expect(entries.find((e) => e.value === `${first!.id}=${right}`)).toMatchObject({ count: 3, correct: true });
  expect(entries.find((e) => e.value === `${first!.id}=${wrong}`)).toMatchObject({ count: 2, correct: false });
  expect(commonWrong(entries)).toMatchObject({ value: `${first!.id}=${wrong}`, count: 2 });
});

test('scale: one entry per value, correct inside the accepted range; nothing wrong chosen: no common wrong', () => {
  const q = fixtureQuestion('scale');
  const entries = distribution(q, [{ answer: { value: q.key.min }, count: 4 }], text);
  expect(entries.map((e) => e.value)).toEqual(q.labels.map((l) => String(l.value)).sort((a, b) => Number(a) - Number(b)));
  expect(entries.find((e) => e.value === String(q.key.min))).toMatchObject({ count: 4, correct: true });
  expect(commonWrong(entries)).toBeNull();
});

test('misconceptions are counted as grading names them, times the answers that reveal them', () => {
  const q = fixtureQuestion('single-choice');
  const tagged = q.options.find((o) => o.misconception)!;
  expect(misconceptionCounts(q, [{ answer: { optionId: tagged.id }, count: 3 }, { answer: { optionId: q.key }, count: 5 }])).toEqual([
    { tag: tagged.misconception, count: 3 },
  ]);
});
