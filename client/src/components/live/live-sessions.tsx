// The teacher's live lessons, newest first: the running ones back to their controls, every one to
// its results. Nothing at all for a teacher who never ran one.
import { createResource, For, Show, type JSX } from 'solid-js';
import { A } from '@solidjs/router';
import { formatDateTime, pick, t } from '../../i18n/live.ts';
import { liveApi } from '../../lib/live.ts';

export function LiveSessions(): JSX.Element {
  // a list that fails to load is left out: the classes above are what this page is for
  const [sessions] = createResource(() => liveApi.sessions().catch(() => []));
  return (
    <Show when={(sessions() ?? []).length > 0}>
      <section class="tw-section" aria-labelledby="lv-sessions-h">
        <h2 id="lv-sessions-h">{t('live.mySessions')}</h2>
        <ul class="tw-cards">
          <For each={sessions()}>
            {(s) => (
              <li class="tw-card">
                <span class="tw-card-title">{pick(s.lessonTitle)}</span>
                <span class="tw-muted">
                  {s.className ?? t('live.guestsShort')} · {formatDateTime(s.startedAt)} · {s.endedAt ? t('live.phase').ended : t('live.running')}
                </span>
                <span class="tw-card-links">
                  <Show when={!s.endedAt}>
                    <A href={`/teacher/live/${s.id}`}>
                      {t('live.toControl')}
                      <span class="tw-sr-only">: {pick(s.lessonTitle)}</span>
                    </A>
                  </Show>
                  <A href={`/teacher/live/${s.id}/results`}>
                    {t('live.toResults')}
                    <span class="tw-sr-only">: {pick(s.lessonTitle)}</span>
                  </A>
                </span>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
