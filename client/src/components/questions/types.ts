// The contract every question renderer follows: it shows one public question and reports the
// learner's answer in the shape the API expects for that type (DESIGN.md "Question types").
import type { AnswerByType } from '../../../../lessons/model.ts';
import type { PublicQuestion, QuestionType } from '../../../../server/api-types.ts';
import type { JSX } from 'solid-js';
import type { ArticleView } from '../../lib/api.ts';

export type { AnswerByType };

export type QuestionOf<T extends QuestionType> = Extract<PublicQuestion, { type: T }>;

export interface QuestionProps<T extends QuestionType> {
  question: QuestionOf<T>;
  answer: AnswerByType[T] | undefined;
  onChange: (answer: AnswerByType[T]) => void;
  /** While an answer is being checked, or once it has been graded in practice mode. */
  disabled?: boolean;
  /** The article, for types that point into it (highlight). */
  article?: ArticleView;
  /** Highlight: the sentences are chosen in the article reader beside the question (the runner),
   *  so the renderer shows no list of its own. Without it, a checkbox per sentence. */
  selectInArticle?: boolean;
  /** Shown between the prompt and the answer (the runner's passage on a phone). */
  afterPrompt?: JSX.Element;
}
