// The runner, phone first: the question, then the passage it is about (the article collapsed to
// it on a phone, whole beside the question on a wide screen; one tap shows it whole), then moving
// through the questions. Practice: "Controleer" grades at once, retry allowed. Test: answers are
// saved as the learner goes and stay editable until "Inleveren". The question number lives in the
// URL (?q=3) so a reload resumes in the same place; without one, the first open question is shown.
// The answers live in the attempt session (components/runner/attempt-session.ts).
import { createAsync, useAction, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { Show, createEffect, createMemo, createSignal, on, onCleanup, untrack } from 'solid-js';
import type { PublicQuestion } from '../../../server/api-types.ts';
import { ArticleReader, scrollPaneToSentence, scrollToSentence, sentenceDomId, stackedLayout } from '../components/article-reader.tsx';
import { ProgressBar } from '../components/progress-bar.tsx';
import { ReadingTools, questionTexts } from '../components/reading-tools.tsx';
import { choosableSentences, toggleSentence } from '../components/questions/highlight.tsx';
import { createAttemptSession } from '../components/runner/attempt-session.ts';
import { FinishDialog, type FinishDialogControl } from '../components/runner/finish-dialog.tsx';
import { guardUnsaved } from '../components/runner/leave-guard.ts';
import { OtherDevice } from '../components/runner/other-device.tsx';
import { QuestionNav } from '../components/runner/question-nav.tsx';
import { QuestionPane } from '../components/runner/question-pane.tsx';
import { AsyncBoundary } from '../components/ui/async-boundary.tsx';
import { PageTitle } from '../components/ui/page-title.tsx';
import { lang, pick, t } from '../i18n/study.ts';
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

  // resuming without a question number: the first question not answered yet
  if (!untrack(() => search.q)) {
    const open = questions.findIndex((q) => !session.isDone(q));
    setSearch({ q: String((open < 0 ? 0 : open) + 1) }, { replace: true });
  }
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

  // The article on a phone: collapsed to the passage, unless the question's answer is anywhere in it
  // (a highlight question without a passage); each new question starts that way again.
  const [collapsed, setCollapsed] = createSignal(true);
  createEffect(
    on(index, () => {
      const q = current();
      setCollapsed(!(q.type === 'highlight' && q.focus.length === 0));
      // a wide screen keeps the article beside the question: its passage scrolled into view
      if (!stackedLayout()) queueMicrotask(() => scrollPaneToSentence(q.focus[0]));
    }),
  );

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
        // on a phone the cited passage shows below the question: "Toon in het artikel" goes there
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
    if (!el.hasAttribute('role')) el.setAttribute('tabindex', '-1');
    el.focus({ preventScroll: true });
    scrollToSentence(id);
  };

  const saveStatus = () => ({ failed: t('notSaved'), saving: t('saving'), saved: t('saved'), '': '' })[session.saveStatus()];
  const readerAnchors = () => (session.practice ? (session.graded(current())?.anchors ?? []) : []);
  const readerSelected = () => {
    const a = session.answer(current());
    return a && 'sentenceIds' in a ? a.sentenceIds : [];
  };
  // highlight questions: the sentences are chosen in the article, while the answer may change
  const choosable = createMemo(() => (current().type === 'highlight' ? choosableSentences(props.lesson.article, current().focus) : []));
  const locked = () => (session.practice && !!session.graded(current())) || session.checking(current());
  const toggle = (id: string) => {
    const q = current();
    if (q.type !== 'highlight' || locked()) return;
    const a = session.answer(q);
    session.change(q, toggleSentence(choosable(), a && 'sentenceIds' in a ? a : undefined, id));
  };
  const finishLabel = () => (session.practice ? t('finishPractice') : t('finishTest'));

  return (
    <div class="runner">
      <div class="runner-head">
        <PageTitle class="runner-title">{pick(props.lesson.title)}</PageTitle>
        <p class="mode-badge">{session.practice ? t('modePractice') : t('modeTest')}</p>
        <button type="button" class="secondary small hand-in" onClick={() => finishDialog?.open()}>
          {finishLabel()}
        </button>
        <ProgressBar answered={questions.filter(session.isDone).length} total={questions.length} />
        <ReadingTools article={props.lesson.article} question={() => questionTexts(document.querySelector('.question-pane'))} questionLang={lang()} />
      </div>
      <div class="runner-body">
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
        </section>
        <section class="reader-pane" aria-label={t('article')}>
          <ArticleReader
            article={props.lesson.article}
            translation={props.lesson.translation}
            focus={current().focus}
            anchors={readerAnchors()}
            selected={readerSelected()}
            selectable={locked() ? [] : choosable()}
            wrong={session.practice ? (session.graded(current())?.wrong ?? []) : []}
            onToggleSentence={toggle}
            collapsed={collapsed()}
            // collapsed on a phone: a highlight question's passage (chosen here), else what feedback cites
            passage={current().type === 'highlight' ? [...current().focus, ...readerAnchors()] : readerAnchors()}
            onCollapsedChange={setCollapsed}
            labels={{
              showWhole: t('study.showWholeArticle'),
              showPassage: t('study.hideWholeArticle'),
              sentenceWrong: t('study.sentenceWrong'),
              sentences: t('study.sentencesLabel'),
            }}
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
        <div class="runner-nav">
          <QuestionNav session={session} index={index()} go={go} onFinish={() => finishDialog?.open()} />
          <OtherDevice />
        </div>
      </div>
      <FinishDialog
        session={session}
        control={(c) => (finishDialog = c)}
        go={go}
        // a class's student goes back to their assignments; self-study to the results
        onFinished={() => navigate(attempt.assignmentId !== null ? '/me' : `/attempts/${attempt.id}/results`)}
      />
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
