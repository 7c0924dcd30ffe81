// Every throughput figure is taken after a short unmeasured run of the same load: the first seconds
// after a start are V8 compiling the request path, for the bare stack and Bronwijs alike.
//
// autocannon keeps each response's body as a string (`body += chunk`) for the options that look at
// it: expectBody, verifyBody and a request's onResponse. No load here uses them, and decoding the
// bodies was the load generator's largest cost where they are large: in 1b (a 3.9 KB brotli
// lesson, which is not UTF-8) converting them took a third of its time, and the load generator, one
// thread, ran out of its core while the server's workers waited for requests (tests/bench/NOTES.md,
// fifth pass). Every load here counts the bytes of a response and does not decode it, the bare
// stack's as well as Bronwijs's.
import autocannon from 'autocannon';

export const WARM_UP_SECONDS = 2;

/** The load for its duration, measured after WARM_UP_SECONDS of the same load. */
export async function measuredLoad(options: autocannon.Options): Promise<autocannon.Result> {
  const counted = countingBodies(options);
  await autocannon({ ...counted, duration: WARM_UP_SECONDS });
  return autocannon(counted);
}

type WithBodies = { expectBody?: unknown; verifyBody?: unknown; requests?: { onResponse?: unknown }[] };

/** The options with every client counting response bytes without keeping the body as text. */
export function countingBodies(options: autocannon.Options): autocannon.Options {
  const looked = options as WithBodies;
  if (looked.expectBody !== undefined || looked.verifyBody !== undefined || looked.requests?.some((r) => r.onResponse)) {
    throw new Error('measuredLoad: this load reads response bodies (expectBody, verifyBody or onResponse); it keeps none');
  }
  const setupClient = options.setupClient;
  return {
    ...options,
    setupClient: (client) => {
      (client as unknown as { pipelinedRequests: { addBody(data: string): void } }).pipelinedRequests.addBody = () => {};
      setupClient?.(client);
    },
  };
}
