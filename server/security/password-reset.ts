// Forgotten passwords: one-time tokens that let a teacher set a new password. Two kinds: a link
// sent by e-mail where the server has SMTP (a 256-bit random token, valid 30 minutes) and a code
// an administrator issues with `npm run admin -- reset-code <email>` (16 characters, valid
// 24 hours). Only a token's sha256 is stored; using one marks it spent in the same statement
// that checks it, so it works once even when two requests race.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { passwordResets } from '../../db/schema.ts';
import { newResetCode, normalizeResetCode } from './codes.ts';
import type { Window } from './rate-limit.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type ResetKind = 'link' | 'code';
export const RESET_TTL_MS: Record<ResetKind, number> = { link: 30 * MINUTE, code: 24 * HOUR };

/** Reset requests per address: a few an hour, so the form cannot flood someone's inbox. */
export const FORGOT_ADDRESS_WINDOWS: Window[] = [{ ms: HOUR, max: 5 }];
/** Reset mails over the whole server: the form is no way to send mail in bulk. */
export const FORGOT_GLOBAL_WINDOWS: Window[] = [{ ms: MINUTE, max: 60 }];
/** Wrong tokens: over the whole server (random guessing, a load) and per first group of a code
 * (someone working on a code they half-heard). Only wrong ones are counted: the right token is
 * never refused, so guessers cannot lock a teacher out. */
export const RESET_GLOBAL_WINDOWS: Window[] = [{ ms: MINUTE, max: 100 }];
export const RESET_PREFIX_WINDOWS: Window[] = [{ ms: 15 * MINUTE, max: 10 }];

const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The stored form of what the teacher brings: a link token as it is, a code without dashes and
 * in capitals; null when it can be neither. */
export function normalizeResetToken(input: string): string | null {
  const trimmed = input.trim();
  if (LINK_TOKEN.test(trimmed)) return trimmed;
  return normalizeResetCode(trimmed);
}

const hashToken = (normalized: string) => createHash('sha256').update(normalized, 'utf8').digest('hex');

/**
 * A new reset token for the teacher, returned once (the database keeps its hash). Earlier unused
 * tokens of the same kind stop working: only the newest link or code counts.
 */
export async function issueReset(db: Db, teacherId: string, kind: ResetKind, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = kind === 'link' ? randomBytes(32).toString('base64url') : newResetCode();
  const expiresAt = new Date(now.getTime() + RESET_TTL_MS[kind]);
  // The same kind of this teacher, and anyone's expired ones: nothing stale stays stored.
  await db
    .delete(passwordResets)
    .where(or(and(eq(passwordResets.teacherId, teacherId), eq(passwordResets.kind, kind)), lte(passwordResets.expiresAt, now)));
  await db.insert(passwordResets).values({ id: hashToken(normalizeResetToken(token)!), teacherId, kind, expiresAt, createdAt: now });
  return { token, expiresAt };
}

/** Spend a token: the teacher it belongs to, or null when it is unknown, used or expired. */
export async function spendReset(db: Db, normalized: string, now: Date): Promise<string | null> {
  const [row] = await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.id, hashToken(normalized)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .returning({ teacherId: passwordResets.teacherId });
  return row?.teacherId ?? null;
}

/** After a reset every other token of the teacher is void: one reset per forgotten password. */
export async function dropResets(db: Db, teacherId: string): Promise<void> {
  await db.delete(passwordResets).where(eq(passwordResets.teacherId, teacherId));
}
