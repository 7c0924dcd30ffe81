// Group commit: concurrent writes share a transaction, each caller waits for its commit, and one
// failing write does not fail its neighbours.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createWriteQueue } from './write-queue.ts';

let dir: string;
let client: Client;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bronwijs-wq-'));
  client = createClient({ url: `file:${join(dir, 'q.db')}`, timeout: 10_000 });
  await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)');
});
afterEach(() => {
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

test('writes that arrive during a commit are committed together, and each is acknowledged after it', async () => {
  const queue = createWriteQueue(client);
  const acknowledged = await Promise.all(
    Array.from({ length: 50 }, async (_, i) => {
      const [rs] = await queue.run([{ sql: 'INSERT INTO t (v) VALUES (?) RETURNING v', args: [`v${i}`] }]);
      // Acknowledged means committed: another connection already sees the row.
      const seen = await client.execute({ sql: 'SELECT count(*) AS n FROM t WHERE v = ?', args: [`v${i}`] });
      return [rs.rows[0].v, Number(seen.rows[0].n)];
    }),
  );
  expect(acknowledged).toEqual(Array.from({ length: 50 }, (_, i) => [`v${i}`, 1]));
  expect(queue.stats.writes).toBe(50);
  expect(queue.stats.batches).toBeLessThan(50);
});

test('a write that violates a constraint fails alone; the others in its batch commit', async () => {
  const queue = createWriteQueue(client);
  const results = await Promise.allSettled(
    ['a', 'b', 'a', 'c'].map((v) => queue.run([{ sql: 'INSERT INTO t (v) VALUES (?)', args: [v] }])),
  );
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  const rows = await client.execute('SELECT v FROM t ORDER BY v');
  expect(rows.rows.map((r) => r.v)).toEqual(['a', 'b', 'c']);
});

test('the statements of one write are atomic', async () => {
  const queue = createWriteQueue(client);
  await expect(
    queue.run([
      { sql: 'INSERT INTO t (v) VALUES (?)', args: ['x'] },
      { sql: 'INSERT INTO t (v) VALUES (?)', args: ['x'] },
    ]),
  ).rejects.toThrow();
  expect((await client.execute('SELECT count(*) AS n FROM t')).rows[0].n).toBe(0);
  await queue.drain();
});

test('drain(key) waits for the writes queued under that key, not for the whole queue', async () => {
  const queue = createWriteQueue(client, { maxBatch: 1 });
  const order: string[] = [];
  const mine = queue.run([{ sql: 'INSERT INTO t (v) VALUES (?)', args: ['mine'] }], 'attempt-1').then(() => order.push('mine'));
  const others = Array.from({ length: 20 }, (_, i) =>
    queue.run([{ sql: 'INSERT INTO t (v) VALUES (?)', args: [`other${i}`] }], `attempt-${i + 2}`).then(() => order.push(`other${i}`)),
  );
  await queue.drain('attempt-1');
  order.push('drained');
  // Mine is committed when drain(key) settles; with one write per batch, most others are not yet.
  expect(order[0]).toBe('mine');
  expect((await client.execute(`SELECT count(*) AS n FROM t WHERE v = 'mine'`)).rows[0].n).toBe(1);
  expect(order.filter((o) => o.startsWith('other')).length).toBeLessThan(20);
  await Promise.all([mine, ...others]);
  // Nothing queued under a key: nothing to wait for.
  await queue.drain('attempt-1');
  await queue.drain('never-used');
});

test('insertOf gives the statement Drizzle builds for the row (dates, nulls, JSON), and a left-out column keeps its default', async () => {
  const { drizzle } = await import('drizzle-orm/libsql');
  const schema = await import('../db/schema.ts');
  const { insertOf, statementOf } = await import('./write-queue.ts');
  const db = drizzle(client, { schema });
  const when = new Date('2026-11-29T10:00:00.123Z');
  const rows = [
    [schema.learners, { id: 'l1', kind: 'self', classId: null, displayName: null, displayNameKey: null, resumeCodeHash: null, createdAt: when }],
    [schema.learners, { id: 'l2', kind: 'student', classId: 'c1', displayName: 'Noor', displayNameKey: 'noor', resumeCodeHash: 'h', createdAt: new Date(0) }],
    [schema.sessions, { id: 's1', teacherId: null, learnerId: 'l1', lastSeenAt: when, expiresAt: new Date(when.getTime() + 1000) }],
    // status left out: its default ('in-progress'), as Drizzle leaves it out.
    [schema.attempts, { id: 'a1', learnerId: 'l1', lessonSlug: 'x', lessonVersion: 'v', mode: 'test', assignmentId: null, seed: 's', currentQuestionId: null, startedAt: when, updatedAt: when, finishedAt: null }],
    [schema.attempts, { id: 'a2', learnerId: 'l1', lessonSlug: 'x', lessonVersion: 'v', mode: 'test', assignmentId: null, seed: 's', status: 'finished', currentQuestionId: 'q', startedAt: when, updatedAt: when, finishedAt: when }],
  ] as const;
  // Twice each: the second comes from the kept SQL.
  for (let round = 0; round < 2; round++) {
    for (const [table, row] of rows) {
      expect(insertOf(db, table, row as never)).toEqual(statementOf(db.insert(table).values(row as never)));
    }
  }
});
