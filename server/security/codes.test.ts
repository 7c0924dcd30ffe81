import { expect, test } from 'vitest';
import { CODE_ALPHABET, formatJoinCode, hashResumeCode, newJoinCode, newResumeCode, normalizeJoinCode, normalizeResumeCode } from './codes.ts';

test('codes use no look-alike characters', () => {
  for (const ch of '0O1lIL') expect(CODE_ALPHABET).not.toContain(ch);
  const codes = Array.from({ length: 200 }, newJoinCode);
  for (const code of codes) expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
  expect(new Set(codes).size).toBeGreaterThan(190);
});

test('a join code is shown grouped and accepted with or without dash, in any case', () => {
  expect(formatJoinCode('ABCDEF')).toBe('ABC-DEF');
  for (const typed of ['ABC-DEF', 'abcdef', ' abc def ', 'aBc-dEf']) expect(normalizeJoinCode(typed)).toBe('ABCDEF');
  for (const wrong of ['ABCDE', 'ABCDEFG', 'ABC-DE0', 'ABCDEI', 42, null]) expect(normalizeJoinCode(wrong)).toBeNull();
});

test('a resume code is three groups of four; its hash does not depend on how it was typed', () => {
  const code = newResumeCode();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  const typed = code.toLowerCase().replace(/-/g, ' ');
  expect(hashResumeCode(normalizeResumeCode(typed)!)).toBe(hashResumeCode(normalizeResumeCode(code)!));
  expect(hashResumeCode(normalizeResumeCode(code)!)).toMatch(/^[0-9a-f]{64}$/);
  expect(normalizeResumeCode(code.slice(0, -1))).toBeNull();
});
