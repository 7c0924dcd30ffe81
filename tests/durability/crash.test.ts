// Crash durability: the real server under concurrent answer submissions, killed with SIGKILL at a
// random moment and restarted, again and again. Every answer the server acknowledged must be in the
// database exactly once, and nothing may be half written. SIGTERM lets requests in flight finish.
// KILLS sets the number of kills (20 in `npm test`; `npm run soak` runs many more); SEED repeats a run.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import type { AttemptView, LessonDetail, LessonSummary, PublicQuestion } from '../../server/api-types.ts';
import { articleSentenceIds, rng, someAnswer } from '../security/answers.ts';
import { CookieJar, startServerProcess, type ServerProcess } from './server-process.ts';

const KILLS = Number(process.env.KILLS ?? 20);
const SEED = Number(process.env.SEED ?? Date.now() % 1_000_000);
const WRITERS = 8;

const dir = mkdtempSync(join(tmpdir(), 'bronwijs-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Learner {
  jar: CookieJar;
  attempt: AttemptView;
}
interface Ack {
  attemptId: string;
  questionId: string;
  key: string;
  try: number;
}

async function json<T>(res: Response): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${res.status} ${res.url}: ${text}`);
  return JSON.parse(text) as T;
}

/** A self-study learner with a test-mode attempt (answers stay editable, so every save is a new try). */
async function newLearner(server: ServerProcess, slug: string): Promise<Learner> {
  const jar = new CookieJar();
  const res = await fetch(`${server.url}/api/attempts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.url },
    body: JSON.stringify({ lessonSlug: slug, mode: 'test' }),
  });
  jar.take(res);
  return { jar, attempt: await json<AttemptView>(res) };
}

/** PUT one answer; the Ack when the server said it is saved, null when the request did not complete. */
async function submit(server: ServerProcess, learner: Learner, q: PublicQuestion, sentences: string[], key: string, random: () => number): Promise<Ack | null> {
  let res: Response;
  try {
    res = await fetch(`${server.url}/api/attempts/${learner.attempt.id}/responses/${q.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Origin: server.url, Cookie: learner.jar.header(), 'Idempotency-Key': key },
      body: JSON.stringify({ answer: someAnswer(q, sentences, random) }),
    });
  } catch {
    return null; // killed in flight: not acknowledged, so the server owes nothing
  }
  let body: { saved?: boolean; try?: number };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    return null; // the connection died while the body was on its way: not acknowledged either
  }
  if (res.status !== 200 || body.saved !== true) throw new Error(`save answered ${res.status}: ${JSON.stringify(body)}`);
  return { attemptId: learner.attempt.id, questionId: q.id, key, try: body.try! };
}

async function checkDatabase(db: Client, acks: Ack[]): Promise<void> {
  expect((await db.execute('PRAGMA integrity_check')).rows[0]![0]).toBe('ok');
  expect((await db.execute('PRAGMA foreign_key_check')).rows).toEqual([]);

  // Each acknowledged answer: its row, exactly once, with the try number the server reported.
  const rows = (await db.execute("SELECT attempt_id, idempotency_key, try, answer FROM responses WHERE idempotency_key LIKE 'crash-%'")).rows;
  const byKey = new Map<string, { attempt: string; try: number; count: number }>();
  for (const row of rows) {
    const key = `${row.attempt_id}/${row.idempotency_key}`;
    const seen = byKey.get(key);
    byKey.set(key, { attempt: String(row.attempt_id), try: Number(row.try), count: (seen?.count ?? 0) + 1 });
    // Nothing half written: every stored answer is a whole JSON object.
    expect(typeof JSON.parse(String(row.answer))).toBe('object');
  }
  const missing = acks.filter((a) => !byKey.has(`${a.attemptId}/${a.key}`));
  expect(missing, 'acknowledged answers missing after the crashes').toEqual([]);
  for (const a of acks) {
    const stored = byKey.get(`${a.attemptId}/${a.key}`)!;
    expect(stored.count).toBe(1);
    expect(stored.try).toBe(a.try);
  }

  // Tries of one question in one attempt are 1..n without gaps or doubles: no write was torn.
  const tries = (await db.execute('SELECT attempt_id, question_id, group_concat(try) AS tries FROM responses GROUP BY attempt_id, question_id')).rows;
  for (const row of tries) {
    const list = String(row.tries).split(',').map(Number).sort((a, b) => a - b);
    expect(list, `tries of ${row.attempt_id}/${row.question_id}`).toEqual(list.map((_, i) => i + 1));
  }
}

describe('crash durability', () => {
  it(
    `keeps every acknowledged answer through ${KILLS} SIGKILLs (seed ${SEED})`,
    async () => {
      const random = rng(SEED);
      const databaseFile = join(dir, 'crash.db');
      let server = await startServerProcess({ databaseFile });
      const [lesson] = (await json<{ lessons: LessonSummary[] }>(await fetch(`${server.url}/api/lessons`))).lessons;
      const detail = await json<LessonDetail>(await fetch(`${server.url}/api/lessons/${lesson!.slug}`));
      const sentences = articleSentenceIds(detail);
      const learners: Learner[] = [];
      for (let i = 0; i < 4; i++) learners.push(await newLearner(server, lesson!.slug));

      const acks: Ack[] = [];
      let sent = 0;
      for (let kill = 0; kill < KILLS; kill++) {
        let stop = false;
        const writers = Array.from({ length: WRITERS }, async (_, w) => {
          while (!stop) {
            const learner = learners[(w + sent) % learners.length]!;
            const q = learner.attempt.questions[Math.floor(random() * learner.attempt.questions.length)]!;
            const ack = await submit(server, learner, q, sentences, `crash-${kill}-${w}-${sent++}`, random);
            if (ack) acks.push(ack);
            else return;
          }
        });
        // Kill while the writers are busy: somewhere between 50 and 450 ms into the round.
        await new Promise((r) => setTimeout(r, 50 + Math.floor(random() * 400)));
        const ended = await server.kill('SIGKILL');
        expect(ended.signal).toBe('SIGKILL');
        stop = true;
        await Promise.all(writers);
        server = await startServerProcess({ databaseFile });
      }

      // After the last restart the API agrees: each question's latest response is at least as new
      // as the last acknowledged one.
      for (const learner of learners) {
        const res = await fetch(`${server.url}/api/attempts/${learner.attempt.id}`, { headers: { Cookie: learner.jar.header() } });
        const view = await json<AttemptView>(res);
        for (const q of learner.attempt.questions) {
          const lastAck = acks.filter((a) => a.attemptId === learner.attempt.id && a.questionId === q.id).at(-1);
          if (!lastAck) continue;
          const latest = view.responses.find((r) => r.questionId === q.id);
          expect(latest?.try ?? 0).toBeGreaterThanOrEqual(lastAck.try);
        }
      }
      await server.kill('SIGTERM');

      const db = createClient({ url: `file:${databaseFile}` });
      try {
        await checkDatabase(db, acks);
      } finally {
        db.close();
      }
      expect(acks.length).toBeGreaterThan(KILLS);
      console.log(`crash durability: survived ${KILLS} kills, verified ${acks.length} acknowledged answers (seed ${SEED})`);
    },
    KILLS * 15_000 + 60_000,
  );

  it('lets requests in flight finish on SIGTERM, then exits cleanly', async () => {
    const databaseFile = join(dir, 'term.db');
    const server = await startServerProcess({ databaseFile });
    const [lesson] = (await json<{ lessons: LessonSummary[] }>(await fetch(`${server.url}/api/lessons`))).lessons;
    const detail = await json<LessonDetail>(await fetch(`${server.url}/api/lessons/${lesson!.slug}`));
    const learner = await newLearner(server, lesson!.slug);
    const random = rng(7);
    const questions = learner.attempt.questions;
    const { port } = new URL(server.url);

    // Five answers whose headers and first half of the body reach the server before SIGTERM, and
    // whose second half only after: the server is in the middle of each of them when told to stop.
    const open = questions.slice(0, 5).map((q, i) => {
      const body = JSON.stringify({ answer: someAnswer(q, articleSentenceIds(detail), random) });
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'PUT',
        path: `/api/attempts/${learner.attempt.id}/responses/${q.id}`,
        agent: false,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          Cookie: learner.jar.header(),
          'Idempotency-Key': `term-${i}`,
        },
      });
      const done = new Promise<{ status: number; body: string }>((resolve) => {
        req.on('response', (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        req.on('error', (error) => resolve({ status: 0, body: String(error) }));
      });
      req.write(body.slice(0, 10));
      return { req, rest: body.slice(10), done };
    });
    await new Promise((r) => setTimeout(r, 300));
    const exited = server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    for (const { req, rest } of open) req.end(rest);
    const results = await Promise.all(open.map((o) => o.done));
    expect(results.filter((r) => r.status !== 200)).toEqual([]);
    expect(await exited).toEqual({ code: 0, signal: null });

    const db = createClient({ url: `file:${databaseFile}` });
    try {
      const stored = await db.execute("SELECT count(*) AS n FROM responses WHERE idempotency_key LIKE 'term-%'");
      expect(Number(stored.rows[0]!.n)).toBe(5);
    } finally {
      db.close();
    }
  }, 60_000);
});
