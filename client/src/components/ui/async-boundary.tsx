// Loading and error states for a page's data: a calm loading line, and an error that says what
// happened in plain words with a way to try again.
import { ErrorBoundary, Suspense, type JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { ApiError } from '../../lib/api.ts';

export function Loading() {
  return (
    <p class="loading" role="status">
      {t('loading')}
    </p>
  );
}

export function ErrorMessage(props: { error: unknown; reset?: () => void }) {
  const detail = () => {
    const e = props.error;
    if (e instanceof ApiError) return e.status === 0 ? t('networkError') : e.problem.detail || e.problem.title;
    return e instanceof Error ? e.message : String(e);
  };
  return (
    <div class="error-box" role="alert">
      <h2>{t('errorTitle')}</h2>
      <p>{detail()}</p>
      {props.reset && (
        <button type="button" onClick={() => props.reset!()}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

export function AsyncBoundary(props: { children: JSX.Element }) {
  return (
    <ErrorBoundary fallback={(error, reset) => <ErrorMessage error={error} reset={reset} />}>
      <Suspense fallback={<Loading />}>{props.children}</Suspense>
    </ErrorBoundary>
  );
}
