// The registry of question types and the functions the server calls on any question: public
// view, answer parsing, grading, review. Each dispatches on the question's type.
import type { QuestionType } from '../format.ts';
import type { Answer, Graded, ParseResult, PublicQuestion, Question, QuestionOfType, Review } from '../model.ts';
import { categorize } from './categorize.ts';
import type { KeyProblem, QuestionTypeModule } from './common.ts';
import { highlight } from './highlight.ts';
import { match } from './match.ts';
import { multipleChoice } from './multiple-choice.ts';
import { open } from './open.ts';
import { order } from './order.ts';
import { scale } from './scale.ts';
import { singleChoice } from './single-choice.ts';

export type { KeyProblem, QuestionTypeModule } from './common.ts';
export { scoreOpen } from './open.ts';

export const questionTypes: { [T in QuestionType]: QuestionTypeModule<QuestionOfType<T>, Answer> } = {
  'single-choice': singleChoice as QuestionTypeModule<QuestionOfType<'single-choice'>, Answer>,
  'multiple-choice': multipleChoice as QuestionTypeModule<QuestionOfType<'multiple-choice'>, Answer>,
  highlight: highlight as QuestionTypeModule<QuestionOfType<'highlight'>, Answer>,
  categorize: categorize as QuestionTypeModule<QuestionOfType<'categorize'>, Answer>,
  order: order as QuestionTypeModule<QuestionOfType<'order'>, Answer>,
  match: match as QuestionTypeModule<QuestionOfType<'match'>, Answer>,
  scale: scale as QuestionTypeModule<QuestionOfType<'scale'>, Answer>,
  open: open as QuestionTypeModule<QuestionOfType<'open'>, Answer>,
};

function moduleOf(q: Question): QuestionTypeModule<Question, Answer> {
  const module = questionTypes[q.type];
  if (!module) throw new Error(`unknown question type '${String((q as { type: unknown }).type)}'`);
  return module as unknown as QuestionTypeModule<Question, Answer>;
}

/** The question as a learner sees it in the attempt with this seed. */
export function publicQuestion(q: Question, seed: string): PublicQuestion {
  return moduleOf(q).publicView(q, seed);
}

/** A learner's answer (in the attempt's tokens) -> the canonical answer, or the fields at fault. */
export function parseAnswer(q: Question, seed: string, raw: unknown): ParseResult<Answer> {
  return moduleOf(q).parse(q, seed, raw);
}

/** Grade a canonical answer: fraction in [0,1] (null for open), feedback, anchors. */
export function grade(q: Question, answer: Answer): Graded {
  return moduleOf(q).grade(q, answer);
}

/** A canonical answer in this attempt's tokens, to show a saved answer back to its learner. */
export function toPublicAnswer(q: Question, seed: string, answer: Answer): Answer {
  return moduleOf(q).toPublic(q, seed, answer);
}

/** The key, explanation and cited sentences, in this attempt's tokens: only once the mode allows. */
export function review(q: Question, seed: string): Review {
  return {
    questionId: q.id,
    explanation: q.explanation,
    anchors: [...q.cites],
    key: moduleOf(q).key(q, seed),
    ...(q.type === 'scale' ? { accepted: { min: q.key.min, max: q.key.max } } : {}),
    ...(q.type === 'open' ? { modelAnswer: q.modelAnswer } : {}),
  };
}

export function validateKey(q: Question): KeyProblem[] {
  return moduleOf(q).validateKey(q);
}
