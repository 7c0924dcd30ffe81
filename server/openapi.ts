// GET /api/openapi.json: the API described as OpenAPI 3.1, generated from the app itself: every
// route it has, with the request schemas its validators check (server/errors.ts validate()).
// Response bodies are typed for the client by hc<AppType> (client/src/lib/api.ts), not here.
import type { Handler, Hono, Schema } from 'hono';
import { generateSpecs } from 'hono-openapi';
import type { AppEnv } from './env.ts';

const problem = {
  description: 'A problem (RFC 9457): type, title, status, detail, and the fields at fault.',
  content: {
    'application/problem+json': {
      schema: {
        type: 'object',
        required: ['type', 'title', 'status', 'detail'],
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          errors: {
            type: 'array',
            items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
          },
        },
      },
    },
  },
};

type Operation = { requestBody?: unknown; responses?: Record<string, unknown> };

async function build(app: Hono<AppEnv, Schema, string>) {
  const doc = await generateSpecs(app as unknown as Hono, {
    documentation: {
      info: {
        title: 'Bronwijs API',
        version: '1',
        description: 'Media-literacy lessons built from real news articles. Bodies are JSON; errors are application/problem+json.',
      },
    },
    // Every route, also those without a request schema; and report.csv is an endpoint, not a file.
    includeEmptyPaths: true,
    excludeStaticFile: false,
    defaultValidationErrorResponse: false,
  });
  for (const operations of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(operations ?? {}) as Operation[]) {
      if (typeof op !== 'object' || op === null) continue;
      op.responses = {
        '2XX': { description: 'Success.' },
        ...(op.requestBody ? { '415': { ...problem, description: 'The body is not sent as JSON.' }, '422': { ...problem, description: 'The body does not fit the schema; errors name each field.' } } : {}),
        '4XX': problem,
        '5XX': problem,
      };
    }
  }
  return doc;
}

/** The handler; the document is built on the first request, from the routes `app` has then. */
export function openApiDocument(app: Hono<AppEnv, Schema, string>): Handler<AppEnv> {
  let doc: ReturnType<typeof build> | undefined;
  return async (c) => c.json(await (doc ??= build(app)), 200);
}
