// The API suites run once per database path (vitest projects server and server-client-path):
// this checks that the project's choice reaches the database, so neither run is the other twice.
import { expect, test } from 'vitest';
import { fastSqlOf } from '../../db/client.ts';
import { testServer, testSqlPath } from './helpers.ts';

test('the test server opens the database on the path its vitest project names', async () => {
  const server = await testServer();
  try {
    expect(server.database.sqlPath).toBe(testSqlPath());
    // The routes reach the hot-path SQL through the client; they get the same FastSql.
    expect(fastSqlOf(server.database.client)).toBe(server.database.sql);
    const row = await server.database.sql.get('SELECT 1 AS one, ? AS two', ['2']);
    expect(row?.one).toBe(1);
    expect(row?.two).toBe('2');
  } finally {
    server.close();
  }
});
