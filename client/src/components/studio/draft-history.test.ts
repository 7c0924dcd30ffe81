import { describe, expect, it } from 'vitest';
import { DraftHistory, getIn, setIn } from './draft-history.ts';

describe('DraftHistory', () => {
  it('undoes and redoes whole steps, and a new edit drops the redo', () => {
    const h = new DraftHistory({ title: '' }, { now: () => 0, joinMs: 0 });
    h.change({ title: 'a' }, null);
    h.change({ title: 'b' }, null);
    expect(h.undo()).toEqual({ title: 'a' });
    expect(h.undo()).toEqual({ title: '' });
    expect(h.canUndo).toBe(false);
    expect(h.undo()).toBeUndefined();
    expect(h.redo()).toEqual({ title: 'a' });
    h.change({ title: 'c' }, null);
    expect(h.canRedo).toBe(false);
    expect(h.current).toEqual({ title: 'c' });
  });

  it('joins quick edits of one field into one step, but not edits of another field or after a pause', () => {
    let clock = 0;
    const h = new DraftHistory('', { now: () => clock, joinMs: 1000 });
    for (const text of ['W', 'Wi', 'Wie']) {
      clock += 100;
      h.change(text, 'prompt');
    }
    clock += 100;
    h.change('Wie!', 'summary');
    clock += 5000;
    h.change('Wie!?', 'summary');
    expect(h.undo()).toBe('Wie!');
    expect(h.undo()).toBe('Wie');
    expect(h.undo()).toBe('');
  });

  it('keeps at most `limit` steps', () => {
    const h = new DraftHistory(0, { limit: 2 });
    [1, 2, 3].forEach((n) => h.change(n));
    expect(h.undo()).toBe(2);
    expect(h.undo()).toBe(1);
    expect(h.undo()).toBeUndefined();
  });
});

describe('setIn and getIn', () => {
  it('copies along the path only, creating what is missing and deleting a field set to undefined', () => {
    const draft = { questions: [{ prompt: { nl: 'a' } }, { prompt: { nl: 'b' } }], title: { nl: 't' } };
    const next = setIn(draft, ['questions', 1, 'prompt', 'en'], 'B');
    expect(next.questions[1]).toEqual({ prompt: { nl: 'b', en: 'B' } });
    expect(next.questions[0]).toBe(draft.questions[0]);
    expect(next.title).toBe(draft.title);
    expect(draft.questions[1]).toEqual({ prompt: { nl: 'b' } });
    expect(setIn({}, ['a', 0, 'b'], 1)).toEqual({ a: [{ b: 1 }] });
    expect(setIn({ a: 1, b: 2 }, ['a'], undefined)).toEqual({ b: 2 });
    expect(getIn(next, ['questions', 1, 'prompt', 'en'])).toBe('B');
    expect(getIn(next, ['questions', 5, 'prompt'])).toBeUndefined();
  });
});
