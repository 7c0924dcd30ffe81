// A live session as server-sent events (like the assignment live view, server/routes/reports.ts):
// the full view at once on every (re)connect, then the view again whenever it changed. The hub
// (./hub.ts) says when the session moved; each stream computes its own view and sends it only if
// it differs from the last one sent. The stream ends when its view says so (session ended for a
// participant removed, or gone), when its reader's session ends, and after LIVE_MAX_MS at the
// latest (the browser's EventSource reconnects through the guards again).
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../env.ts';
import { LIVE_KEEPALIVE_MS, LIVE_MAX_MS } from '../routes/reports.ts';
import { liveHubOf, type Change } from './hub.ts';

/** A view is sent at most this often: a class answering at once costs a few views a second. */
export const LIVE_MIN_INTERVAL_MS = 100;
/** How often a stream checks that its reader's session is still valid. */
export const LIVE_SESSION_CHECK_MS = 5000;

export interface LiveStreamOptions {
  sessionId: string;
  /** The view to send now; null ends the stream (the reader may no longer see it). */
  view(): Promise<object | null>;
  /** Which changes this view depends on: a participant's device does not change with others' answers. */
  follows(change: Change): boolean;
  /** Whether the reader's session is still valid. */
  alive(): Promise<boolean>;
  /** When the reader's session ends at the latest (absolute timeout). */
  expiresAt: Date;
}

export function liveStream<E extends AppEnv>(c: Context<E>, options: LiveStreamOptions): Response {
  const hub = liveHubOf(c.get('client'));
  const now = () => c.get('now')().getTime();
  const endsAt = Math.min(now() + LIVE_MAX_MS, options.expiresAt.getTime());
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    let wake: (() => void) | null = null;
    let dirty = false;
    const unsubscribe = hub.subscribe(options.sessionId, (change) => {
      if (!options.follows(change)) return;
      dirty = true;
      wake?.();
    });
    stream.onAbort(() => wake?.());
    try {
      let sent = '';
      const send = async (): Promise<boolean> => {
        const view = await options.view();
        if (view === null) return false;
        const json = JSON.stringify(view);
        if (json !== sent) {
          sent = json;
          await stream.writeSSE({ data: json });
        }
        return true;
      };
      if (!(await send())) return;
      let checked = now();
      let quietSince = now();
      let lastSent = performance.now();
      while (!stream.aborted && !stream.closed) {
        if (!dirty) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, Math.min(LIVE_KEEPALIVE_MS, LIVE_SESSION_CHECK_MS)).unref();
          });
          wake = null;
        }
        if (stream.aborted || stream.closed) break;
        const at = now();
        if (at >= endsAt) break;
        if (at - checked >= LIVE_SESSION_CHECK_MS) {
          checked = at;
          if (!(await options.alive())) break;
        }
        if (dirty) {
          const since = performance.now() - lastSent;
          if (since < LIVE_MIN_INTERVAL_MS) await stream.sleep(LIVE_MIN_INTERVAL_MS - since);
          dirty = false;
          if (!(await send())) break;
          lastSent = performance.now();
          quietSince = at;
        } else if (at - quietSince >= LIVE_KEEPALIVE_MS) {
          quietSince = at;
          await stream.write(': keep-alive\n\n');
        }
      }
    } finally {
      unsubscribe();
    }
  });
}
