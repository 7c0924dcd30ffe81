// What the question types share: the interface each implements, and small helpers for public
// views, answer parsing, feedback and grade results.
import type { z } from 'zod';
import type { Localized, Misconception, QuestionOf as FileQuestion, QuestionType, Quote } from '../format.ts';
import { joinTexts } from '../localized.ts';
import type {
  AnswerError,
  AnswerOf,
  Feedback,
  FeedbackItem,
  Graded,
  Option,
  ParseResult,
  PublicQuestionOf,
  Question,
  QuestionOfType,
  Review,
} from '../model.ts';
import type { AnswerModule } from './answers/common.ts';
import { clampFraction } from '../numbers.ts';
import { shuffled, tokensFor, type Tokens } from '../shuffle.ts';

/** A problem with a question's key, found by the checker; path is relative to the question. */
export interface KeyProblem {
  path: (string | number)[];
  message: string;
}

/** One class of answers in a question's answer distribution (Moodle's classify_response): an
 * option, an item in a category or position, a pair, a value or a sentence. */
export interface ResponseClass {
  /** Option, category, right-hand label, value or sentence id, as written in the lesson. */
  value: string;
  label: Localized | string;
  correct: boolean;
  misconception?: Misconception;
}

export type Path = (string | number)[];
/** The loader's quote resolution, as a type module uses it to resolve its own fields. */
export interface QuoteResolver {
  /** Sentence ids of all quotes, distinct, in reading order; problems are collected, not thrown. */
  quotes(quotes: readonly Quote[] | undefined, path: Path): string[];
  /** An option, item or band with its `cites` quotes resolved. */
  feedback<F extends { cites?: Quote[] }>(entry: F, path: Path): Omit<F, 'cites'> & Feedback;
  /** Every sentence id of the article. */
  readonly selectable: string[];
}

/**
 * A question type: everything that depends on the type, and nothing that depends on the mode.
 * The answer half (AnswerModule) is shared with the client; this adds what only the server runs.
 */
export interface QuestionTypeModule<T extends QuestionType> extends AnswerModule<T> {
  type: T;
  /** The public answer shape (ids are per-attempt tokens). */
  answerSchema: z.ZodType<AnswerOf<T>>;
  /** The lesson file's question with its quotes resolved to sentence ids. */
  resolve(question: FileQuestion<T>, resolver: QuoteResolver, path: Path): QuestionOfType<T>;
  /** What a learner is shown: no key, no feedback, lists shuffled and ids tokenized per attempt. */
  publicView(question: QuestionOfType<T>, seed: string): PublicQuestionOf<T>;
  /** Public answer -> canonical answer with the lesson's own ids, or what is wrong with it. */
  parse(question: QuestionOfType<T>, seed: string, raw: unknown): ParseResult<AnswerOf<T>>;
  /** Canonical answer -> the tokens of this attempt, to show a saved answer back. */
  toPublic(question: QuestionOfType<T>, seed: string, answer: AnswerOf<T>): AnswerOf<T>;
  grade(question: QuestionOfType<T>, answer: AnswerOf<T>): Graded;
  /** The key in the public form of this attempt; null where there is none (open). */
  key(question: QuestionOfType<T>, seed: string): AnswerOf<T> | null;
  /** What the review shows besides key and explanation (a scale's range, an open question's model answer). */
  reviewExtras(question: QuestionOfType<T>): Pick<Review, 'accepted' | 'modelAnswer'>;
  /** Problems with the key: a missing option or item, a duplicate id, an impossible range. */
  validateKey(question: QuestionOfType<T>): KeyProblem[];
  /** Every class of answer a report lists for this question, even those no one gave. */
  possibleResponses(question: QuestionOfType<T>, sentenceText: (id: string) => string): ResponseClass[];
  /** The classes one (canonical) answer falls in: one per option, item, pair, value or sentence. */
  classify(question: QuestionOfType<T>, answer: AnswerOf<T>, sentenceText: (id: string) => string): ResponseClass[];
  /** For the time estimate (lessons/timing.ts): the type's own texts on screen before answering,
   *  the feedback texts of which one is shown after, and the seconds it takes to answer. */
  workload(question: QuestionOfType<T>): Workload;
}

/** What a question asks of a reader beyond its prompt, intro, explanation and outcomes. */
export interface Workload {
  shown: readonly (Localized | undefined)[];
  feedback: readonly (Localized | undefined)[];
  answerSeconds: number;
}

/** Seconds to place one item (categorize, order, match), on top of the type's base time. */
export const ITEM_SECONDS = 12;

/** The workload of a list of options or items: their texts, and the feedback each carries. */
export function listWorkload(list: readonly { text: Localized; feedback?: Localized }[], answerSeconds: number, shown: readonly Localized[] = []): Workload {
  return { shown: [...list.map((o) => o.text), ...shown], feedback: list.map((o) => o.feedback).filter((f) => f !== undefined), answerSeconds };
}

/** The fields every type resolves the same way: focus and explanation quotes. */
export function resolvedBase<Q extends { focus?: Quote[]; cites: Quote[] }>(q: Q, r: QuoteResolver, path: Path) {
  return { ...q, focus: r.quotes(q.focus, [...path, 'focus']), cites: r.quotes(q.cites, [...path, 'cites']) };
}

/** Options or items with their feedback quotes resolved. */
export function resolvedOptions<O extends { cites?: Quote[] }>(list: readonly O[], r: QuoteResolver, path: Path) {
  return list.map((o, i) => r.feedback(o, [...path, i]));
}

export const noExtras = () => ({});

// A question's possible responses, by value: listed once per question (a lesson version's
// questions never change), not again for every answer a report classifies.
const possibleByValue = new WeakMap<object, Map<string, ResponseClass>>();

/** The classes of an answer to question `q` among those its type lists beforehand (`possible`),
 * by value, in the answer's order. */
export function classesOf(q: object, possible: () => readonly ResponseClass[], values: readonly string[]): ResponseClass[] {
  let byValue = possibleByValue.get(q);
  if (!byValue) {
    byValue = new Map(possible().map((c) => [c.value, c]));
    possibleByValue.set(q, byValue);
  }
  return values.flatMap((v) => byValue.get(v) ?? []);
}

export const arrow = (a: Localized, b: Localized): Localized => joinTexts(a, b, ' → ');

export function publicBase(q: Question) {
  const base = { id: q.id, type: q.type, skill: q.skill, prompt: q.prompt, focus: q.focus, points: q.points };
  return q.intro ? { ...base, intro: q.intro } : base;
}

/** The shuffled, tokenized form of a list of options or items. */
export function publicChoices(list: readonly Option[], seed: string, q: Question, name: string) {
  const tokens = tokensFor(seed, q.id, list.map((o) => o.id));
  return shuffled(list, seed, q.id, name).map((o) => ({ id: tokens.token(o.id), text: o.text }));
}

export function tokensOf(list: readonly { id: string }[], seed: string, q: Question): Tokens {
  return tokensFor(seed, q.id, list.map((o) => o.id));
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
  const clamped = fraction === null ? null : clampFraction(fraction);
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
