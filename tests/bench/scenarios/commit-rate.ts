// Scenario 2: what one durable write costs on this disk. One row per transaction into a scratch
// libSQL file beside the server's, WAL and synchronous FULL as the server opens its own.
import { createClient } from '@libsql/client';
import { count, perSecond, type ScenarioLine } from '../stats.ts';

export interface CommitRate {
  line: ScenarioLine;
  commitsPerSecond: number;
}

export async function commitRate(file: string, { maxRows = 3000, maxSeconds = 5 } = {}): Promise<CommitRate> {
  const db = createClient({ url: `file:${file}` });
  try {
    await db.execute('PRAGMA journal_mode = WAL');
    await db.execute('PRAGMA synchronous = FULL');
    await db.execute('CREATE TABLE IF NOT EXISTS scratch (id INTEGER PRIMARY KEY, payload TEXT NOT NULL, at INTEGER NOT NULL)');
    const payload = JSON.stringify({ optionIds: ['a1b2c3d4', 'e5f6a7b8'] });
    // warm up: the first commits create the WAL file
    for (let i = 0; i < 20; i++) await db.execute({ sql: 'INSERT INTO scratch (payload, at) VALUES (?, ?)', args: [payload, Date.now()] });
    const started = performance.now();
    const deadline = started + maxSeconds * 1000;
    let rows = 0;
    while (rows < maxRows && performance.now() < deadline) {
      await db.execute({ sql: 'INSERT INTO scratch (payload, at) VALUES (?, ?)', args: [payload, Date.now()] });
      rows++;
    }
    const seconds = (performance.now() - started) / 1000;
    const commitsPerSecond = rows / seconds;
    return {
      commitsPerSecond,
      line: {
        name: '2 raw commit rate (1 row per transaction)',
        figure: `${perSecond(commitsPerSecond)} (${count(rows)} commits in ${seconds.toFixed(1)} s)`,
        target: '(baseline)',
        pass: null,
      },
    };
  } finally {
    db.close();
  }
}
