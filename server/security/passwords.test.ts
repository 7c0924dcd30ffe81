import { expect, test } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';

test('short and common passwords are refused, a long uncommon one accepted', () => {
  expect(passwordProblem('kort')).toMatch(/at least 8/);
  expect(passwordProblem('password1')).toMatch(/common/);
  expect(passwordProblem('PASSWORD1')).toMatch(/common/);
  expect(passwordProblem('12345678')).toMatch(/common/);
  expect(passwordProblem('bronwijs leest kritisch')).toBeNull();
});

test('argon2id with m=19456 KiB, t=2, p=1; verifies only the right password', async () => {
  const stored = await hashPassword('bronwijs leest kritisch');
  expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  expect(await verifyPassword(stored, 'bronwijs leest kritisch')).toBe(true);
  expect(await verifyPassword(stored, 'bronwijs leest kritiek')).toBe(false);
  expect(await verifyPassword('not a hash', 'x')).toBe(false);
});
