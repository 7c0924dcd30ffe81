// Configuration: read from the environment once at start, failing fast with a message that names
// the variable at fault. Every value has a default that serves a single machine.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DatabaseConfig } from '../db/config.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export interface Config extends DatabaseConfig {
  port: number;
  host: string;
  logLevel: LogLevel;
  contentDir: string;
  /** The origin browsers use to reach the server, when it is known (behind a proxy). */
  publicUrl: URL | undefined;
  /** https: cookies are Secure and carry the __Host- prefix. */
  secureCookies: boolean;
  retentionDays: number | undefined;
  /** Where reset links are mailed from: smtp:// or smtps:// with credentials; none: admin codes only. */
  smtpUrl: string | undefined;
  /** The From of those mails. */
  mailFrom: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Read the configuration; throws ConfigError naming the variable. Creates the data folder of a file database. */
export function loadConfig(env: Env = process.env): Config {
  const get = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };

  const port = integer('PORT', get('PORT') ?? '3000', 0, 65535);
  const host = get('HOST') ?? '0.0.0.0';

  const databaseUrl = get('DATABASE_URL') ?? 'file:./data/bronwijs.db';
  const scheme = databaseUrl.split(':', 1)[0];
  if (!['file', 'libsql', 'https', 'http', 'ws', 'wss'].includes(scheme) || !databaseUrl.includes(':')) {
    throw new ConfigError('DATABASE_URL', `expected file:<path>, libsql://, https:// or http:// url, got '${databaseUrl}'`);
  }
  const databaseAuthToken = get('DATABASE_AUTH_TOKEN');
  const databaseSyncUrl = get('DATABASE_SYNC_URL');
  if ((scheme === 'libsql' || scheme === 'https' || scheme === 'wss') && !databaseAuthToken) {
    throw new ConfigError('DATABASE_AUTH_TOKEN', `required for a remote database (${scheme}://)`);
  }
  if (databaseSyncUrl) {
    if (scheme !== 'file') throw new ConfigError('DATABASE_URL', 'an embedded replica (DATABASE_SYNC_URL) needs a file: url');
    if (!databaseAuthToken) throw new ConfigError('DATABASE_AUTH_TOKEN', 'required with DATABASE_SYNC_URL');
  }
  if (scheme === 'file') ensureFolder(databaseUrl);

  const logLevel = (get('LOG_LEVEL') ?? 'info').toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `one of ${LOG_LEVELS.join(', ')}`);

  const contentDir = resolve(get('CONTENT_DIR') ?? 'lessons/content');

  let publicUrl: URL | undefined;
  const rawPublicUrl = get('PUBLIC_URL');
  if (rawPublicUrl) {
    try {
      publicUrl = new URL(rawPublicUrl);
    } catch {
      throw new ConfigError('PUBLIC_URL', `not a url: '${rawPublicUrl}'`);
    }
    if (publicUrl.protocol !== 'https:' && publicUrl.protocol !== 'http:') {
      throw new ConfigError('PUBLIC_URL', 'must start with https:// or http://');
    }
  }

  const smtpUrl = get('SMTP_URL');
  let mailFrom = get('MAIL_FROM') ?? 'Bronwijs <bronwijs@localhost>';
  if (smtpUrl) {
    let parsed: URL;
    try {
      parsed = new URL(smtpUrl);
    } catch {
      // The url may hold a password: not repeated in the message.
      throw new ConfigError('SMTP_URL', 'not a url: expected smtp://user:password@host:587 or smtps://...');
    }
    if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw new ConfigError('SMTP_URL', 'must start with smtp:// or smtps://');
    // The reset link in the mail points at the server as browsers reach it.
    if (!publicUrl) throw new ConfigError('PUBLIC_URL', 'required with SMTP_URL: the password reset link in the e-mail points there');
    mailFrom = get('MAIL_FROM') ?? `Bronwijs <bronwijs@${publicUrl.hostname}>`;
  }

  const rawRetention = get('RETENTION_DAYS');
  const retentionDays = rawRetention === undefined ? undefined : integer('RETENTION_DAYS', rawRetention, 1, 36_500);

  return {
    port,
    host,
    databaseUrl,
    databaseAuthToken,
    databaseSyncUrl,
    logLevel,
    contentDir,
    publicUrl,
    secureCookies: publicUrl?.protocol === 'https:',
    retentionDays,
    smtpUrl,
    mailFrom,
  };
}

function integer(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw new ConfigError(name, `expected a whole number from ${min} to ${max}, got '${raw}'`);
  return n;
}

/** The folder of a file: url, created so the first start works on a fresh checkout. */
function ensureFolder(url: string): void {
  const path = url.slice('file:'.length).split('?')[0];
  if (!path || path === ':memory:') return;
  mkdirSync(dirname(resolve(path)), { recursive: true });
}
