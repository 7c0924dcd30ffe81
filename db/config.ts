// Where the database is: the options openDatabase takes. server/config.ts reads them from the
// environment (DATABASE_URL, DATABASE_AUTH_TOKEN, DATABASE_SYNC_URL) with the rest of the config.
export interface DatabaseConfig {
  /** file:<path> (an embedded libSQL file), or a libsql://, https://, http://, ws:// or wss:// server. */
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  /** Set for an embedded replica: databaseUrl is then the local file, this the primary. */
  databaseSyncUrl: string | undefined;
}
