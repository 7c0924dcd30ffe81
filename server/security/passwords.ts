// Teachers' passwords: the policy a new password must meet, and argon2id hashing with the
// parameters of the design (m=19 MiB, t=2, p=1; OWASP's first recommended configuration).
import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;

// 2 is Algorithm.Argon2id: the package declares it as a const enum, which isolatedModules cannot import.
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

let common: Set<string> | undefined;
/** The shipped list of common passwords (see the first line of the file for its source). */
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#')),
  );
  return common;
}

/** Why a password may not be used, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `use at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `use at most ${MAX_PASSWORD_LENGTH} characters`;
  if (commonPasswords().has(password.toLowerCase())) return 'this password is one of the most common ones: choose another';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2 as Parameters<typeof hash>[1]);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spend the time a real check takes, so a login for an unknown email answers no faster. */
export async function verifyAgainstNothing(password: string): Promise<void> {
  dummy ??= hashPassword('not a real password: timing equalizer');
  await verifyPassword(await dummy, password);
}
