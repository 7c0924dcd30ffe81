// Walkthroughs of the three behaviours: when feedback shows, which response counts, what the
// learner sees after saving, and how an attempt scores from its steps.
import { describe, expect, it } from 'vitest';
import { grade } from '../types/index.ts';
import { fixtureLesson, fixtureQuestion } from '../test-fixtures/fixture.ts';
import { scoreAttempt } from '../scoring.ts';
import { behaviourOf, effectivePhase, initialLiveState, live as liveRules, liveAttemptState, liveTransition, type LiveCommand, type LiveState } from './index.ts';

const practice = behaviourOf('practice');
const test = behaviourOf('test');

describe('practice mode', () => {
  it('shows feedback at once, allows retries until finish, and counts the first try', () => {
    expect(practice.reviewVisible({ finished: false })).toBe(true);
    expect(practice.mayAnswer({ finished: false })).toBe(true);
    expect(practice.mayAnswer({ finished: true })).toBe(false);
    expect(practice.mayAnswer({ finished: false, closed: true })).toBe(false);
    const responses = [{ try: 2, fraction: 1 }, { try: 1, fraction: 0 }, { try: 3, fraction: 1 }];
    expect(practice.counting(responses)).toEqual({ try: 1, fraction: 0 });
    expect(practice.alsoShown(responses, responses[1]!)).toEqual([{ try: 2, fraction: 1 }, { try: 3, fraction: 1 }]);
  });

  it('grades at once; the explanation comes after a right answer or from the second try', () => {
    const q = fixtureQuestion('single-choice');
    const wrong = q.options.find((o) => o.id !== q.key)!.id;
    const first = practice.shown(q, grade(q, { optionId: wrong }), 1, 'seed', { finished: false })!;
    expect(first.fraction).toBe(0);
    expect(first.explanation).toBeUndefined();
    // The explanation's sentences stay unhighlighted until it may be read.
    for (const id of q.cites) if (!first.feedback.some((f) => f.anchors.includes(id))) expect(first.anchors).not.toContain(id);
    expect(practice.shown(q, grade(q, { optionId: wrong }), 2, 'seed', { finished: false })!.explanation).toEqual(q.explanation);
    expect(practice.shown(q, grade(q, { optionId: q.key }), 1, 'seed', { finished: false })!.explanation).toEqual(q.explanation);
  });
});

describe('test mode', () => {
  it('holds feedback until finish, or until the teacher releases it under the manual policy', () => {
    expect(test.reviewVisible({ finished: false })).toBe(false);
    expect(test.reviewVisible({ finished: true })).toBe(true);
    expect(test.reviewVisible({ finished: true, release: 'manual' })).toBe(false);
    expect(test.reviewVisible({ finished: true, release: 'manual', released: true })).toBe(true);
    expect(test.reviewVisible({ finished: false, release: 'manual', released: true })).toBe(false);
  });
  it('lets answers change until finish and counts the latest; says nothing about a saved answer', () => {
    expect(test.mayAnswer({ finished: false })).toBe(true);
    expect(test.mayAnswer({ finished: true })).toBe(false);
    expect(test.counting([{ try: 1 }, { try: 3 }, { try: 2 }])).toEqual({ try: 3 });
    expect(test.counting([])).toBeUndefined();
    expect(test.alsoShown([{ try: 1 }, { try: 2 }], { try: 2 })).toEqual([]);
    const q = fixtureQuestion('single-choice');
    expect(test.shown(q, grade(q, { optionId: q.key }), 1, 'seed', { finished: false })).toBeNull();
  });
});

describe('scoring an attempt', () => {
  const lesson = fixtureLesson();
  const byType = Object.fromEntries(lesson.questions.map((q) => [q.type, q.id]));
  const response = (type: string, fraction: number | null, tryNumber = 1) => ({ id: `${type}-${tryNumber}`, questionId: byType[type]!, try: tryNumber, fraction });

  it('adds points times fraction per question and per skill; unanswered scores 0', () => {
    const open = lesson.questions.find((q) => q.type === 'open')!;
    const { score, skills, pending } = scoreAttempt(
      lesson,
      'practice',
      [response('single-choice', 1), response('multiple-choice', 0.5), response('scale', 0.5), response('open', null)],
      [{ responseId: 'open-1', seq: 1, points: (2 / 3) * open.points }],
    );
    expect(score).toEqual({ points: 2.67, max: 8 });
    expect(skills.language).toEqual({ points: 0.5, max: 1 });
    expect(skills.sources).toEqual({ points: 1, max: 4 });
    expect(skills.verification).toEqual({ points: 0.67, max: 1 });
    expect(pending).toEqual([]);
  });

  it('leaves an open answer out of points and max until a teacher scores it', () => {
    const { score, skills, pending } = scoreAttempt(lesson, 'test', [response('open', null)]);
    expect(pending).toEqual([byType.open]);
    expect(score).toEqual({ points: 0, max: 7 });
    expect(skills.verification).toBeUndefined();
  });

  it('counts the latest grade of an answer; a grade never overrides an automatic grade', () => {
    const open = lesson.questions.find((q) => q.type === 'open')!;
    const scored = scoreAttempt(lesson, 'test', [response('open', null), response('single-choice', 0)], [
      { responseId: 'open-1', seq: 2, points: open.points },
      { responseId: 'open-1', seq: 1, points: 0 },
      // Only open answers are graded; a grade row naming another answer changes nothing.
      { responseId: 'single-choice-1', seq: 3, points: 1 },
    ]);
    const byId = new Map(scored.questions.map((s) => [s.question.id, s]));
    expect(byId.get(byType.open!)).toMatchObject({ fraction: 1, state: 'scored', points: open.points });
    expect(byId.get(byType['single-choice']!)).toMatchObject({ fraction: 0, state: 'scored', points: 0 });
  });

  it('practice counts the first try, test the latest', () => {
    const tries = [response('single-choice', 0, 1), response('single-choice', 1, 2)];
    const sc = (mode: 'practice' | 'test') => scoreAttempt(lesson, mode, tries).questions.find((s) => s.question.type === 'single-choice')!;
    expect(sc('practice')).toMatchObject({ fraction: 0, counting: { try: 1 }, others: [{ try: 2 }] });
    expect(sc('test')).toMatchObject({ fraction: 1, counting: { try: 2 }, others: [] });
  });
});

describe('live mode', () => {
  const live = behaviourOf('live');
  const ids = ['q1', 'q2'];
  const step = (state: LiveState, command: LiveCommand): LiveState => {
    const next = liveTransition(state, command, ids, 1000);
    if ('refused' in next) throw new Error(next.refused);
    return next;
  };

  it('holds everything until the teacher reveals; the latest answer of a round counts', () => {
    const q = fixtureQuestion('single-choice');
    expect(live.shown(q, grade(q, { optionId: q.key }), 1, 'seed', { finished: false })).toBeNull();
    expect(live.reviewVisible({ finished: false, released: false })).toBe(false);
    expect(live.reviewVisible({ finished: false, released: true })).toBe(true);
    expect(live.counting([{ try: 1 }, { try: 3 }, { try: 2 }])).toEqual({ try: 3 });
  });

  it('walks a question through two rounds: show, answer, lock, round 2, reveal', () => {
    let s = initialLiveState();
    expect(liveTransition(s, { type: 'lock' }, ids, 0)).toEqual({ refused: 'Show a question first.' });
    s = step(s, { type: 'show-question', questionId: 'q1' });
    expect(live.mayAnswer(liveAttemptState(s, 'q1', 1, 0))).toBe(true);
    expect(live.mayAnswer(liveAttemptState(s, 'q1', 2, 0))).toBe(false);
    expect(live.mayAnswer(liveAttemptState(s, 'q2', 1, 0))).toBe(false);
    s = step(s, { type: 'lock' });
    expect(live.mayAnswer(liveAttemptState(s, 'q1', 1, 0))).toBe(false);
    s = step(s, { type: 'new-round' });
    expect(s).toMatchObject({ round: 2, phase: 'answering' });
    expect(live.mayAnswer(liveAttemptState(s, 'q1', 1, 0))).toBe(false);
    expect(live.mayAnswer(liveAttemptState(s, 'q1', 2, 0))).toBe(true);
    s = step(s, { type: 'reveal' });
    expect(live.reviewVisible(liveAttemptState(s, 'q1', 2, 0))).toBe(true);
    expect(liveTransition(s, { type: 'unlock' }, ids, 0)).toHaveProperty('refused');
    // Another question, then back: the first keeps its round and its reveal.
    s = step(s, { type: 'show-question', questionId: 'q2' });
    expect(s).toMatchObject({ questionId: 'q2', round: 1, phase: 'answering' });
    s = step(s, { type: 'show-question', questionId: 'q1' });
    expect(s).toMatchObject({ questionId: 'q1', round: 2, phase: 'revealed' });
    s = step(s, { type: 'end' });
    expect(liveTransition(s, { type: 'reveal' }, ids, 0)).toHaveProperty('refused');
    expect(liveTransition(initialLiveState(), { type: 'show-question', questionId: 'nope' }, ids, 0)).toHaveProperty('refused');
  });

  it('no timer unless started; a timer that runs out closes the answers like a lock', () => {
    let s = step(initialLiveState(), { type: 'show-question', questionId: 'q1' });
    expect(s.timerEndsAt).toBeNull();
    s = step(s, { type: 'start-timer', seconds: 30 });
    expect(s.timerEndsAt).toBe(31_000);
    expect(effectivePhase(s, 30_999)).toBe('answering');
    expect(effectivePhase(s, 31_000)).toBe('locked');
    expect(live.mayAnswer(liveAttemptState(s, 'q1', 1, 31_000))).toBe(false);
  });

  it('takes cited sentences with closed types only', () => {
    expect(liveRules.takesCites(fixtureQuestion('single-choice'))).toBe(true);
    expect(liveRules.takesCites(fixtureQuestion('open'))).toBe(false);
    expect(liveRules.takesCites(fixtureQuestion('highlight'))).toBe(false);
  });
});
