// The file database runs in WAL mode, with synchronous=FULL and foreign keys on every pooled
// connection (durability and cascades do not depend on which connection a request gets).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { assertNativeLibsql, BUSY_TIMEOUT_MS, openDatabase } from './client.ts';
import { migrateDatabase } from './migrate.ts';

test('every connection: WAL, synchronous FULL, foreign keys, busy timeout; migrations apply twice safely', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bronwijs-db-'));
  const { client, db, close } = await openDatabase({ databaseUrl: `file:${join(dir, 'b.db')}`, databaseAuthToken: undefined, databaseSyncUrl: undefined });
  await migrateDatabase(db);
  await migrateDatabase(db);
  // Hold several transactions open at once so the pool must use several connections.
  const txs = await Promise.all([1, 2, 3, 4].map(() => client.transaction('read')));
  for (const tx of txs) {
    expect((await tx.execute('PRAGMA journal_mode')).rows[0].journal_mode).toBe('wal');
    expect(Number((await tx.execute('PRAGMA synchronous')).rows[0].synchronous)).toBe(2);
    expect(Number((await tx.execute('PRAGMA foreign_keys')).rows[0].foreign_keys)).toBe(1);
    expect(Number((await tx.execute('PRAGMA busy_timeout')).rows[0].timeout)).toBe(BUSY_TIMEOUT_MS);
  }
  txs.forEach((tx) => tx.close());
  await expect(client.execute("INSERT INTO classes (id, teacher_id, name, join_code) VALUES ('c', 'nobody', 'x', 'y')")).rejects.toThrow(/FOREIGN KEY/);
  close();
});

test('the native FastSql runs only on a libsql version it was checked against, and says so at start otherwise', async () => {
  expect(() => assertNativeLibsql()).not.toThrow();
  expect(() => assertNativeLibsql('0.6.0')).toThrow(/checked against libsql .*but @libsql\/client brings libsql 0\.6\.0/);
  const dir = mkdtempSync(join(tmpdir(), 'bronwijs-db-'));
  const config = { databaseUrl: `file:${join(dir, 'b.db')}`, databaseAuthToken: undefined, databaseSyncUrl: undefined };
  const native = await openDatabase(config);
  expect(native.sqlPath).toBe('native');
  native.close();
  const viaClient = await openDatabase(config, { nativeSql: false });
  expect(viaClient.sqlPath).toBe('client');
  viaClient.close();
});
