// Who may import whom (issue 9, item 7): the rules of .dependency-cruiser.cjs hold on this
// repository, and each rule fires on a small tree written to break it (so none can pass vacuously).
import { cruise, type ICruiseOptions, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const config = createRequire(import.meta.url)(join(ROOT, '.dependency-cruiser.cjs')) as {
  forbidden: NonNullable<NonNullable<ICruiseOptions['ruleSet']>['forbidden']>;
  options: ICruiseOptions;
};

async function cruiseRules(baseDir: string, roots: string[], tsConfig?: string): Promise<ICruiseResult> {
  const { tsConfig: _fromConfig, ...options_ } = config.options;
  const options: ICruiseOptions = {
    ...options_,
    ...(tsConfig ? { tsConfig: { fileName: tsConfig } } : {}),
    baseDir,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
  };
  const { output } = await cruise(roots, options, {}, tsConfig ? { tsConfig: extractTSConfig(tsConfig) } : {});
  if (typeof output === 'string') throw new Error(output);
  return output;
}

const describeViolation = (v: IViolation) => `${v.rule.name}: ${v.from} -> ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' -> ')})` : ''}`;

test('this repository keeps the arrows: lessons pure, db below server, client takes only types, no cycles', async () => {
  const result = await cruiseRules(ROOT, ['lessons', 'server', 'db', 'client', 'tests', 'scripts'], join(ROOT, 'tsconfig.json'));
  expect(result.summary.violations.map(describeViolation)).toEqual([]);
  // The cruise saw the code it judges: every folder with its imports (the type-only ones included).
  const sources = result.modules.map((m) => m.source);
  for (const folder of ['lessons/', 'server/', 'db/', 'client/src/', 'tests/']) {
    expect(sources.filter((s) => s.startsWith(folder)).length, folder).toBeGreaterThan(5);
  }
  const clientToServer = result.modules
    .filter((m) => m.source.startsWith('client/'))
    .flatMap((m) => m.dependencies.filter((d) => d.resolved.startsWith('server/')));
  expect(clientToServer.length).toBeGreaterThan(10);
  expect(clientToServer.every((d) => d.dependencyTypes.includes('type-only'))).toBe(true);
}, 60_000);

describe('each rule fires on a tree that breaks it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bronwijs-arrows-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const files: Record<string, string> = {
    'server/api.ts': 'export type Shape = { a: number };\nexport const value = 1;\n',
    'server/config.ts': 'export interface Config { databaseUrl: string }\n',
    // A cycle of type-only imports is still a cycle.
    'server/app.ts': "import type { Env } from './route.ts';\nexport type AppEnv = { v: number };\nexport const env: Env | undefined = undefined;\n",
    'server/route.ts': "import type { AppEnv } from './app.ts';\nexport type Env = AppEnv;\n",
    'db/client.ts': "import type { Config } from '../server/config.ts';\nexport const open = (c: Config) => c.databaseUrl;\n",
    'db/seed.ts': "import { helper } from '../tests/helpers.ts';\nexport const seed = helper;\n",
    'db/fine.ts': "import { open } from './client.ts';\nexport const fine = open;\n",
    'lessons/engine.ts': "import { value } from '../server/api.ts';\nexport const engine = value;\n",
    'lessons/types.ts': "import type { Config } from '../server/config.ts';\nexport type C = Config;\n",
    'lessons/grade.ts': "import { open } from '../db/client.ts';\nexport const grade = open;\n",
    'lessons/view.ts': "import { page } from '../client/page.ts';\nexport const view = page;\n",
    'lessons/fixture.ts': "import { helper } from '../tests/helpers.ts';\nexport const fixture = helper;\n",
    'lessons/fine.ts': "import { engine } from './engine.ts';\nexport const fine = engine;\n",
    'client/page.ts': "import { value } from '../server/api.ts';\nexport const page = value;\n",
    'client/store.ts': "import { open } from '../db/client.ts';\nexport const store = open;\n",
    // Types only, spelled either way, are allowed (TypeScript erases both); one value among them is not.
    'client/inline.ts': "import { type Shape } from '../server/api.ts';\nexport const inline: Shape = { a: 2 };\n",
    'client/mixed.ts': "import { type Shape, value } from '../server/api.ts';\nexport const mixed: Shape = { a: value };\n",
    'client/typed.ts': "import type { Shape } from '../server/api.ts';\nexport const typed: Shape = { a: 1 };\n",
    'tests/helpers.ts': "import { value } from '../server/api.ts';\nexport const helper = value;\n",
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }

  test('every violation is reported, and only those', async () => {
    const result = await cruiseRules(dir, ['server', 'db', 'lessons', 'client', 'tests']);
    const found = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
    expect(found).toEqual(
      [
        'client-only-types-from-server: client/page.ts -> server/api.ts',
        'client-only-types-from-server: client/store.ts -> db/client.ts',
        'db-below-server: db/client.ts -> server/config.ts',
        'db-below-server: db/seed.ts -> tests/helpers.ts',
        'lessons-is-pure: lessons/engine.ts -> server/api.ts',
        'lessons-is-pure: lessons/fixture.ts -> tests/helpers.ts',
        'lessons-is-pure: lessons/grade.ts -> db/client.ts',
        'lessons-is-pure: lessons/types.ts -> server/config.ts',
        'lessons-is-pure: lessons/view.ts -> client/page.ts',
        // A cycle is reported once, at the first module of it.
        'no-cycles: server/app.ts -> server/route.ts',
        'client-only-types-from-server: client/mixed.ts -> server/api.ts',
      ].sort(),
    );
  }, 60_000);
});
