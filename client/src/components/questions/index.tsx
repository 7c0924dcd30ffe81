// Picks the renderer for a question's type. Each renderer is its own module so a type can change
// without touching the others.
import { Match, Show, Switch } from 'solid-js';
import { pick } from '../../i18n/index.ts';
import type { Answer, PublicQuestion } from '../../../../server/api-types.ts';
import type { ArticleView } from '../../lib/api.ts';
import Categorize from './categorize.tsx';
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
}

export function QuestionRenderer(props: AnyQuestionProps) {
  // The answer stored for a question always has its type's shape: the server validated it.
  const p = props as any;
  return (
    <>
    <Show when={props.question.intro}>
      {(intro) => <div class="question-intro">{pick(intro())}</div>}
    </Show>
    <Switch>
      <Match when={props.question.type === 'single-choice'}>
        <SingleChoice {...p} />
      </Match>
      <Match when={props.question.type === 'multiple-choice'}>
        <MultipleChoice {...p} />
      </Match>
      <Match when={props.question.type === 'highlight'}>
        <Highlight {...p} />
      </Match>
      <Match when={props.question.type === 'categorize'}>
        <Categorize {...p} />
      </Match>
      <Match when={props.question.type === 'order'}>
        <Order {...p} />
      </Match>
      <Match when={props.question.type === 'match'}>
        <MatchQuestion {...p} />
      </Match>
      <Match when={props.question.type === 'scale'}>
        <Scale {...p} />
      </Match>
      <Match when={props.question.type === 'open'}>
        <Open {...p} />
      </Match>
    </Switch>
    </>
  );
}

/** Whether an answer says anything: an empty selection is not an answer. */
export function isAnswered(answer: Answer | undefined): boolean {
  if (!answer) return false;
  if ('optionId' in answer) return !!answer.optionId;
  if ('optionIds' in answer) return answer.optionIds.length > 0;
  if ('sentenceIds' in answer) return answer.sentenceIds.length > 0;
  if ('placements' in answer) return Object.keys(answer.placements).length > 0;
  if ('order' in answer) return answer.order.length > 0;
  if ('pairs' in answer) return Object.keys(answer.pairs).length > 0;
  if ('value' in answer) return typeof answer.value === 'number';
  if ('text' in answer) return answer.text.trim().length > 0;
  return false;
}
