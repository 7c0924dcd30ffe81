// /teacher/assignments/:id: an assignment's report for its teacher, in tabs: the students x
// questions heat map (sortable, a cell opens the answer), skills, grading with the picks to discuss
// on the projector and the feedback release, item analysis, answer distributions. Above them the
// optional Dutch grade's norm, CSV and print.
import { createSignal, For, Show, type JSX } from 'solid-js';
import { A, createAsync, revalidate, useParams, useSearchParams } from '@solidjs/router';
import { api, type AssignmentReport } from '../../lib/api.ts';
import { GradingList } from '../../components/teacher/grading-list.tsx';
import { HeatMap } from '../../components/teacher/heat-map.tsx';
import { ReleasePanel } from '../../components/teacher/release-panel.tsx';
import { AnswerDialog, type AnswerDialogTarget } from '../../components/teacher/answer-dialog.tsx';
import { GradeNormPanel } from '../../components/teacher/grade-norm.tsx';
import { assignmentName } from '../../components/teacher/assignment-editor.tsx';
import { Tabs } from '../../components/ui/tabs.tsx';
import { pick, t } from '../../i18n/class.ts';
import '../../i18n/teach.ts';
import { lang } from '../../i18n/index.ts';
import { getReport } from '../../lib/queries.ts';
import { Distribution, ItemAnalysis, SkillBars, StudentSkills } from '../../components/teacher/report-parts.tsx';
import '../../styles/teacher.css';
import '../../styles/teach.css';
import { RequireTeacher } from '../../components/teacher/require-teacher.tsx';
import { AsyncBoundary } from '../../components/ui/async-boundary.tsx';
import { useTitle } from '../../components/ui/page-title.tsx';

export default function ReportPage(): JSX.Element {
  return <RequireTeacher>{() => <Report />}</RequireTeacher>;
}

function Report(): JSX.Element {
  const params = useParams();
  const report = createAsync(() => getReport(params.id!));
  useTitle(() => (report.latest ? t('class.reportTitle')(assignmentName(report.latest.assignment)) : t('class.report')));
  return (
    <AsyncBoundary>
      <Show when={report()}>{(r) => <ReportBody report={r()} />}</Show>
    </AsyncBoundary>
  );
}

function ReportBody(props: { report: AssignmentReport }): JSX.Element {
  const a = () => props.report.assignment;
  const [search, setSearch] = useSearchParams();
  const [opened, setOpened] = createSignal<AnswerDialogTarget | null>(null);
  const max = () => props.report.questions.reduce((n, q) => n + q.points, 0);
  const tab = () => (typeof search.tab === 'string' ? search.tab : 'students');
  return (
    <div class="tw-page tw-report">
      <p class="tw-back tw-no-print">
        <A href={`/teacher/classes/${a().classId}`}>{t('class.backToClass')(a().className)}</A>
      </p>
      <h1>{t('class.reportTitle')(assignmentName(a()))}</h1>
      <p class="tw-muted">
        {a().title ? `${pick(a().lessonTitle)} · ` : ''}
        {t('class.reportMeta')(a().className, a().mode === 'test' ? t('class.modeTest') : t('class.modePractice'))}
      </p>

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
        <button type="button" class="tw-button" onClick={() => void revalidate(getReport.keyFor(a().id))}>
          {t('class.refresh')}
        </button>
      </nav>

      <section class="tw-section tw-no-print" aria-labelledby="tw-downloads">
        <h2 id="tw-downloads">{t('class.downloads')}</h2>
        <ul class="tw-links">
          <li>
            <a href={api.csvUrl(a().id, 'semicolon', lang())} download="">
              {t('class.csvExcel')}
            </a>
          </li>
          <li>
            <a href={api.csvUrl(a().id, 'comma', lang())} download="">
              {t('class.csvComma')}
            </a>
          </li>
        </ul>
      </section>

      <GradeNormPanel assignment={a()} max={max()} />

      <Tabs
        label={t('teach.reportTabs')}
        selected={tab()}
        onSelect={(id) => setSearch({ tab: id }, { replace: true })}
        tabs={[
          {
            id: 'students',
            label: t('teach.tabStudents'),
            panel: () => (
              <section class="tw-section" aria-label={t('class.heatMap')}>
                <p class="tw-hint">{t('teach.heatMapHowTo')}</p>
                <HeatMap
                  students={props.report.students}
                  questions={props.report.questions}
                  norm={a().gradeNorm}
                  onOpen={(s, q) =>
                    setOpened({ studentId: s.id, displayName: s.displayName, questionId: q.id, number: props.report.questions.indexOf(q) + 1 })
                  }
                />
              </section>
            ),
          },
          {
            id: 'skills',
            label: t('teach.tabSkills'),
            panel: () => (
              <section class="tw-section" aria-labelledby="tw-skills">
                <h2 id="tw-skills">{t('class.skillsTitle')}</h2>
                <h3>{t('class.skillsClass')}</h3>
                <SkillBars skills={props.report.skills} />
                <StudentSkills students={props.report.students} skills={props.report.skills} />
              </section>
            ),
          },
          {
            id: 'grading',
            label: t('teach.tabGrading')(props.report.toGrade.filter((g) => g.points === null).length),
            panel: () => (
              <>
                <GradingList report={props.report} />
                <Show when={a().mode === 'test'}>
                  <ReleasePanel report={props.report} />
                </Show>
              </>
            ),
          },
          {
            id: 'items',
            label: t('teach.tabItems'),
            panel: () => (
              <section class="tw-section" aria-labelledby="tw-items">
                <h2 id="tw-items">{t('class.itemAnalysis')}</h2>
                <p class="tw-hint">{t('class.itemAnalysisHint')}</p>
                <ItemAnalysis questions={props.report.questions} />
              </section>
            ),
          },
          {
            id: 'answers',
            label: t('teach.tabAnswers'),
            panel: () => (
              <section class="tw-section" aria-labelledby="tw-dist">
                <h2 id="tw-dist">{t('class.distributionTitle')}</h2>
                <div class="tw-dist-grid">
                  <For each={props.report.questions}>{(q, i) => <Distribution question={q} number={i() + 1} />}</For>
                </div>
              </section>
            ),
          },
        ]}
      />
      <Show when={opened()}>{(target) => <AnswerDialog assignmentId={a().id} target={target()} onClose={() => setOpened(null)} />}</Show>
    </div>
  );
}
