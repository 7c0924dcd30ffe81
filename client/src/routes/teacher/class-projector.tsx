// /teacher/classes/:id/projector: the join code alone, as large as the screen allows, for the
// back row of a classroom; a full-screen button hides the browser's own chrome too.
import { onCleanup, onMount, Show, type JSX } from 'solid-js';
import { A, createAsync, useParams } from '@solidjs/router';
import { getClass } from '../../lib/queries.ts';
import { FullScreenButton } from '../../components/ui/full-screen-button.tsx';
import { t } from '../../i18n/class.ts';
import '../../styles/teacher.css';
import { RequireTeacher } from '../../components/teacher/require-teacher.tsx';
import { AsyncBoundary } from '../../components/ui/async-boundary.tsx';
import { useTitle } from '../../components/ui/page-title.tsx';

export default function ClassProjectorPage(): JSX.Element {
  return <RequireTeacher>{() => <CodeStage />}</RequireTeacher>;
}

function CodeStage(): JSX.Element {
  const params = useParams();
  const cls = createAsync(() => getClass(params.id!));
  let stage!: HTMLDivElement;
  // The site header (outside these pages) is hidden while the code is on the projector.
  onMount(() => document.body.classList.add('projector'));
  onCleanup(() => document.body.classList.remove('projector'));
  useTitle(() => `${t('class.classJoinCode')}: ${cls()?.name ?? ''}`);
  return (
    <AsyncBoundary>
      <Show when={cls()}>
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
      </Show>
    </AsyncBoundary>
  );
}
