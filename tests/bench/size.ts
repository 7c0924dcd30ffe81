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
export const LESSON_PATH_ROUTES: ReadonlySet<string> = new Set(['catalog', 'lesson', 'runner', 'results', 'not-found']);

/** The module basenames a route table loads lazily: `import('./routes/teacher/classes.tsx')` gives "classes". */
export function lazyModuleNames(source: string): Set<string> {
  const names = new Set<string>();
  for (const m of source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    names.add(basename(m[1]!).replace(/\.(tsx?|jsx?)$/, ''));
  }
  return names;
}

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

/** Reads a built client (index.html and assets/) and measures both bundles. */
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
      if (excludedModules.has(chunkName(dep))) {
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
  const excluded = new Set([...lazyModuleNames(routeTable)].filter((name) => !LESSON_PATH_ROUTES.has(name)));
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
