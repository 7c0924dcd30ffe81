// Every throughput figure is taken after a short unmeasured run of the same load: the first seconds
// after a start are V8 compiling the request path, for the bare stack and Bronwijs alike.
import autocannon from 'autocannon';

export const WARM_UP_SECONDS = 2;

/** The load for its duration, measured after WARM_UP_SECONDS of the same load. */
export async function measuredLoad(options: autocannon.Options): Promise<autocannon.Result> {
  await autocannon({ ...options, duration: WARM_UP_SECONDS });
  return autocannon(options);
}
