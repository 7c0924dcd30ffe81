// A page's data states in one wrapper: the loading line while it comes, the error (with a way to
// try again) when it fails.
import { ErrorBoundary, Suspense, type JSX } from 'solid-js';
import { ErrorMessage } from './error-message.tsx';
import { Loading } from './loading.tsx';

export function AsyncBoundary(props: { children: JSX.Element }): JSX.Element {
  return (
    <ErrorBoundary fallback={(error, reset) => <ErrorMessage error={error} retry={reset} />}>
      <Suspense fallback={<Loading />}>{props.children}</Suspense>
    </ErrorBoundary>
  );
}
