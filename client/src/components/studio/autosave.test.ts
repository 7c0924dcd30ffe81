import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave, readBackup, type SaveState } from './autosave.ts';

describe('Autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once, a moment after the last edit, with the revision it was based on, then the next revision', async () => {
    const save = vi.fn(async (_draft: string, revision: number) => ({ revision: revision + 1, problems: [] }));
    const states: SaveState['kind'][] = [];
    const autosave = new Autosave({ save, revision: 4, onState: (s) => states.push(s.kind), delayMs: 500 });
    autosave.change('a');
    autosave.change('ab');
    await vi.advanceTimersByTimeAsync(400);
    expect(save).not.toHaveBeenCalled();
    autosave.change('abc');
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenLastCalledWith('abc', 4);
    autosave.change('abcd');
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenLastCalledWith('abcd', 5);
    expect(states.at(-1)).toBe('saved');
  });

  it('stops at a 409 and says so, instead of overwriting what another tab saved', async () => {
    const save = vi.fn(async () => {
      throw Object.assign(new Error('conflict'), { status: 409 });
    });
    const states: SaveState['kind'][] = [];
    const autosave = new Autosave({ save, revision: 1, onState: (s) => states.push(s.kind) });
    autosave.change('mine');
    await vi.runAllTimersAsync();
    expect(states.at(-1)).toBe('conflict');
    autosave.change('more');
    await vi.runAllTimersAsync();
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('keeps an unsaved draft in localStorage for a reload, and drops it once saved or outdated', async () => {
    let fail = true;
    const save = vi.fn(async (_d: string, revision: number) => {
      if (fail) throw Object.assign(new Error('offline'), { status: 0 });
      return { revision: revision + 1, problems: [] };
    });
    const autosave = new Autosave({ save, revision: 7, onState: () => {}, backupKey: 'k' });
    autosave.change('typed before the reload');
    await vi.runAllTimersAsync();
    expect(readBackup<string>('k', 7)).toBe('typed before the reload');
    fail = false;
    await autosave.flush();
    expect(readBackup('k', 7)).toBeNull();
    localStorage.setItem('k', JSON.stringify({ draft: 'old', revision: 3 }));
    expect(readBackup('k', 8)).toBeNull();
    expect(localStorage.getItem('k')).toBeNull();
  });
});
