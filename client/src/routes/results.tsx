// Results of a finished attempt: the score, a bar per skill (numbers as text too), and a review
// of each question; choosing a question shows the sentences it cites in the article. When a test's
// feedback is held back by the teacher, a plain message says so.
import { A, createAsync, useParams } from '@solidjs/router';
import { For, Show, createMemo, createSignal } from 'solid-js';
import type { Skill } from '../../../server/api-types.ts';
import type { AttemptView, FinishResult, LessonDetail, ReviewItem, Score } from '../lib/api.ts';
import { describeAnswer } from '../components/answer-text.ts';
import { ArticleReader, scrollToSentence } from '../components/article-reader.tsx';
import { FeedbackItems, verdict } from '../components/feedback-panel.tsx';
import { ResumeCode } from '../components/resume-code.tsx';
import { WrongParts } from '../components/wrong-parts.tsx';
import { ReadingTools } from '../components/reading-tools.tsx';
import { pick, skillName, t } from '../i18n/index.ts';
import '../i18n/study.ts';
import { getAttempt, getLesson } from '../lib/queries.ts';
import { AsyncBoundary } from '../components/ui/async-boundary.tsx';
import { PageTitle } from '../components/ui/page-title.tsx';

function Lines(props: { lines: string[] }) {
  return (
    <Show when={props.lines.length > 0} fallback={<p class="muted">{t('noAnswer')}</p>}>
      <Show when={props.lines.length > 1} fallback={<p>{props.lines[0]}</p>}>
        <ul class="answer-lines">
          <For each={props.lines}>{(line) => <li>{line}</li>}</For>
        </ul>
      </Show>
    </Show>
  );
}

function SkillBars(props: { skills: NonNullable<FinishResult['skills']> }) {
  // The server sends the skills in the lessons' order.
  const rows = () => (Object.entries(props.skills) as [Skill, Score][]).map(([skill, s]) => ({ skill, ...s }));
  return (
    <ul class="skill-bars">
      <For each={rows()}>
        {(row) => (
          <li>
            <span class="skill-bar-label">{skillName(row.skill)}</span>
            <span class="skill-bar-track" aria-hidden="true">
              <span class="skill-bar-fill" style={{ width: `${row.max ? Math.round((row.points / row.max) * 100) : 0}%` }} />
            </span>
            <span class="skill-bar-text">{t('skillScore')(row.points, row.max)}</span>
          </li>
        )}
      </For>
    </ul>
  );
}

function ResultsView(props: { attempt: AttemptView; lesson: LessonDetail }) {
  const result = () => props.attempt.result;
  const [selected, setSelected] = createSignal<string | null>(null);
  const reviewById = createMemo(() => new Map((result()?.review ?? []).map((r) => [r.questionId, r])));
  const selectedAnchors = () => {
    const id = selected();
    return id ? (reviewById().get(id)?.anchors ?? []) : [];
  };
  const selectedWrong = () => {
    const id = selected();
    const q = id ? props.attempt.questions.find((x) => x.id === id) : undefined;
    return q?.type === 'highlight' ? (reviewById().get(q.id)?.wrong ?? []) : [];
  };
  const show = (item: ReviewItem) => {
    const on = selected() !== item.questionId;
    setSelected(on ? item.questionId : null);
    if (on) queueMicrotask(() => scrollToSentence(item.anchors[0]));
  };
  /** Question numbers of open answers a teacher has not scored yet: not in the score. */
  const pendingNumbers = () => {
    const pending = new Set(result()?.pending ?? []);
    return props.attempt.questions.flatMap((q, i) => (pending.has(q.id) ? [i + 1] : []));
  };
  /** Whether some answers are graded by no one (open questions in self-study). */
  const unscored = () => (result()?.unscored ?? []).length > 0;
  const held = () => !result() || !result()!.feedbackReleased || !result()!.review;

  return (
    <div class="page results">
      <PageTitle>{t('resultsTitle')}</PageTitle>
      <p class="lead">{pick(props.lesson.title)}</p>
      <ReadingTools article={props.lesson.article} />
      <Show when={result()}>
        {(r) => (
          <section aria-labelledby="score-heading" class="score-box">
            <Show when={r().score}>
              {(score) => (
                <h2 id="score-heading" class="score">
                  {t('score')(score().points, score().max)}
                </h2>
              )}
            </Show>
            <Show
              when={unscored()}
              fallback={
                <Show when={pendingNumbers().length > 0}>
                  <p class="score-note">{t('pendingNote')(pendingNumbers())}</p>
                </Show>
              }
            >
              <p class="score-note">{t('selfStudyOpenNote')}</p>
            </Show>
            <h3>{t('perSkill')}</h3>
            <SkillBars skills={r().skills ?? {}} />
          </section>
        )}
      </Show>
      <Show
        when={!held()}
        fallback={
          <p class="notice" role="status">
            {t('feedbackHeld')}
          </p>
        }
      >
        <div class="results-body">
          <section class="review" aria-labelledby="review-heading">
            <h2 id="review-heading">{t('review')}</h2>
            <p class="hint">{t('reviewHint')}</p>
            <ol class="review-list">
              <For each={props.attempt.questions}>
                {(q, i) => {
                  const item = () => reviewById().get(q.id);
                  return (
                    <li class="review-item" classList={{ selected: selected() === q.id }}>
                      <h3>
                        {t('questionN')(i() + 1)}: {pick(q.prompt)}
                      </h3>
                      <Show when={item()}>
                        {(it) => (
                          <>
                            <Show
                              when={it().state === 'unscored'}
                              fallback={
                                <p class={`verdict tone-${verdict(it().state === 'pending' ? null : it().fraction).tone}`}>
                                  {verdict(it().state === 'pending' ? null : it().fraction).text}
                                  {' · '}
                                  {it().state === 'pending' ? t('notCountedYet') : t('pointsOf')(it().points, it().max)}
                                </p>
                              }
                            >
                              <p class="verdict tone-pending">{t('notScored')}</p>
                            </Show>
                            <h4>{t('yourAnswer')}</h4>
                            <Lines lines={describeAnswer(q, it().answer, props.lesson.article)} />
                            <WrongParts question={q} wrong={it().wrong} article={props.lesson.article} />
                            <For each={it().laterTries ?? []}>
                              {(later) => (
                                <>
                                  <h4>{t('laterTry')(later.try)}</h4>
                                  <Lines lines={describeAnswer(q, later.answer, props.lesson.article)} />
                                </>
                              )}
                            </For>
                            <Show when={it().key !== null}>
                              <h4>{t('correctAnswer')}</h4>
                              <Lines lines={describeAnswer(q, it().key, props.lesson.article)} />
                            </Show>
                            <Show when={it().modelAnswer}>
                              {(m) => (
                                <>
                                  <h4>{t('modelAnswer')}</h4>
                                  <p>{pick(m())}</p>
                                </>
                              )}
                            </Show>
                            <h4>{t('explanation')}</h4>
                            <p>{pick(it().explanation)}</p>
                            <Show when={it().key !== null && it().feedback.length > 0}>
                              <h4>{t('feedback')}</h4>
                              <FeedbackItems graded={it()} type={q.type} />
                            </Show>
                            <Show when={it().levels?.length}>
                              <h4>{t('study.rubricLevels')}</h4>
                              <ul class="rubric-levels">
                                <For each={it().levels}>
                                  {(l) => (
                                    <li>
                                      <strong>{pick(l.criterion)}</strong>: {t('study.levelOf')(l.level, l.max)}
                                      <span class="rubric-level-text">{pick(l.description)}</span>
                                    </li>
                                  )}
                                </For>
                              </ul>
                            </Show>
                            <Show when={it().teacherComment}>
                              {(c) => (
                                <>
                                  <h4>{t('teacherComment')}</h4>
                                  <p>{c()}</p>
                                </>
                              )}
                            </Show>
                            <Show when={it().anchors.length > 0}>
                              <button type="button" class="secondary small" aria-pressed={selected() === q.id} onClick={() => show(it())}>
                                {t('showInArticle')}
                              </button>
                            </Show>
                          </>
                        )}
                      </Show>
                    </li>
                  );
                }}
              </For>
            </ol>
          </section>
          <section class="reader-pane" aria-label={t('article')}>
            <ArticleReader
              article={props.lesson.article}
              translation={props.lesson.translation}
              anchors={selectedAnchors()}
              wrong={selectedWrong()}
              labels={{ showWhole: '', showPassage: '', sentenceWrong: t('study.sentenceWrong'), sentences: '' }}
            />
          </section>
        </div>
      </Show>
      <Show when={props.attempt.assignmentId === null}>
        <ResumeCode />
      </Show>
      <p>
        <A href="/">{t('backToLessons')}</A>
      </p>
    </div>
  );
}

export default function Results() {
  const params = useParams();
  const attempt = createAsync(() => getAttempt(params.id!));
  const lesson = createAsync(async () => {
    const a = attempt();
    return a ? getLesson(a.lessonSlug) : undefined;
  });
  return (
    <AsyncBoundary>
      <Show when={attempt() && lesson()}>
        <Show
          when={attempt()!.status === 'finished'}
          fallback={
            <div class="page narrow">
              <PageTitle>{t('resultsTitle')}</PageTitle>
              <p>{t('notFinished')}</p>
              <p>
                <A href={`/attempts/${attempt()!.id}`}>{t('backToAttempt')}</A>
              </p>
            </div>
          }
        >
          <ResultsView attempt={attempt()!} lesson={lesson()!} />
        </Show>
      </Show>
    </AsyncBoundary>
  );
}
