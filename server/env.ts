// The Hono env every route and middleware shares: the variables app.ts sets on each request, and
// the factory that types sub-apps with it. Its own module so routes need not import the app that
// mounts them (that was a type-only cycle).
import type { Client } from '@libsql/client';
import { createFactory } from 'hono/factory';
import type { RequestIdVariables } from 'hono/request-id';
import type { Db } from '../db/client.ts';
import type { Config } from './config.ts';
import type { LessonStore } from './lesson-store.ts';
import type { Logger } from './log.ts';
import type { Mailer } from './mail.ts';
import type { WriteQueue } from './write-queue.ts';

export type AppConfig = Pick<Config, 'publicUrl' | 'secureCookies'>;

export interface AppVariables extends RequestIdVariables {
  db: Db;
  client: Client;
  lessons: LessonStore;
  /** Group commit for learners' answers. */
  writes: WriteQueue;
  config: AppConfig;
  log: Logger;
  /** Sends password reset links; null when the server has no SMTP (admin codes only). */
  mailer: Mailer | null;
  /** The clock: tests move it to check timeouts and due dates. */
  now: () => Date;
}
export type AppEnv = { Variables: AppVariables };

/** `factory.createApp()` for a resource's sub-app, `factory.createMiddleware()` for a guard. */
export const factory = createFactory<AppEnv>();
