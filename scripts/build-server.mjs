// Bundles the server into plain JavaScript for production (`npm start` runs node on it, not tsx):
// dist/server/main.js (the small cluster primary) and dist/server/worker.js (the app). Packages
// stay external (node_modules is there at run time). A bundled module's import.meta.url is
// rewritten to its source file's location relative to the bundle, so files read next to the
// sources (db/migrations, lists of common passwords) are found as under tsx.
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = join(root, 'dist', 'server');
const entries = ['server/main.ts', 'server/worker.ts'];

const sourceUrls = {
  name: 'source-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      let contents = await readFile(path, 'utf8');
      const rel = relative(root, path).split(sep).join('/');
      // The entries keep their own URL: main.ts finds worker.js beside itself.
      if (!entries.includes(rel) && contents.includes('import.meta.url')) {
        const fromBundle = relative(outdir, path).split(sep).join('/');
        contents = contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`);
      }
      return { contents, loader: 'ts' };
    });
  },
};

await build({
  entryPoints: entries.map((e) => join(root, e)),
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [sourceUrls],
});
console.log(`server bundled: ${relative(root, outdir)}/{main,worker}.js`);
