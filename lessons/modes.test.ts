// Walkthroughs of the two modes: when feedback shows, which response counts, how an attempt scores.
import { describe, expect, it } from 'vitest';
import { canAnswer, countingResponse, feedbackVisible, scoreAttempt } from './modes.ts';
import { fixtureLesson } from './test-fixtures/fixture.ts';

describe('practice mode', () => {
  it('shows feedback at once, allows retries until finish, and counts the first try', () => {
    expect(feedbackVisible('practice', { finished: false })).toBe(true);
    expect(canAnswer('practice', { finished: false, triesSoFar: 3 })).toBe(true);
    expect(canAnswer('practice', { finished: true, triesSoFar: 1 })).toBe(false);
    const responses = [{ try: 2, fraction: 1 }, { try: 1, fraction: 0 }, { try: 3, fraction: 1 }];
    expect(countingResponse('practice', responses)).toEqual({ try: 1, fraction: 0 });
  });
});

describe('test mode', () => {
  it('holds feedback until finish, or until the teacher releases it under the manual policy', () => {
    expect(feedbackVisible('test', { finished: false })).toBe(false);
    expect(feedbackVisible('test', { finished: true })).toBe(true);
    expect(feedbackVisible('test', { finished: true, release: 'manual' })).toBe(false);
    expect(feedbackVisible('test', { finished: true, release: 'manual', released: true })).toBe(true);
    expect(feedbackVisible('test', { finished: false, release: 'manual', released: true })).toBe(false);
  });
  it('lets answers change until finish and counts the latest', () => {
    expect(canAnswer('test', { finished: false, triesSoFar: 5 })).toBe(true);
    expect(canAnswer('test', { finished: true, triesSoFar: 0 })).toBe(false);
    expect(countingResponse('test', [{ try: 1 }, { try: 3 }, { try: 2 }])).toEqual({ try: 3 });
    expect(countingResponse('test', [])).toBeUndefined();
  });
});

describe('scoring an attempt', () => {
  const lesson = fixtureLesson();
  const byType = Object.fromEntries(lesson.questions.map((q) => [q.type, q.id]));

  it('adds points times fraction per question and per skill; unanswered scores 0', () => {
    const { score, skills, pending } = scoreAttempt(lesson, {
      [byType['single-choice']!]: 1,
      [byType['multiple-choice']!]: 0.5,
      [byType.scale!]: 0.5,
      [byType.open!]: 2 / 3,
    });
    expect(score).toEqual({ points: 2.67, max: 8 });
    expect(skills.language).toEqual({ points: 0.5, max: 1 });
    expect(skills.sources).toEqual({ points: 1, max: 4 });
    expect(skills.verification).toEqual({ points: 0.67, max: 1 });
    expect(pending).toEqual([]);
  });

  it('leaves an open answer out of points and max until a teacher scores it', () => {
    const { score, skills, pending } = scoreAttempt(lesson, { [byType.open!]: null });
    expect(pending).toEqual([byType.open]);
    expect(score).toEqual({ points: 0, max: 7 });
    expect(skills.verification).toBeUndefined();
  });
});
