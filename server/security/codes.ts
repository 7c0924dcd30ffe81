// Join codes (a class's door) and resume codes (a student's key to continue on another device):
// random, from an alphabet without look-alike characters, accepted with or without dashes and case.
import { createHash, randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: a code read off a projector or a note is typed right the first time. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;
/** 12 characters of 31: about 59 bits, far beyond guessing even without a rate limit. */
export const RESUME_CODE_LENGTH = 12;

function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Upper-cased, dashes and spaces removed; null when it cannot be a code of that length. */
function normalize(input: unknown, length: number): string | null {
  if (typeof input !== 'string') return null;
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== length) return null;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
  return code;
}

function group(code: string, size: number): string {
  return code.match(new RegExp(`.{1,${size}}`, 'g'))!.join('-');
}

/** A new join code in its stored form: 6 characters, no dash. */
export const newJoinCode = (): string => randomCode(JOIN_CODE_LENGTH);
export const normalizeJoinCode = (input: unknown): string | null => normalize(input, JOIN_CODE_LENGTH);
/** As shown to people: ABC-DEF. */
export const formatJoinCode = (code: string): string => group(code, 3);

/** A new resume code as shown once to the student: ABCD-EFGH-JKMN. */
export const newResumeCode = (): string => group(randomCode(RESUME_CODE_LENGTH), 4);
export const normalizeResumeCode = (input: unknown): string | null => normalize(input, RESUME_CODE_LENGTH);
/** What is stored of a resume code: its sha256 (hex) in normalized form. */
export const hashResumeCode = (normalized: string): string => createHash('sha256').update(normalized).digest('hex');

/** Password reset codes an administrator issues: 16 characters of 31 (about 79 bits), read out
 * or written down, so the same alphabet and grouping as the others: ABCD-EFGH-JKMN-PQRS. */
export const RESET_CODE_LENGTH = 16;
export const newResetCode = (): string => group(randomCode(RESET_CODE_LENGTH), 4);
export const normalizeResetCode = (input: unknown): string | null => normalize(input, RESET_CODE_LENGTH);
