// Join windows (issue 11 item 8): a class or live session admits newcomers only while its teacher
// has opened it. Outside its window a right code is refused exactly like a wrong one: the same
// lookup, the same count against the server-wide limit on wrong codes, the same status and body.
// So a guesser who ignores the 429s learns nothing from a right code at a closed door, and with
// every window closed there is nothing to find.
import { and, desc, eq, gt } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Db } from '../../db/client.ts';
import { loginFailures } from '../../db/schema.ts';
import type { AppEnv } from '../env.ts';
import { notFound, tooManyRequests } from '../errors.ts';
import { countTry, JOIN_GLOBAL_WINDOWS } from './rate-limit.ts';

const MINUTE = 60_000;
/** A join window, unless the teacher asks for another length. */
export const JOIN_WINDOW_MINUTES = 15;
/** The longest join window a teacher may open at once. */
export const JOIN_WINDOW_MAX_MINUTES = 240;

/** The end of a window opened at `now`. */
export const windowUntil = (now: Date, minutes = JOIN_WINDOW_MINUTES) => new Date(now.getTime() + minutes * MINUTE);
/** Whether a join window is open at `now`. */
export const windowOpen = (openUntil: Date | null, now: Date) => openUntil !== null && openUntil.getTime() > now.getTime();

/**
 * Refuse a join as a wrong code: counted over the whole server (every app instance shares the
 * count in the database), 429 with Retry-After once too many were tried this minute, else 404 with
 * `detail`. Students with a right code at an open door are never counted, so never slowed.
 */
export async function refuseAsWrongCode<E extends AppEnv>(c: Context<E>, detail: string): Promise<never> {
  const db = c.get('db');
  const now = c.get('now')();
  // Over the limit already: refused with one read, no write. A flood then costs the server no
  // commits (each would wait for the disk); countTry's write-first check is for the tries below
  // the limit, where concurrent tries must not all slip through.
  const full = await limitReached(db, now);
  const retryAfter = full ?? (await countTry(db, JOIN_KEY, JOIN_GLOBAL_WINDOWS, now)).retryAfter;
  if (retryAfter !== null) {
    throw tooManyRequests('Too many wrong join codes were tried just now. Check the code with your teacher and try again in a minute.', retryAfter);
  }
  throw notFound(detail);
}

const JOIN_KEY = 'join:*';

/** Seconds until a refused code may be tried again, when the limit is reached; else null. */
async function limitReached(db: Db, now: Date): Promise<number | null> {
  let wait = 0;
  for (const w of JOIN_GLOBAL_WINDOWS) {
    // The max-th most recent refusal in the window: with it there, this try would be one too many.
    const [row] = await db
      .select({ at: loginFailures.at })
      .from(loginFailures)
      .where(and(eq(loginFailures.email, JOIN_KEY), gt(loginFailures.at, new Date(now.getTime() - w.ms))))
      .orderBy(desc(loginFailures.at))
      .limit(1)
      .offset(w.max - 1);
    if (row) wait = Math.max(wait, row.at.getTime() + w.ms - now.getTime());
  }
  return wait > 0 ? Math.max(1, Math.ceil(wait / 1000)) : null;
}
