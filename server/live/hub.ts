// Tells the live streams of this process when a session changed. The state lives in the database,
// and another process may have changed it, so the hub polls: one query every POLL_MS for all the
// sessions this process streams, reading their two version counters (commands, answers). A write
// in this process nudges the hub to poll that session at once, so its own streams do not wait for the tick.
// Streams subscribe per session and are told what moved. The session's row, which every stream
// of the session needs after a change, is read once per change in this process (session()), not
// once per stream: 300 devices woken by one command cost one read.
import type { Client } from '@libsql/client';
import { fastSqlOf } from '../../db/client.ts';
import type { LiveSession } from '../../db/schema.ts';
import { liveSessionRow } from './store.ts';

/** How often the hub asks the database for changes: an answer reaches the projector within this
 * (plus the time to compute the view), from any process. */
export const LIVE_SESSION_POLL_MS = 200;
/** A session's streams are woken at most this often, all at once: changes within a tick (a class
 * answering, three commands in a row) make one update, whose row and snapshot they all share. */
export const LIVE_TICK_MS = 200;

const VERSIONS_SQL = 'SELECT id, state_version AS s, answers_version AS a, timer_ends_at AS t FROM live_sessions WHERE id';

export interface Change {
  /** A command changed the state (or a timer ran out, or the session is gone). */
  state: boolean;
  /** An answer was stored. */
  answers: boolean;
}
type Listener = (change: Change) => void;

interface Watched {
  listeners: Set<Listener>;
  stateVersion: number;
  answersVersion: number;
  timerEndsAt: number | null;
  /** The row read for the versions of the last poll (key), shared by the streams it woke. */
  row: { key: string; read: Promise<LiveSession | undefined> } | null;
  /** When the listeners were last told (performance.now()), and what they will be told at the next tick. */
  toldAt: number;
  pending: Change | null;
  tick: NodeJS.Timeout | null;
}

export interface LiveHub {
  /** Calls `listener` whenever the session changes; returns the unsubscribe. */
  subscribe(sessionId: string, listener: Listener): () => void;
  /** Poll this session now: this process just wrote to it. */
  nudge(sessionId: string): void;
  /**
   * The session's row, at least as new as the versions the last poll saw (undefined: gone): read
   * once per change and shared. For a stream woken by a change; a stream's first view, which must
   * not miss a change this process just made but has not polled yet, reads the row itself.
   */
  session(sessionId: string): Promise<LiveSession | undefined>;
  /** Sessions watched, for tests. */
  readonly watching: number;
}

const hubs = new WeakMap<Client, LiveHub>();

/** The hub of this process for a database: one per client, shared by every request. */
export function liveHubOf(client: Client, now: () => Date = () => new Date()): LiveHub {
  let hub = hubs.get(client);
  if (!hub) hubs.set(client, (hub = createLiveHub(client, now)));
  return hub;
}

function createLiveHub(client: Client, now: () => Date): LiveHub {
  const sql = fastSqlOf(client);
  const watched = new Map<string, Watched>();
  let timer: NodeJS.Timeout | null = null;
  let polling: Promise<void> | null = null;

  // What the next poll reads: every watched session (the tick), or only those this process just
  // wrote to (a nudge: one prepared single-row read, not all sessions for every answer).
  let everything = false;
  const nudged = new Set<string>();

  function poll(sessionId?: string): Promise<void> {
    if (sessionId === undefined) everything = true;
    else nudged.add(sessionId);
    if (polling) return polling;
    const run = async () => {
      while (everything || nudged.size > 0) {
        const ids = everything ? [...watched.keys()] : [...nudged].filter((id) => watched.has(id));
        everything = false;
        nudged.clear();
        if (ids.length === 0) continue;
        let rows: Awaited<ReturnType<typeof sql.all>>;
        try {
          rows =
            ids.length === 1
              ? await sql.all(`${VERSIONS_SQL} = ?`, ids)
              : await sql.all(`${VERSIONS_SQL} IN (${ids.map(() => '?').join(',')})`, ids);
        } catch {
          // A busy or closing database: the next tick tries again.
          everything = false;
          nudged.clear();
          return;
        }
        const found = new Map(rows.map((r) => [String(r.id), r]));
        const at = now().getTime();
        for (const id of ids) {
          const w = watched.get(id);
          if (!w) continue;
          const row = found.get(id);
          const s = row ? Number(row.s) : -1;
          const a = row ? Number(row.a) : -1;
          const t = row && row.t !== null ? Number(row.t) : null;
          // A timer that ran out since the last poll closes the answers: a change of state.
          const timerRanOut = w.timerEndsAt !== null && w.timerEndsAt <= at && t === w.timerEndsAt;
          const change = { state: s !== w.stateVersion || timerRanOut, answers: a !== w.answersVersion };
          w.stateVersion = s;
          w.answersVersion = a;
          w.timerEndsAt = timerRanOut ? null : t;
          if (change.state || change.answers) told(w, change);
        }
      }
    };
    polling = run().finally(() => {
      polling = null;
      // Asked for while the last read was ending: read again.
      if (everything || nudged.size > 0) void poll(nudged.values().next().value);
    });
    return polling;
  }

  /** Tell the session's listeners of a change now, or at its next tick with what else came. */
  function told(w: Watched, change: Change): void {
    w.pending = w.pending ? { state: w.pending.state || change.state, answers: w.pending.answers || change.answers } : change;
    if (w.tick) return;
    const tell = () => {
      const pending = w.pending;
      w.tick = null;
      w.pending = null;
      w.toldAt = performance.now();
      if (pending) for (const l of [...w.listeners]) l(pending);
    };
    const wait = w.toldAt + LIVE_TICK_MS - performance.now();
    if (wait <= 0) tell();
    else {
      w.tick = setTimeout(tell, wait);
      w.tick.unref();
    }
  }

  function schedule(): void {
    if (timer || watched.size === 0) return;
    timer = setInterval(() => void poll(), LIVE_SESSION_POLL_MS);
    timer.unref();
  }

  return {
    get watching() {
      return watched.size;
    },
    subscribe(sessionId, listener) {
      let w = watched.get(sessionId);
      if (!w) {
        // Versions unknown until the first poll, which then reports a change: subscribers read
        // the views after subscribing and send only what differs, so nothing is missed or doubled.
        w = { listeners: new Set(), stateVersion: NaN, answersVersion: NaN, timerEndsAt: null, row: null, toldAt: -Infinity, pending: null, tick: null };
        watched.set(sessionId, w);
      }
      w.listeners.add(listener);
      schedule();
      return () => {
        w.listeners.delete(listener);
        if (w.listeners.size === 0 && watched.get(sessionId) === w) {
          watched.delete(sessionId);
          if (w.tick) clearTimeout(w.tick);
        }
        if (watched.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
    nudge(sessionId) {
      if (watched.has(sessionId)) void poll(sessionId);
    },
    session(sessionId) {
      const w = watched.get(sessionId);
      if (!w || Number.isNaN(w.stateVersion)) return liveSessionRow(client, sessionId);
      const key = `${w.stateVersion}.${w.answersVersion}`;
      if (w.row?.key !== key) {
        const read = liveSessionRow(client, sessionId);
        const row = { key, read };
        w.row = row;
        // A failed read is not kept: the next stream reads again.
        read.catch(() => {
          if (w.row === row) w.row = null;
        });
      }
      return w.row!.read;
    },
  };
}
