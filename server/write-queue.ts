// Group commit for the hottest write (a learner's answer): concurrent writes queue while one
// commit is in flight and are then committed together in one write transaction. Each caller's
// promise settles only after the transaction holding its statements has committed, so with
// synchronous=FULL an acknowledged answer is on disk. No waiting timer: a batch is whatever queued
// during the previous commit, or within the event-loop turn that queued the first write.
import type { Client, InArgs, InStatement, InValue, ResultSet } from '@libsql/client';
import { is, Param, Placeholder, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { fastSqlOf, type Db } from '../db/client.ts';

export interface WriteQueue {
  /** Run the statements atomically in some upcoming batch; resolves with their results once
   * committed. `key` (an attempt id) lets drain(key) wait for these writes alone. */
  run(statements: InStatement[], key?: string): Promise<ResultSet[]>;
  /** Resolves once everything queued so far has committed (graceful shutdown); with a key, once
   * everything queued so far under that key has settled (an attempt's answers before its finish). */
  drain(key?: string): Promise<void>;
  /** Counters for tests and benchmarks. */
  readonly stats: { batches: number; writes: number };
}

/** A Drizzle query as a statement for the queue, so queued rows keep the schema's column mapping. */
export function statementOf(query: { toSQL(): { sql: string; params: unknown[] } }): InStatement {
  const { sql, params } = query.toSQL();
  return { sql, args: params as InArgs };
}

// The SQL of an INSERT per table and set of columns, with the value of each parameter's column.
type InsertTemplate = { sql: string; params: Param[] };
const insertTemplates = new WeakMap<SQLiteTable, Map<string, InsertTemplate | null>>();

/**
 * statementOf(db.insert(table).values(row)), with the SQL built by Drizzle once per table and set
 * of columns and then only filled in: building it anew cost a class start more than its commit
 * (a fifth of a worker's time, measured in scenario 4). Each value is mapped to the database as
 * Drizzle maps it (dates, booleans, JSON); a column left undefined keeps its default, as with
 * Drizzle. A table whose insert computes a value of its own ($defaultFn) is built every time.
 */
export function insertOf<T extends SQLiteTable>(db: Db, table: T, row: T['$inferInsert']): InStatement {
  const values = row as Record<string, unknown>;
  const columns = Object.keys(values).filter((k) => values[k] !== undefined);
  let byColumns = insertTemplates.get(table);
  if (!byColumns) insertTemplates.set(table, (byColumns = new Map()));
  const key = columns.join(',');
  let template = byColumns.get(key);
  if (template === undefined) {
    const query = db
      .insert(table)
      .values(Object.fromEntries(columns.map((k) => [k, sql.placeholder(k)])) as T['$inferInsert'])
      .toSQL();
    const params = query.params.filter((p): p is Param => is(p, Param) && is(p.value, Placeholder));
    template = params.length === query.params.length ? { sql: query.sql, params } : null;
    byColumns.set(key, template);
  }
  if (!template) return statementOf(db.insert(table).values(row));
  return {
    sql: template.sql,
    args: template.params.map((p) => {
      const value = values[(p.value as Placeholder).name];
      return (value === null ? null : p.encoder.mapToDriverValue(value)) as InValue;
    }),
  };
}

interface Pending {
  statements: InStatement[];
  resolve(results: ResultSet[]): void;
  reject(error: unknown): void;
}

export function createWriteQueue(client: Client, { maxBatch = 200 }: { maxBatch?: number } = {}): WriteQueue {
  let queue: Pending[] = [];
  let flushing: Promise<void> | null = null;
  const stats = { batches: 0, writes: 0 };
  const byKey = new Map<string, Set<Promise<unknown>>>();
  // Cached prepared statements on a local file (db/client.ts); the client's batch elsewhere.
  const sql = fastSqlOf(client);

  async function flush(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      await commit(batch);
    }
    flushing = null;
  }

  async function commit(batch: Pending[]): Promise<void> {
    stats.batches++;
    stats.writes += batch.length;
    try {
      const results = await sql.batch(batch.flatMap((p) => p.statements));
      let at = 0;
      for (const p of batch) {
        p.resolve(results.slice(at, at + p.statements.length));
        at += p.statements.length;
      }
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      // One bad write (a constraint) must not fail its neighbours: the whole batch rolled back,
      // so commit each on its own and give each caller its own outcome.
      for (const p of batch) {
        try {
          p.resolve(await sql.batch(p.statements));
        } catch (e) {
          p.reject(e);
        }
      }
    }
  }

  return {
    stats,
    run(statements, key) {
      const done = new Promise<ResultSet[]>((resolve, reject) => {
        queue.push({ statements, resolve, reject });
        // Start the commit on the next turn of the event loop, not now: an embedded libSQL
        // commit runs synchronously, so starting it at once would always commit this write
        // alone. Waiting one turn lets every request already read from the sockets queue its
        // write, and they share one commit (and one fsync).
        flushing ??= new Promise<void>((next) => setImmediate(next)).then(flush);
      });
      if (key !== undefined) {
        const pending = byKey.get(key) ?? new Set();
        byKey.set(key, pending);
        const settled = done.then(() => undefined, () => undefined);
        pending.add(settled);
        void settled.then(() => {
          pending.delete(settled);
          if (pending.size === 0 && byKey.get(key) === pending) byKey.delete(key);
        });
      }
      return done;
    },
    async drain(key) {
      if (key === undefined) {
        while (flushing) await flushing;
        return;
      }
      await Promise.all([...(byKey.get(key) ?? [])]);
    },
  };
}
