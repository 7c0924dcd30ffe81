// A live session as server-sent events (like the assignment live view, server/routes/reports.ts):
// the full view at once on every (re)connect, then the view again whenever it changed. The hub
// (./hub.ts) says when the session moved; each stream computes its own view from the row and the
// snapshot its process shares (read once per change, not per stream) and sends it only if it
// differs from the last one sent. The article (and the teacher's copy of the lesson), the largest
// part of a view and the same for the whole lesson, is serialized once per lesson and left out of
// the comparison, so an open stream holds a small string, not a copy of the article. The stream ends when its view says so (session ended for a
// participant removed, or gone), when its reader's session ends, and after LIVE_MAX_MS at the
// latest (the browser's EventSource reconnects through the guards again).
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../env.ts';
import { LIVE_KEEPALIVE_MS, LIVE_MAX_MS } from '../routes/reports.ts';
import type { LiveSession } from '../../db/schema.ts';
import { liveHubOf, type Change } from './hub.ts';
import { liveSessionRow, readerAlive } from './store.ts';

/** How often a stream checks that its reader's session is still valid. */
export const LIVE_SESSION_CHECK_MS = 5000;

export interface LiveStreamOptions {
  sessionId: string;
  /** The view to send now, from the session's row as it is now (undefined: gone); null ends the
   * stream (the reader may no longer see it). */
  view(session: LiveSession | undefined): Promise<object | null>;
  /** Which changes this view depends on: a participant's device does not change with others' answers. */
  follows(change: Change): boolean;
  /** The reader's own session (the cookie's), checked every LIVE_SESSION_CHECK_MS; a teacher's for `teacher`. */
  reader: { id: string; expiresAt: Date; teacher: boolean };
}

/** The parts of a view that are the same for the whole lesson (the article; the teacher's copy of
 * the lesson), each one object per lesson (server/live/views.ts): serialized once, and left out of
 * what tells two views apart. */
const LESSON_PARTS = ['article', 'lesson'] as const;
const partJson = new WeakMap<object, string>();

/** A view as what tells it apart (all but its lesson parts) and as sent (with them). */
export function viewJson(view: object): { key: string; json: () => string } {
  const rest: Record<string, unknown> = { ...view };
  let tail = '';
  for (const name of LESSON_PARTS) {
    const part = rest[name];
    if (part === null || typeof part !== 'object') continue;
    delete rest[name];
    let text = partJson.get(part);
    if (text === undefined) partJson.set(part, (text = JSON.stringify(part)));
    tail += `,${JSON.stringify(name)}:${text}`;
  }
  const key = JSON.stringify(rest);
  if (!tail) return { key, json: () => key };
  return { key, json: () => (key === '{}' ? `{${tail.slice(1)}}` : `${key.slice(0, -1)}${tail}}`) };
}

export function liveStream<E extends AppEnv>(c: Context<E>, options: LiveStreamOptions): Response {
  const client = c.get('client');
  const hub = liveHubOf(client);
  const now = () => c.get('now')().getTime();
  const endsAt = Math.min(now() + LIVE_MAX_MS, options.reader.expiresAt.getTime());
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
      // The first view reads the row itself: a change this process just made may not be polled yet.
      // After that, the row the hub read once for the change that woke this stream.
      const send = async (first: boolean): Promise<boolean> => {
        const view = await options.view(await (first ? liveSessionRow(client, options.sessionId) : hub.session(options.sessionId)));
        if (view === null) return false;
        const { key, json } = viewJson(view);
        if (key !== sent) {
          sent = key;
          await stream.writeSSE({ data: json() });
        }
        return true;
      };
      if (!(await send(true))) return;
      let checked = now();
      let quietSince = now();
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
          if (!(await readerAlive(client, options.reader.id, at, options.reader.teacher))) break;
        }
        if (dirty) {
          // The hub wakes a session's streams at most once per tick (LIVE_TICK_MS), all together.
          dirty = false;
          if (!(await send(false))) break;
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
