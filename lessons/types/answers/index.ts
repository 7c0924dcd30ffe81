// The answer halves of the question types, and the type-agnostic functions over them that the
// client and the server both call. No function here knows a type: each asks the type's module.
import type { QuestionType } from '../../format.ts';
import type { AnswerOf, PublicQuestionOf } from '../../model.ts';
import { categorizeAnswer } from './categorize.ts';
import type { AnswerModule, SummaryContext } from './common.ts';
import { highlightAnswer } from './highlight.ts';
import { matchAnswer } from './match.ts';
import { multipleChoiceAnswer } from './multiple-choice.ts';
import { openAnswer } from './open.ts';
import { orderAnswer } from './order.ts';
import { scaleAnswer } from './scale.ts';
import { singleChoiceAnswer } from './single-choice.ts';

export type { AnswerModule, SummaryContext } from './common.ts';
export { singleChoiceAnswer, multipleChoiceAnswer, highlightAnswer, categorizeAnswer, orderAnswer, matchAnswer, scaleAnswer, openAnswer };

export const answerTypes: { [T in QuestionType]: AnswerModule<T> } = {
  'single-choice': singleChoiceAnswer,
  'multiple-choice': multipleChoiceAnswer,
  highlight: highlightAnswer,
  categorize: categorizeAnswer,
  order: orderAnswer,
  match: matchAnswer,
  scale: scaleAnswer,
  open: openAnswer,
};

/** Whether answers to this question wait for a teacher (compared with a model answer meanwhile). */
export function isTeacherGraded(q: { type: QuestionType }): boolean {
  return answerTypes[q.type].teacherGraded;
}

/** Whether this question's answer distribution is read position by position. */
export function readsByPosition(q: { type: QuestionType }): boolean {
  return answerTypes[q.type].byPosition;
}

/** Whether an answer to this question says anything. */
export function isComplete<T extends QuestionType>(q: { type: T }, answer: AnswerOf<T> | undefined): boolean {
  return answer !== undefined && answerTypes[q.type].isComplete(answer);
}

/** The learner's answer, or the one the question starts with (an order question's shown order). */
export function initialAnswer<T extends QuestionType>(q: PublicQuestionOf<T>, answer?: AnswerOf<T>): AnswerOf<T> | undefined {
  return answer ?? answerTypes[q.type].initialAnswer(q);
}

/** The parts of an answer the key disagrees with (see AnswerModule.wrongParts). */
export function wrongParts<T extends QuestionType>(q: { type: T }, answer: AnswerOf<T>, key: AnswerOf<T>): string[] {
  return answerTypes[q.type].wrongParts(answer, key);
}

/** The answer as lines of text; none for no answer. */
export function summarise<T extends QuestionType>(q: PublicQuestionOf<T>, answer: AnswerOf<T> | null | undefined, ctx: SummaryContext): string[] {
  return answer ? answerTypes[q.type].summarise(q, answer, ctx) : [];
}
