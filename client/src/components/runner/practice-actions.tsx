// Practice's buttons under a question: "Controleer" until it is checked, then "Probeer opnieuw",
// the feedback with the cited sentences, and on a phone a way to those sentences in the article.
import { Show, type JSX } from 'solid-js';
import type { PublicQuestion } from '../../../../server/api-types.ts';
import { t } from '../../i18n/index.ts';
import type { ArticleView } from '../../lib/api.ts';
import { FeedbackPanel } from '../feedback-panel.tsx';
import { WrongParts } from '../wrong-parts.tsx';
import type { AttemptSession } from './attempt-session.ts';

export interface PracticeActionsProps {
  session: AttemptSession;
  question: PublicQuestion;
  teacherMarks: boolean;
  onCheck: () => void;
  onTryAgain: () => void;
  onShowInArticle: (sentenceId: string | undefined) => void;
  feedbackRef: (el: HTMLHeadingElement) => void;
  /** Given: the parts a partly right answer got wrong are named under the feedback. */
  article?: ArticleView;
}

export function PracticeActions(props: PracticeActionsProps): JSX.Element {
  const graded = () => props.session.graded(props.question);
  return (
    <>
      <div class="actions">
        <Show
          when={graded()}
          fallback={
            <button type="button" class="primary" disabled={!props.session.canCheck(props.question)} onClick={() => props.onCheck()}>
              {props.session.checking(props.question) ? t('checking') : t('check')}
            </button>
          }
        >
          <button type="button" class="secondary" onClick={() => props.onTryAgain()}>
            {t('tryAgain')}
          </button>
        </Show>
      </div>
      <Show when={graded() || props.session.retried(props.question)}>
        <p class="hint">{t('firstTryCounts')}</p>
      </Show>
      <Show when={graded()}>
        {(g) => (
          <>
            <FeedbackPanel graded={g()} type={props.question.type} teacherMarks={props.teacherMarks} ref={props.feedbackRef} />
            <Show when={props.article}>{(article) => <WrongParts question={props.question} wrong={g().wrong} article={article()} />}</Show>
            <Show when={g().anchors.length > 0}>
              <p class="stacked-only">
                <button type="button" class="secondary small" onClick={() => props.onShowInArticle(g().anchors[0])}>
                  {t('showInArticle')}
                </button>
              </p>
            </Show>
          </>
        )}
      </Show>
    </>
  );
}
