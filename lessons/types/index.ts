// The registry of question types and the functions the server calls on any question: resolve,
// public view, answer parsing, grading, review, answer classes. Each asks the question's type
// module; nothing here or outside lessons/types/ knows what a type does.
import type { QuestionOf as FileQuestion, QuestionType } from '../format.ts';
import type { Answer, Graded, ParseResult, PublicQuestion, Question, Review } from '../model.ts';
import { categorize } from './categorize.ts';
import type { KeyProblem, Path, QuestionTypeModule, QuoteResolver, ResponseClass, Workload } from './common.ts';
import { highlight } from './highlight.ts';
import { match } from './match.ts';
import { multipleChoice } from './multiple-choice.ts';
import { open } from './open.ts';
import { order } from './order.ts';
import { scale } from './scale.ts';
import { singleChoice } from './single-choice.ts';
import { wrongParts } from './answers/index.ts';

export type { KeyProblem, Path, QuestionTypeModule, QuoteResolver, ResponseClass } from './common.ts';
export { scoreOpen } from './open.ts';
export { summarise } from './answers/index.ts';

export const questionTypes: { [T in QuestionType]: QuestionTypeModule<T> } = {
  'single-choice': singleChoice,
  'multiple-choice': multipleChoice,
  highlight,
  categorize,
  order,
  match,
  scale,
  open,
};

function moduleOf<T extends QuestionType>(type: T): QuestionTypeModule<T> {
  const module = questionTypes[type];
  if (!module) throw new Error(`unknown question type '${String(type)}'`);
  return module;
}

/** A lesson file's question with its quotes resolved to sentence ids (the loader's step). */
export function resolveQuestion(q: FileQuestion<QuestionType>, resolver: QuoteResolver, path: Path): Question {
  return moduleOf(q.type).resolve(q, resolver, path);
}

/** The question as a learner sees it in the attempt with this seed. */
export function publicQuestion(q: Question, seed: string): PublicQuestion {
  return moduleOf(q.type).publicView(q, seed);
}

/** A learner's answer (in the attempt's tokens) -> the canonical answer, or the fields at fault. */
export function parseAnswer(q: Question, seed: string, raw: unknown): ParseResult<Answer> {
  return moduleOf(q.type).parse(q, seed, raw);
}

/** Grade a canonical answer: fraction in [0,1] (null for open), feedback, anchors. */
export function grade(q: Question, answer: Answer): Graded {
  return moduleOf(q.type).grade(q, answer);
}

/** The grade with the parts the key disagrees with named in this attempt's tokens (see Graded.wrong):
 *  what the learner may be shown once their behaviour shows the grade at all. */
export function gradeForLearner(q: Question, seed: string, answer: Answer): Graded {
  const graded = grade(q, answer);
  const key = moduleOf(q.type).key(q, seed);
  if (graded.fraction === null || graded.fraction >= 1 || key === null) return graded;
  const wrong = wrongParts(q, toPublicAnswer(q, seed, answer), key);
  return wrong.length ? { ...graded, wrong } : graded;
}

/** A canonical answer in this attempt's tokens, to show a saved answer back to its learner. */
export function toPublicAnswer(q: Question, seed: string, answer: Answer): Answer {
  return moduleOf(q.type).toPublic(q, seed, answer);
}

/** The key, explanation and cited sentences, in this attempt's tokens: only once the behaviour allows. */
export function review(q: Question, seed: string): Review {
  const module = moduleOf(q.type);
  return { questionId: q.id, explanation: q.explanation, anchors: [...q.cites], key: module.key(q, seed), ...module.reviewExtras(q) };
}

/** The question's own texts and answering time, for the time estimate of lessons/timing.ts. */
export function workload(q: Question): Workload {
  return moduleOf(q.type).workload(q);
}

/** Whether answers to this question wait for a teacher's grade instead of being graded at once. */
export function teacherGraded(q: Question): boolean {
  return moduleOf(q.type).teacherGraded;
}

export function validateKey(q: Question): KeyProblem[] {
  return moduleOf(q.type).validateKey(q);
}

/** Every class of answer a report lists for this question. */
export function possibleResponses(q: Question, sentenceText: (id: string) => string): ResponseClass[] {
  return moduleOf(q.type).possibleResponses(q, sentenceText);
}

/** The classes a canonical answer falls in. */
export function classify(q: Question, answer: Answer, sentenceText: (id: string) => string): ResponseClass[] {
  return moduleOf(q.type).classify(q, answer, sentenceText);
}
