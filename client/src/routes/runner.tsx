// The runner: the article beside (or, on a phone, above) one question at a time, with progress,
// navigation and the mode's behaviour. Practice: "Controleer" grades at once, retry allowed.
// Test: answers are saved as the learner goes and stay editable until "Inleveren".
// The question number lives in the URL (?q=3) so a reload resumes in the same place.
import { createAsync, useBeforeLeave, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { For, Show, createMemo, createResource, createSignal, onCleanup, onMount, untrack } from 'solid-js';
import type { Answer, AttemptView, Graded, LessonDetail, PracticeReveal, PublicQuestion } from '../../../server/api-types.ts';
import { ArticleReader, scrollPaneToSentence, scrollToSentence, sentenceDomId, stackedLayout } from '../components/article-reader.tsx';
import { FeedbackPanel } from '../components/feedback-panel.tsx';
import { ProgressBar } from '../components/progress-bar.tsx';
import { QuestionRenderer, isAnswered } from '../components/questions/index.tsx';
import { pick, t } from '../i18n/index.ts';
import { api } from '../lib/api.ts';
import { createAnswerSync } from '../lib/answer-sync.ts';
import { forgetAttempt, loadDrafts, rememberAttempt, storeDrafts } from '../lib/attempts-store.ts';
import { getLesson } from '../lib/queries.ts';
import { AsyncBoundary } from '../components/ui/async-boundary.tsx';
import { ErrorMessage } from '../components/ui/error-message.tsx';
import { PageTitle } from '../components/ui/page-title.tsx';

/** The answer a question has before the learner touches it: an order question shows an order. */
function effectiveAnswer(q: PublicQuestion, answer: Answer | undefined): Answer | undefined {
  if (answer) return answer;
  if (q.type === 'order') return { order: q.items.map((i) => i.id) };
  return undefined;
}

type PracticeFeedback = Graded & PracticeReveal;

function gradedOf(r: Partial<Graded> & PracticeReveal): PracticeFeedback | undefined {
  if (r.fraction === undefined) return undefined;
  return { fraction: r.fraction, feedback: r.feedback ?? [], anchors: r.anchors ?? [], ...(r.explanation ? { explanation: r.explanation } : {}) };
}

function RunnerView(props: { attempt: AttemptView; lesson: LessonDetail }) {
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  // the attempt is loaded once; from here on this view owns its state
  const attempt = untrack(() => props.attempt);
  const questions = attempt.questions;
  const practice = attempt.mode === 'practice';

  const drafts = loadDrafts<Answer>(attempt.id);
  const [answers, setAnswers] = createSignal<Record<string, Answer>>({
    ...Object.fromEntries(attempt.responses.map((r) => [r.questionId, r.answer])),
    ...drafts,
  });
  const [submitted, setSubmitted] = createSignal<Set<string>>(new Set(attempt.responses.map((r) => r.questionId)));
  const [graded, setGraded] = createSignal<Record<string, PracticeFeedback | undefined>>(
    // a question edited after "Probeer opnieuw" (a draft) is being retried: its old feedback stays hidden
    practice ? Object.fromEntries(attempt.responses.filter((r) => !drafts[r.questionId]).map((r) => [r.questionId, gradedOf(r)])) : {},
  );
  const [retried, setRetried] = createSignal<Set<string>>(new Set());
  const [finishing, setFinishing] = createSignal(false);
  const [confirming, setConfirming] = createSignal(false);
  const [finishError, setFinishError] = createSignal<unknown>(null);
  let dialog: HTMLDialogElement | undefined;
  let questionHeading: HTMLHeadingElement | undefined;
  let feedbackHeading: HTMLHeadingElement | undefined;

  const keepDraft = (questionId: string, answer: Answer | undefined) => {
    const next = { ...loadDrafts<Answer>(attempt.id) };
    if (answer) next[questionId] = answer;
    else delete next[questionId];
    storeDrafts(attempt.id, next);
  };

  const sync = createAnswerSync({
    save: (questionId, answer, key) => api.saveResponse(attempt.id, questionId, answer, key),
    onSaved: (questionId, _answer, result) => {
      keepDraft(questionId, undefined);
      setSubmitted((s) => new Set(s).add(questionId));
      if (practice) setGraded((g) => ({ ...g, [questionId]: gradedOf(result) }));
    },
  });
  onCleanup(() => sync.dispose());

  // a test's drafts that never reached the server are sent again on load
  if (!practice) for (const [questionId, answer] of Object.entries(drafts)) void sync.change(questionId, answer).catch(() => {});

  const index = createMemo(() => {
    const n = Number(search.q);
    return Number.isInteger(n) && n >= 1 && n <= questions.length ? n - 1 : 0;
  });
  const current = () => questions[index()];
  const go = (i: number) => {
    setJumped(false);
    setSearch({ q: String(i + 1) }, { replace: true });
    queueMicrotask(() => questionHeading?.focus());
  };

  const isDone = (q: PublicQuestion) => (practice ? submitted().has(q.id) : isAnswered(answers()[q.id]));
  const answeredCount = () => questions.filter(isDone).length;

  const onChange = (q: PublicQuestion, answer: Answer) => {
    setAnswers((a) => ({ ...a, [q.id]: answer }));
    keepDraft(q.id, answer);
    if (!practice) void sync.change(q.id, answer).catch(() => {});
  };

  const check = async (q: PublicQuestion) => {
    const answer = effectiveAnswer(q, answers()[q.id]);
    if (!answer) return;
    setAnswers((a) => ({ ...a, [q.id]: answer }));
    try {
      const result = await sync.change(q.id, answer, { immediate: true });
      const anchors = result.anchors ?? [];
      queueMicrotask(() => {
        showFeedback();
        // on a phone the article is far above: the learner jumps there with "Toon in het artikel"
        if (!stackedLayout()) scrollPaneToSentence(anchors[0]);
      });
    } catch {
      /* the error is shown next to the button; the answer is kept */
    }
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
  const backToFeedback = () => {
    setJumped(false);
    showFeedback();
  };

  const tryAgain = (q: PublicQuestion) => {
    setJumped(false);
    setGraded((g) => ({ ...g, [q.id]: undefined }));
    setRetried((s) => new Set(s).add(q.id));
    queueMicrotask(() => questionHeading?.focus());
  };

  const finish = async () => {
    setFinishing(true);
    setFinishError(null);
    try {
      const allSaved = await Promise.race([sync.flush(), new Promise<boolean>((r) => setTimeout(() => r(false), 15_000))]);
      if (!allSaved) throw new Error(t('notSaved'));
      await api.finish(attempt.id);
      storeDrafts(attempt.id, {});
      forgetAttempt(attempt.id);
      dialog?.close();
      navigate(`/attempts/${attempt.id}/results`);
    } catch (e) {
      setFinishError(e);
      setFinishing(false);
    }
  };

  const openConfirm = () => {
    setConfirming(true);
    if (dialog && typeof dialog.showModal === 'function') dialog.showModal();
  };
  const closeConfirm = () => {
    dialog?.close();
    setConfirming(false);
  };

  // never lose typing: warn before leaving while anything is unsaved
  const warnUnload = (e: BeforeUnloadEvent) => {
    if (!sync.unsaved()) return;
    e.preventDefault();
    e.returnValue = '';
  };
  onMount(() => window.addEventListener('beforeunload', warnUnload));
  onCleanup(() => window.removeEventListener('beforeunload', warnUnload));
  useBeforeLeave((e) => {
    // moving between questions only changes ?q=: the pending save carries on (it retries), nothing is lost
    if (typeof e.to === 'string' && new URL(e.to, window.location.href).pathname === e.from.pathname) return;
    if (sync.unsaved() && !finishing() && !e.defaultPrevented) {
      e.preventDefault();
      if (window.confirm(t('unsavedWarning'))) e.retry(true);
    }
  });

  const saveStatus = () => {
    const states = Object.values(sync.states);
    if (states.some((s) => s === 'failed')) return t('notSaved');
    if (states.some((s) => s === 'saving' || s === 'pending')) return t('saving');
    return states.length ? t('saved') : '';
  };

  const readerAnchors = () => (practice ? (graded()[current().id]?.anchors ?? []) : []);
  const readerSelected = () => {
    const a = answers()[current().id];
    return current().type === 'highlight' && a && 'sentenceIds' in a ? a.sentenceIds : [];
  };

  return (
    <div class="runner">
      <div class="runner-head">
        <PageTitle class="runner-title">{pick(props.lesson.title)}</PageTitle>
        <p class="mode-badge">{practice ? t('modePractice') : t('modeTest')}</p>
        <ProgressBar answered={answeredCount()} total={questions.length} />
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
          <Show when={jumped() && practice && graded()[current().id]}>
            <button type="button" class="primary back-to-feedback" onClick={backToFeedback}>
              {t('backToFeedback')}
            </button>
          </Show>
        </section>
        <section class="question-pane" aria-labelledby="question-heading">
          <h2 id="question-heading" class="question-number" tabindex="-1" ref={questionHeading}>
            {t('questionOf')(index() + 1, questions.length)}
          </h2>
          <Show when={current()} keyed>
            {(q) => {
              const g = () => graded()[q.id];
              const state = () => sync.states[q.id];
              const checking = () => practice && (state() === 'pending' || state() === 'saving' || (state() === 'failed' && sync.errors[q.id]?.retryable));
              return (
                <>
                  <QuestionRenderer
                    question={q}
                    answer={answers()[q.id]}
                    onChange={(a) => onChange(q, a)}
                    disabled={(practice && !!g()) || !!checking()}
                    article={props.lesson.article}
                  />
                  <Show when={practice}>
                    <div class="actions">
                      <Show
                        when={g()}
                        fallback={
                          <button
                            type="button"
                            class="primary"
                            disabled={!effectiveAnswer(q, answers()[q.id]) || !isAnswered(effectiveAnswer(q, answers()[q.id])) || !!checking()}
                            onClick={() => check(q)}
                          >
                            {checking() ? t('checking') : t('check')}
                          </button>
                        }
                      >
                        <button type="button" class="secondary" onClick={() => tryAgain(q)}>
                          {t('tryAgain')}
                        </button>
                      </Show>
                    </div>
                    <Show when={g() || retried().has(q.id)}>
                      <p class="hint">{t('firstTryCounts')}</p>
                    </Show>
                    <Show when={g()}>
                      {(graded) => (
                        <>
                          <FeedbackPanel graded={graded()} type={q.type} teacherMarks={attempt.assignmentId !== null} ref={(el) => (feedbackHeading = el)} />
                          <Show when={graded().anchors.length > 0}>
                            <p class="stacked-only">
                              <button type="button" class="secondary small" onClick={() => jumpToArticle(graded().anchors[0])}>
                                {t('showInArticle')}
                              </button>
                            </p>
                          </Show>
                        </>
                      )}
                    </Show>
                  </Show>
                  <Show when={state() === 'failed' && sync.errors[q.id]}>
                    {(error) => (
                      <Show when={error().retryable} fallback={<ErrorMessage error={error()} />}>
                        <p class="save-warning">{t('notSaved')}</p>
                      </Show>
                    )}
                  </Show>
                </>
              );
            }}
          </Show>
          <p class="save-status" role="status" aria-live="polite">
            {practice ? '' : saveStatus()}
          </p>

          <div class="question-nav-buttons">
            <button type="button" class="secondary" disabled={index() === 0} onClick={() => go(index() - 1)}>
              ← {t('previous')}
            </button>
            <Show
              when={index() < questions.length - 1}
              fallback={
                <button type="button" class="primary" onClick={openConfirm}>
                  {practice ? t('finishPractice') : t('finishTest')}
                </button>
              }
            >
              <button type="button" class="secondary" onClick={() => go(index() + 1)}>
                {t('next')} →
              </button>
            </Show>
          </div>

          <nav class="question-list" aria-label={t('questionNav')}>
            <ol>
              <For each={questions}>
                {(q, i) => (
                  <li>
                    <button
                      type="button"
                      classList={{ done: isDone(q), current: i() === index() }}
                      aria-current={i() === index() ? 'step' : undefined}
                      aria-label={`${t('questionN')(i() + 1)}, ${isDone(q) ? t('answered') : t('notAnswered')}`}
                      onClick={() => go(i())}
                    >
                      {i() + 1}
                      <span aria-hidden="true" class="done-mark">
                        {isDone(q) ? '✓' : ''}
                      </span>
                    </button>
                  </li>
                )}
              </For>
            </ol>
          </nav>
          <Show when={index() < questions.length - 1}>
            <p>
              <button type="button" class="link-button" onClick={openConfirm}>
                {practice ? t('finishPractice') : t('finishTest')}
              </button>
            </p>
          </Show>
        </section>
      </div>

      <dialog ref={dialog} class="confirm" aria-labelledby="confirm-text" onClose={() => setConfirming(false)}>
        <Show when={confirming()}>
          <p id="confirm-text">{t('confirmFinish')(questions.length - answeredCount())}</p>
          <div class="actions">
            <button type="button" class="primary" disabled={finishing()} onClick={finish}>
              {finishing() ? t('finishing') : t('confirmYes')}
            </button>
            <button type="button" class="secondary" onClick={closeConfirm} autofocus>
              {t('confirmNo')}
            </button>
          </div>
          <Show when={finishError()}>{(e) => <ErrorMessage error={e()} />}</Show>
        </Show>
      </dialog>
    </div>
  );
}

export default function Runner() {
  const params = useParams();
  const navigate = useNavigate();
  const [attempt] = createResource(
    () => params.id,
    async (id) => {
      const a = await api.attempt(id);
      if (a.status === 'finished') navigate(`/attempts/${id}/results`, { replace: true });
      else rememberAttempt({ id: a.id, lessonSlug: a.lessonSlug, mode: a.mode, startedAt: a.startedAt });
      return a;
    },
  );
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
