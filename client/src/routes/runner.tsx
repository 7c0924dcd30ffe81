// The runner: the article beside (or, on a phone, above) one question at a time, with progress,
// navigation and the mode's behaviour. Practice: "Controleer" grades at once, retry allowed.
// Test: answers are saved as the learner goes and stay editable until "Inleveren".
// The question number lives in the URL (?q=3) so a reload resumes in the same place. The answers
// live in the attempt session (components/runner/attempt-session.ts); this page lays out its parts.
import { createAsync, useAction, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { Show, createEffect, createMemo, createSignal, onCleanup, untrack } from 'solid-js';
import type { PublicQuestion } from '../../../server/api-types.ts';
import { ArticleReader, scrollPaneToSentence, scrollToSentence, sentenceDomId, stackedLayout } from '../components/article-reader.tsx';
import { ProgressBar } from '../components/progress-bar.tsx';
import { createAttemptSession } from '../components/runner/attempt-session.ts';
import { FinishDialog, type FinishDialogControl } from '../components/runner/finish-dialog.tsx';
import { guardUnsaved } from '../components/runner/leave-guard.ts';
import { QuestionNav } from '../components/runner/question-nav.tsx';
import { QuestionPane } from '../components/runner/question-pane.tsx';
import { AsyncBoundary } from '../components/ui/async-boundary.tsx';
import { PageTitle } from '../components/ui/page-title.tsx';
import { pick, t } from '../i18n/index.ts';
import { api, type AttemptView, type LessonDetail } from '../lib/api.ts';
import { rememberAttempt } from '../lib/attempts-store.ts';
import { finishAttempt, getAttempt, getLesson } from '../lib/queries.ts';

function RunnerView(props: { attempt: AttemptView; lesson: LessonDetail }) {
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  // the attempt is loaded once; from here on the session owns its answers
  const attempt = untrack(() => props.attempt);
  const finish = useAction(finishAttempt);
  const session = createAttemptSession(attempt, {
    save: (questionId, answer, key) => api.saveResponse(attempt.id, questionId, answer, key),
    finish: () => finish(attempt.id),
  });
  onCleanup(() => session.dispose());
  guardUnsaved(session);
  const questions = attempt.questions;
  let questionHeading: HTMLHeadingElement | undefined;
  let feedbackHeading: HTMLHeadingElement | undefined;
  let finishDialog: FinishDialogControl | undefined;

  const index = createMemo(() => {
    const n = Number(search.q);
    return Number.isInteger(n) && n >= 1 && n <= questions.length ? n - 1 : 0;
  });
  const current = () => questions[index()]!;
  const focusQuestion = () => queueMicrotask(() => questionHeading?.focus());
  const go = (i: number) => {
    setJumped(false);
    setSearch({ q: String(i + 1) }, { replace: true });
    focusQuestion();
  };

  /** The feedback's top in view (the explanation below the fold otherwise), focus on the verdict. */
  const showFeedback = () => {
    const heading = feedbackHeading;
    if (!heading) return;
    heading.focus({ preventScroll: true });
    const panel = heading.closest('section');
    if (panel && typeof panel.scrollIntoView === 'function') {
      const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      panel.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
    }
  };
  const check = async (q: PublicQuestion) => {
    try {
      const anchors = (await session.check(q))?.anchors ?? [];
      queueMicrotask(() => {
        showFeedback();
        // on a phone the article is far above: the learner jumps there with "Toon in het artikel"
        if (!stackedLayout()) scrollPaneToSentence(anchors[0]);
      });
    } catch {
      /* the error is shown next to the button; the answer is kept */
    }
  };
  const tryAgain = (q: PublicQuestion) => {
    setJumped(false);
    session.tryAgain(q);
    focusQuestion();
  };

  // phone: from the feedback to the cited sentence in the article, and back
  const [jumped, setJumped] = createSignal(false);
  const jumpToArticle = (id: string | undefined) => {
    const el = id ? document.getElementById(sentenceDomId(id)) : null;
    if (!el) return;
    setJumped(true);
    el.setAttribute('tabindex', '-1');
    el.focus({ preventScroll: true });
    scrollToSentence(id);
  };

  const saveStatus = () => ({ failed: t('notSaved'), saving: t('saving'), saved: t('saved'), '': '' })[session.saveStatus()];
  const readerAnchors = () => (session.practice ? (session.graded(current())?.anchors ?? []) : []);
  const readerSelected = () => {
    const a = session.answer(current());
    return a && 'sentenceIds' in a ? a.sentenceIds : [];
  };

  return (
    <div class="runner">
      <div class="runner-head">
        <PageTitle class="runner-title">{pick(props.lesson.title)}</PageTitle>
        <p class="mode-badge">{session.practice ? t('modePractice') : t('modeTest')}</p>
        <ProgressBar answered={questions.filter(session.isDone).length} total={questions.length} />
        {/* on a phone the article comes first: one step to the question, for keyboard and touch */}
        <button type="button" class="secondary small to-question" onClick={() => questionHeading?.focus()}>
          {t('toQuestion')}
        </button>
      </div>
      <div class="runner-body">
        <section class="reader-pane" aria-label={t('article')}>
          <ArticleReader
            article={props.lesson.article}
            translation={props.lesson.translation}
            focus={current().focus}
            anchors={readerAnchors()}
            selected={readerSelected()}
          />
          <Show when={jumped() && session.practice && session.graded(current())}>
            <button
              type="button"
              class="primary back-to-feedback"
              onClick={() => {
                setJumped(false);
                showFeedback();
              }}
            >
              {t('backToFeedback')}
            </button>
          </Show>
        </section>
        <section class="question-pane" aria-labelledby="question-heading">
          <h2 id="question-heading" class="question-number" tabindex="-1" ref={questionHeading}>
            {t('questionOf')(index() + 1, questions.length)}
          </h2>
          <Show when={current()} keyed>
            {(q) => (
              <QuestionPane
                session={session}
                question={q}
                article={props.lesson.article}
                teacherMarks={attempt.assignmentId !== null}
                onCheck={() => void check(q)}
                onTryAgain={() => tryAgain(q)}
                onShowInArticle={jumpToArticle}
                feedbackRef={(el) => (feedbackHeading = el)}
              />
            )}
          </Show>
          <p class="save-status" role="status" aria-live="polite">
            {session.practice ? '' : saveStatus()}
          </p>
          <QuestionNav session={session} index={index()} go={go} onFinish={() => finishDialog?.open()} />
        </section>
      </div>
      <FinishDialog session={session} control={(c) => (finishDialog = c)} onFinished={() => navigate(`/attempts/${attempt.id}/results`)} />
    </div>
  );
}

export default function Runner() {
  const params = useParams();
  const navigate = useNavigate();
  const attempt = createAsync(() => getAttempt(params.id!));
  // a finished attempt's address leads to its results; an unfinished one is offered again on its lesson's page
  createEffect(() => {
    const a = attempt();
    if (a?.status === 'finished') navigate(`/attempts/${a.id}/results`, { replace: true });
    else if (a) rememberAttempt({ id: a.id, lessonSlug: a.lessonSlug, mode: a.mode, startedAt: a.startedAt });
  });
  const lesson = createAsync(async () => {
    const a = attempt();
    return a ? getLesson(a.lessonSlug) : undefined;
  });
  return (
    <AsyncBoundary>
      <Show when={attempt()?.status === 'in-progress' && lesson()}>
        <RunnerView attempt={attempt()!} lesson={lesson()!} />
      </Show>
    </AsyncBoundary>
  );
}
