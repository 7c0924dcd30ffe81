// Small pieces the class and teacher pages share: loading and error states, the page title,
// turning an API problem into a sentence, and the gate that asks a teacher to log in.
import { createEffect, createResource, Match, onCleanup, Switch, type JSX } from 'solid-js';
import { A } from '@solidjs/router';
import { ApiError } from '../../lib/api.ts';
import type { Me } from '../../../../server/api-types.ts';
import { teacherApi } from '../../teacher/api.ts';
import { tt } from '../../i18n/class.ts';

export function Loading(): JSX.Element {
  return (
    <p class="tw-muted" role="status">
      {tt('loading')}
    </p>
  );
}

/** The kind of problem the server named (its `type` is /problems/<slug>), or null. */
export function problemType(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const match = /\/problems\/([a-z0-9-]+)$/.exec(error.problem.type ?? '');
  return match ? match[1]! : null;
}

/** A problem in the reader's language when we know its kind; otherwise the server's own words. */
export function problemText(error: unknown): string {
  const known = tt('problems')[problemType(error) ?? ''];
  if (known) return known;
  if (error instanceof ApiError && error.status === 429) return tt('tooMany');
  if (error instanceof ApiError) return error.problem.detail || error.problem.title || tt('error');
  return tt('error');
}

export function Failure(props: { error: unknown; retry?: () => void }): JSX.Element {
  return (
    <div class="tw-alert" role="alert">
      <p>{problemText(props.error)}</p>
      {props.retry && (
        <button type="button" class="tw-button" onClick={() => props.retry!()}>
          {tt('retry')}
        </button>
      )}
    </div>
  );
}

/** Sets the document title for screen-reader users and browser tabs, and puts it back afterwards. */
export function useTitle(title: () => string): void {
  const before = document.title;
  createEffect(() => {
    document.title = `${title()} · Bronwijs`;
  });
  onCleanup(() => {
    document.title = before;
  });
}

/** Shows its children only to a signed-in teacher; anyone else gets a sentence and a link to log in. */
export function RequireTeacher(props: { children: (me: Me) => JSX.Element }): JSX.Element {
  const [me, { refetch }] = createResource(() => teacherApi.me());
  return (
    <Switch fallback={<Loading />}>
      <Match when={me.error}>
        <Failure error={me.error} retry={refetch} />
      </Match>
      <Match when={me() && me()!.role !== 'teacher'}>
        <div class="tw-panel">
          <p>{tt('teacherOnly')}</p>
          <A class="tw-button" href="/teacher">
            {tt('login')}
          </A>
        </div>
      </Match>
      <Match when={me()}>{(m) => props.children(m())}</Match>
    </Switch>
  );
}
