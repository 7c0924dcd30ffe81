// Problem details (RFC 9457): the one error shape of the API. Handlers throw `problem(...)` or one of
// the shorthands; app.onError turns it (and any HTTPException) into application/problem+json.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { uniqueSymbol, validator } from 'hono-openapi';
import type { z } from 'zod';
import type { Problem } from './api-types.ts';
import type { AppEnv } from './env.ts';

export type FieldError = { path: string; message: string };

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'Unsupported media type',
  422: 'Invalid input',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export function titleOf(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Server error' : 'Request error');
}

/** An HTTPException that carries problem details: a type slug and the fields at fault. */
export class ProblemError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly detail: string,
    readonly options: { type?: string; title?: string; errors?: FieldError[]; problems?: Problem['problems']; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(status, { message: detail, cause: options.cause });
  }
}

/** The problem body; `type` is a relative URI naming the kind of problem (or about:blank). */
export function problemBody(
  status: number,
  detail: string,
  { type, title, errors, problems }: { type?: string; title?: string; errors?: FieldError[]; problems?: Problem['problems'] } = {},
): Problem {
  return {
    type: type ? `/problems/${type}` : 'about:blank',
    title: title ?? titleOf(status),
    status,
    detail,
    ...(errors && errors.length ? { errors } : {}),
    ...(problems && problems.length ? { problems } : {}),
  };
}

/** A problem+json response, for places that return rather than throw (middleware, notFound). */
export function problemResponse(
  c: Context,
  status: ContentfulStatusCode,
  detail: string,
  options: { type?: string; title?: string; errors?: FieldError[]; problems?: Problem['problems'] } = {},
): Response {
  return c.body(JSON.stringify(problemBody(status, detail, options)), status, {
    'Content-Type': 'application/problem+json; charset=utf-8',
  });
}

export const problem = (status: ContentfulStatusCode, detail: string, options?: ProblemError['options']) =>
  new ProblemError(status, detail, options);
export const badRequest = (detail: string, errors?: FieldError[]) => problem(400, detail, { type: 'bad-request', errors });
export const unauthorized = (detail = 'Sign in first.') => problem(401, detail, { type: 'unauthorized' });
export const forbidden = (detail: string, type = 'forbidden') => problem(403, detail, { type });
export const notFound = (detail = 'Not found.') => problem(404, detail, { type: 'not-found' });
export const conflict = (detail: string, type = 'conflict') => problem(409, detail, { type });
export const invalid = (detail: string, errors: FieldError[]) => problem(422, detail, { type: 'invalid-input', errors });
export const tooManyRequests = (detail: string, retryAfterSeconds?: number) =>
  problem(429, detail, {
    type: 'too-many-requests',
    headers: retryAfterSeconds ? { 'Retry-After': String(Math.ceil(retryAfterSeconds)) } : undefined,
  });

type Target = 'json' | 'query' | 'param';
const WHERE: Record<Target, string> = { json: 'body', query: 'query string', param: 'path' };

/** Standard Schema issues (what the validator reports) -> field errors with dotted paths. */
type Issue = { readonly message: string; readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> };
function issueErrors(issues: readonly Issue[]): FieldError[] {
  return issues.map((issue) => ({
    path: (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.'),
    message: issue.message,
  }));
}

/** The body must say it is JSON: 415 otherwise, 400 when it does not parse. */
async function requireJsonBody(c: Context): Promise<void> {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!/^application\/([\w.-]+\+)?json$/.test(type)) {
    throw problem(415, 'Send the body as JSON with Content-Type: application/json.', { type: 'unsupported-media-type' });
  }
  try {
    // Parsed once: Hono keeps the body, and the validator reads it again from there.
    await c.req.json();
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
}

/**
 * Validate the JSON body, the query or the path parameters with a zod schema through Hono's
 * validator (hono-openapi's, so the schema also documents the route in /api/openapi.json); read
 * the result with `c.req.valid(target)`, typed, and typed for hc() too. A body that is not JSON
 * gets 415 or 400, one that does not fit the schema 422 with every field at fault; the handler
 * does not run, so nothing changes.
 */
export function validate<T extends Target, S extends z.ZodType>(target: T, schema: S) {
  const check = validator<S, T, AppEnv, string>(target, schema, (result) => {
    if (!result.success) throw invalid(`The request ${WHERE[target]} is not valid.`, issueErrors(result.error));
  });
  if (target !== 'json') return check;
  const withType: typeof check = async (c, next) => {
    await requireJsonBody(c);
    return check(c, next);
  };
  // hono-openapi finds a route's schema on the middleware itself.
  return Object.assign(withType, { [uniqueSymbol]: (check as unknown as Record<symbol, unknown>)[uniqueSymbol] });
}
