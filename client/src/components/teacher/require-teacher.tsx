// The gate of the teacher's pages: a signed-in teacher sees the page, anyone else a sentence and a
// link to log in.
import { Match, Switch, type JSX } from 'solid-js';
import { A, createAsync } from '@solidjs/router';
import type { Me } from '../../lib/api.ts';
import { t } from '../../i18n/class.ts';
import { getMe } from '../../lib/queries.ts';
import { AsyncBoundary } from '../ui/async-boundary.tsx';

/** Shows its children only to a signed-in teacher; anyone else gets a sentence and a link to log in. */
export function RequireTeacher(props: { children: (me: Me) => JSX.Element }): JSX.Element {
  const me = createAsync(() => getMe());
  return (
    <AsyncBoundary>
      <Switch>
        <Match when={me() && me()!.role !== 'teacher'}>
          <div class="tw-panel">
            <p>{t('class.teacherOnly')}</p>
            <A class="tw-button" href="/teacher">
              {t('class.login')}
            </A>
          </div>
        </Match>
        <Match when={me()}>{(m) => props.children(m())}</Match>
      </Switch>
    </AsyncBoundary>
  );
}
