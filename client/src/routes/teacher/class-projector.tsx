// /teacher/classes/:id/projector: the join code alone, as large as the screen allows, for the
// back row of a classroom; a full-screen button hides the browser's own chrome too.
import { createResource, Match, onCleanup, onMount, Switch, type JSX } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { api as teacherApi } from '../../lib/api.ts';
import { FullScreenButton } from '../../components/ui/full-screen-button.tsx';
import { t } from '../../i18n/class.ts';
import '../../styles/teacher.css';
import { RequireTeacher } from '../../components/teacher/require-teacher.tsx';
import { ErrorMessage } from '../../components/ui/error-message.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { useTitle } from '../../components/ui/page-title.tsx';

export default function ClassProjectorPage(): JSX.Element {
  return <RequireTeacher>{() => <CodeStage />}</RequireTeacher>;
}

function CodeStage(): JSX.Element {
  const params = useParams();
  const [cls, { refetch }] = createResource(() => params.id, (id) => teacherApi.class(id));
  let stage!: HTMLDivElement;
  // The site header (outside these pages) is hidden while the code is on the projector.
  onMount(() => document.body.classList.add('projector'));
  onCleanup(() => document.body.classList.remove('projector'));
  useTitle(() => `${t('class.classJoinCode')}: ${cls()?.name ?? ''}`);
  return (
    <Switch fallback={<Loading />}>
      <Match when={cls.error}>
        <ErrorMessage error={cls.error} retry={refetch} />
      </Match>
      <Match when={cls()}>
        {(c) => (
          <div class="tw-code-stage" ref={stage}>
            <div class="tw-toolbar tw-corner">
              <A class="tw-button tw-small" href={`/teacher/classes/${c().id}`}>
                {t('class.exitProjector')}
              </A>
              <FullScreenButton target={() => stage} small />
            </div>
            <h1 class="tw-code-stage-class">{c().name}</h1>
            <p class="tw-code-stage-how">{t('class.joinCodeHow')(location.host)}</p>
            <p class="tw-code-stage-code" translate="no">
              {c().joinCode}
            </p>
          </div>
        )}
      </Match>
    </Switch>
  );
}
