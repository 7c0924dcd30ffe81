// Migrations at start: applied once, and two instances starting together on one file both succeed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { openDatabase, type Database } from './client.ts';
import { migrateDatabase } from './migrate.ts';

const opened: Database[] = [];
let dir: string | undefined;
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('two instances migrating one new database at the same moment both start', async () => {
  for (let round = 0; round < 5; round++) {
    dir = mkdtempSync(join(tmpdir(), 'bronwijs-migrate-'));
    const url = `file:${join(dir, 'db.sqlite')}`;
    const [a, b] = await Promise.all([openDatabase({ databaseUrl: url, databaseAuthToken: undefined, databaseSyncUrl: undefined }), openDatabase({ databaseUrl: url, databaseAuthToken: undefined, databaseSyncUrl: undefined })]);
    opened.push(a, b);
    await Promise.all([migrateDatabase(a.db), migrateDatabase(b.db)]);
    const applied = await a.client.execute('SELECT count(*) AS n FROM __drizzle_migrations');
    const journal = (await import('./migrations/meta/_journal.json', { with: { type: 'json' } })).default;
    expect(Number(applied.rows[0].n)).toBe(journal.entries.length);
    for (const d of opened.splice(0)) d.close();
    rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  }
});
