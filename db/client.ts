// Opens the database: an embedded libSQL file (default), a libSQL server, or an embedded replica of
// one; returns the raw client (for batches and the write queue) and the Drizzle handle.
import { createClient, type Client, type InStatement, type InValue, type ResultSet, type Row } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { DatabaseConfig } from './config.ts';
import * as schema from './schema.ts';

export type Db = LibSQLDatabase<typeof schema>;
export interface Database {
  client: Client;
  db: Db;
  /** Whether the database is a local file (pragmas apply; the replica syncs from its primary). */
  local: boolean;
  /** Hot-path SQL with cached prepared statements (see FastSql). */
  sql: FastSql;
  /** Which FastSql: 'native' (its own connection, a local file only) or 'client' (through the libSQL client). */
  sqlPath: 'native' | 'client';
  close(): void;
}

/**
 * The hot paths' SQL: plain SQL with positional args, no query building. On a local file it runs
 * on one extra native connection with a cache of prepared statements (the libSQL client prepares
 * every statement anew, which was the largest single cost of answering a question); elsewhere
 * (a libSQL server, an embedded replica, :memory:) it goes through the client.
 */
export interface FastSql {
  /** The first row of a query, columns by name. */
  get(sql: string, args?: InValue[]): Promise<Row | undefined>;
  all(sql: string, args?: InValue[]): Promise<Row[]>;
  /** The statements in one write transaction (BEGIN IMMEDIATE ... COMMIT), committed before it resolves. */
  batch(statements: InStatement[]): Promise<ResultSet[]>;
}

const fastByClient = new WeakMap<Client, FastSql>();

/** The FastSql of a client opened by openDatabase; a client-backed one for any other client. */
export function fastSqlOf(client: Client): FastSql {
  let fast = fastByClient.get(client);
  if (!fast) {
    fast = clientSql(client);
    fastByClient.set(client, fast);
  }
  return fast;
}

function clientSql(client: Client): FastSql {
  return {
    async get(sql, args = []) {
      return (await client.execute({ sql, args })).rows[0];
    },
    async all(sql, args = []) {
      return (await client.execute({ sql, args })).rows;
    },
    batch: (statements) => client.batch(statements, 'write'),
  };
}

// The native driver the libSQL client itself uses, resolved from the client's own location.
type NativeStatement = {
  reader: boolean;
  raw(on?: boolean): NativeStatement;
  get(args: unknown[]): Record<string, unknown> | undefined;
  all(args: unknown[]): unknown[][];
  run(args: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  columns(): { name: string }[];
};
type NativeDatabase = { prepare(sql: string): NativeStatement; exec(sql: string): void; close(): void; inTransaction: boolean };
type NativeDatabaseClass = new (path: string, options: { timeout: number }) => NativeDatabase;
const requireFromClient = createRequire(createRequire(import.meta.url).resolve('@libsql/client'));

/**
 * The versions of the private `libsql` package whose Database and Statement FastSql was checked
 * against (the types above, and every API suite on both paths: vitest projects server and
 * server-client-path). After an upgrade, run `npm test` and add the version here.
 */
const NATIVE_LIBSQL_VERSIONS: readonly string[] = ['0.5.29'];

/** Throws, naming both, unless the libsql version is one FastSql was checked against. */
export function assertNativeLibsql(version = nativeLibsqlVersion()): void {
  if (!NATIVE_LIBSQL_VERSIONS.includes(version)) {
    throw new Error(
      `db/client.ts: the native FastSql was checked against libsql ${NATIVE_LIBSQL_VERSIONS.join(', ')}, ` +
        `but @libsql/client brings libsql ${version}. Run npm test, then add it to NATIVE_LIBSQL_VERSIONS.`,
    );
  }
}

/** The version of the libsql package that @libsql/client loads (its package.json is not exported: read it beside the entry). */
function nativeLibsqlVersion(): string {
  const pkg = JSON.parse(readFileSync(join(dirname(requireFromClient.resolve('libsql')), 'package.json'), 'utf8')) as { name?: string; version?: string };
  if (pkg.name !== 'libsql' || !pkg.version) throw new Error('db/client.ts: cannot read the version of the libsql package');
  return pkg.version;
}

/** Most distinct statements kept prepared; the hot paths use a dozen. */
const STATEMENT_CACHE = 256;

function nativeSql(path: string): { sql: FastSql; close(): void } {
  assertNativeLibsql();
  const Database = requireFromClient('libsql') as NativeDatabaseClass;
  const open = (timeout: number) => {
    const db = new Database(path, { timeout });
    db.exec('PRAGMA synchronous=FULL');
    db.exec('PRAGMA foreign_keys=ON');
    return db;
  };
  const reader = open(BUSY_TIMEOUT_MS);
  // Writes have a connection of their own that never waits inside SQLite for the write lock:
  // SQLite's busy handler sleeps (1, 2, 5, 10 ... 100 ms) on the event loop, so while another
  // process (a second worker) committed, this one served nothing. Here the wait is a retry on
  // later turns of the event loop, which keeps reading requests meanwhile; their answers join the
  // batch that then commits (inWriteTransaction).
  const writer = open(0);
  writer.exec('PRAGMA busy_timeout=0');
  // Every statement returns arrays: reads turn them into objects with a row maker of their own
  // (rowMaker), writes into libSQL rows for the write queue's results.
  const reads = new Map<string, { stmt: NativeStatement; row: (values: unknown[]) => Row }>();
  const writes = new Map<string, NativeStatement>();
  const prepared = (db: NativeDatabase, cache: Map<string, NativeStatement>, sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      if (cache.size >= STATEMENT_CACHE) cache.clear();
      stmt = db.prepare(sql);
      if (stmt.reader) stmt.raw(true);
      cache.set(sql, stmt);
    }
    return stmt;
  };
  const read = (sql: string) => {
    let found = reads.get(sql);
    if (!found) {
      if (reads.size >= STATEMENT_CACHE) reads.clear();
      const stmt = reader.prepare(sql);
      stmt.raw(true);
      found = { stmt, row: rowMaker(stmt.columns().map((c) => c.name)) };
      reads.set(sql, found);
    }
    return found;
  };
  // A statement's column names, asked of the driver once (not on every RETURNING).
  const columnsOf = new WeakMap<NativeStatement, string[]>();
  const result = (stmt: NativeStatement, args: unknown[]): ResultSet => {
    if (!stmt.reader) {
      const info = stmt.run(args);
      return resultSet([], [], info.changes, BigInt(info.lastInsertRowid));
    }
    let columns = columnsOf.get(stmt);
    if (!columns) {
      columns = stmt.columns().map((c) => c.name);
      columnsOf.set(stmt, columns);
    }
    const names = columns;
    return resultSet(names, stmt.all(args).map((values) => rowOf(names, values)), 0, undefined);
  };
  // One transaction at a time on the writer: a batch waiting for the lock holds the next back.
  let writing: Promise<unknown> = Promise.resolve();
  const sql: FastSql = {
    async get(text, args = []) {
      const { stmt, row } = read(text);
      const values = stmt.get(args.map(toNative)) as unknown[] | undefined;
      return values && row(values);
    },
    async all(text, args = []) {
      const { stmt, row } = read(text);
      return stmt.all(args.map(toNative)).map(row);
    },
    batch(statements) {
      const run = writing.then(() =>
        inWriteTransaction(writer, () => {
          try {
            const results = statements.map((s) => {
              const { sql: text, args } = typeof s === 'string' ? { sql: s, args: [] } : s;
              if (!Array.isArray(args)) throw new Error('FastSql.batch takes positional args only');
              return result(prepared(writer, writes, text), args.map(toNative));
            });
            writer.exec('COMMIT');
            return results;
          } catch (error) {
            if (writer.inTransaction) writer.exec('ROLLBACK');
            throw error;
          }
        }),
      );
      writing = run.catch(() => undefined);
      return run;
    },
  };
  return {
    sql,
    close: () => {
      writer.close();
      reader.close();
    },
  };
}

/**
 * BEGIN IMMEDIATE on a connection without a busy timeout, then `body` (its statements and COMMIT)
 * in the same synchronous step. While another connection holds the write lock, BEGIN is tried
 * again on a later turn of the event loop (the next few at once, then every millisecond), up to
 * BUSY_TIMEOUT_MS, then fails as SQLite would have.
 *
 * Nothing may run between BEGIN and COMMIT: this process's other connections (the libSQL
 * client's, which drizzle and some routes write through) wait for the lock inside SQLite's busy
 * handler, which blocks the event loop, so a write of theirs that ran in between would wait for a
 * COMMIT that cannot come until it gives up: the whole process stood still for BUSY_TIMEOUT_MS and
 * that write failed (a student's join answered 500 under load). An `await` after BEGIN allowed it.
 */
async function inWriteTransaction<T>(db: NativeDatabase, body: () => T): Promise<T> {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let tries = 0; ; tries++) {
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
      await (tries < 4 ? nextTurn() : sleep(1));
      continue;
    }
    return body();
  }
}

/**
 * A function that makes a statement's row object from its array of values, written out for its
 * columns ({ id: v[0], kind: v[1], ... }): objects of one shape, built in JavaScript, cost less than
 * half of what the driver's own objects do (measured on the session read every request makes).
 * Column names come from the statement, never from a request. A repeated name keeps its first
 * value, as the libSQL client's rows do (the path for a libSQL server).
 */
function rowMaker(columns: string[]): (values: unknown[]) => Row {
  const fields = columns.flatMap((name, i) => (columns.indexOf(name) === i ? [`${JSON.stringify(name)}: v[${i}]`] : []));
  return new Function('v', `return { ${fields.join(', ')} };`) as (values: unknown[]) => Row;
}

function toNative(value: InValue | undefined): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.getTime();
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  return value ?? null;
}

function rowOf(columns: string[], values: unknown[]): Row {
  const row: Record<string | number, unknown> = {};
  Object.defineProperty(row, 'length', { value: values.length });
  for (let i = 0; i < values.length; i++) {
    Object.defineProperty(row, i, { value: values[i] });
    if (!(columns[i] in row)) row[columns[i]] = values[i];
  }
  return row as Row;
}

function resultSet(columns: string[], rows: Row[], rowsAffected: number, lastInsertRowid: bigint | undefined): ResultSet {
  return {
    columns,
    columnTypes: columns.map(() => ''),
    rows,
    rowsAffected,
    lastInsertRowid,
    toJSON: () => ({ columns, rows, rowsAffected, lastInsertRowid: lastInsertRowid?.toString() ?? null }),
  };
}

/** How long a writer waits for the file lock before SQLITE_BUSY: long enough to never surface under load. */
export const BUSY_TIMEOUT_MS = 10_000;

/** How often an embedded replica pulls from its primary. */
export const REPLICA_SYNC_SECONDS = 1;

export interface OpenOptions {
  /**
   * false: FastSql goes through the libSQL client even on a local file, the path a libSQL server
   * (libsql://, https://) or an embedded replica takes. The test suites run the API on both.
   */
  nativeSql?: boolean;
}

export async function openDatabase(config: DatabaseConfig, { nativeSql: allowNative = true }: OpenOptions = {}): Promise<Database> {
  const local = config.databaseUrl.startsWith('file:');
  const client = createClient({
    url: config.databaseUrl,
    authToken: config.databaseAuthToken,
    // An embedded replica pulls the primary's changes every second, so sessions, answers and live
    // views written through other instances reach this one; its own writes go to the primary.
    ...(config.databaseSyncUrl ? { syncUrl: config.databaseSyncUrl, syncInterval: REPLICA_SYNC_SECONDS } : {}),
    timeout: BUSY_TIMEOUT_MS,
  });
  if (local) {
    if (config.databaseSyncUrl) await client.sync();
    // WAL is stored in the file and holds for every connection. synchronous=FULL makes a committed
    // transaction survive a power cut; foreign_keys makes cascades work. Both are per connection:
    // libSQL opens each pooled connection with these same values (db/client.test.ts checks that
    // every connection has them), and setting them here documents and enforces the first one.
    await client.execute('PRAGMA journal_mode=WAL');
    await client.execute('PRAGMA synchronous=FULL');
    await client.execute('PRAGMA foreign_keys=ON');
  }
  const db = drizzle(client, { schema });
  const path = config.databaseUrl.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
  const native = allowNative && local && !config.databaseSyncUrl && !path.startsWith(':memory:') && !path.includes('?') ? nativeSql(path) : null;
  const sql = native?.sql ?? clientSql(client);
  fastByClient.set(client, sql);
  return {
    client,
    db,
    local,
    sql,
    sqlPath: native ? 'native' : 'client',
    close: () => {
      native?.close();
      client.close();
    },
  };
}
