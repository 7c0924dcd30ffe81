// Test harness for the API suites: a fresh file database in a temp folder, migrated, with the
// real lessons from lessons/content, and an app to call with app.request(). A tiny cookie jar
// plays a browser, one per learner.
//
// Both database paths: BRONWIJS_TEST_SQL=client (set by the vitest project server-client-path)
// sends the hot-path SQL through the libSQL client, as a libsql:// server or a replica does; unset
// or 'native', it runs on FastSql's own native connection to the file (see db/client.ts).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { loadLessons, type Lesson } from '../../lessons/index.ts';
import { createApp, type AppOptions } from '../../server/app.ts';
import { lessonStoreFrom, type LessonStore } from '../../server/lesson-store.ts';

export interface TestServer {
  app: ReturnType<typeof createApp>;
  database: Database;
  lessons: LessonStore;
  dir: string;
  url: string;
  clock: { now: Date };
  /** A new app on the same database file, as after a restart. */
  restart(): Promise<TestServer>;
  close(): void;
}

/** The FastSql path these suites run on: the vitest project decides (vitest.config.ts). */
export function testSqlPath(): 'native' | 'client' {
  const value = process.env.BRONWIJS_TEST_SQL ?? 'native';
  if (value !== 'native' && value !== 'client') throw new Error(`BRONWIJS_TEST_SQL: expected native or client, got '${value}'`);
  return value;
}

let realLessons: Lesson[] | undefined;
export function contentLessons(): Lesson[] {
  if (!realLessons) {
    const { lessons, problems } = loadLessons();
    if (lessons.length === 0) throw new Error(`no lessons load from lessons/content: ${JSON.stringify(problems)}`);
    realLessons = lessons;
  }
  return realLessons;
}

/** A fresh database and app. The client dir holds a tiny index.html and one hashed asset. */
export async function testServer(options: Partial<AppOptions> & { dir?: string } = {}): Promise<TestServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'bronwijs-api-'));
  const clientDir = join(dir, 'client');
  mkdirSync(join(clientDir, 'assets'), { recursive: true });
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Bronwijs</title><script type="module" src="/assets/app-abc123.js"></script>');
  writeFileSync(join(clientDir, 'assets', 'app-abc123.js'), 'console.log("bronwijs")');
  const url = `file:${join(dir, 'bronwijs.db')}`;
  const database = await openDatabase(
    { databaseUrl: url, databaseAuthToken: undefined, databaseSyncUrl: undefined },
    { nativeSql: testSqlPath() === 'native' },
  );
  await migrateDatabase(database.db);
  const lessons = await lessonStoreFrom(database.db, contentLessons());
  const clock = { now: new Date() };
  const app = createApp({
    db: database.db,
    client: database.client,
    lessons,
    clientDir,
    now: () => clock.now,
    ...options,
  });
  return {
    app,
    database,
    lessons,
    dir,
    url,
    clock,
    restart: async () => {
      database.close();
      return testServer({ ...options, dir });
    },
    close: () => {
      database.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A browser: keeps the session cookie between requests, sends JSON. */
export class Browser {
  cookies = new Map<string, string>();
  constructor(private server: Pick<TestServer, 'app'>) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined) h['Content-Type'] ??= 'application/json';
    if (this.cookies.size) h.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.server.app.request(`http://localhost${path}`, {
      method,
      headers: h,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (value === '' || /max-age=0/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, undefined, headers);
  post = (path: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', path, body ?? {}, headers);
  put = (path: string, body?: unknown, headers?: Record<string, string>) => this.request('PUT', path, body ?? {}, headers);
}

/** The seed of an attempt, read from the database: tests use it to compute the key in this attempt's tokens. */
export async function seedOf(server: TestServer, attemptId: string): Promise<string> {
  const rs = await server.database.client.execute({ sql: 'SELECT seed FROM attempts WHERE id = ?', args: [attemptId] });
  return String(rs.rows[0].seed);
}

export async function count(server: TestServer, table: string, where = '1=1', args: (string | number)[] = []): Promise<number> {
  const rs = await server.database.client.execute({ sql: `SELECT count(*) AS n FROM ${table} WHERE ${where}`, args });
  return Number(rs.rows[0].n);
}

/** Gives the browser a session for a learner or teacher, as join/login would. */
export async function signIn(server: TestServer, browser: Browser, who: { learnerId: string } | { teacherId: string }): Promise<void> {
  const { createHash, randomBytes } = await import('node:crypto');
  const token = randomBytes(32).toString('base64url');
  const id = createHash('sha256').update(token).digest('hex');
  const now = server.clock.now.getTime();
  await server.database.client.execute({
    sql: 'INSERT INTO sessions (id, teacher_id, learner_id, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    args: [id, 'teacherId' in who ? who.teacherId : null, 'learnerId' in who ? who.learnerId : null, now, now + 86_400_000],
  });
  browser.cookies.set('bronwijs-session', token);
}

/** Every key name anywhere in a JSON value. */
export function keysIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysIn(v, out);
    }
  }
  return out;
}
