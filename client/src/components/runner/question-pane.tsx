// The current question: its renderer with the learner's answer, practice's actions and feedback,
// and what became of saving it.
import { Show, type JSX } from 'solid-js';
import type { PublicQuestion } from '../../../../server/api-types.ts';
import type { ArticleView } from '../../lib/api.ts';
import { t } from '../../i18n/index.ts';
import { QuestionRenderer } from '../questions/index.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import type { AttemptSession } from './attempt-session.ts';
import { PracticeActions } from './practice-actions.tsx';

export function QuestionPane(props: {
  session: AttemptSession;
  question: PublicQuestion;
  article: ArticleView;
  teacherMarks: boolean;
  onCheck: () => void;
  onTryAgain: () => void;
  onShowInArticle: (sentenceId: string | undefined) => void;
  feedbackRef: (el: HTMLHeadingElement) => void;
}): JSX.Element {
  const session = props.session;
  const q = () => props.question;
  return (
    <>
      <QuestionRenderer
        question={q()}
        answer={session.answer(q())}
        onChange={(a) => session.change(q(), a)}
        disabled={(session.practice && !!session.graded(q())) || session.checking(q())}
        article={props.article}
      />
      <Show when={session.practice}>
        <PracticeActions
          session={session}
          question={q()}
          teacherMarks={props.teacherMarks}
          onCheck={props.onCheck}
          onTryAgain={props.onTryAgain}
          onShowInArticle={props.onShowInArticle}
          feedbackRef={props.feedbackRef}
        />
      </Show>
      <Show when={session.failure(q())}>
        {(error) => (
          <Show when={error().retryable} fallback={<ErrorMessage error={error()} />}>
            <p class="save-warning">{t('notSaved')}</p>
          </Show>
        )}
      </Show>
    </>
  );
}
