// Live mode across processes (issue 11 item 6): two server processes on one database file serve one
// session. Students join and answer on either; the teacher commands on either; the projector's
// stream on one process sees answers taken by the other. Then a process is killed (SIGKILL) and
// another started: every acknowledged answer is there, and a reconnecting device lands on the
// current question and round.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LessonDetail, LessonSummary, LiveProjectorView, LiveStudentView } from '../../server/api-types.ts';
import { EventReader } from '../api/events.ts';
import { articleSentenceIds, rng, someAnswer } from '../security/answers.ts';
import { CookieJar, startServerProcess, type ServerProcess } from './server-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'bronwijs-live-two-'));
const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.kill('SIGTERM')));
  rmSync(dir, { recursive: true, force: true });
});

/** A browser against any of the processes: its cookies travel with it. */
function browser() {
  const jar = new CookieJar();
  const call = async (server: ServerProcess, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { Origin: server.url, Cookie: jar.header(), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    jar.take(res);
    return res;
  };
  return {
    call,
    json: async <T>(server: ServerProcess, method: string, path: string, body?: unknown, status = 200): Promise<T> => {
      const res = await call(server, method, path, body);
      const text = await res.text();
      expect(res.status, `${method} ${path}: ${text}`).toBe(status);
      return JSON.parse(text) as T;
    },
  };
}

describe('a live session served by two processes', () => {
  it('keeps every acknowledged answer and the current round across processes and a kill', async () => {
    const databaseFile = join(dir, 'live.db');
    const a = await startServerProcess({ databaseFile });
    servers.push(a);
    const b = await startServerProcess({ databaseFile });
    servers.push(b);
    const { lessons } = (await (await fetch(`${a.url}/api/lessons`)).json()) as { lessons: LessonSummary[] };
    const detail = (await (await fetch(`${a.url}/api/lessons/${lessons[0]!.slug}`)).json()) as LessonDetail;
    const sentences = articleSentenceIds(detail);

    const teacher = browser();
    await teacher.json(a, 'POST', '/api/auth/register', { email: 'twee@school.nl', password: 'een lang wachtwoord', name: 'Juf' }, 201);
    const { id, code } = await teacher.json<{ id: string; code: string }>(a, 'POST', '/api/live', { slug: detail.slug }, 201);
    const view = await teacher.json<{ lesson: { questions: { id: string }[] } }>(b, 'GET', `/api/live/${id}`);
    const questionId = view.lesson.questions[0]!.id;

    const students = Array.from({ length: 20 }, () => browser());
    await Promise.all(students.map((s, i) => s.json(i % 2 ? a : b, 'POST', '/api/join/live', { code, displayName: `Leerling ${i}` }, 201)));
    const projector = new EventReader<LiveProjectorView>(await teacher.call(b, 'GET', `/api/live/${id}/projector/events`));
    const device = new EventReader<LiveStudentView>(await students[0]!.call(a, 'GET', `/api/live/${id}/me/events`));
    try {
      expect((await projector.next()).counts.joined).toBe(20);
      expect((await device.next()).state.phase).toBe('lobby');
      // The command on B reaches the device streaming from A.
      await teacher.json(b, 'POST', `/api/live/${id}/commands`, { type: 'show-question', questionId });
      expect((await device.until((e) => e.state.phase === 'answering', 3000)).question?.id).toBe(questionId);

      const random = rng(5);
      const acknowledged: string[] = [];
      let lastAck = 0;
      await Promise.all(
        students.map(async (s, i) => {
          const server = i % 2 ? b : a;
          const me = await s.json<LiveStudentView>(server, 'GET', `/api/live/${id}/me`);
          const answer = someAnswer(me.question!, sentences, random);
          await s.json(server === a ? b : a, 'PUT', `/api/live/${id}/answers/${questionId}`, { round: 1, answer, cites: me.takesCites ? [sentences[i % sentences.length]] : [] });
          acknowledged.push(JSON.stringify(answer));
          lastAck = Date.now();
        }),
      );
      // Answers taken by A and by B all reach the projector's stream on B within a second.
      await projector.until((e) => e.counts.answered === 20, 5000);
      expect(Date.now() - lastAck).toBeLessThan(1000);

      // Locked on A: an answer sent to B is refused, from the database's state, not B's memory.
      await teacher.json(a, 'POST', `/api/live/${id}/commands`, { type: 'lock' });
      const late = await students[1]!.call(b, 'PUT', `/api/live/${id}/answers/${questionId}`, { round: 1, answer: JSON.parse(acknowledged[0]!), cites: [] });
      expect(late.status).toBe(409);
      await teacher.json(b, 'POST', `/api/live/${id}/commands`, { type: 'new-round' });
    } finally {
      projector.close();
      device.close();
    }

    // A dies without warning; C starts on the same file. Nothing acknowledged is lost.
    await a.kill('SIGKILL');
    const c = await startServerProcess({ databaseFile });
    servers.push(c);
    const results = await teacher.json<{ questions: { rounds: { round: number; answered: number }[] }[] }>(c, 'GET', `/api/live/${id}/results`);
    expect(results.questions[0]!.rounds[0]).toMatchObject({ round: 1, answered: 20 });
    const again = new EventReader<LiveStudentView>(await students[0]!.call(c, 'GET', `/api/live/${id}/me/events`));
    try {
      const first = await again.next();
      expect(first.state).toMatchObject({ questionId, round: 2, phase: 'answering' });
    } finally {
      again.close();
    }
  }, 180_000);
});
