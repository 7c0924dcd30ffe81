// Live (peer instruction, teacher-paced): the teacher shows one question at a time; students answer
// on their own device and may mark the sentences that support their answer; the teacher locks the
// answers, reveals the key, or opens another round of the same question after a discussion. Nothing
// graded, no key and no feedback reach a student before the reveal; the latest answer of a round
// counts (answers close at the lock); no speed points, no timer unless the teacher starts one.
import { teacherGraded } from '../types/index.ts';
import type { Question } from '../model.ts';
import { byTry, type AttemptState, type Behaviour } from './behaviour.ts';

export type LivePhase = 'answering' | 'locked' | 'revealed';

/** The teacher-paced state of a session, as stored. */
export interface LiveState {
  /** The question on screen; null: the lobby, before the first question. */
  questionId: string | null;
  round: number;
  phase: LivePhase;
  /** Rounds and phases of the questions shown before, kept while another is shown. */
  questionStates: Record<string, { round: number; phase: LivePhase }>;
  /** Whether the projector shows the answer split and the heat map of cited sentences. */
  showResults: boolean;
  /** Milliseconds since the epoch; null: no timer. */
  timerEndsAt: number | null;
  ended: boolean;
}

export type LiveCommand =
  | { type: 'show-question'; questionId: string }
  | { type: 'lock' }
  | { type: 'unlock' }
  | { type: 'reveal' }
  | { type: 'new-round' }
  | { type: 'show-results'; show: boolean }
  | { type: 'start-timer'; seconds: number }
  | { type: 'stop-timer' }
  | { type: 'end' };

/** At most this many rounds of one question: vote, discuss, vote again, and a few more. */
export const LIVE_ROUNDS_MAX = 9;

export const initialLiveState = (): LiveState => ({
  questionId: null,
  round: 1,
  phase: 'answering',
  questionStates: {},
  showResults: false,
  timerEndsAt: null,
  ended: false,
});

/** The phase as participants live it: a timer that has run out closes the answers like a lock. */
export function effectivePhase(state: Pick<LiveState, 'phase' | 'timerEndsAt'>, now: number): LivePhase {
  return state.phase === 'answering' && state.timerEndsAt !== null && state.timerEndsAt <= now ? 'locked' : state.phase;
}

/** What the question `questionId` in round `round` is, for the behaviour's rules. */
export function liveAttemptState(state: LiveState, questionId: string, round: number, now: number): AttemptState {
  const current = state.questionId === questionId && state.round === round;
  // A question not on screen is closed; its reveal (if any) stays shown.
  const phase = state.questionId === questionId ? effectivePhase(state, now) : (state.questionStates[questionId]?.phase ?? 'locked');
  return { finished: state.ended, closed: !current || phase !== 'answering', release: 'manual', released: phase === 'revealed' };
}

/**
 * The state after a teacher's command, or why the command does not fit now (a conflict). Pure:
 * the server stores the result only if no other command changed the state in between.
 */
export function liveTransition(state: LiveState, command: LiveCommand, questionIds: readonly string[], now: number): LiveState | { refused: string } {
  if (state.ended) return { refused: 'The session has ended.' };
  const needsQuestion = (): { refused: string } | null => (state.questionId === null ? { refused: 'Show a question first.' } : null);
  switch (command.type) {
    case 'show-question': {
      if (!questionIds.includes(command.questionId)) return { refused: 'The lesson has no such question.' };
      const questionStates = { ...state.questionStates };
      if (state.questionId !== null) questionStates[state.questionId] = { round: state.round, phase: state.phase };
      const next = questionStates[command.questionId] ?? { round: 1, phase: 'answering' as const };
      delete questionStates[command.questionId];
      return { ...state, questionId: command.questionId, round: next.round, phase: next.phase, questionStates, showResults: false, timerEndsAt: null };
    }
    case 'lock':
      return needsQuestion() ?? (state.phase !== 'answering' ? { refused: 'The answers are already closed.' } : { ...state, phase: 'locked', timerEndsAt: null });
    case 'unlock':
      if (needsQuestion()) return needsQuestion()!;
      // After the reveal the key is out: answers given then would not be votes.
      return state.phase !== 'locked' ? { refused: 'Only locked answers can be opened again.' } : { ...state, phase: 'answering', timerEndsAt: null };
    case 'reveal':
      return needsQuestion() ?? (state.phase === 'revealed' ? { refused: 'The key is already shown.' } : { ...state, phase: 'revealed', timerEndsAt: null });
    case 'new-round':
      if (needsQuestion()) return needsQuestion()!;
      if (state.round >= LIVE_ROUNDS_MAX) return { refused: `At most ${LIVE_ROUNDS_MAX} rounds per question.` };
      return { ...state, round: state.round + 1, phase: 'answering', showResults: false, timerEndsAt: null };
    case 'show-results':
      return needsQuestion() ?? { ...state, showResults: command.show };
    case 'start-timer':
      if (needsQuestion()) return needsQuestion()!;
      return state.phase !== 'answering' ? { refused: 'A timer runs only while answers are open.' } : { ...state, timerEndsAt: now + command.seconds * 1000 };
    case 'stop-timer':
      return { ...state, timerEndsAt: null };
    case 'end':
      return { ...state, ended: true, timerEndsAt: null };
  }
}

export const live: Behaviour & {
  /** Whether a participant may mark supporting sentences with an answer: closed (automatically
   * graded) types, but not highlight, whose answer is sentences already. */
  takesCites(q: Question): boolean;
} = {
  mode: 'live',
  mayAnswer: ({ finished, closed = false }) => !finished && !closed,
  shown(_q, graded, _try, _seed, state) {
    return live.reviewVisible(state) ? graded : null;
  },
  // The latest answer of a round counts: a participant may change it until the lock.
  counting: (tries) => byTry(tries).at(-1),
  alsoShown: () => [],
  // The teacher reveals the key, the explanation and the cited sentences: until then nothing.
  reviewVisible: ({ released = false }) => released,
  holdsKey: true,
  releasable: true,
  takesCites: (q) => !teacherGraded(q) && q.type !== 'highlight',
};
