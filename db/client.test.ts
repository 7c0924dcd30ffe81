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

test('a write waiting for another connection to commit leaves the event loop running, then commits', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bronwijs-db-'));
  const config = { databaseUrl: `file:${join(dir, 'b.db')}`, databaseAuthToken: undefined, databaseSyncUrl: undefined };
  const database = await openDatabase(config);
  const other = await openDatabase(config);
  await database.client.execute('CREATE TABLE t (x INTEGER)');
  // Another process's write transaction holds the lock.
  const held = await other.client.transaction('write');
  await held.execute('INSERT INTO t VALUES (1)');
  let committed = false;
  const write = database.sql.batch([{ sql: 'INSERT INTO t VALUES (?)', args: [2] }]).then((results) => {
    committed = true;
    return results;
  });
  // Timers still fire while the write waits: the wait is not a sleep inside SQLite.
  let ticks = 0;
  const started = Date.now();
  while (Date.now() - started < 100) {
    await new Promise((r) => setTimeout(r, 5));
    ticks++;
  }
  expect(ticks).toBeGreaterThan(5);
  expect(committed).toBe(false);
  await held.commit();
  const [result] = await write;
  expect(result!.rowsAffected).toBe(1);
  expect((await database.sql.all('SELECT x FROM t ORDER BY x')).map((r) => r.x)).toEqual([1, 2]);
  other.close();
  database.close();
});

test("a write on the client's own connection, run right behind a FastSql batch, does not wait for that batch: BEGIN to COMMIT is one synchronous step", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bronwijs-db-'));
  const database = await openDatabase({ databaseUrl: `file:${join(dir, 'b.db')}`, databaseAuthToken: undefined, databaseSyncUrl: undefined });
  expect(database.sqlPath).toBe('native');
  await database.client.execute('CREATE TABLE t (x INTEGER)');
  const started = Date.now();
  const batch = database.sql.batch([{ sql: 'INSERT INTO t VALUES (?)', args: [1] }]);
  // Writes of other requests, continuing a few microtasks later (as a route does after an await):
  // had the batch yielded between its BEGIN and its COMMIT, one of them would have waited in
  // SQLite's busy handler, the event loop blocked, until BUSY_TIMEOUT_MS, and failed.
  const behind = [0, 1, 2, 3, 4].map(async (depth) => {
    for (let i = 0; i < depth; i++) await null;
    return database.client.execute({ sql: 'INSERT INTO t VALUES (?)', args: [10 + depth] });
  });
  await batch;
  await Promise.all(behind);
  expect(Date.now() - started).toBeLessThan(BUSY_TIMEOUT_MS / 2);
  expect((await database.sql.all('SELECT x FROM t ORDER BY x')).map((r) => r.x)).toEqual([1, 10, 11, 12, 13, 14]);
  database.close();
});
