// /teacher/assignments/:id: an assignment's report for its teacher: heat map, skills, item
// analysis, answer distributions, open answers to grade, feedback release, CSV and print.
import { createMemo, createResource, createSignal, For, Match, Show, Switch, type JSX } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { api as teacherApi, type AssignmentReport, type ReportQuestion as ReportQuestionWithRubric } from '../../lib/api.ts';
import { GradingForm } from '../../components/teacher/grading-form.tsx';
import { HeatMap } from '../../components/teacher/heat-map.tsx';
import { formatDateTime, pick, t } from '../../i18n/class.ts';
import { Distribution, ItemAnalysis, SkillBars, StudentSkills } from '../../components/teacher/report-parts.tsx';
import '../../styles/teacher.css';
import { RequireTeacher } from '../../components/teacher/require-teacher.tsx';
import { ErrorMessage, problemText } from '../../components/ui/error-message.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { useTitle } from '../../components/ui/page-title.tsx';

export default function ReportPage(): JSX.Element {
  return <RequireTeacher>{() => <Report />}</RequireTeacher>;
}

function Report(): JSX.Element {
  const params = useParams();
  const [report, { refetch, mutate }] = createResource(() => params.id, (id) => teacherApi.report(id));
  useTitle(() => (report() ? t('class.reportTitle')(pick(report()!.assignment.lessonTitle)) : t('class.report')));
  return (
    <Switch fallback={<Loading />}>
      <Match when={report.error && !report.latest}>
        <ErrorMessage error={report.error} retry={refetch} />
      </Match>
      <Match when={report.latest}>
        {(r) => <ReportBody report={r()} refetch={refetch} replace={(next) => mutate(next)} />}
      </Match>
    </Switch>
  );
}

function ReportBody(props: { report: AssignmentReport; refetch: () => void; replace: (r: AssignmentReport) => void }): JSX.Element {
  const a = () => props.report.assignment;
  const questionsById = createMemo(() => new Map(props.report.questions.map((q) => [q.id, q as ReportQuestionWithRubric])));
  const graded = () => props.report.toGrade.filter((g) => g.points !== null).length;
  const [releaseError, setReleaseError] = createSignal<string | null>(null);
  const [releasing, setReleasing] = createSignal(false);
  const [confirming, setConfirming] = createSignal(false);
  const stillWorking = () => props.report.students.filter((s) => s.state === 'in-progress').length;
  let releaseButton: HTMLButtonElement | undefined;
  let confirmButton: HTMLButtonElement | undefined;

  function cancelRelease() {
    setConfirming(false);
    releaseButton?.focus();
  }

  async function release() {
    setReleasing(true);
    setReleaseError(null);
    try {
      const assignment = await teacherApi.release(a().id);
      setConfirming(false);
      props.replace({ ...props.report, assignment: { ...a(), ...assignment } });
    } catch (e) {
      setReleaseError(problemText(e));
    } finally {
      setReleasing(false);
    }
  }

  return (
    <div class="tw-page tw-report">
      <p class="tw-back tw-no-print">
        <A href={`/teacher/classes/${a().classId}`}>{t('class.backToClass')(a().className)}</A>
      </p>
      <h1>{t('class.reportTitle')(pick(a().lessonTitle))}</h1>
      <p class="tw-muted">{t('class.reportMeta')(a().className, a().mode === 'test' ? t('class.modeTest') : t('class.modePractice'))}</p>

      <nav class="tw-toolbar tw-no-print" aria-label={t('class.reportNav')}>
        <A class="tw-button" href={`/teacher/assignments/${a().id}/live`}>
          {t('class.liveView')}
        </A>
        <A class="tw-button" href={`/teacher/assignments/${a().id}/projector`}>
          {t('class.projectorView')}
        </A>
        <button type="button" class="tw-button" onClick={() => window.print()}>
          {t('class.print')}
        </button>
        <button type="button" class="tw-button" onClick={() => props.refetch()}>
          {t('class.refresh')}
        </button>
      </nav>

      <section class="tw-section tw-no-print" aria-labelledby="tw-downloads">
        <h2 id="tw-downloads">{t('class.downloads')}</h2>
        <ul class="tw-links">
          <li>
            <a href={teacherApi.csvUrl(a().id, 'semicolon')} download="">
              {t('class.csvExcel')}
            </a>
          </li>
          <li>
            <a href={teacherApi.csvUrl(a().id, 'comma')} download="">
              {t('class.csvComma')}
            </a>
          </li>
        </ul>
      </section>

      <section class="tw-section" aria-label={t('class.heatMap')}>
        <HeatMap students={props.report.students} questions={props.report.questions} />
      </section>

      <section class="tw-section" aria-labelledby="tw-skills">
        <h2 id="tw-skills">{t('class.skillsTitle')}</h2>
        <h3>{t('class.skillsClass')}</h3>
        <SkillBars skills={props.report.skills} />
        <StudentSkills students={props.report.students} skills={props.report.skills} />
      </section>

      <section class="tw-section" aria-labelledby="tw-grade">
        <h2 id="tw-grade">{t('class.toGradeTitle')}</h2>
        <Show when={props.report.toGrade.length > 0} fallback={<p>{t('class.toGradeEmpty')}</p>}>
          <p>{t('class.toGradeCount')(props.report.toGrade.length, graded())}</p>
          {/* Keyed by response id (strings), so a form keeps its "saved" message when the report is read again. */}
          <For each={props.report.toGrade.map((g) => g.responseId)}>
            {(responseId) => {
              const item = () => props.report.toGrade.find((g) => g.responseId === responseId)!;
              const question = () => questionsById().get(item().questionId);
              const number = () => props.report.questions.findIndex((q) => q.id === item().questionId) + 1;
              return (
                <Show when={question()}>
                  <div class="tw-grade-item">
                    <p class="tw-hint">
                      {t('class.questionN')(number())}: {pick(question()!.prompt)}
                    </p>
                    {/* After a grade is saved the report is read again so the heat map, totals and skills update. */}
                    <GradingForm item={item()} question={question()!} onSaved={() => props.refetch()} />
                  </div>
                </Show>
              );
            }}
          </For>
        </Show>
      </section>

      <Show when={a().mode === 'test'}>
        <section class="tw-section tw-release" aria-labelledby="tw-release">
          <h2 id="tw-release">{t('class.releaseScoresTitle')}</h2>
          <Switch>
            <Match when={a().feedbackReleasedAt}>
              <p class="tw-ok" role="status">
                {t('class.released')(formatDateTime(a().feedbackReleasedAt))}
              </p>
            </Match>
            <Match when={a().feedbackRelease === 'on-finish'}>
              <p>{t('class.releasedOnFinish')}</p>
            </Match>
            <Match when={true}>
              <p>{t('class.releaseHint')}</p>
              <p class="tw-release-progress">{t('class.releaseProgress')(graded(), props.report.toGrade.length, stillWorking())}</p>
              <Show
                when={confirming()}
                fallback={
                  <button
                    ref={releaseButton}
                    type="button"
                    class="tw-button tw-primary tw-no-print"
                    onClick={() => {
                      setConfirming(true);
                      confirmButton?.focus();
                    }}
                  >
                    {t('class.releaseScoresButton')}
                  </button>
                }
              >
                <div
                  class="tw-confirm tw-panel tw-no-print"
                  role="group"
                  aria-labelledby="tw-release-confirm-q"
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') cancelRelease();
                  }}
                >
                  <p id="tw-release-confirm-q">{t('class.releaseConfirm')}</p>
                  <button ref={confirmButton} type="button" class="tw-button tw-primary" disabled={releasing()} onClick={release}>
                    {releasing() ? t('class.busy') : t('class.releaseConfirmYes')}
                  </button>
                  <button type="button" class="tw-button" onClick={cancelRelease}>
                    {t('class.cancel')}
                  </button>
                </div>
              </Show>
              <Show when={releaseError()}>
                <p class="tw-error" role="alert">
                  {releaseError()}
                </p>
              </Show>
            </Match>
          </Switch>
        </section>
      </Show>

      <section class="tw-section" aria-labelledby="tw-items">
        <h2 id="tw-items">{t('class.itemAnalysis')}</h2>
        <p class="tw-hint">{t('class.itemAnalysisHint')}</p>
        <ItemAnalysis questions={props.report.questions} />
      </section>

      <section class="tw-section" aria-labelledby="tw-dist">
        <h2 id="tw-dist">{t('class.distributionTitle')}</h2>
        <div class="tw-dist-grid">
          <For each={props.report.questions}>{(q, i) => <Distribution question={q} number={i() + 1} />}</For>
        </div>
      </section>
    </div>
  );
}
