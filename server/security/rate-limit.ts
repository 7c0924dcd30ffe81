// Counting failures in the database, so every app instance sees the same counts: failed logins
// per account (not per IP: a school shares one address) and failed resume-code guesses.
// The login_failures table keys rows by `email`; resume guesses use keys starting "resume:",
// which can never be an email address (no @).
import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { loginFailures } from '../../db/schema.ts';

export interface Window {
  ms: number;
  max: number;
}

const MINUTE = 60_000;
/** Design: at most 10 failed logins per 15 minutes and 100 an hour, per account. */
export const LOGIN_WINDOWS: Window[] = [
  { ms: 15 * MINUTE, max: 10 },
  { ms: 60 * MINUTE, max: 100 },
];
/** Resume codes: 10 failed guesses per 15 minutes for one first group of a code (a code someone
 * half-saw), and 300 a minute over the whole server (random guessing; 59 bits make it hopeless
 * anyway, this keeps it from being a load). Only wrong codes are counted, after the lookup: the
 * right code is never refused, so guessers cannot lock students out. */
export const RESUME_PREFIX_WINDOWS: Window[] = [{ ms: 15 * MINUTE, max: 10 }];
export const RESUME_GLOBAL_WINDOWS: Window[] = [{ ms: MINUTE, max: 300 }];
/** Join codes: 300 unknown codes a minute over the whole server. Counted after the lookup, so a
 * student with the right code always gets in; only guessers (and a mistyped code during an attack)
 * are told to wait. */
export const JOIN_GLOBAL_WINDOWS: Window[] = [{ ms: MINUTE, max: 300 }];

/**
 * Record one try (a sign-in, a code) under key before checking it, so concurrent tries cannot all
 * slip under the limit. Returns null when allowed (call `forgive` on success), or the seconds to
 * wait; a refused try is not counted.
 */
export async function countTry(db: Db, key: string, windows: readonly Window[], now: Date): Promise<{ retryAfter: number | null; id: number }> {
  const longest = Math.max(...windows.map((w) => w.ms));
  const [row] = await db.insert(loginFailures).values({ email: key, at: now }).returning({ id: loginFailures.id });
  const recent = await db
    .select({ at: loginFailures.at })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, key), gte(loginFailures.at, new Date(now.getTime() - longest))))
    .orderBy(desc(loginFailures.at))
    .limit(Math.max(...windows.map((w) => w.max)) + 1);
  let wait = 0;
  for (const w of windows) {
    // This try is one of `recent`; more than max within the window means over the limit.
    const inWindow = recent.filter((r) => r.at.getTime() > now.getTime() - w.ms);
    if (inWindow.length > w.max) {
      // Allowed again once the oldest of the last `max` earlier failures leaves the window.
      const oldest = inWindow[w.max]!.at.getTime();
      wait = Math.max(wait, oldest + w.ms - now.getTime());
    }
  }
  if (wait > 0) {
    await db.delete(loginFailures).where(eq(loginFailures.id, row!.id));
    return { retryAfter: Math.max(1, Math.ceil(wait / 1000)), id: row!.id };
  }
  return { retryAfter: null, id: row!.id };
}

/** The try succeeded: it was no failure. */
export async function forgive(db: Db, id: number): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.id, id));
}

/** Drop rows older than any window (run by the retention job). */
export async function pruneFailures(db: Db, now: Date): Promise<void> {
  await db.delete(loginFailures).where(lt(loginFailures.at, new Date(now.getTime() - 60 * MINUTE)));
}
