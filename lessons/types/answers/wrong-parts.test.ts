import { describe, expect, it } from 'vitest';
import { wrongParts } from './index.ts';

describe('the parts of an answer the key disagrees with', () => {
  it('categorize: the items placed otherwise, an unplaced one too', () => {
    const key = { placements: { a: 'fact', b: 'opinion', c: 'claim' } };
    expect(wrongParts({ type: 'categorize' }, { placements: { a: 'fact', b: 'fact' } }, key)).toEqual(['b', 'c']);
  });
  it('match: the left items paired otherwise, an unpaired one too', () => {
    const key = { pairs: { l1: 'r1', l2: 'r2', l3: 'r3' } };
    expect(wrongParts({ type: 'match' }, { pairs: { l1: 'r2', l2: 'r2' } }, key)).toEqual(['l1', 'l3']);
  });
  it('order: the items not where the key puts them', () => {
    expect(wrongParts({ type: 'order' }, { order: ['a', 'c', 'b', 'd'] }, { order: ['a', 'b', 'c', 'd'] })).toEqual(['b', 'c']);
  });
  it('highlight: the chosen sentences outside the key, never the missed ones (they would be the key)', () => {
    expect(wrongParts({ type: 'highlight' }, { sentenceIds: ['s1', 's4'] }, { sentenceIds: ['s1', 's2', 's3'] })).toEqual(['s4']);
  });
  it('single choice and the others name no parts', () => {
    expect(wrongParts({ type: 'single-choice' }, { optionId: 'a' }, { optionId: 'b' })).toEqual([]);
  });
});
