// One attempt's answers in one place: what the learner entered, the drafts this browser keeps
// until the server has them, the sync that sends them (debounced, retried with the same
// Idempotency-Key), and in practice each check's feedback. The runner's components read from it.
import { createSignal } from 'solid-js';
import type { Answer, Graded, PracticeReveal, PublicQuestion } from '../../../../server/api-types.ts';
import type { AttemptView, SaveResponseResult } from '../../lib/api.ts';
import { createAnswerSync } from '../../lib/answer-sync.ts';
import { forgetAttempt, loadDrafts, storeDrafts } from '../../lib/attempts-store.ts';
import { initialAnswer } from '../../../../lessons/types/answers/index.ts';
import { isAnswered } from '../questions/index.tsx';

/** The answer a question has before the learner touches it: its type decides (an order question shows an order). */
export function effectiveAnswer(q: PublicQuestion, answer: Answer | undefined): Answer | undefined {
  return initialAnswer(q, answer);
}

export type PracticeFeedback = Graded & PracticeReveal;

function gradedOf(r: Partial<Graded> & PracticeReveal): PracticeFeedback | undefined {
  if (r.fraction === undefined) return undefined;
  return {
    fraction: r.fraction,
    feedback: r.feedback ?? [],
    anchors: r.anchors ?? [],
    ...(r.wrong?.length ? { wrong: r.wrong } : {}),
    ...(r.explanation ? { explanation: r.explanation } : {}),
  };
}

export interface AttemptSessionOptions {
  save: (questionId: string, answer: Answer, idempotencyKey: string) => Promise<SaveResponseResult>;
  finish: () => Promise<unknown>;
  /** Milliseconds of quiet before a test answer is sent, and the backoff of retries (tests shorten them). */
  delay?: number;
  retryDelay?: (n: number) => number;
  /** How long finishing waits for unsaved answers before it gives up and says so. */
  flushTimeout?: number;
}

export type FinishOutcome = 'finished' | 'not-saved';

export function createAttemptSession(attempt: AttemptView, { save, finish, delay, retryDelay, flushTimeout = 15_000 }: AttemptSessionOptions) {
  const practice = attempt.mode === 'practice';
  let drafts = loadDrafts<Answer>(attempt.id);
  const [answers, setAnswers] = createSignal<Record<string, Answer>>({
    ...Object.fromEntries(attempt.responses.map((r) => [r.questionId, r.answer])),
    ...drafts,
  });
  const [submitted, setSubmitted] = createSignal<Set<string>>(new Set(attempt.responses.map((r) => r.questionId)));
  const [graded, setGraded] = createSignal<Record<string, PracticeFeedback | undefined>>(
    // a question edited after "Probeer opnieuw" (a draft) is being retried: its old feedback stays hidden
    practice ? Object.fromEntries(attempt.responses.filter((r) => !drafts[r.questionId]).map((r) => [r.questionId, gradedOf(r)])) : {},
  );
  const [retried, setRetried] = createSignal<Set<string>>(new Set());
  const [finishing, setFinishing] = createSignal(false);

  const keepDraft = (questionId: string, answer: Answer | undefined) => {
    drafts = { ...drafts };
    if (answer) drafts[questionId] = answer;
    else delete drafts[questionId];
    storeDrafts(attempt.id, drafts);
  };

  const sync = createAnswerSync({
    save,
    delay,
    retryDelay,
    onSaved: (questionId, _answer, result) => {
      keepDraft(questionId, undefined);
      setSubmitted((s) => new Set(s).add(questionId));
      if (practice) setGraded((g) => ({ ...g, [questionId]: gradedOf(result) }));
    },
  });

  // a test's drafts that never reached the server are sent again on load
  if (!practice) for (const [questionId, answer] of Object.entries(drafts)) void sync.change(questionId, answer).catch(() => {});

  const answer = (q: PublicQuestion) => answers()[q.id];
  const checking = (q: PublicQuestion) => {
    const state = sync.states[q.id];
    return practice && (state === 'pending' || state === 'saving' || (state === 'failed' && !!sync.errors[q.id]?.retryable));
  };

  return {
    practice,
    questions: attempt.questions,
    answer,
    graded: (q: PublicQuestion) => graded()[q.id],
    retried: (q: PublicQuestion) => retried().has(q.id),
    /** Practice counts a question once checked; a test once it has an answer. */
    isDone: (q: PublicQuestion) => (practice ? submitted().has(q.id) : isAnswered(q, answers()[q.id])),
    checking,
    canCheck: (q: PublicQuestion) => isAnswered(q, effectiveAnswer(q, answer(q))) && !checking(q),
    /** The save's failure for a question, when it failed. */
    failure: (q: PublicQuestion) => (sync.states[q.id] === 'failed' ? sync.errors[q.id] : undefined),
    /** The test's save line: anything failed, anything on its way, or all saved ('' before the first answer). */
    saveStatus(): 'failed' | 'saving' | 'saved' | '' {
      const states = Object.values(sync.states);
      if (states.some((s) => s === 'failed')) return 'failed';
      if (states.some((s) => s === 'saving' || s === 'pending')) return 'saving';
      return states.length ? 'saved' : '';
    },
    unsaved: sync.unsaved,
    finishing,

    /** The learner changed an answer: kept as a draft at once, and in a test sent after a pause. */
    change(q: PublicQuestion, next: Answer) {
      setAnswers((a) => ({ ...a, [q.id]: next }));
      keepDraft(q.id, next);
      if (!practice) void sync.change(q.id, next).catch(() => {});
    },

    /** Practice: sends the answer now; resolves with its feedback (rejects when the server refused it). */
    async check(q: PublicQuestion): Promise<PracticeFeedback | undefined> {
      const next = effectiveAnswer(q, answer(q));
      if (!next) return undefined;
      setAnswers((a) => ({ ...a, [q.id]: next }));
      return gradedOf(await sync.change(q.id, next, { immediate: true }));
    },

    /** Practice: hides the feedback so the learner can answer again (the first try still counts). */
    tryAgain(q: PublicQuestion) {
      setGraded((g) => ({ ...g, [q.id]: undefined }));
      setRetried((s) => new Set(s).add(q.id));
    },

    /** Sends what is unsaved, then finishes; 'not-saved' when some answer could not be saved in time. */
    async finish(): Promise<FinishOutcome> {
      setFinishing(true);
      try {
        const timeout = new Promise<boolean>((r) => setTimeout(() => r(false), flushTimeout));
        if (!(await Promise.race([sync.flush(), timeout]))) {
          setFinishing(false);
          return 'not-saved';
        }
        await finish();
      } catch (e) {
        setFinishing(false);
        throw e;
      }
      drafts = {};
      storeDrafts(attempt.id, drafts);
      forgetAttempt(attempt.id);
      return 'finished';
    },

    dispose: () => sync.dispose(),
  };
}

export type AttemptSession = ReturnType<typeof createAttemptSession>;
