import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRoot } from 'solid-js';
import type { Answer } from '../../../server/api-types.ts';
import { ApiError, type SaveResponseResult } from './api.ts';
import { createAnswerSync } from './answer-sync.ts';

const ok = (questionId: string): SaveResponseResult => ({ saved: true, questionId, try: 1 });
const networkDown = () => new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: 'offline' });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('answer sync', () => {
  it('debounces changes and sends only the last answer', async () => {
    const save = vi.fn(async (q: string, _answer: Answer, _key: string) => ok(q));
    const sync = createRoot(() => createAnswerSync({ save, delay: 500 }));
    void sync.change('q1', { text: 'a' });
    void sync.change('q1', { text: 'ab' });
    expect(sync.states.q1).toBe('pending');
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0][1]).toEqual({ text: 'ab' });
    expect(sync.states.q1).toBe('saved');
    expect(sync.unsaved()).toBe(false);
  });

  it('retries a failed save with the same Idempotency-Key and keeps the answer meanwhile', async () => {
    const keys: string[] = [];
    let fail = 2;
    const save = vi.fn(async (q: string, _a: Answer, key: string) => {
      keys.push(key);
      if (fail-- > 0) throw networkDown();
      return ok(q);
    });
    const sync = createRoot(() => createAnswerSync({ save, delay: 0, retryDelay: () => 1000 }));
    const done = sync.change('q1', { optionId: 'o1' }, { immediate: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(sync.states.q1).toBe('failed');
    expect(sync.unsaved()).toBe(true);
    await vi.advanceTimersByTimeAsync(2000);
    await expect(done).resolves.toEqual(ok('q1'));
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(sync.states.q1).toBe('saved');
  });

  it('uses a new key for a changed answer, and sends it after the one in flight', async () => {
    const calls: { answer: Answer; key: string }[] = [];
    let release!: () => void;
    const save = vi.fn(async (q: string, answer: Answer, key: string) => {
      calls.push({ answer, key });
      if (calls.length === 1) await new Promise<void>((r) => (release = r));
      return ok(q);
    });
    const sync = createRoot(() => createAnswerSync({ save, delay: 0 }));
    void sync.change('q1', { value: 1 }, { immediate: true });
    await vi.advanceTimersByTimeAsync(0);
    void sync.change('q1', { value: 2 }, { immediate: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1); // one request per question at a time
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    expect(calls[1].answer).toEqual({ value: 2 });
    expect(calls[1].key).not.toBe(calls[0].key);
    expect(sync.states.q1).toBe('saved');
  });

  it('rejects when the server refuses the answer, without retrying', async () => {
    const refused = new ApiError({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'attempt is finished' });
    const save = vi.fn(async () => { throw refused; });
    const sync = createRoot(() => createAnswerSync({ save, delay: 0 }));
    const done = sync.change('q1', { text: 'x' }, { immediate: true });
    const outcome = expect(done).rejects.toBe(refused);
    await vi.advanceTimersByTimeAsync(60_000);
    await outcome;
    expect(save).toHaveBeenCalledTimes(1);
    expect(sync.errors.q1).toBe(refused);
  });

  it('flush sends waiting answers at once and says whether all were saved', async () => {
    const save = vi.fn(async (q: string) => ok(q));
    const sync = createRoot(() => createAnswerSync({ save, delay: 10_000 }));
    void sync.change('q1', { text: 'a' });
    void sync.change('q2', { text: 'b' });
    const flushed = sync.flush();
    await vi.advanceTimersByTimeAsync(0);
    await expect(flushed).resolves.toBe(true);
    expect(save).toHaveBeenCalledTimes(2);
  });
});
