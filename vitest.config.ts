// The server side (lessons, db, server, cross-cutting suites) in node, the client in jsdom, the
// browser tests apart. server-client-path runs the API suites again with the hot-path SQL through the
// libSQL client, the path of a libsql:// server or a replica, where `server` runs it on FastSql's
// native connection (tests/api/helpers.ts reads BRONWIJS_TEST_SQL), as Drizzle tests each driver.
import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['lessons/**/*.test.ts', 'server/**/*.test.ts', 'db/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          env: { BRONWIJS_TEST_SQL: 'native' },
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'server-client-path',
          environment: 'node',
          include: ['tests/api/**/*.test.ts', 'tests/teacher/**/*.test.ts', 'tests/security/**/*.test.ts'],
          // Runs the server as a child process on its own database: no FastSql choice to make.
          exclude: ['tests/api/shutdown.test.ts'],
          env: { BRONWIJS_TEST_SQL: 'client' },
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        plugins: [solid()],
        resolve: { conditions: ['development', 'browser'] },
        test: {
          name: 'client',
          environment: 'jsdom',
          include: ['client/**/*.test.{ts,tsx}'],
          setupFiles: ['client/test-setup.ts'],
        },
      },
    ],
  },
});
