// Which folder may import which (issue 9, item 7), checked in `npm test` by tests/tooling/arrows.test.ts.
// Paths are relative to the repository root. tsPreCompilationDeps: type-only imports count too, so
// a cycle made only of `import type` lines is still a cycle, and `client/` may use the server's
// types (dependency type 'type-only') but no value of it.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'lessons-is-pure',
      comment: 'lessons/ is the engine shared by server and client: it imports nothing of server/, db/, client/ or tests/.',
      severity: 'error',
      from: { path: '^lessons/' },
      to: { path: '^(server|db|client|tests)/' },
    },
    {
      name: 'db-below-server',
      comment: 'db/ is below the server: it imports nothing of server/, client/ or tests/ (its options live in db/config.ts).',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(server|client|tests)/' },
    },
    {
      name: 'client-only-types-from-server',
      comment: 'The browser bundle takes only types from the server side (import type), never code.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^(server|db)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles, type-only ones included (AppEnv lives in server/env.ts, not in app.ts, for this).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|data)/' },
  },
};
