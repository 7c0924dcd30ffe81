// Migration 0002 (grades become appended steps): a database with grades made by the old schema
// keeps every grade, gives graded answers back their null automatic grade, and from then on takes
// a second grade of the same answer as a new row.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterEach, expect, test } from 'vitest';
import { openDatabase, type Database } from './client.ts';
import { MIGRATIONS_DIR, migrateDatabase } from './migrate.ts';

let database: Database | undefined;
let dir: string | undefined;
afterEach(() => {
  database?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('existing grades are carried over, responses lose the copied fraction, new grades append', async () => {
  dir = mkdtempSync(join(tmpdir(), 'bronwijs-migrate-grades-'));
  // The migrations as they were before this one: the journal's entries up to it.
  const before = join(dir, 'migrations');
  cpSync(MIGRATIONS_DIR, before, { recursive: true });
  const journalPath = join(before, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string; when: number }[] };
  const at = journal.entries.findIndex((e) => e.tag.endsWith('_grades_as_steps'));
  expect(at).toBeGreaterThan(0);
  expect(journal.entries[at]!.when).toBeGreaterThan(journal.entries[at - 1]!.when);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));

  database = await openDatabase({ databaseUrl: `file:${join(dir, 'db.sqlite')}`, databaseAuthToken: undefined, databaseSyncUrl: undefined });
  await migrate(database.db, { migrationsFolder: before });
  const run = (sql: string, args: (string | number | null)[] = []) => database!.client.execute({ sql, args });
  await run(`INSERT INTO teachers (id, email, name, password_hash) VALUES ('t1', 'a@b.nl', 'A', 'x')`);
  await run(`INSERT INTO classes (id, teacher_id, name, join_code) VALUES ('c1', 't1', '3B', 'CODE1')`);
  await run(`INSERT INTO learners (id, kind, class_id) VALUES ('l1', 'student', 'c1')`);
  await run(`INSERT INTO lesson_versions (version, slug, content) VALUES ('v1', 'les', '{}')`);
  await run(`INSERT INTO attempts (id, learner_id, lesson_slug, lesson_version, mode, seed, status, updated_at) VALUES ('a1', 'l1', 'les', 'v1', 'test', 's', 'finished', 1)`);
  // An open answer graded by the old route (its grade copied into fraction), another not yet
  // graded, and a closed answer with its automatic grade.
  await run(`INSERT INTO responses (id, attempt_id, question_id, try, answer, fraction) VALUES ('r1', 'a1', 'q-open', 1, '{"text":"x"}', 0.5)`);
  await run(`INSERT INTO responses (id, attempt_id, question_id, try, answer, fraction) VALUES ('r2', 'a1', 'q-open2', 1, '{"text":"y"}', NULL)`);
  await run(`INSERT INTO responses (id, attempt_id, question_id, try, answer, fraction) VALUES ('r3', 'a1', 'q-sc', 1, '{"optionId":"a"}', 1)`);
  await run(`INSERT INTO grades (response_id, teacher_id, points, levels, comment, graded_at) VALUES ('r1', 't1', 1, '{"c":2}', 'Goed', 1000)`);

  await migrateDatabase(database.db);
  const grades = await run('SELECT id, response_id, teacher_id, points, levels, comment, graded_at FROM grades');
  expect(grades.rows.map((r) => ({ ...r }))).toEqual([{ id: 1, response_id: 'r1', teacher_id: 't1', points: 1, levels: '{"c":2}', comment: 'Goed', graded_at: 1000 }]);
  const fractions = await run('SELECT id, fraction FROM responses ORDER BY id');
  expect(fractions.rows.map((r) => [r.id, r.fraction])).toEqual([['r1', null], ['r2', null], ['r3', 1]]);

  // A second grade of the same answer is a new step; the first stays.
  await run(`INSERT INTO grades (response_id, teacher_id, points, graded_at) VALUES ('r1', 't1', 2, 2000)`);
  const after = await run(`SELECT id, points FROM grades WHERE response_id = 'r1' ORDER BY id`);
  expect(after.rows.map((r) => [r.id, r.points])).toEqual([[1, 1], [2, 2]]);
});
