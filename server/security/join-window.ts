// Join windows (issue 11 item 8): a class or live session admits newcomers only while its teacher
// has opened it. Outside its window a right code is refused exactly like a wrong one: the same
// lookup, the same count against the server-wide limit on wrong codes, the same status and body.
// So a guesser who ignores the 429s learns nothing from a right code at a closed door, and with
// every window closed there is nothing to find.
import type { Context } from 'hono';
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
  const everyone = await countTry(c.get('db'), 'join:*', JOIN_GLOBAL_WINDOWS, c.get('now')());
  if (everyone.retryAfter !== null) {
    throw tooManyRequests('Too many wrong join codes were tried just now. Check the code with your teacher and try again in a minute.', everyone.retryAfter);
  }
  throw notFound(detail);
}
