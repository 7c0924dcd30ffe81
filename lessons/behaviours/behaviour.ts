// What a behaviour is (Moodle's question behaviours): the rules of a mode. A question type grades
// an answer; the behaviour decides when: what the learner sees after saving, whether another try
// is allowed, which try counts, and when the score, key and review may be shown. An attempt is a
// sequence of steps (responses, then teachers' grades); a behaviour reads them, never writes.
import type { Localized } from '../format.ts';
import type { Graded, Question } from '../model.ts';

export type Mode = 'practice' | 'test' | 'live';
export type ReleasePolicy = 'on-finish' | 'manual';

/** Where an attempt stands, as far as a behaviour cares. */
export interface AttemptState {
  finished: boolean;
  /** Answers closed without finishing (an assignment past its due date). */
  closed?: boolean;
  /** When the review shows: at finish, or once the teacher releases it. */
  release?: ReleasePolicy;
  /** Whether the teacher has released the review (manual policy). */
  released?: boolean;
}

/** What may be read beside a graded answer once it can no longer spoil a retry. */
export interface Reveal {
  explanation?: Localized;
  modelAnswer?: Localized;
}
/** What the learner is shown of one graded try. */
export type Shown = Graded & Reveal;

export interface Behaviour {
  readonly mode: Mode;
  /** Whether the learner may submit an answer now: a first one, another try or a change. */
  mayAnswer(state: AttemptState): boolean;
  /**
   * What the learner sees of try `tryNumber` of a question, graded as `graded`: right after saving
   * it, and when the running attempt is read again. Null: nothing but that it was saved.
   */
  shown(q: Question, graded: Graded, tryNumber: number, seed: string, state: AttemptState): Shown | null;
  /** The try that counts for the score, of one question's tries (any order). */
  counting<R extends { try: number }>(tries: readonly R[]): R | undefined;
  /** The other tries the review lists after the counting one, labelled as not counted. */
  alsoShown<R extends { try: number }>(tries: readonly R[], counting: R): R[];
  /** Whether score, grades, feedback, keys and the review may be shown now. */
  reviewVisible(state: AttemptState): boolean;
  /** Whether the key must stay unseen until the review: a class's test then shuts out other
   * runs of the same lesson, which would show the key before it. */
  readonly holdsKey: boolean;
  /** Whether a teacher may hold the review back and release it later. */
  readonly releasable: boolean;
}

export const byTry = <R extends { try: number }>(tries: readonly R[]): R[] => [...tries].sort((a, b) => a.try - b.try);
