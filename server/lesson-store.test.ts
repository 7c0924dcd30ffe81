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

test('a version stored before lessons declared languages reads as Dutch and English', async () => {
  const { db, client, close } = await freshDb();
  const store = await createLessonStore(db, VALID_DIR, createLogger({ write: () => {} }));
  const { languages: _none, ...before } = { ...store.list()[0]!, version: 'pre0000000000000' };
  await client.execute({ sql: 'INSERT INTO lesson_versions (version, slug, content) VALUES (?, ?, ?)', args: [before.version, before.slug, JSON.stringify(before)] });
  expect((await store.version(before.version))?.languages).toEqual(['nl', 'en']);
  close();
});

test('a studio slug is served only once published, and assignable by its author or, shared, by all', async () => {
  const { db, client, close } = await freshDb();
  const store = await createLessonStore(db, VALID_DIR, createLogger({ write: () => {} }));
  const builtIn = store.list()[0]!;
  const authored = { ...builtIn, slug: 'eigen-les-abc123', version: 'auth000000000000' };
  for (const [id, name] of [['t1', 'Anna'], ['t2', 'Bram']]) {
    await client.execute({ sql: "INSERT INTO teachers (id, email, name, password_hash) VALUES (?, ?, ?, 'x')", args: [id, `${id}@school.nl`, name] });
  }
  await client.execute({ sql: "INSERT INTO authored_articles (id, teacher_id, title, content, updated_at) VALUES ('a1', 't1', 'T', '{}', 0)" });
  await client.execute({ sql: "INSERT INTO authored_lessons (id, teacher_id, article_id, slug, draft, updated_at) VALUES ('l1', 't1', 'a1', ?, '{}', 0)", args: [authored.slug] });
  expect(await store.published(authored.slug)).toBeUndefined();
  expect(await store.assignable(authored.slug, 't1')).toBeUndefined();

  await store.store(authored);
  await client.execute({ sql: "INSERT INTO lesson_publications (lesson_id, slug, version, lesson_file, article_file) VALUES ('l1', ?, ?, '{}', '{}')", args: [authored.slug, authored.version] });
  expect(await store.published(authored.slug)).toMatchObject({ lessonId: 'l1', teacherId: 't1', shared: false, lesson: { version: authored.version } });
  expect(store.current(authored.slug)).toBeUndefined();
  expect((await store.assignable(authored.slug, 't1'))?.version).toBe(authored.version);
  expect(await store.assignable(authored.slug, 't2')).toBeUndefined();
  await client.execute("UPDATE authored_lessons SET shared = 1 WHERE id = 'l1'");
  expect((await store.assignable(authored.slug, 't2'))?.version).toBe(authored.version);
  expect((await store.assignable(builtIn.slug, 't2'))?.version).toBe(builtIn.version);
  expect(await store.published(builtIn.slug)).toBeUndefined();
  close();
});
