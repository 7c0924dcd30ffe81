import { expect, test } from 'vitest';
import { discriminationIndex, discriminationNote, facilityIndex, facilityNote } from './item-analysis.ts';

test('facility is the mean fraction', () => {
  expect(facilityIndex([1, 0, 0.5, 0.5])).toBe(0.5);
  expect(facilityIndex([])).toBeNull();
});

test('discrimination is the correlation of item with the rest of the test, computed by hand', () => {
  // item 1,1,0,0 and rest 2,1,1,0: deviations (.5,.5,-.5,-.5) and (1,0,0,-1): Sxy=1, Sxx=1, Syy=2.
  expect(discriminationIndex([{ item: 1, rest: 2 }, { item: 1, rest: 1 }, { item: 0, rest: 1 }, { item: 0, rest: 0 }])).toBeCloseTo(1 / Math.SQRT2, 4);
  // Stronger students getting it wrong: negative.
  expect(discriminationIndex([{ item: 0, rest: 3 }, { item: 1, rest: 0 }, { item: 0, rest: 2 }])!).toBeLessThan(0);
});

test('discrimination is null with fewer than two attempts or without variance', () => {
  expect(discriminationIndex([{ item: 1, rest: 2 }])).toBeNull();
  expect(discriminationIndex([{ item: 1, rest: 2 }, { item: 1, rest: 0 }])).toBeNull();
  expect(discriminationIndex([{ item: 1, rest: 2 }, { item: 0, rest: 2 }])).toBeNull();
});

test('every figure comes with a sentence in Dutch and English that fits it', () => {
  expect(facilityNote(0.1, 20).en).toMatch(/^Very hard/);
  expect(facilityNote(0.95, 20).nl).toMatch(/^Zeer makkelijk/);
  expect(facilityNote(0.5, 2).en).toMatch(/only 2 answer/);
  expect(facilityNote(null, 0).nl).toMatch(/Nog niemand/);
  expect(discriminationNote(0.7).en).toMatch(/very well/);
  expect(discriminationNote(-0.3).en).toMatch(/Check the key/);
  expect(discriminationNote(null).nl).toMatch(/minstens twee/);
});
