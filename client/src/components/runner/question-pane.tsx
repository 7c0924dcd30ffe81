// The current question: its renderer with the learner's answer, practice's actions and feedback,
// and what became of saving it.
import { Show, type JSX } from 'solid-js';
import type { ArticleView } from '../../lib/api.ts';
import { t } from '../../i18n/index.ts';
import { QuestionRenderer } from '../questions/index.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { FocusPassage } from './focus-passage.tsx';
import { PracticeActions, type PracticeActionsProps } from './practice-actions.tsx';

/** The practice actions' props (passed on to them), plus the article the renderers quote. */
export function QuestionPane(props: PracticeActionsProps & { article: ArticleView }): JSX.Element {
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
        // the runner's reader beside the question is where a highlight question's sentences are chosen
        selectInArticle
        // a highlight question's passage is the article below, where its sentences are chosen
        afterPrompt={q().type === 'highlight' ? undefined : <FocusPassage article={props.article} focus={q().focus} />}
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
          article={props.article}
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
