// A page's data states in one wrapper: the loading line while its queries load, the error when
// one fails (or the page's own words for an error it expects), with a way to try again.
import { revalidate } from '@solidjs/router';
import { ErrorBoundary, Suspense, type JSX } from 'solid-js';
import { ErrorMessage } from './error-message.tsx';
import { Loading } from './loading.tsx';

export function AsyncBoundary(props: { children: JSX.Element; failure?: (error: unknown) => JSX.Element | undefined }): JSX.Element {
  return (
    <ErrorBoundary
      fallback={(error, reset) =>
        props.failure?.(error) ?? (
          <ErrorMessage
            error={error}
            retry={() => {
              void revalidate(); // a failed query is cached too: load everything on the page again
              reset();
            }}
          />
        )
      }
    >
      <Suspense fallback={<Loading />}>{props.children}</Suspense>
    </ErrorBoundary>
  );
}
