// /teacher/assignments/:id/projector: the class's answer distributions, large and without any
// student names, to discuss on the classroom projector.
import { createResource, For, Match, Switch, type JSX } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { teacherApi } from './api.ts';
import { pick, tt } from './i18n.ts';
import { Distribution } from './report-parts.tsx';
import { Failure, Loading, RequireTeacher, useTitle } from './ui.tsx';
import { FullScreenButton } from './full-screen.tsx';
import './teacher.css';

export default function ReportProjectorPage(): JSX.Element {
  return <RequireTeacher>{() => <Projector />}</RequireTeacher>;
}

function Projector(): JSX.Element {
  const params = useParams();
  // The projector view of the report leaves names out on the server too.
  const [report, { refetch }] = createResource(() => params.id, (id) => teacherApi.report(id, true));
  let stage!: HTMLDivElement;
  useTitle(() => (report() ? tt('projectorTitle')(pick(report()!.assignment.lessonTitle)) : tt('projectorView')));
  return (
    <Switch fallback={<Loading />}>
      <Match when={report.error}>
        <Failure error={report.error} retry={refetch} />
      </Match>
      <Match when={report()}>
        {(r) => (
          <div class="tw-page tw-projector" ref={stage}>
            <div class="tw-toolbar tw-no-print">
              <A class="tw-button" href={`/teacher/assignments/${r().assignment.id}`}>
                {tt('backToReport')}
              </A>
              <FullScreenButton target={() => stage} />
              <button type="button" class="tw-button" onClick={() => refetch()}>
                {tt('refresh')}
              </button>
            </div>
            <h1>{tt('projectorTitle')(pick(r().assignment.lessonTitle))}</h1>
            <For each={r().questions}>{(q, i) => <Distribution question={q} number={i() + 1} large />}</For>
          </div>
        )}
      </Match>
    </Switch>
  );
}
