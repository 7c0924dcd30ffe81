// Keeps the server's copy of each answer in step with what the learner entered, without ever
// dropping an answer: saves are debounced, one request per question at a time, a failed save is
// retried with the same Idempotency-Key (the server stores it once), a changed answer gets a new key.
import { createStore } from 'solid-js/store';
import type { Answer } from '../../../server/api-types.ts';
import { ApiError, newIdempotencyKey, type SaveResponseResult } from './api.ts';

export type SaveState = 'pending' | 'saving' | 'saved' | 'failed';

interface Entry {
  answer: Answer;
  json: string;
  key: string;
  waiters: { resolve: (r: SaveResponseResult) => void; reject: (e: unknown) => void }[];
}

export interface AnswerSyncOptions {
  save: (questionId: string, answer: Answer, idempotencyKey: string) => Promise<SaveResponseResult>;
  /** Called once the server has acknowledged the latest answer for a question. */
  onSaved?: (questionId: string, answer: Answer, result: SaveResponseResult) => void;
  /** Milliseconds of quiet before a change is sent. */
  delay?: number;
  /** Backoff before retry n (0-based). */
  retryDelay?: (n: number) => number;
}

export function createAnswerSync({ save, onSaved, delay = 800, retryDelay = (n) => Math.min(15_000, 1000 * 2 ** n) }: AnswerSyncOptions) {
  const [states, setStates] = createStore<Record<string, SaveState>>({});
  const [errors, setErrors] = createStore<Record<string, ApiError | undefined>>({});
  const latest = new Map<string, Entry>();
  const busy = new Set<string>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const failures = new Map<string, number>();

  function schedule(questionId: string, ms: number) {
    clearTimeout(timers.get(questionId));
    timers.set(questionId, setTimeout(() => void run(questionId), ms));
  }

  async function run(questionId: string) {
    timers.delete(questionId);
    const entry = latest.get(questionId);
    if (!entry || busy.has(questionId)) return; // a save in flight reschedules when it ends
    busy.add(questionId);
    setStates(questionId, 'saving');
    try {
      const result = await save(questionId, entry.answer, entry.key);
      failures.delete(questionId);
      if (latest.get(questionId) === entry) {
        latest.delete(questionId);
        setErrors(questionId, undefined);
        setStates(questionId, 'saved');
        onSaved?.(questionId, entry.answer, result);
        for (const w of entry.waiters) w.resolve(result);
      }
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError({ type: 'about:blank', title: 'Error', status: 0, detail: String(error) });
      setErrors(questionId, apiError);
      if (latest.get(questionId) === entry) {
        setStates(questionId, 'failed');
        if (apiError.retryable) {
          const n = failures.get(questionId) ?? 0;
          failures.set(questionId, n + 1);
          schedule(questionId, retryDelay(n));
        } else {
          // the server refused this answer; keep it as typed, and let the learner change it
          for (const w of entry.waiters.splice(0)) w.reject(apiError);
        }
      }
    } finally {
      busy.delete(questionId);
      const next = latest.get(questionId);
      if (next && next !== entry && !timers.has(questionId)) schedule(questionId, 0);
    }
  }

  /** Records a new answer; it is sent after `delay`, or at once when `immediate`. */
  function change(questionId: string, answer: Answer, { immediate = false } = {}): Promise<SaveResponseResult> {
    const json = JSON.stringify(answer);
    let entry = latest.get(questionId);
    if (!entry || entry.json !== json) {
      // superseded waiters wait for the newer answer instead
      const waiters = entry?.waiters ?? [];
      entry = { answer, json, key: newIdempotencyKey(), waiters };
      latest.set(questionId, entry);
      failures.delete(questionId);
    }
    const current = entry;
    const done = new Promise<SaveResponseResult>((resolve, reject) => current.waiters.push({ resolve, reject }));
    if (states[questionId] !== 'saving') setStates(questionId, 'pending');
    schedule(questionId, immediate ? 0 : delay);
    return done;
  }

  /** Sends every waiting answer now; resolves true when all are saved, false if any could not be. */
  async function flush(): Promise<boolean> {
    const pending = [...latest.keys()].map((id) => {
      const entry = latest.get(id)!;
      const done = new Promise<SaveResponseResult>((resolve, reject) => entry.waiters.push({ resolve, reject }));
      if (!busy.has(id)) schedule(id, 0);
      return done;
    });
    const results = await Promise.allSettled(pending);
    return results.every((r) => r.status === 'fulfilled');
  }

  /** Stops timers (when the runner closes); unsaved answers stay in the caller's drafts. */
  function dispose() {
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  }

  const unsaved = () => Object.values(states).some((s) => s !== 'saved');

  return { states, errors, change, flush, dispose, unsaved };
}
