// /teacher/studio/lessons/:id/preview: the draft as a student meets it, in practice mode (feedback
// per question) or test mode (feedback after handing in), with the runner's own question renderers
// and feedback panel. Nothing is sent to the server: the author owns the key, so the browser grades
// with the lessons engine (lessons/types) and nothing reaches an attempt or a report.
import { A, createAsync, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import { checkDraft } from '../../../../../lessons/authoring.ts';
import type { Answer, Graded, Lesson, Question } from '../../../../../lessons/model.ts';
import { grade, parseAnswer, publicQuestion } from '../../../../../lessons/types/index.ts';
import { pick, t } from '../../../i18n/studio.ts';
import '../../../styles/teacher.css';
import '../../../styles/studio.css';
import { ArticleReader } from '../../../components/article-reader.tsx';
import { FeedbackPanel } from '../../../components/feedback-panel.tsx';
import { QuestionRenderer, isAnswered } from '../../../components/questions/index.tsx';
import { StudioPage } from '../../../components/studio/studio-page.tsx';
import { AsyncBoundary } from '../../../components/ui/async-boundary.tsx';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { pruneEmpty } from '../../../components/studio/prune.ts';
import { getStudioLesson } from '../../../lib/studio-queries.ts';

export default function PreviewPage(): JSX.Element {
  const params = useParams();
  return (
    <StudioPage back={{ href: `/teacher/studio/lessons/${params.id}`, label: t('studio.backToEditor') }}>
      <AsyncBoundary>
        <Preview id={params.id!} />
      </AsyncBoundary>
    </StudioPage>
  );
}

function Preview(props: { id: string }): JSX.Element {
  const data = createAsync(() => getStudioLesson(props.id));
  const checked = createMemo(() => {
    const d = data();
    return d ? checkDraft(d.article, (pruneEmpty(d.draft) ?? {}) as never) : null;
  });
  return (
    <Show when={checked()}>
      {(c) => (
        <Show
          when={c().problems.length === 0 && c().lesson}
          fallback={
            <>
              <PageTitle>{t('studio.previewTitle')}</PageTitle>
              <div class="tw-alert" role="alert">
                <p>{t('studio.previewBlocked')(c().problems.length)}</p>
                <A href={`/teacher/studio/lessons/${props.id}`}>{t('studio.backToEditor')}</A>
              </div>
            </>
          }
        >
          {(lesson) => <Run lesson={lesson()} />}
        </Show>
      )}
    </Show>
  );
}

type Mode = 'practice' | 'test';

function Run(props: { lesson: Lesson }): JSX.Element {
  const [mode, setMode] = createSignal<Mode>('practice');
  const [seed, setSeed] = createSignal(String(Math.random()));
  const [answers, setAnswers] = createSignal<Record<string, Answer>>({});
  const [graded, setGraded] = createSignal<Record<string, Graded>>({});
  const [finished, setFinished] = createSignal(false);
  const [anchors, setAnchors] = createSignal<string[]>([]);
  const [current, setCurrent] = createSignal(0);
  const go = (i: number) => {
    setCurrent(i);
    const g = graded()[questions()[i]!.q.id];
    setAnchors(g && (mode() === 'practice' || finished()) ? g.anchors : []);
    queueMicrotask(() => document.getElementById('st-preview-qn')?.focus());
  };
  const questions = createMemo(() => props.lesson.questions.map((q) => ({ q, view: publicQuestion(q, seed()) })));

  function restart(next: Mode) {
    setMode(next);
    setSeed(String(Math.random()));
    setAnswers({});
    setGraded({});
    setFinished(false);
    setAnchors([]);
    setCurrent(0);
  }
  function check(q: Question): Graded | null {
    const answer = answers()[q.id];
    if (!answer) return null;
    const parsed = parseAnswer(q, seed(), answer);
    if (!parsed.ok) return null;
    const result = grade(q, parsed.answer);
    setGraded({ ...graded(), [q.id]: result });
    setAnchors(result.anchors);
    return result;
  }
  function finish() {
    for (const { q } of questions()) check(q);
    setFinished(true);
    setAnchors([]);
    queueMicrotask(() => document.getElementById('st-preview-score')?.focus());
  }
  const score = createMemo(() => {
    let points = 0;
    let max = 0;
    for (const { q } of questions()) {
      const g = graded()[q.id];
      if (g?.fraction === null || q.type === 'open') continue;
      max += q.points;
      points += (g?.fraction ?? 0) * q.points;
    }
    return { points: Math.round(points * 100) / 100, max };
  });
  /** The sentences chosen for a highlight question, marked in the article as the runner does. */
  const selected = () => {
    const answer = answers()[questions()[current()]?.q.id ?? ''];
    return answer && 'sentenceIds' in answer ? answer.sentenceIds : [];
  };
  const showFeedback = (id: string) => !!graded()[id] && (mode() === 'practice' || finished());

  return (
    <>
      <PageTitle>{`${t('studio.previewTitle')}: ${pick(props.lesson.title)}`}</PageTitle>
      <p class="tw-hint">{t('studio.previewNothingStored')}</p>
      <fieldset class="tw-field st-mode">
        <legend>{t('studio.previewMode')}</legend>
        <For each={['practice', 'test'] as const}>
          {(m) => (
            <label class="tw-check">
              <input type="radio" name="st-preview-mode" checked={mode() === m} onChange={() => restart(m)} /> {t('studio.previewModes')[m]}
            </label>
          )}
        </For>
      </fieldset>
      <div class="st-preview">
        <div class="st-preview-article reader-pane">
          <ArticleReader article={props.lesson.article} anchors={anchors()} focus={questions()[current()]?.view.focus} selected={selected()} />
        </div>
        <div class="st-preview-questions">
          <Show when={questions()[current()]}>
            {(entry) => {
              const q = () => entry().q;
              return (
                <section class="tw-panel st-preview-question" aria-labelledby="st-preview-qn">
                  <h2 id="st-preview-qn" tabindex="-1">
                    {t('studio.questionOf')(current() + 1, questions().length)}
                  </h2>
                  <QuestionRenderer
                    question={entry().view}
                    answer={answers()[q().id]}
                    onChange={(a) => {
                      setAnswers({ ...answers(), [q().id]: a });
                      if (mode() === 'practice') setGraded(({ [q().id]: _, ...rest }) => rest);
                    }}
                    disabled={finished() || (mode() === 'practice' && !!graded()[q().id])}
                    article={props.lesson.article}
                  />
                  <div class="tw-actions">
                    <Show when={mode() === 'practice' && !graded()[q().id]}>
                      <button type="button" class="tw-button tw-primary" disabled={!isAnswered(entry().view, answers()[q().id])} onClick={() => check(q())}>
                        {t('studio.check')}
                      </button>
                    </Show>
                    <Show when={mode() === 'practice' && graded()[q().id]}>
                      <button type="button" class="tw-button" onClick={() => setGraded(({ [q().id]: _, ...rest }) => rest)}>
                        {t('studio.tryAgain')}
                      </button>
                    </Show>
                  </div>
                  <Show when={showFeedback(q().id)}>
                    <FeedbackPanel graded={{ ...graded()[q().id]!, explanation: q().explanation }} type={q().type} teacherMarks />
                  </Show>
                </section>
              );
            }}
          </Show>
          <nav class="tw-actions st-preview-nav" aria-label={t('studio.questionNav')}>
            <button type="button" class="tw-button" disabled={current() === 0} onClick={() => go(current() - 1)}>
              {t('studio.previous')}
            </button>
            <button type="button" class="tw-button" disabled={current() >= questions().length - 1} onClick={() => go(current() + 1)}>
              {t('studio.next')}
            </button>
          </nav>
          <Show when={mode() === 'test'}>
            <div class="tw-actions">
          <Show when={!finished()} fallback={<button type="button" class="tw-button" onClick={() => restart('test')}>{t('studio.startOver')}</button>}>
            <button type="button" class="tw-button tw-primary" onClick={finish}>
              {t('studio.handIn')}
            </button>
          </Show>
        </div>
            <Show when={finished()}>
              <p id="st-preview-score" tabindex="-1" class="st-score">
                {t('studio.previewScore')(score().points, score().max)}
              </p>
            </Show>
          </Show>
        </div>
      </div>
    </>
  );
}
