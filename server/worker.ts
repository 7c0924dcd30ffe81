// One server process (server/main.ts starts one or several): read config, open and migrate the
// database, load the lessons, serve the API and the built client. On SIGTERM/SIGINT it stops
// accepting, lets requests in flight finish, closes the database and exits 0. In a cluster the
// workers share the port; each has its own connection and write queue on the one database.
import { resolve } from 'node:path';
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { serveApp } from './front.ts';
import { createLessonStore } from './lesson-store.ts';
import { createLogger } from './log.ts';
import { createMailer } from './mail.ts';
import { createWriteQueue } from './write-queue.ts';
import { DEFAULT_RETENTION_DAYS, startRetentionJob } from './security/privacy.ts';

/** Long enough for any normal request; open event streams (the live view) are cut after it. */
const SHUTDOWN_GRACE_MS = 10_000;

export async function runServer(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger({ level: config.logLevel });
  const database = await openDatabase(config);
  await migrateDatabase(database.db);
  const lessons = await createLessonStore(database.db, config.contentDir, log);
  const writes = createWriteQueue(database.client);
  const retentionDays = config.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const retention = startRetentionJob(database.db, {
    days: retentionDays,
    onError: (error) => log.error('retention job failed', { error: error instanceof Error ? error.message : String(error) }),
  });
  void retention.first.then((deleted) => {
    if (deleted) log.info('retention: deleted attempts of long-archived classes', { attempts: deleted, days: retentionDays });
  });
  const app = createApp({
    db: database.db,
    client: database.client,
    lessons,
    writes,
    log,
    config,
    mailer: config.smtpUrl ? createMailer(config.smtpUrl, config.mailFrom) : undefined,
    clientDir: resolve('dist/client'),
  });

  const server = serveApp(app, { port: config.port, hostname: config.host }, (info) => {
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    log.info('listening', { url: config.publicUrl?.href ?? `http://${host}:${info.port}/`, port: info.port });
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    retention.stop();
    const http = server as import('node:http').Server;
    const force = setTimeout(() => {
      log.warn('requests still open after the grace period: closing them', { ms: SHUTDOWN_GRACE_MS });
      http.closeAllConnections?.();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    http.close(async () => {
      clearTimeout(force);
      await writes.drain();
      database.close();
      log.info('stopped');
      process.exit(0);
    });
    // Idle keep-alive connections would hold close() open; busy ones finish their request first.
    http.closeIdleConnections?.();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
