// A student's answer to the current question of a live lesson: the draft they are editing, the
// sentences they cite, and sending it (retried while the question and round stay the same). A new
// question starts empty; a new round of the same question starts from their last answer, not yet
// sent; an answer the server already has (after a reload or on another tab) is shown as saved.
import { createComputed, createSignal, on, untrack } from 'solid-js';
import type { Answer, PublicQuestion } from '../../../../server/api-types.ts';
import { initialAnswer, isComplete } from '../../../../lessons/types/answers/index.ts';
import { ApiError } from '../../lib/api.ts';
import type { LiveStudentView } from '../../lib/live-types.ts';

export type SendStatus = 'idle' | 'sending' | 'saved' | 'retrying' | 'failed' | 'refused';

interface Draft {
  questionId: string | null;
  round: number;
  answer: Answer | undefined;
  cites: string[];
  /** Changed (or carried over from the last round) and not yet sent. */
  unsent: boolean;
  /** Carried over from the previous round. */
  carried: boolean;
  /** When this page had it acknowledged; null for an answer the server had already. */
  savedAt: string | null;
}

const empty: Draft = { questionId: null, round: 0, answer: undefined, cites: [], unsent: false, carried: false, savedAt: null };

export interface LiveAnswerOptions {
  save: (questionId: string, body: { round: number; answer: Answer; cites: string[] }) => Promise<unknown>;
  /** The pause before retry n (1-based); tests shorten it. */
  retryDelay?: (n: number) => number;
  retries?: number;
}

export function createLiveAnswer(view: () => LiveStudentView | null | undefined, { save, retryDelay = (n) => 500 * 2 ** n, retries = 5 }: LiveAnswerOptions) {
  const [draft, setDraft] = createSignal<Draft>(empty);
  const [status, setStatus] = createSignal<SendStatus>('idle');
  const [refusal, setRefusal] = createSignal<ApiError | null>(null);

  const same = (a: { answer: Answer | undefined; cites: string[] }, b: { answer: Answer; cites: string[] }) =>
    JSON.stringify([a.answer, a.cites]) === JSON.stringify([b.answer, b.cites]);

  // a computation, not an effect: the draft follows the question before anything renders it, so a
  // renderer never receives the previous question's answer (another type's shape)
  createComputed(
    on(
      () => {
        const v = view();
        return v ? ([v.state.questionId, v.state.round, v.answer, v.question] as const) : null;
      },
      (now) => {
        if (!now) return;
        const [questionId, round, mine, question] = now;
        const current = untrack(draft);
        if (current.questionId !== questionId || current.round !== round) {
          setStatus(mine ? 'saved' : 'idle');
          setRefusal(null);
          if (mine) return setDraft({ questionId, round, answer: mine.answer, cites: mine.cites, unsent: false, carried: false, savedAt: null });
          if (current.questionId === questionId && questionId && current.answer !== undefined) {
            return setDraft({ ...current, round, unsent: true, carried: true, savedAt: null });
          }
          return setDraft({ ...empty, questionId, round, answer: question ? initialAnswer(question) : undefined });
        }
        // the server has an answer this page did not send (another tab): show it unless editing
        if (mine && !current.unsent && !same(current, mine)) {
          setDraft({ ...current, answer: mine.answer, cites: mine.cites, savedAt: null });
          setStatus('saved');
        }
      },
    ),
  );

  const current = () => {
    const v = view();
    return !!v && draft().questionId === v.state.questionId && draft().round === v.state.round;
  };

  const change = (answer: Answer) => {
    setDraft((d) => ({ ...d, answer, unsent: true, carried: false }));
    if (status() !== 'sending' && status() !== 'retrying') setStatus('idle');
  };
  const cite = (cites: string[]) => {
    setDraft((d) => ({ ...d, cites, unsent: true, carried: false }));
    if (status() !== 'sending' && status() !== 'retrying') setStatus('idle');
  };

  const canSend = (q: PublicQuestion | null | undefined) => {
    const v = view();
    return !!q && v?.state.phase === 'answering' && current() && isComplete(q, draft().answer) && status() !== 'sending' && status() !== 'retrying';
  };

  /** Sends the draft; resolves true once the server has it. */
  async function send(): Promise<boolean> {
    const d = draft();
    if (!d.questionId || d.answer === undefined) return false;
    const body = { round: d.round, answer: d.answer, cites: d.cites };
    const same = () => draft().questionId === d.questionId && draft().round === d.round;
    setRefusal(null);
    setStatus('sending');
    for (let attempt = 0; ; attempt++) {
      try {
        await save(d.questionId, body);
        if (!same()) return false;
        // a change typed while sending stays unsent
        const changed = draft().answer !== d.answer || draft().cites !== d.cites;
        setDraft((x) => ({ ...x, unsent: changed, carried: false, savedAt: new Date().toISOString() }));
        setStatus(changed ? 'idle' : 'saved');
        return true;
      } catch (error) {
        if (!same()) return false;
        const retryable = error instanceof ApiError ? error.retryable : false;
        if (!retryable || attempt >= retries) {
          setRefusal(error instanceof ApiError ? error : null);
          setStatus(retryable ? 'failed' : 'refused');
          return false;
        }
        setStatus('retrying');
        await new Promise((r) => setTimeout(r, retryDelay(attempt + 1)));
        if (!same()) return false;
      }
    }
  }

  return {
    /** The draft, only while it belongs to the question and round on screen. */
    answer: () => (current() ? draft().answer : undefined),
    cites: () => (current() ? draft().cites : []),
    unsent: () => draft().unsent,
    carried: () => draft().carried,
    savedAt: () => draft().savedAt,
    status,
    refusal,
    change,
    cite,
    canSend,
    send,
  };
}
