// Opens the database: an embedded libSQL file (default), a libSQL server, or an embedded replica of
// one; returns the raw client (for batches and the write queue) and the Drizzle handle.
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import type { Config } from '../server/config.ts';
import * as schema from './schema.ts';

export type Db = LibSQLDatabase<typeof schema>;
export interface Database {
  client: Client;
  db: Db;
  /** Whether the database is a local file (pragmas apply; the replica syncs from its primary). */
  local: boolean;
  close(): void;
}

/** How long a writer waits for the file lock before SQLITE_BUSY: long enough to never surface under load. */
export const BUSY_TIMEOUT_MS = 10_000;

/** How often an embedded replica pulls from its primary. */
export const REPLICA_SYNC_SECONDS = 1;

export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'databaseAuthToken' | 'databaseSyncUrl'>,
): Promise<Database> {
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
  return { client, db, local, close: () => client.close() };
}
