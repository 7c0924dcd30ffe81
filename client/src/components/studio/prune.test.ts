import { describe, expect, it } from 'vitest';
import { pruneEmpty } from './prune.ts';

describe('pruneEmpty', () => {
  it('drops blank texts and the objects they leave empty, keeps numbers, false and list positions', () => {
    const draft = {
      title: { nl: 'Les', en: '  ' },
      intro: { nl: '', en: '' },
      minutes: 0,
      shared: false,
      questions: [{ id: 'q1', prompt: { nl: '' }, cites: [] }, { id: 'q2', options: [{ id: 'o1', text: {} }] }],
    };
    expect(pruneEmpty(draft)).toEqual({
      title: { nl: 'Les' },
      minutes: 0,
      shared: false,
      questions: [{ id: 'q1', cites: [] }, { id: 'q2', options: [{ id: 'o1' }] }],
    });
    expect(pruneEmpty({ a: { b: '' } })).toBeUndefined();
  });
});
