// The Node request listener in front of the app: server/worker.ts serves through it (serveApp).
//
// One request is answered here without the app: GET /api/lessons/:slug for a lesson of the
// catalog. It is the API's most frequent read (every student opening a lesson, and again on every
// visit, answered 304) and a fixed one: its bytes and headers are made once per lesson version
// (routes/lessons.ts, lessonDocument). Through the app, a 304 cost the server twice the bare
// stack's GET: a web Request and context, the middleware chain, a Response taken apart again
// (tests/bench/NOTES.md, fifth pass). What the app adds to such a GET is done here the same way:
// the request id, the API's headers (a route's own value wins, as in app.ts) and the log line. It
// reads no session, has no body to limit, and a GET passes the Origin check. Anything else (another
// method or path, a query string, a percent-encoded or studio slug) goes to the app.
// tests/api/front.test.ts holds this answer to the app's own, header by header.
import { serve } from '@hono/node-server';
import { createServer, type RequestListener, type Server, type ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import { requestIdOf } from './app.ts';
import type { LessonStore } from './lesson-store.ts';
import type { Logger } from './log.ts';
import { lessonDocument } from './routes/lessons.ts';
import { setApiHead } from './security.ts';

const LESSON_PATH = /^\/api\/lessons\/([^/?#%]+)$/;

export interface FrontOptions {
  lessons: LessonStore;
  log: Logger;
}

/** `toApp` (the app's listener) with a catalog lesson's GET answered in front of it. */
export function withFront(toApp: RequestListener, { lessons, log }: FrontOptions): RequestListener {
  return (req, res) => {
    if (req.method !== 'GET') return toApp(req, res);
    const match = LESSON_PATH.exec(req.url ?? '');
    let document;
    try {
      document = match ? lessonDocument(lessons, match[1]!, req.headers['accept-encoding'], req.headers['if-none-match']) : undefined;
    } catch {
      // A lesson that cannot be serialized or compressed: the app answers it as it would (its
      // error handler logs the error and gives a 500 problem), rather than the worker failing.
      document = undefined;
    }
    if (!document) return toApp(req, res);
    const started = performance.now();
    const given = req.headers['x-request-id'];
    const id = requestIdOf(typeof given === 'string' ? given : undefined);
    setApiHead(res, id);
    res.writeHead(document.status, document.headers);
    if (document.body) res.end(document.body);
    else res.end();
    log.info('request', { requestId: id, method: 'GET', path: req.url, status: document.status, ms: Math.round(performance.now() - started) });
  };
}

/** Serve the app through the front on port and hostname, as @hono/node-server's serve does. */
export function serveApp(
  app: Pick<Hono, 'fetch'>,
  { port, hostname, ...front }: FrontOptions & { port: number; hostname?: string },
  onListening?: (info: AddressInfo) => void,
): Server {
  const frontServer = ((options: ServerOptions, toApp: RequestListener) => createServer(options, withFront(toApp, front))) as typeof createServer;
  return serve({ fetch: app.fetch, port, hostname, createServer: frontServer }, onListening) as Server;
}
