// Scenario 7: the JavaScript a student downloads, gzipped. The first page is the entry script of
// dist/client/index.html, the chunks it modulepreloads or imports, and the lazy chunk of the
// route it opens on (the catalog, routes/catalog.tsx); the student path adds every chunk
// reachable by static and dynamic imports, except the lazy routes of client/src/index.tsx that
// are not on a lesson's path (joining, a student's assignments, the teacher's pages).
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kb, type ScenarioLine } from './stats.ts';

export const FIRST_PAGE_BUDGET = 60 * 1024;
export const STUDENT_PATH_BUDGET = 100 * 1024;

export interface Bundle {
  files: string[];
  gzipBytes: number;
}
export interface SizeReport {
  firstPage: Bundle;
  studentPath: Bundle;
  /** Chunks left out of the student path because they belong to other routes. */
  excluded: string[];
}

interface Chunk {
  static: string[];
  dynamic: string[];
}

/** Vite names a chunk after its module: "runner-B4x9q.js" for routes/runner.tsx. */
export function chunkName(file: string): string {
  return basename(file).replace(/-[A-Za-z0-9_-]{8}\.js$/, '').replace(/\.js$/, '');
}

/** The pages of a lesson's path: the catalog, a lesson's intro, the runner, the results (and the 404). */
export const LESSON_PATH_ROUTES: ReadonlySet<string> = new Set(['routes/catalog.tsx', 'routes/lesson.tsx', 'routes/runner.tsx', 'routes/results.tsx', 'routes/not-found.tsx']);

function readChunk(assetsDir: string, file: string): Chunk {
  const code = readFileSync(join(assetsDir, file), 'utf8');
  const local = (spec: string) => basename(spec);
  // Minifiers quote specifiers with ", ' or ` (Vite 8 writes dynamic imports as import(`./x.js`)).
  const staticImports = [...code.matchAll(/(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?(["'`])(\.{1,2}\/[^"'`]+\.js)\1/g)].map((m) => local(m[2]!));
  const dynamicImports = [...code.matchAll(/import\(\s*(["'`])(\.{1,2}\/[^"'`]+\.js)\1\s*\)/g)].map((m) => local(m[2]!));
  return { static: [...new Set(staticImports)], dynamic: [...new Set(dynamicImports)] };
}

function gzipSize(assetsDir: string, files: Iterable<string>): number {
  let total = 0;
  for (const file of files) total += gzipSync(readFileSync(join(assetsDir, file))).length;
  return total;
}

/** The modules a route table loads lazily, relative to it: `import('./routes/teacher/classes.tsx')` gives "routes/teacher/classes.tsx". */
export function lazyModulePaths(source: string): string[] {
  return [...source.matchAll(/import\(\s*['"]\.\/([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
}

/**
 * Reads a built client (index.html and assets/) and measures both bundles. A dynamic import is left
 * out of the student path when `excluded` has its chunk's file name, or its chunk's module name.
 */
export function measureBundles(distDir: string, excludedModules: Set<string>, firstRoute = 'catalog'): SizeReport {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const assetsDir = join(distDir, 'assets');
  const entry = /<script[^>]*type="module"[^>]*src="[^"]*?([^"/]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error(`no module script in ${join(distDir, 'index.html')}`);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="[^"]*?([^"/]+\.js)"/g)].map((m) => m[1]!);

  const chunks = new Map<string, Chunk>();
  const chunk = (file: string) => {
    let c = chunks.get(file);
    if (!c) chunks.set(file, (c = readChunk(assetsDir, file)));
    return c;
  };

  const firstPage = new Set([entry, ...preloads]);
  // The page is not shown until its lazy route chunk has loaded too.
  for (const dep of chunk(entry).dynamic) if (chunkName(dep) === firstRoute) firstPage.add(dep);
  // It also needs whatever those import statically, preloaded or not.
  const staticWalk = [...firstPage];
  while (staticWalk.length) {
    for (const dep of chunk(staticWalk.pop()!).static) if (!firstPage.has(dep)) firstPage.add(dep), staticWalk.push(dep);
  }

  const studentPath = new Set(firstPage);
  const excluded = new Set<string>();
  const walk = [...firstPage];
  while (walk.length) {
    const c = chunk(walk.pop()!);
    for (const dep of c.static) if (!studentPath.has(dep)) studentPath.add(dep), walk.push(dep);
    for (const dep of c.dynamic) {
      if (excludedModules.has(dep) || excludedModules.has(chunkName(dep))) {
        excluded.add(dep);
        continue;
      }
      if (!studentPath.has(dep)) studentPath.add(dep), walk.push(dep);
    }
  }

  return {
    firstPage: { files: [...firstPage].sort(), gzipBytes: gzipSize(assetsDir, firstPage) },
    studentPath: { files: [...studentPath].sort(), gzipBytes: gzipSize(assetsDir, studentPath) },
    excluded: [...excluded].sort(),
  };
}

/** The bundles of this repository's build, dist/client. */
export function measureBuiltClient(root: string): SizeReport {
  const distDir = join(root, 'dist', 'client');
  if (!existsSync(join(distDir, 'index.html'))) throw new Error(`${distDir}/index.html is missing: run npm run build first`);
  const routeTable = readFileSync(join(root, 'client', 'src', 'index.tsx'), 'utf8');
  // Chunks are named after their module's file name, and two routes may share one (the student's
  // routes/results.tsx and the teacher's routes/teacher/live/results.tsx): the build's manifest
  // says which chunk file is which route.
  const manifestFile = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: the build writes it (vite.config.ts, build.manifest)`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, { file: string }>;
  const excluded = new Set<string>();
  for (const path of lazyModulePaths(routeTable)) {
    if (LESSON_PATH_ROUTES.has(path)) continue;
    const built = manifest[`src/${path}`];
    if (!built) throw new Error(`the build manifest has no chunk for client/src/${path}`);
    excluded.add(basename(built.file));
  }
  return measureBundles(distDir, excluded);
}

export function sizeLines(report: SizeReport): ScenarioLine[] {
  const { firstPage, studentPath } = report;
  return [
    {
      name: '7a size: first page JS (gzip)',
      figure: `${kb(firstPage.gzipBytes)} in ${firstPage.files.length} files`,
      target: `at most ${kb(FIRST_PAGE_BUDGET)}`,
      pass: firstPage.gzipBytes <= FIRST_PAGE_BUDGET,
    },
    {
      name: '7b size: whole student path JS (gzip)',
      figure: `${kb(studentPath.gzipBytes)} in ${studentPath.files.length} files`,
      target: `at most ${kb(STUDENT_PATH_BUDGET)}`,
      pass: studentPath.gzipBytes <= STUDENT_PATH_BUDGET,
    },
  ];
}
