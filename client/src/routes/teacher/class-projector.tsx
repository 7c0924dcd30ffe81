// /teacher/classes/:id/projector: the join code as large as the screen allows, for the back row of
// a classroom, with a QR code of the join link (made in the page, no outside service) and who has
// joined so far, read again every few seconds through the class's own authorized route. A
// full-screen button hides the browser's own chrome too.
import { For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { A, createAsync, revalidate, useParams } from '@solidjs/router';
import { getClass } from '../../lib/queries.ts';
import { FullScreenButton } from '../../components/ui/full-screen-button.tsx';
import { QrCode } from '../../components/teacher/qr-code.tsx';
import { JoinWindow } from '../../components/teacher/join-window.tsx';
import { t } from '../../i18n/class.ts';
import '../../i18n/teach.ts';
import '../../styles/teacher.css';
import '../../styles/teach.css';
import { RequireTeacher } from '../../components/teacher/require-teacher.tsx';
import { AsyncBoundary } from '../../components/ui/async-boundary.tsx';
import { useTitle } from '../../components/ui/page-title.tsx';

/** How often the roster is read again while the projector shows it. */
export const ROSTER_POLL_MS = 3000;

/** The link a student's phone opens from the QR code: the join page with the code filled in. */
export function joinLink(origin: string, joinCode: string): string {
  return `${origin}/join?code=${encodeURIComponent(joinCode)}`;
}

export default function ClassProjectorPage(): JSX.Element {
  return <RequireTeacher>{() => <CodeStage />}</RequireTeacher>;
}

function CodeStage(): JSX.Element {
  const params = useParams();
  const cls = createAsync(() => getClass(params.id!));
  let stage!: HTMLDivElement;
  // The site header (outside these pages) is hidden while the code is on the projector.
  onMount(() => {
    document.body.classList.add('projector');
    const timer = setInterval(() => {
      if (!document.hidden) void revalidate(getClass.keyFor(params.id!));
    }, ROSTER_POLL_MS);
    onCleanup(() => clearInterval(timer));
  });
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
            <div class="tw-code-stage-join">
              <div>
                <p class="tw-code-stage-how">{t('class.joinCodeHow')(location.host)}</p>
                <p class="tw-code-stage-code" translate="no">
                  {c().joinCode}
                </p>
              </div>
              <figure class="tw-code-stage-qr">
                <QrCode text={joinLink(location.origin, c().joinCode)} label={t('teach.qrLabel')(c().joinCode)} class="tw-qr" />
                <figcaption>{t('teach.qrCaption')}</figcaption>
              </figure>
            </div>
            <JoinWindow classId={c().id} joinOpenUntil={c().joinOpenUntil} compact />
            <section class="tw-code-stage-roster" aria-labelledby="tw-joined-h">
              <h2 id="tw-joined-h">{t('teach.joinedCount')(c().students.length)}</h2>
              <Show when={c().students.length > 0} fallback={<p class="tw-muted">{t('teach.nobodyYet')}</p>}>
                <ul class="tw-joined-list" aria-live="polite" aria-relevant="additions">
                  <For each={c().students}>{(s) => <li>{s.displayName}</li>}</For>
                </ul>
              </Show>
            </section>
          </div>
        )}
      </Show>
    </AsyncBoundary>
  );
}
