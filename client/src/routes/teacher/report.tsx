// /teacher/assignments/:id: an assignment's report for its teacher: heat map, skills, item
// analysis, answer distributions, open answers to grade, feedback release, CSV and print.
import { For, Show, type JSX } from 'solid-js';
import { A, createAsync, revalidate, useParams } from '@solidjs/router';
import { api, type AssignmentReport } from '../../lib/api.ts';
import { GradingList } from '../../components/teacher/grading-list.tsx';
import { HeatMap } from '../../components/teacher/heat-map.tsx';
import { ReleasePanel } from '../../components/teacher/release-panel.tsx';
import { pick, t } from '../../i18n/class.ts';
import { lang } from '../../i18n/index.ts';
import { getReport } from '../../lib/queries.ts';
import { Distribution, ItemAnalysis, SkillBars, StudentSkills } from '../../components/teacher/report-parts.tsx';
import '../../styles/teacher.css';
import { RequireTeacher } from '../../components/teacher/require-teacher.tsx';
import { AsyncBoundary } from '../../components/ui/async-boundary.tsx';
import { useTitle } from '../../components/ui/page-title.tsx';

export default function ReportPage(): JSX.Element {
  return <RequireTeacher>{() => <Report />}</RequireTeacher>;
}

function Report(): JSX.Element {
  const params = useParams();
  const report = createAsync(() => getReport(params.id!));
  useTitle(() => (report.latest ? t('class.reportTitle')(pick(report.latest.assignment.lessonTitle)) : t('class.report')));
  return (
    <AsyncBoundary>
      <Show when={report()}>{(r) => <ReportBody report={r()} />}</Show>
    </AsyncBoundary>
  );
}

function ReportBody(props: { report: AssignmentReport }): JSX.Element {
  const a = () => props.report.assignment;
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

      <section class="tw-section" aria-label={t('class.heatMap')}>
        <HeatMap students={props.report.students} questions={props.report.questions} />
      </section>

      <section class="tw-section" aria-labelledby="tw-skills">
        <h2 id="tw-skills">{t('class.skillsTitle')}</h2>
        <h3>{t('class.skillsClass')}</h3>
        <SkillBars skills={props.report.skills} />
        <StudentSkills students={props.report.students} skills={props.report.skills} />
      </section>

      <GradingList report={props.report} />

      <Show when={a().mode === 'test'}>
        <ReleasePanel report={props.report} />
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
