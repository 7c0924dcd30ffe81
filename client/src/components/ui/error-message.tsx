// The one error display: what went wrong in the reader's words (a problem the server named, a lost
// connection, too many tries), with a way to try again where that can help.
import { Show, type JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { ApiError } from '../../lib/api.ts';

/** The kind of problem the server named (its `type` is /problems/<slug>), or null. */
export function problemType(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const match = /\/problems\/([a-z0-9-]+)$/.exec(error.problem.type ?? '');
  return match ? match[1]! : null;
}

/** A problem in the reader's language when we know its kind; otherwise the server's own words. */
export function problemText(error: unknown): string {
  const known = t('problems')[problemType(error) ?? ''];
  if (known) return known;
  if (error instanceof ApiError && error.status === 0) return t('networkError');
  if (error instanceof ApiError && error.status === 429) return t('tooMany');
  if (error instanceof ApiError) return error.problem.detail || error.problem.title || t('error');
  return error instanceof Error && error.message ? error.message : t('error');
}

export function ErrorMessage(props: { error: unknown; retry?: () => void }): JSX.Element {
  return (
    <div class="error-box" role="alert">
      <h2>{t('errorTitle')}</h2>
      <p>{problemText(props.error)}</p>
      <Show when={props.retry}>
        {(retry) => (
          <button type="button" class="secondary" onClick={() => retry()()}>
            {t('retry')}
          </button>
        )}
      </Show>
    </div>
  );
}
