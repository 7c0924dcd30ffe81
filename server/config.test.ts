// Configuration: defaults for one machine, and a start that fails naming the variable at fault.
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

test('defaults serve a single machine and create the data folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bronwijs-cfg-'));
  const config = loadConfig({ DATABASE_URL: `file:${join(dir, 'data', 'b.db')}` });
  expect(config).toMatchObject({ port: 3000, host: '0.0.0.0', logLevel: 'info', secureCookies: false, publicUrl: undefined, retentionDays: undefined });
  expect(existsSync(join(dir, 'data'))).toBe(true);
  expect(loadConfig({}).databaseUrl).toBe('file:./data/bronwijs.db');
});

test('https PUBLIC_URL means secure cookies', () => {
  expect(loadConfig({ PUBLIC_URL: 'https://bronwijs.example/' }).secureCookies).toBe(true);
  expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).secureCookies).toBe(false);
});

test.each([
  [{ PORT: 'eighty' }, 'PORT'],
  [{ PORT: '70000' }, 'PORT'],
  [{ DATABASE_URL: 'libsql://db.example.turso.io' }, 'DATABASE_AUTH_TOKEN'],
  [{ DATABASE_URL: 'postgres://x' }, 'DATABASE_URL'],
  [{ DATABASE_SYNC_URL: 'libsql://db.example' }, 'DATABASE_AUTH_TOKEN'],
  [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  [{ PUBLIC_URL: 'bronwijs.example' }, 'PUBLIC_URL'],
  [{ RETENTION_DAYS: '-3' }, 'RETENTION_DAYS'],
  [{ SMTP_URL: 'smtp://mail.school.example:587' }, 'PUBLIC_URL'],
  [{ SMTP_URL: 'http://mail.school.example', PUBLIC_URL: 'https://bronwijs.example' }, 'SMTP_URL'],
  [{ SMTP_URL: 'mail.school.example', PUBLIC_URL: 'https://bronwijs.example' }, 'SMTP_URL'],
])('%o fails naming %s', (env, variable) => {
  expect(() => loadConfig(env)).toThrow(ConfigError);
  expect(() => loadConfig(env)).toThrow(new RegExp(`^${variable}:`));
});

test('SMTP_URL with PUBLIC_URL mails from the public host unless MAIL_FROM says otherwise; the url is not repeated in errors', () => {
  expect(loadConfig({}).smtpUrl).toBeUndefined();
  const mailing = loadConfig({ SMTP_URL: 'smtps://u:secret@mail.school.example:465', PUBLIC_URL: 'https://bronwijs.example/' });
  expect(mailing).toMatchObject({ smtpUrl: 'smtps://u:secret@mail.school.example:465', mailFrom: 'Bronwijs <bronwijs@bronwijs.example>' });
  expect(loadConfig({ SMTP_URL: 'smtp://m:25', PUBLIC_URL: 'https://b.example', MAIL_FROM: 'ICT <ict@school.example>' }).mailFrom).toBe('ICT <ict@school.example>');
  expect(() => loadConfig({ SMTP_URL: 'smtp ://u:secret@x', PUBLIC_URL: 'https://b.example' })).toThrow(/^SMTP_URL: (?!.*secret)/);
});
