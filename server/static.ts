// Serves the built client (dist/client): hashed assets cached for a year, everything else
// revalidated, and the client's own routes (/lessons/x, /classes/y) answered with index.html;
// compressed by the build, sent so to browsers that accept it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export const serveClient = ({ root, assetsPrefix = '/assets/' }: { root: string; assetsPrefix?: string }): MiddlewareHandler => {
  const indexFile = join(root, 'index.html');
  // precompressed: the build's .br and .gz beside each file (vite.config.ts), for a browser that accepts them.
  const files = serveStatic({ root, precompressed: true });
  const index = serveStatic({ path: indexFile, precompressed: true });

  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    if (!existsSync(indexFile)) {
      return c.text('The client is not built yet: run `npx vite build` and restart.', 503, { 'Cache-Control': REVALIDATE });
    }
    // A dot-directory of the build (Vite's .vite/manifest.json, which tests/bench/size.ts reads) is
    // build metadata, not one of the app's files: not served, and not a page route either.
    if (/(^|\/)\./.test(c.req.path)) return c.text('Not found', 404);
    const served = await files(c, async () => {});
    if (served) {
      // Vite puts a content hash in every file name under assets/: a new build is a new name.
      served.headers.set('Cache-Control', c.req.path.startsWith(assetsPrefix) ? IMMUTABLE : REVALIDATE);
      return served;
    }
    // A missing asset or file is a real 404; only page routes fall back to the app shell.
    if (c.req.path.startsWith(assetsPrefix) || /\.[a-z0-9]+$/i.test(c.req.path)) {
      return c.text('Not found', 404);
    }
    const shell = await index(c, async () => {});
    if (!shell) return next();
    shell.headers.set('Cache-Control', REVALIDATE);
    return shell;
  };
};
