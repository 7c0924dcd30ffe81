// The size budgets of scenario 7 as a test: `npm test` builds the client first, and fails here
// when the first page or the student path grows past its gzip budget.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './server.ts';
import { FIRST_PAGE_BUDGET, STUDENT_PATH_BUDGET, type SizeReport, chunkName, lazyModulePaths, measureBuiltClient, measureBundles } from './size.ts';

describe('bundle walk', () => {
  function fakeDist(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'bronwijs-size-'));
    mkdirSync(join(dir, 'assets'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }

  const dist = fakeDist({
    'index.html':
      '<html><head><script type="module" crossorigin src="/assets/index-AAAAAAAA.js"></script>' +
      '<link rel="modulepreload" crossorigin href="/assets/web-BBBBBBBB.js"></head></html>',
    'assets/index-AAAAAAAA.js':
      'import{a as e}from"./web-BBBBBBBB.js";const r=[()=>import(`./catalog-C_C-CCCC.js`),()=>import("./classes-DDDDDDDD.js")];e(r);',
    'assets/web-BBBBBBBB.js': 'export const a=x=>x;',
    'assets/catalog-C_C-CCCC.js': 'import"./shared-EEEEEEEE.js";export default 1;',
    'assets/shared-EEEEEEEE.js': 'export const s="' + 'x'.repeat(500) + '";',
    'assets/classes-DDDDDDDD.js': 'import"./chart-FFFFFFFF.js";export default 2;',
    'assets/chart-FFFFFFFF.js': 'export const c=1;',
  });

  it('counts the entry, its preloads and the first route with its imports as the first page', () => {
    const report = measureBundles(dist, new Set(['classes']), 'catalog');
    expect(report.firstPage.files).toEqual(['catalog-C_C-CCCC.js', 'index-AAAAAAAA.js', 'shared-EEEEEEEE.js', 'web-BBBBBBBB.js']);
    expect(measureBundles(dist, new Set(['classes']), 'elsewhere').firstPage.files).toEqual(['index-AAAAAAAA.js', 'web-BBBBBBBB.js']);
  });

  it('follows dynamic imports into the student routes and leaves the extra routes out', () => {
    const report = measureBundles(dist, new Set(['classes']), 'elsewhere');
    expect(report.studentPath.files).toEqual(['catalog-C_C-CCCC.js', 'index-AAAAAAAA.js', 'shared-EEEEEEEE.js', 'web-BBBBBBBB.js']);
    expect(report.excluded).toEqual(['classes-DDDDDDDD.js']);
    const shared = gzipSync(Buffer.from('export const s="' + 'x'.repeat(500) + '";')).length;
    expect(report.studentPath.gzipBytes).toBeGreaterThan(report.firstPage.gzipBytes + shared);
  });

  it('names chunks after their module, hash removed', () => {
    expect(chunkName('teacher-classes-Ab_d-f12.js')).toBe('teacher-classes');
    expect(lazyModulePaths("lazy(() => import('./routes/teacher/report.tsx')); lazy(() => import(\"./routes/join.tsx\"))")).toEqual(['routes/teacher/report.tsx', 'routes/join.tsx']);
  });
});

describe('size budgets of the built client', () => {
  let report: SizeReport;
  beforeAll(() => {
    report = measureBuiltClient(ROOT);
  });

  it(`keeps the first page's JavaScript within ${FIRST_PAGE_BUDGET / 1024} KB gzip`, () => {
    expect(report.firstPage.files.length).toBeGreaterThan(0);
    expect(report.firstPage.gzipBytes, `first page: ${report.firstPage.files.join(', ')}`).toBeLessThanOrEqual(FIRST_PAGE_BUDGET);
  });

  it("tells routes with the same file name apart: the student's results page is on the path, the teacher's live results are not", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'client', '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string }>;
    const file = (path: string) => basename(manifest[path]!.file);
    expect(chunkName(file('src/routes/results.tsx'))).toBe(chunkName(file('src/routes/teacher/live/results.tsx')));
    expect(report.studentPath.files).toContain(file('src/routes/results.tsx'));
    expect(report.studentPath.files).not.toContain(file('src/routes/teacher/live/results.tsx'));
    expect(report.excluded).toContain(file('src/routes/teacher/live/results.tsx'));
  });

  it('has every script, style sheet and the page also compressed (brotli, gzip), as the server sends them to browsers', () => {
    const dir = join(ROOT, 'dist', 'client');
    const files = ['index.html', ...readdirSync(join(dir, 'assets')).filter((f) => /\.(js|css)$/.test(f)).map((f) => `assets/${f}`)];
    const big = files.filter((f) => statSync(join(dir, f)).size >= 512);
    expect(big.length).toBeGreaterThan(10);
    for (const f of big) {
      const plain = readFileSync(join(dir, f));
      expect(brotliDecompressSync(readFileSync(join(dir, `${f}.br`))).equals(plain), `${f}.br`).toBe(true);
      expect(gunzipSync(readFileSync(join(dir, `${f}.gz`))).equals(plain), `${f}.gz`).toBe(true);
    }
  });

  it(`keeps the whole student path within ${STUDENT_PATH_BUDGET / 1024} KB gzip`, () => {
    expect(report.studentPath.files.length).toBeGreaterThanOrEqual(report.firstPage.files.length);
    expect(report.studentPath.gzipBytes, `student path: ${report.studentPath.files.join(', ')}`).toBeLessThanOrEqual(STUDENT_PATH_BUDGET);
  });
});
