// The lesson store: refused lesson files are named in the log and never served; current versions
// are stored, and a pinned version is served from the database after its file has changed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { BROKEN_DIR, VALID_DIR } from '../lessons/test-fixtures/fixture.ts';
import { createLessonStore } from './lesson-store.ts';
import { createLogger } from './log.ts';

async function freshDb() {
  const dir = mkdtempSync(join(tmpdir(), 'bronwijs-store-'));
  const database = await openDatabase({ databaseUrl: `file:${join(dir, 'b.db')}`, databaseAuthToken: undefined, databaseSyncUrl: undefined });
  await migrateDatabase(database.db);
  return database;
}

test('a broken lesson file is left out and named in the log with its line', async () => {
  const { db, close } = await freshDb();
  const lines: string[] = [];
  const store = await createLessonStore(db, BROKEN_DIR, createLogger({ write: (l) => lines.push(l) }));
  expect(store.problems.length).toBeGreaterThan(0);
  const refused = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'lesson file refused');
  expect(refused.length).toBe(store.problems.length);
  for (const entry of refused) expect(entry).toMatchObject({ level: 'error', file: expect.stringMatching(/\.ya?ml$/), line: expect.any(Number), problem: expect.any(String) });
  for (const lesson of store.list()) expect(store.problems.some((p) => p.file.includes(lesson.slug))).toBe(false);
  close();
});

test('current versions are stored; an older pinned version is read back from the database', async () => {
  const { db, client, close } = await freshDb();
  const store = await createLessonStore(db, VALID_DIR, createLogger({ write: () => {} }));
  const lesson = store.list()[0];
  expect(await store.version(lesson.version)).toBe(lesson);
  const rows = await client.execute({ sql: 'SELECT slug FROM lesson_versions WHERE version = ?', args: [lesson.version] });
  expect(rows.rows[0].slug).toBe(lesson.slug);

  // An edited lesson is a new version; the old content stays served to the attempts pinning it.
  const old = { ...lesson, version: 'old0000000000000', title: { nl: 'Oud', en: 'Old' } };
  await client.execute({ sql: 'INSERT INTO lesson_versions (version, slug, content) VALUES (?, ?, ?)', args: [old.version, old.slug, JSON.stringify(old)] });
  const restarted = await createLessonStore(db, VALID_DIR, createLogger({ write: () => {} }));
  expect((await restarted.version(old.version))?.title).toEqual({ nl: 'Oud', en: 'Old' });
  expect(await restarted.version('missing')).toBeUndefined();
  expect(restarted.current(lesson.slug)?.version).toBe(lesson.version);
  close();
});
