// The Node request listener in front of the app: server/worker.ts serves through it (serveApp).
//
// Two requests are answered here without the app, when all is as usual; anything else goes to the
// app, which answers as it always did.
//
// - GET /api/lessons/:slug for a lesson of the catalog. It is the API's most frequent read (every
//   student opening a lesson, and again on every visit, answered 304) and a fixed one: its bytes and
//   headers are made once per lesson version (routes/lessons.ts, lessonDocument). Through the app,
//   a 304 cost the server twice the bare stack's GET: a web Request and context, the middleware
//   chain, a Response taken apart again (tests/bench/NOTES.md, fifth pass). It reads no session,
//   has no body to limit, and a GET passes the Origin check. Not here: another method or path, a
//   query string, a percent-encoded or studio slug.
// - PUT /api/attempts/:id/responses/:questionId, an answer, when this worker remembers the
//   request's session answering in that attempt (server/session.ts, recallAnswering): the hottest
//   write, where the app's web Request, body stream, middleware chain and Response were more than a
//   third of the server's time per answer (NOTES, sixth pass). Before reading the body the front
//   asks what the app's middleware asks (the Origin check, the body's declared length and JSON
//   type); then it saves through the route's own function (routes/attempts.ts, saveAnswer, on the
//   remembered path: the write checks the session, attempt and assignment in its transaction).
//   Anything but a saved answer (a body that does not parse or fit, a refusal, a replayed key)
//   gives the request, with the body read, to the app, whose route forgets and reads afresh.
//
// What the app adds to a response is done here the same way: the request id, the API's headers
// (a route's own value wins, as in app.ts) and the log line. tests/api/front.test.ts holds both
// answers to the app's own, header by header, and checks which requests reach the app.
import { serve } from '@hono/node-server';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import { frontDepsOf, requestIdOf, type FrontDeps } from './app.ts';
import { answerBody, saveAnswer } from './routes/attempts.ts';
import { lessonDocument } from './routes/lessons.ts';
import type { Logger } from './log.ts';
import { crossOrigin, setApiHead } from './security.ts';
import { recalled, sessionIdOfCookie, type Answering } from './session.ts';

const LESSON_PATH = /^\/api\/lessons\/([^/?#%]+)$/;
const ANSWER_PATH = /^\/api\/attempts\/([^/?#%]+)\/responses\/([^/?#%]+)$/;

/** `toApp` (the app's listener) with a catalog lesson's GET and a remembered answer answered in
 * front of it, with the app's own dependencies (frontDepsOf). */
export function withFront(toApp: RequestListener, deps: FrontDeps): RequestListener {
  const { lessons, log } = deps;
  return (req, res) => {
    if (req.method === 'PUT') return answer(req, res, toApp, deps);
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
    send(req, res, log, performance.now(), document.status, document.headers, document.body);
  };
}

/** A response of the front's, with what the app adds to one: the request id (a proxy's kept), the
 * API's headers and the log line. */
function send(req: IncomingMessage, res: ServerResponse, log: Logger, started: number, status: number, headers: Record<string, string | number>, body: Uint8Array | string | null): void {
  const given = req.headers['x-request-id'];
  const id = requestIdOf(typeof given === 'string' ? given : undefined);
  setApiHead(res, id);
  res.writeHead(status, headers);
  if (body) res.end(body);
  else res.end();
  log.info('request', { requestId: id, method: req.method, path: req.url, status, ms: Math.round(performance.now() - started) });
}

/** An answer the app would take, through its middleware, as it is: the memory knows the session
 * in this attempt, and what the app checks before reading a body holds. Else null. */
function rememberedFor(req: IncomingMessage, deps: FrontDeps): { remembered: Answering; questionId: string } | null {
  const match = ANSWER_PATH.exec(req.url ?? '');
  if (!match) return null;
  const remembered = recalled(deps.client, sessionIdOfCookie(req.headers.cookie, deps.config.secureCookies), match[1]!);
  if (!remembered) return null;
  // The body limit judges the declared length (server/body-limit.ts); a chunked body goes to the app.
  const length = req.headers['content-length'];
  if (length === undefined || req.headers['transfer-encoding'] !== undefined || !(Number.parseInt(length, 10) <= deps.maxBodyBytes)) return null;
  // JSON only as the app's validator takes it without a word (errors.ts, requireJsonBody).
  if ((req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() !== 'application/json') return null;
  if (!req.headers.host) return null;
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  if (crossOrigin('PUT', origin, typeof site === 'string' ? site : undefined, deps.config.publicUrl?.origin, `http://${req.headers.host}/`)) return null;
  return { remembered, questionId: match[2]! };
}

function answer(req: IncomingMessage, res: ServerResponse, toApp: RequestListener, deps: FrontDeps): void {
  const found = rememberedFor(req, deps);
  if (!found) return void toApp(req, res);
  const started = performance.now();
  const { remembered, questionId } = found;
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  // A request the client gave up on: nothing to answer (and no 'error' left to crash the worker).
  req.once('error', () => res.destroy());
  req.once('end', () => {
    const body = Buffer.concat(chunks);
    void save(deps, remembered, questionId, req.headers['idempotency-key'], body).then((saved) => {
      if (!saved) {
        // The app decides, with the body read: its answer route tries what it remembers again,
        // and anything but a saved answer makes it forget and read afresh (routes/attempts.ts).
        (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
        return toApp(req, res);
      }
      const json = JSON.stringify(saved);
      send(req, res, deps.log, started, 200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) }, json);
    }).catch((error: unknown) => {
      deps.log.error('answer in front failed', { path: req.url, error });
      res.destroy();
    });
  });
}

/** The answer saved as the route saves it on its remembered path, or null (the app then decides). */
async function save(deps: FrontDeps, remembered: Answering, questionId: string, key: string | string[] | undefined, body: Buffer) {
  try {
    const parsed = answerBody.safeParse(JSON.parse(body.toString('utf8')));
    if (!parsed.success || typeof key === 'object') return null;
    return await saveAnswer(deps, remembered, questionId, key, parsed.data.answer, true);
  } catch {
    // A body that is not JSON, or a write that failed: nothing was saved, and the app says why.
    return null;
  }
}

/** Serve the app through the front on port and hostname, as @hono/node-server's serve does. */
export function serveApp(
  app: Pick<Hono, 'fetch'>,
  { port, hostname }: { port: number; hostname?: string },
  onListening?: (info: AddressInfo) => void,
): Server {
  const deps = frontDepsOf(app);
  const frontServer = ((options: ServerOptions, toApp: RequestListener) => createServer(options, withFront(toApp, deps))) as typeof createServer;
  return serve({ fetch: app.fetch, port, hostname, createServer: frontServer }, onListening) as Server;
}
