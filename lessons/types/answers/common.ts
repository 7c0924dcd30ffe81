// The answer half of a question type: what the browser needs as well as the server (whether an
// answer is complete, the answer a question starts with, the answer as text). Pure: these
// modules import nothing at run time, so the client bundles them without zod or node:crypto.
import type { Localized, QuestionType } from '../../format.ts';
import type { AnswerOf, PublicQuestionOf } from '../../model.ts';

/** How summarise turns ids into words: the language to show, and the article's sentences. */
export interface SummaryContext {
  text(l: Localized): string;
  sentence(id: string): string | undefined;
}

export interface AnswerModule<T extends QuestionType> {
  /** Whether its answers are compared with a model answer and marked by a teacher, not graded at once (open). */
  teacherGraded: boolean;
  /** Whether its answer distribution reads position by position (order: which item stood where). */
  byPosition: boolean;
  /** Whether an answer says anything: an empty selection is no answer. */
  isComplete(answer: AnswerOf<T>): boolean;
  /** The answer a question has before the learner touches it: an order question shows an order. */
  initialAnswer(question: PublicQuestionOf<T>): AnswerOf<T> | undefined;
  /**
   * The answer as lines of text (Moodle's summarise_response), for the review, reports and CSV.
   * The question is the lesson's own (canonical ids) or its public view (tokens), as the answer is:
   * the lesson's question has every field the public view has.
   */
  summarise(question: PublicQuestionOf<T>, answer: AnswerOf<T>, ctx: SummaryContext): string[];
  /**
   * The parts of an answer the key disagrees with, as ids of the answer's own shape: items
   * (categorize, order), left items (match), chosen sentences (highlight); [] where a type has no
   * parts to name. Answer and key are in the same ids (both the lesson's, or both one attempt's tokens).
   */
  wrongParts(answer: AnswerOf<T>, key: AnswerOf<T>): string[];
}

export const noParts = () => [];

export const none = () => undefined;
