// Picks the renderer for a question's type. Each renderer is its own module so a type can change
// without touching the others.
import { Show, type Component, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { isComplete } from '../../../../lessons/types/answers/index.ts';
import { pick } from '../../i18n/index.ts';
import type { Answer, PublicQuestion, QuestionType } from '../../../../server/api-types.ts';
import type { ArticleView } from '../../lib/api.ts';
import Categorize from './categorize.tsx';
import type { QuestionProps } from './types.ts';
import Highlight from './highlight.tsx';
import MatchQuestion from './match.tsx';
import MultipleChoice from './multiple-choice.tsx';
import Open from './open.tsx';
import Order from './order.tsx';
import Scale from './scale.tsx';
import SingleChoice from './single-choice.tsx';

export interface AnyQuestionProps {
  question: PublicQuestion;
  answer: Answer | undefined;
  onChange: (answer: Answer) => void;
  disabled?: boolean;
  article?: ArticleView;
  selectInArticle?: boolean;
  afterPrompt?: JSX.Element;
}

const renderers: { [T in QuestionType]: Component<QuestionProps<T>> } = {
  'single-choice': SingleChoice,
  'multiple-choice': MultipleChoice,
  highlight: Highlight,
  categorize: Categorize,
  order: Order,
  match: MatchQuestion,
  scale: Scale,
  open: Open,
};

function rendererOf<T extends QuestionType>(type: T): Component<QuestionProps<T>> {
  return renderers[type];
}

export function QuestionRenderer(props: AnyQuestionProps) {
  // The answer stored for a question always has its type's shape: the server parsed it for it.
  return (
    <>
      <Show when={props.question.intro}>
        {(intro) => <div class="question-intro">{pick(intro())}</div>}
      </Show>
      <Dynamic component={rendererOf(props.question.type)} {...props} />
    </>
  );
}

/** Whether an answer says anything: an empty selection is not an answer (its type decides). */
export function isAnswered(q: PublicQuestion, answer: Answer | undefined): boolean {
  return isComplete(q, answer);
}
