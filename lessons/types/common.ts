// What the question types share: the interface each implements, and small helpers for public
// views, answer parsing, feedback and grade results.
import type { z } from 'zod';
import type { Localized } from '../format.ts';
import type {
  Answer,
  AnswerError,
  Feedback,
  FeedbackItem,
  Graded,
  Option,
  ParseResult,
  PublicQuestion,
  Question,
} from '../model.ts';
import { shuffled, Tokens } from '../shuffle.ts';

/** A problem with a question's key, found by the checker; path is relative to the question. */
export interface KeyProblem {
  path: (string | number)[];
  message: string;
}

export interface QuestionTypeModule<Q extends Question, A extends Answer> {
  type: Q['type'];
  /** The public answer shape (ids are per-attempt tokens). */
  answerSchema: z.ZodType<A>;
  /** What a learner is shown: no key, no feedback, lists shuffled and ids tokenized per attempt. */
  publicView(question: Q, seed: string): PublicQuestion;
  /** Public answer -> canonical answer with the lesson's own ids, or what is wrong with it. */
  parse(question: Q, seed: string, raw: unknown): ParseResult<A>;
  /** Canonical answer -> the tokens of this attempt, to show a saved answer back. */
  toPublic(question: Q, seed: string, answer: A): A;
  grade(question: Q, answer: A): Graded;
  /** The key in the public form of this attempt; null where there is none (open). */
  key(question: Q, seed: string): Answer | null;
  /** Problems with the key: a missing option or item, a duplicate id, an impossible range. */
  validateKey(question: Q): KeyProblem[];
}

export function publicBase(q: Question) {
  const base = { id: q.id, type: q.type, skill: q.skill, prompt: q.prompt, focus: q.focus, points: q.points };
  return q.intro ? { ...base, intro: q.intro } : base;
}

/** The shuffled, tokenized form of a list of options or items. */
export function publicChoices(list: readonly Option[], seed: string, q: Question, name: string) {
  const tokens = new Tokens(seed, q.id, list.map((o) => o.id));
  return shuffled(list, seed, q.id, name).map((o) => ({ id: tokens.token(o.id), text: o.text }));
}

export function tokensOf(list: readonly { id: string }[], seed: string, q: Question): Tokens {
  return new Tokens(seed, q.id, list.map((o) => o.id));
}

/** Validate the raw answer against the type's schema; errors carry dotted paths. */
export function parseShape<A>(schema: z.ZodType<A>, raw: unknown): ParseResult<A> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, answer: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  };
}

export function fail(errors: AnswerError[]): ParseResult<never> {
  return { ok: false, errors };
}

export function duplicates<T>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  const dup = new Set<T>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

export function feedbackItem(text: Localized, from: Feedback = {}): FeedbackItem {
  return {
    text,
    ...(from.misconception ? { misconception: from.misconception } : {}),
    anchors: from.cites ?? [],
  };
}

/** Feedback of an option or item, when it has any. */
export function ownFeedback(from: Feedback | undefined): FeedbackItem[] {
  return from?.feedback ? [feedbackItem(from.feedback, from)] : [];
}

/** The outcome text for a fraction: full only at exactly 1, none at 0, partial between. */
export function outcomeFeedback(
  outcomes: { full: Localized; partial?: Localized; none: Localized },
  fraction: number,
  cites: string[],
): FeedbackItem {
  const text = fraction >= 1 ? outcomes.full : fraction <= 0 ? outcomes.none : (outcomes.partial ?? outcomes.none);
  return { text, anchors: cites };
}

/** The grade with its anchors: every sentence the feedback and the explanation cite. */
export function graded(q: Question, fraction: number | null, feedback: FeedbackItem[]): Graded {
  const anchors = [...new Set([...feedback.flatMap((f) => f.anchors), ...q.cites])];
  const clamped = fraction === null ? null : Math.min(1, Math.max(0, fraction));
  return { fraction: clamped, feedback, anchors };
}

/** Categorize and match: the share of items assigned as the key says; an unassigned item is
 * wrong. Feedback: the outcome, then each wrongly assigned item's own feedback. */
export function gradeAssignments(
  q: Question & { outcomes: { full: Localized; partial?: Localized; none: Localized } },
  items: readonly Option[],
  given: Readonly<Record<string, string>>,
  key: Readonly<Record<string, string>>,
): Graded {
  const wrong = items.filter((item) => !Object.hasOwn(given, item.id) || given[item.id] !== key[item.id]);
  const fraction = (items.length - wrong.length) / items.length;
  return graded(q, fraction, [outcomeFeedback(q.outcomes, fraction, []), ...wrong.flatMap(ownFeedback)]);
}

export function uniqueIdProblems(list: readonly { id: string }[], name: string): KeyProblem[] {
  return duplicates(list.map((o) => o.id)).map((id) => ({
    path: [name, list.findIndex((o) => o.id === id), 'id'],
    message: `duplicate id '${id}' in ${name}`,
  }));
}

/** Ids of a public answer that must all be known tokens; maps them to the lesson's ids. */
export function untoken(
  tokens: Tokens,
  values: readonly string[],
  path: string,
  what: string,
  errors: AnswerError[],
): string[] {
  return values.map((value, i) => {
    const id = tokens.id(value);
    if (id === undefined) errors.push({ path: `${path}.${i}`, message: `unknown ${what}` });
    return id ?? '';
  });
}

export const ID_MAX = 64;
