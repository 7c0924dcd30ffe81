// /teacher/assignments/:id/projector: the class's answers, one question per screen in large type and
// without any student names, to discuss on the classroom projector. Previous/next buttons and the
// arrow keys move between questions; the correct answer stays hidden until the teacher shows it.
import { createMemo, createSignal, For, Match, onCleanup, onMount, Show, Switch, type JSX } from 'solid-js';
import { A, createAsync, revalidate, useParams, useSearchParams } from '@solidjs/router';
import { getProjectorReport } from '../../lib/queries.ts';
import type { AnswerCount, AssignmentReport, ReportQuestion } from '../../lib/api.ts';
import '../../i18n/teach.ts';
import { percent, pick, skillName, t } from '../../i18n/class.ts';
import { Bar } from '../../components/teacher/report-parts.tsx';
import { FullScreenButton } from '../../components/ui/full-screen-button.tsx';
import '../../styles/teacher.css';
import '../../styles/teach.css';
import { RequireTeacher } from '../../components/teacher/require-teacher.tsx';
import { AsyncBoundary } from '../../components/ui/async-boundary.tsx';
import { useTitle } from '../../components/ui/page-title.tsx';
import { isTeacherGraded, readsByPosition } from '../../../../lessons/types/answers/index.ts';

export default function ReportProjectorPage(): JSX.Element {
  return <RequireTeacher>{() => <Projector />}</RequireTeacher>;
}

function answerLabel(a: AnswerCount): string {
  return typeof a.label === 'string' ? a.label : pick(a.label);
}

/** For an order question: per position, the share of answers with the right item there (values are "item@position"). */
export function orderPositions(q: ReportQuestion): { position: number; fraction: number; correct: AnswerCount | undefined }[] {
  const positions = new Map<number, AnswerCount[]>();
  for (const a of q.distribution) {
    const at = Number(a.value.split('@').pop());
    if (!Number.isFinite(at)) continue;
    positions.set(at, [...(positions.get(at) ?? []), a]);
  }
  return [...positions.entries()]
    .sort(([x], [y]) => x - y)
    .map(([position, entries]) => {
      const total = entries.reduce((n, e) => n + e.count, 0);
      const correct = entries.find((e) => e.correct);
      return { position, fraction: total && correct ? correct.count / total : 0, correct };
    });
}

function Projector(): JSX.Element {
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  // The projector view of the report leaves names out on the server too.
  const report = createAsync(() => getProjectorReport(params.id!));
  let stage!: HTMLDivElement;
  const count = () => report()?.questions.length ?? 0;
  const index = createMemo(() => {
    const n = Number(search.q);
    return Number.isInteger(n) && n >= 1 && n <= count() ? n - 1 : 0;
  });
  const [revealed, setRevealed] = createSignal(false);
  /** ?screen=discussion: the open answers the teacher picked, instead of a question's distribution. */
  const discussing = () => search.screen === 'discussion';

  function go(i: number) {
    if (i < 0 || i >= count() || i === index()) return;
    setRevealed(false);
    setSearch({ q: String(i + 1), screen: undefined }, { replace: true });
  }

  onMount(() => {
    // The site header (outside these pages) is hidden on the projector; the page's own bar remains.
    document.body.classList.add('projector');
    onCleanup(() => document.body.classList.remove('projector'));
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') {
        e.preventDefault();
        go(index() + 1);
      } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
        e.preventDefault();
        go(index() - 1);
      }
    };
    document.addEventListener('keydown', onKey);
    onCleanup(() => document.removeEventListener('keydown', onKey));
  });

  useTitle(() => (report.latest ? t('class.projectorTitle')(pick(report.latest.assignment.lessonTitle)) : t('class.projectorView')));
  return (
    <AsyncBoundary>
      <Show when={report()}>
        {(r) => {
          const q = () => r().questions[index()];
          return (
            <div class="tw-page tw-projector" ref={stage}>
              <div class="tw-toolbar tw-projector-bar tw-no-print">
                <A class="tw-button tw-small" href={`/teacher/assignments/${r().assignment.id}`}>
                  {t('class.backToReport')}
                </A>
                <FullScreenButton target={() => stage} small />
                <button type="button" class="tw-button tw-small" onClick={() => void revalidate(getProjectorReport.keyFor(r().assignment.id))}>
                  {t('class.refresh')}
                </button>
              </div>
              <h1 class="tw-projector-title">{t('class.projectorTitle')(pick(r().assignment.lessonTitle))}</h1>
              <Show when={(r().discussion ?? []).length > 0}>
                <p class="tw-no-print">
                  <button type="button" class="tw-button" aria-pressed={discussing()} onClick={() => setSearch({ screen: discussing() ? undefined : 'discussion' }, { replace: true })}>
                    {t('teach.discussShow')((r().discussion ?? []).length)}
                  </button>
                </p>
              </Show>
              <Show when={discussing() && (r().discussion ?? []).length > 0}>
                <Discussion report={r()} />
              </Show>
              <Show when={!discussing() && q()}>
                {(question) => (
                  <ProjectorQuestion
                    question={question() as ReportQuestion}
                    number={index() + 1}
                    total={count()}
                    revealed={revealed()}
                    onReveal={() => setRevealed(!revealed())}
                  />
                )}
              </Show>
              <nav class="tw-projector-nav tw-no-print" aria-label={t('class.projectorKeys')}>
                <button type="button" class="tw-button" disabled={index() === 0} onClick={() => go(index() - 1)}>
                  ← {t('class.previous')}
                </button>
                <span class="tw-projector-count" aria-live="polite">
                  {t('class.projectorOf')(index() + 1, count())}
                </span>
                <button type="button" class="tw-button" disabled={index() >= count() - 1} onClick={() => go(index() + 1)}>
                  {t('class.next')} →
                </button>
              </nav>
              <p class="tw-hint tw-no-print">{t('class.projectorKeys')}</p>
            </div>
          );
        }}
      </Show>
    </AsyncBoundary>
  );
}

/** The open answers the teacher picked in the report, per question, without names (the server sends none). */
function Discussion(props: { report: AssignmentReport }): JSX.Element {
  const groups = () =>
    props.report.questions
      .map((q, i) => ({ q, number: i + 1, answers: (props.report.discussion ?? []).filter((d) => d.questionId === q.id) }))
      .filter((g) => g.answers.length > 0);
  return (
    <section class="tw-projector-question" aria-labelledby="tw-discuss-h">
      <h2 id="tw-discuss-h">{t('teach.discussTitle')}</h2>
      <For each={groups()}>
        {(g) => (
          <section aria-labelledby={`tw-discuss-${g.q.id}`}>
            <h3 id={`tw-discuss-${g.q.id}`}>
              {t('class.questionN')(g.number)}: {pick(g.q.prompt)}
            </h3>
            <ol class="tw-discuss-answers">
              <For each={g.answers}>{(d) => <li class="tw-answer-text">{d.text}</li>}</For>
            </ol>
          </section>
        )}
      </For>
    </section>
  );
}

function ProjectorQuestion(props: {
  question: ReportQuestion;
  number: number;
  total: number;
  revealed: boolean;
  onReveal: () => void;
}): JSX.Element {
  const q = () => props.question;
  const total = () => q().distribution.reduce((sum, a) => sum + a.count, 0);
  return (
    <section class="tw-projector-question" aria-labelledby="tw-projector-q">
      <h2 id="tw-projector-q">
        {t('class.projectorOf')(props.number, props.total)} <span class="tw-muted">({skillName(q().skill)})</span>
      </h2>
      <p class="tw-projector-prompt">{pick(q().prompt)}</p>
      <p class="tw-muted">{t('class.answeredCount')(q().responses)}</p>
      <Switch>
        <Match when={isTeacherGraded(q())}>
          <p class="tw-muted">{t('class.noDistribution')}</p>
        </Match>
        <Match when={q().distribution.length === 0 || total() === 0}>
          <p class="tw-muted">{t('class.noResponses')}</p>
        </Match>
        <Match when={readsByPosition(q())}>
          <h3>{t('class.orderSummary')}</h3>
          <ul class="tw-dist-list tw-order-summary">
            <For each={orderPositions(q())}>
              {(p) => (
                <li>
                  <span class="tw-dist-label">
                    <strong>{t('class.positionCorrect')(p.position)}</strong>
                    <Show when={props.revealed && p.correct}>
                      {' '}
                      <span class="tw-tag tw-tag-correct">✓ {answerLabel(p.correct!)}</span>
                    </Show>
                  </span>
                  <Bar fraction={p.fraction} label={t('class.positionCorrectPct')(percent(p.fraction))} />
                </li>
              )}
            </For>
          </ul>
        </Match>
        <Match when={true}>
          <ul class="tw-dist-list">
            <For each={q().distribution}>
              {(a) => (
                <li classList={{ 'tw-correct': props.revealed && a.correct }}>
                  <span class="tw-dist-label">
                    <Show when={props.revealed && a.correct}>
                      <span class="tw-tag tw-tag-correct">✓ {t('class.correct')}</span>{' '}
                    </Show>
                    {answerLabel(a)}
                  </span>
                  <Bar fraction={total() ? a.count / total() : 0} label={t('class.countOf')(a.count)} />
                </li>
              )}
            </For>
          </ul>
        </Match>
      </Switch>
      <Show when={q().type !== 'open' && total() > 0}>
        <p class="tw-no-print">
          <button type="button" class="tw-button tw-primary" aria-pressed={props.revealed} onClick={() => props.onReveal()}>
            {t('class.showCorrect')}
          </button>
        </p>
      </Show>
      <Show when={props.revealed && q().commonWrong}>
        {(wrong) => (
          <div class="tw-common-wrong">
            <p>
              <strong>{t('class.commonWrong')}:</strong> {answerLabel(wrong())} ({t('class.countOf')(wrong().count)})
            </p>
          </div>
        )}
      </Show>
    </section>
  );
}
