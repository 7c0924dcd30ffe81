import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRoot } from 'solid-js';
import type { Answer, Mode } from '../../../../server/api-types.ts';
import { ApiError, type AttemptView, type ResponseView, type SaveResponseResult } from '../../lib/api.ts';
import { attemptsFor, loadDrafts, rememberAttempt, storeDrafts } from '../../lib/attempts-store.ts';
import { attemptOf, open, order, singleChoice } from '../questions/fixtures.ts';
import { createAttemptSession, type AttemptSessionOptions } from './attempt-session.ts';

const networkDown = () => new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: 'offline' });
const refused = () => new ApiError({ type: '/problems/invalid-answer', title: 'Invalid answer', status: 422, detail: 'no' });


const right = (questionId: string): SaveResponseResult => ({ saved: true, questionId, try: 1, fraction: 1, feedback: [], anchors: ['s2'] });

function sessionOf(attempt: AttemptView, options: Partial<AttemptSessionOptions> = {}) {
  const save = vi.fn(async (questionId: string, _answer: Answer, _key: string) => right(questionId));
  const finish = vi.fn(async () => ({}));
  const session = createRoot(() => createAttemptSession(attempt, { save, finish, delay: 500, retryDelay: () => 1000, ...options }));
  return { session, save: (options.save as typeof save | undefined) ?? save, finish: (options.finish as typeof finish | undefined) ?? finish };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('attempt session in a test', () => {
  it('keeps a change as a draft at once, sends it after a pause, and drops the draft once saved', async () => {
    const { session, save } = sessionOf(attemptOf('test'));
    session.change(singleChoice, { optionId: 'o2' });
    expect(session.answer(singleChoice)).toEqual({ optionId: 'o2' });
    expect(loadDrafts('a1')).toEqual({ [singleChoice.id]: { optionId: 'o2' } });
    expect(session.isDone(singleChoice)).toBe(true);
    expect(session.saveStatus()).toBe('saving');
    expect(session.unsaved()).toBe(true);
    await vi.advanceTimersByTimeAsync(499);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(session.saveStatus()).toBe('saved');
    expect(session.unsaved()).toBe(false);
    expect(loadDrafts('a1')).toEqual({});
  });

  it('retries a failed save with the same Idempotency-Key and keeps the draft until it lands', async () => {
    const keys: string[] = [];
    let failures = 2;
    const save = vi.fn(async (questionId: string, _a: Answer, key: string) => {
      keys.push(key);
      if (failures-- > 0) throw networkDown();
      return right(questionId);
    });
    const { session } = sessionOf(attemptOf('test'), { save });
    session.change(open, { text: 'Een bron' });
    await vi.advanceTimersByTimeAsync(500);
    expect(session.saveStatus()).toBe('failed');
    expect(session.failure(open)?.retryable).toBe(true);
    expect(loadDrafts('a1')).toEqual({ [open.id]: { text: 'Een bron' } });
    await vi.advanceTimersByTimeAsync(2000);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(session.saveStatus()).toBe('saved');
    expect(loadDrafts('a1')).toEqual({});
  });

  it('sends the drafts a reload found again, and shows them over the server’s copy', async () => {
    storeDrafts('a1', { [open.id]: { text: 'nieuw' } });
    const saved: ResponseView = { questionId: open.id, answer: { text: 'oud' }, try: 1, savedAt: '2026-11-29T10:01:00.000Z' };
    const { session, save } = sessionOf(attemptOf('test', [saved]));
    expect(session.answer(open)).toEqual({ text: 'nieuw' });
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenCalledWith(open.id, { text: 'nieuw' }, expect.any(String));
    expect(loadDrafts('a1')).toEqual({});
  });

  it('finishes only when every answer is saved, then forgets the attempt and its drafts', async () => {
    rememberAttempt({ id: 'a1', lessonSlug: 'wie-zegt-wat', mode: 'test', startedAt: '2026-11-29T10:00:00.000Z' });
    const save = vi.fn(async () => {
      throw networkDown();
    });
    const { session, finish } = sessionOf(attemptOf('test'), { save, flushTimeout: 3000 });
    session.change(open, { text: 'Een bron' });
    const outcome = session.finish();
    expect(session.finishing()).toBe(true);
    await vi.advanceTimersByTimeAsync(3000);
    await expect(outcome).resolves.toBe('not-saved');
    expect(finish).not.toHaveBeenCalled();
    expect(session.finishing()).toBe(false);
    expect(loadDrafts('a1')).toEqual({ [open.id]: { text: 'Een bron' } });

    save.mockImplementation(async () => right(open.id) as never);
    const second = session.finish();
    await vi.advanceTimersByTimeAsync(1000);
    await expect(second).resolves.toBe('finished');
    expect(finish).toHaveBeenCalledTimes(1);
    expect(loadDrafts('a1')).toEqual({});
    expect(attemptsFor('wie-zegt-wat')).toEqual([]);
  });
});

describe('attempt session in practice', () => {
  it('checks at once and shows the feedback; "try again" hides it and the question stays done', async () => {
    const { session, save } = sessionOf(attemptOf('practice'));
    expect(session.canCheck(singleChoice)).toBe(false);
    session.change(singleChoice, { optionId: 'o1' });
    expect(save).not.toHaveBeenCalled(); // practice sends on "Controleer" only
    expect(session.canCheck(singleChoice)).toBe(true);
    const checked = session.check(singleChoice);
    expect(session.checking(singleChoice)).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    await expect(checked).resolves.toMatchObject({ fraction: 1, anchors: ['s2'] });
    expect(session.graded(singleChoice)?.fraction).toBe(1);
    expect(session.isDone(singleChoice)).toBe(true);
    session.tryAgain(singleChoice);
    expect(session.graded(singleChoice)).toBeUndefined();
    expect(session.retried(singleChoice)).toBe(true);
    expect(session.isDone(singleChoice)).toBe(true);
  });

  it('checks an untouched order question with the order shown', async () => {
    const { session, save } = sessionOf(attemptOf('practice'));
    expect(session.canCheck(order)).toBe(true);
    void session.check(order);
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledWith(order.id, { order: order.items.map((i) => i.id) }, expect.any(String));
  });

  it('keeps a refused answer as typed and says why', async () => {
    const save = vi.fn(async () => {
      throw refused();
    });
    const { session } = sessionOf(attemptOf('practice'), { save });
    session.change(open, { text: 'x' });
    const checked = session.check(open).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(0);
    expect(await checked).toBeInstanceOf(ApiError);
    expect(session.failure(open)?.status).toBe(422);
    expect(session.checking(open)).toBe(false);
    expect(session.answer(open)).toEqual({ text: 'x' });
  });

  it('shows a checked answer’s feedback after a reload, but not while a retry is being edited', () => {
    const checked: ResponseView = { questionId: singleChoice.id, answer: { optionId: 'o1' }, try: 1, savedAt: 'x', fraction: 0, feedback: [], anchors: [] };
    const retry: ResponseView = { ...checked, questionId: open.id, answer: { text: 'eerst' } };
    storeDrafts('a1', { [open.id]: { text: 'opnieuw' } });
    const { session } = sessionOf(attemptOf('practice', [checked, retry]));
    expect(session.graded(singleChoice)?.fraction).toBe(0);
    expect(session.graded(open)).toBeUndefined();
    expect(session.answer(open)).toEqual({ text: 'opnieuw' });
  });
});
