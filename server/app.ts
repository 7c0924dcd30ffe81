// Builds the Hono app: middleware, the API routes under /api, errors as problem+json, and the built
// client. Tests call app.request() on it; server/main.ts serves it.
//
// One sub-app per resource (routes/*.ts), mounted below at its prefix with paths relative to it.
// Handlers read their dependencies from the context (server/env.ts): c.var.db, c.var.client,
// c.var.lessons, c.var.writes, c.var.log, c.var.config, c.var.now(). Sessions: ./session.ts.
import type { Client } from '@libsql/client';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { Db } from '../db/client.ts';
import { bodyLimit } from './body-limit.ts';
import type { AppConfig, AppEnv } from './env.ts';
import { ProblemError, problemResponse, titleOf } from './errors.ts';
import type { LessonStore } from './lesson-store.ts';
import { silentLogger, type Logger } from './log.ts';
import { openApiDocument } from './openapi.ts';
import { assignmentRoutes, classAssignmentRoutes } from './routes/assignments.ts';
import type { Mailer } from './mail.ts';
import { attemptRoutes, type AnswerDeps } from './routes/attempts.ts';
import { authRoutes } from './routes/auth.ts';
import { classRoutes } from './routes/classes.ts';
import { gradeRoutes } from './routes/grades.ts';
import { healthRoutes } from './routes/health.ts';
import { joinRoutes } from './routes/join.ts';
import { lessonRoutes } from './routes/lessons.ts';
import { liveRoutes } from './routes/live.ts';
import { liveJoinRoutes } from './routes/live-join.ts';
import { liveMeRoutes } from './routes/live-me.ts';
import { liveProjectorRoutes } from './routes/live-projector.ts';
import { liveResultsRoutes } from './routes/live-results.ts';
import { meRoutes } from './routes/me.ts';
import { reportRoutes } from './routes/reports.ts';
import { passwordResetRoutes } from './routes/password-reset.ts';
import { resumeCodeRoutes } from './routes/resume-code.ts';
import { resumeRoutes } from './routes/resume.ts';
import { studioRoutes } from './routes/studio.ts';
import { studioArticleRoutes } from './routes/studio-articles.ts';
import { studioImportRoutes } from './routes/studio-import.ts';
import { studioLessonRoutes } from './routes/studio-lessons.ts';
import { API_HEADERS, originCheck, securityHeaders, setApiHead } from './security.ts';
import { serveClient } from './static.ts';
import { createWriteQueue, type WriteQueue } from './write-queue.ts';

export interface AppOptions {
  db: Db;
  client: Client;
  lessons: LessonStore;
  config?: Partial<AppConfig>;
  log?: Logger;
  /** Mails password reset links (SMTP_URL); without one, reset codes come from the admin command. */
  mailer?: Mailer;
  now?: () => Date;
  writes?: WriteQueue;
  /** The built client; default dist/client under the working directory. */
  clientDir?: string;
  /** Largest request body accepted, in bytes. Open answers are at most a few thousand characters. */
  maxBodyBytes?: number;
  /** Largest body of a studio request: an article of 20,000 characters, a lesson of 60 questions
   * with feedback in two languages, or a zip of them. */
  maxStudioBodyBytes?: number;
}

// The public API (DESIGN.md "Public API"); its type is the client's: hc<AppType> in client/src/lib/api.ts.
const api = new Hono<AppEnv>()
  .route('/health', healthRoutes)
  .route('/lessons', lessonRoutes)
  .route('/attempts', attemptRoutes)
  .route('/me', meRoutes)
  .route('/auth', authRoutes)
  .route('/auth', passwordResetRoutes)
  .route('/join', joinRoutes)
  .route('/join', liveJoinRoutes)
  .route('/resume', resumeRoutes)
  .route('/resume-code', resumeCodeRoutes)
  .route('/classes', classRoutes)
  .route('/classes/:id/assignments', classAssignmentRoutes)
  .route('/assignments', assignmentRoutes)
  .route('/assignments', reportRoutes)
  .route('/responses', gradeRoutes)
  // Live sessions (issue 11); joining one is POST /join/live, beside joining a class: a static
  // POST /live/join beside POST /live/:id/commands is a path Hono's RegExpRouter cannot take, and
  // the router then fell back to its trie for every request (tests/api/http.test.ts).
  .route('/live', liveRoutes)
  .route('/live', liveProjectorRoutes)
  .route('/live', liveResultsRoutes)
  .route('/live', liveMeRoutes)
  .route('/studio', studioRoutes)
  .route('/studio/articles', studioArticleRoutes)
  .route('/studio/lessons', studioLessonRoutes)
  .route('/studio/import', studioImportRoutes);

const routes = new Hono<AppEnv>().route('/api', api);
export type AppType = typeof routes;

export function createApp({
  db,
  client,
  lessons: lessonStore,
  config: partialConfig = {},
  log = silentLogger,
  mailer,
  now = () => new Date(),
  writes = createWriteQueue(client),
  clientDir = resolve('dist/client'),
  maxBodyBytes = 64 * 1024,
  maxStudioBodyBytes = 1024 * 1024,
}: AppOptions) {
  const config: AppConfig = { publicUrl: undefined, secureCookies: false, ...partialConfig };
  const app = new Hono<AppEnv>();
  const pageHeaders = securityHeaders();

  // First: the request's id and context, the headers every response carries, and its log line.
  // Under @hono/node-server (c.env.outgoing) an API response's constant headers are set on Node's
  // response before the route runs: a route's own value for one of them wins when the response
  // is written, and no web Headers object is built for them (with hono's secureHeaders they were
  // half the server's CPU for a 304: tests/bench/NOTES.md). Without Node (app.request() in tests)
  // they are added to the finished response by the same rule: a header the route set stays.
  app.use(async (c, next) => {
    const started = performance.now();
    const id = requestIdOf(c.req.header('x-request-id'));
    c.set('requestId', id);
    c.set('db', db);
    c.set('client', client);
    c.set('lessons', lessonStore);
    c.set('writes', writes);
    c.set('config', config);
    c.set('log', log);
    c.set('mailer', mailer ?? null);
    c.set('now', now);
    const api = c.req.path.startsWith('/api/');
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    // Pages and files: hono's full set (server/security.ts).
    const route = () => (api ? next() : pageHeaders(c, next));
    if (outgoing) {
      if (api) setApiHead(outgoing, id);
      else outgoing.setHeader('x-request-id', id);
      await route();
    } else {
      await route();
      const headers = c.res.headers;
      headers.set('x-request-id', id);
      if (api) for (const [name, value] of API_HEADERS) if (!headers.has(name)) headers.set(name, value);
    }
    // Method, path, status and time only: never bodies, query strings, cookies or answers.
    log.info('request', { requestId: id, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) });
  });
  app.use('/api/*', originCheck({ publicOrigin: config.publicUrl?.origin }));
  const limit = (maxSize: number) =>
    bodyLimit({ maxSize, onError: (c) => problemResponse(c, 413, `The request body is larger than ${maxSize} bytes.`, { type: 'too-large' }) });
  const apiLimit = limit(maxBodyBytes);
  const studioLimit = limit(maxStudioBodyBytes);
  app.use('/api/*', (c, next) => (c.req.path.startsWith('/api/studio/') ? studioLimit(c, next) : apiLimit(c, next)));
  app.route('/', routes);
  app.get('/api/openapi.json', openApiDocument(app));

  app.all('/api/*', (c) => problemResponse(c, 404, `No API endpoint ${c.req.method} ${c.req.path}.`, { type: 'not-found' }));
  app.use('*', serveClient({ root: clientDir }));

  app.notFound((c) => problemResponse(c, 404, `Nothing at ${c.req.path}.`, { type: 'not-found' }));

  app.onError((error, c) => {
    if (error instanceof ProblemError) {
      if (error.status >= 500) log.error('request failed', { requestId: c.var.requestId, path: c.req.path, error });
      const res = problemResponse(c, error.status, error.detail, error.options);
      for (const [name, value] of Object.entries(error.options.headers ?? {})) res.headers.set(name, value);
      return res;
    }
    if (error instanceof HTTPException) {
      // Hono's own (malformed JSON, body limit); its message is written for clients.
      const status = error.status as ContentfulStatusCode;
      return problemResponse(c, status, error.message || titleOf(status));
    }
    log.error('unhandled error', { requestId: c.var.requestId, method: c.req.method, path: c.req.path, error });
    return problemResponse(c, 500, `Something went wrong on the server. Quote request id ${c.var.requestId} when reporting it.`, {
      type: 'internal',
    });
  });

  fronts.set(app, { db, client, lessons: lessonStore, writes, now, log, config, maxBodyBytes });
  return app;
}

/** What server/front.ts answers with in front of an app: that app's own dependencies. */
export interface FrontDeps extends AnswerDeps {
  log: Logger;
  config: AppConfig;
  maxBodyBytes: number;
}
const fronts = new WeakMap<object, FrontDeps>();

/** The dependencies an app of createApp was made with (the front shares its write queue, clock and memory). */
export function frontDepsOf(app: object): FrontDeps {
  const deps = fronts.get(app);
  if (!deps) throw new Error('frontDepsOf: not an app of createApp');
  return deps;
}

/** The caller's X-Request-Id when it is a plain token (as hono's requestId takes it), else a new one. */
export function requestIdOf(given: string | undefined): string {
  return given && given.length <= 255 && !/[^\w\-=]/.test(given) ? given : randomUUID();
}
