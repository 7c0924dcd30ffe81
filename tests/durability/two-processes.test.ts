// Two server processes on one database file (the scale-out shape on one machine): a learner's
// requests land on either, at once. Nothing is lost, nothing doubled, no SQLITE_BUSY reaches anyone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import type { AttemptView, LessonDetail, LessonSummary } from '../../server/api-types.ts';
import { articleSentenceIds, rng, someAnswer } from '../security/answers.ts';
import { CookieJar, startServerProcess, type ServerProcess } from './server-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'bronwijs-two-'));
const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.kill('SIGTERM')));
  rmSync(dir, { recursive: true, force: true });
});

describe('two server processes on one database file', () => {
  it('store every answer once, whichever process takes it', async () => {
    const databaseFile = join(dir, 'shared.db');
    // One after the other: the second start finds the migrations applied and must cope.
    const a = await startServerProcess({ databaseFile });
    servers.push(a);
    const b = await startServerProcess({ databaseFile });
    servers.push(b);

    const { lessons } = (await (await fetch(`${a.url}/api/lessons`)).json()) as { lessons: LessonSummary[] };
    const slug = lessons[0]!.slug;
    const detail = (await (await fetch(`${b.url}/api/lessons/${slug}`)).json()) as LessonDetail;
    const sentences = articleSentenceIds(detail);

    // The learner starts on A; the session lives in the database, so B knows them too.
    const jar = new CookieJar();
    const started = await fetch(`${a.url}/api/attempts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: a.url },
      body: JSON.stringify({ lessonSlug: slug, mode: 'test' }),
    });
    expect(started.status).toBe(201);
    jar.take(started);
    const attempt = (await started.json()) as AttemptView;
    const random = rng(42);

    const put = (server: ServerProcess, questionIndex: number, key: string, answer: unknown) =>
      fetch(`${server.url}/api/attempts/${attempt.id}/responses/${attempt.questions[questionIndex]!.id}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Origin: server.url, Cookie: jar.header(), 'Idempotency-Key': key },
        body: JSON.stringify({ answer }),
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as { saved?: boolean; try?: number } }));

    // 60 distinct answers, alternating between the processes, 12 at a time.
    const distinct: Promise<{ status: number; body: { saved?: boolean; try?: number } }>[] = [];
    for (let i = 0; i < 60; i++) {
      const q = i % attempt.questions.length;
      distinct.push(put(i % 2 ? b : a, q, `two-${i}`, someAnswer(attempt.questions[q]!, sentences, random)));
      if (i % 12 === 11) await Promise.all(distinct.slice(-12));
    }
    const results = await Promise.all(distinct);
    expect(results.filter((r) => r.status !== 200)).toEqual([]);

    // The same request (same key) sent to both processes at once: stored once, both told the same try.
    const twins = [];
    for (let i = 0; i < 10; i++) {
      const answer = someAnswer(attempt.questions[0]!, sentences, random);
      twins.push(Promise.all([put(a, 0, `twin-${i}`, answer), put(b, 0, `twin-${i}`, answer)]));
    }
    for (const [fromA, fromB] of await Promise.all(twins)) {
      expect(fromA.status).toBe(200);
      expect(fromB.status).toBe(200);
      expect(fromA.body.try).toBe(fromB.body.try);
    }

    const db = createClient({ url: `file:${databaseFile}` });
    try {
      const count = async (like: string) =>
        Number((await db.execute({ sql: 'SELECT count(*) AS n FROM responses WHERE attempt_id = ? AND idempotency_key LIKE ?', args: [attempt.id, like] })).rows[0]!.n);
      expect(await count('two-%')).toBe(60);
      expect(await count('twin-%')).toBe(10);
      const tries = await db.execute({
        sql: 'SELECT question_id, group_concat(try) AS tries FROM responses WHERE attempt_id = ? GROUP BY question_id',
        args: [attempt.id],
      });
      for (const row of tries.rows) {
        const list = String(row.tries).split(',').map(Number).sort((x, y) => x - y);
        expect(list, `tries of ${row.question_id}`).toEqual(list.map((_, i) => i + 1));
      }
    } finally {
      db.close();
    }
  }, 120_000);
});
