// Issue 11 item 8: joining cannot be flooded or guessed. With every join window closed, 100,000
// random codes from one client find nothing: not a class, not a live session, not even the right
// codes mixed in (outside its window a right code is refused exactly like a wrong one). And students
// behind one school address, joining with the right code while the flood goes on, are not slowed:
// the limit counts only refused codes, over the whole server, never a right code at an open door.
// In-process (app.request, no sockets) so that 100,000 requests take seconds, not minutes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassView } from '../../server/api-types.ts';
import { CODE_ALPHABET } from '../../server/security/codes.ts';
import { Browser, contentLessons, testServer, type TestServer } from '../api/helpers.ts';
import { rng } from './answers.ts';

const ATTEMPTS = Number(process.env.JOIN_FLOOD_CODES ?? 100_000);
let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server?.close());

const random = rng(11);
const randomCode = () => Array.from({ length: 6 }, () => CODE_ALPHABET[Math.floor(random() * CODE_ALPHABET.length)]).join('');

/** One POST straight into the app, as one client at one address (no cookie, same headers). */
async function tryCode(path: '/api/join' | '/api/join/live', code: string): Promise<{ status: number; body: string }> {
  const body = path === '/api/join' ? { joinCode: code, displayName: 'Bot' } : { code, displayName: 'Bot' };
  const res = await server.app.request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.7' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.text() };
}

describe('join codes under a flood', () => {
  it(`with every window closed, ${ATTEMPTS.toLocaleString('en')} random codes from one client find nothing; students with the right code are not slowed`, async () => {
    const teacher = new Browser(server);
    expect((await teacher.post('/api/auth/register', { email: 'flood@school.nl', password: 'een lang wachtwoord', name: 'Juf' })).status).toBe(201);
    const lesson = contentLessons()[0]!;
    const classes: ClassView[] = [];
    for (const name of ['1A', '1B', '1C']) classes.push((await (await teacher.post('/api/classes', { name })).json()) as ClassView);
    const sessions: { id: string; code: string }[] = [];
    for (let i = 0; i < 2; i++) sessions.push((await (await teacher.post('/api/live', { slug: lesson.slug })).json()) as { id: string; code: string });
    for (const k of classes) expect((await teacher.request('DELETE', `/api/classes/${k.id}/join-window`)).status).toBe(200);
    for (const s of sessions) expect((await teacher.post(`/api/live/${s.id}/commands`, { type: 'close-joining' })).status).toBe(200);
    const rightCodes = [...classes.map((k) => ['/api/join', k.joinCode] as const), ...sessions.map((s) => ['/api/join/live', s.code] as const)];

    const statuses = new Map<number, number>();
    const started = performance.now();
    for (let i = 0; i < ATTEMPTS; i++) {
      // Every 1,000th try is a right code: at a closed door it must look like any other.
      const [path, code] = i % 1000 === 999 ? rightCodes[(i / 1000) % rightCodes.length | 0]! : [i % 2 ? '/api/join/live' : '/api/join', randomCode()] as const;
      const { status } = await tryCode(path, code);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`join flood: ${ATTEMPTS} codes in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    // Nothing found: only "no such code" and "too many wrong codes".
    expect([...statuses.keys()].sort()).toEqual([404, 429]);
    expect(await count('live_participants')).toBe(0);
    expect(await count('learners')).toBe(0);
    // The limit is on: the 429s tell a right code at a closed door from a wrong one in no way.
    for (const [path, code] of rightCodes) expect(await tryCode(path, code)).toEqual(await tryCode(path, randomCode()));

    // The teacher opens one class and one session; 30 students behind the same address join while
    // the flood goes on: every one gets in at the first try, as fast as without the flood.
    expect((await teacher.post(`/api/classes/${classes[0]!.id}/join-window`, {})).status).toBe(200);
    expect((await teacher.post(`/api/live/${sessions[0]!.id}/commands`, { type: 'open-joining' })).status).toBe(200);
    const times: number[] = [];
    const floodTimes: number[] = [];
    for (let s = 0; s < 30; s++) {
      for (let i = 0; i < 50; i++) {
        const t0 = performance.now();
        expect((await tryCode(i % 2 ? '/api/join/live' : '/api/join', randomCode())).status).toBe(429);
        floodTimes.push(performance.now() - t0);
      }
      const student = new Browser(server);
      const t0 = performance.now();
      const joined = await student.post('/api/join', { joinCode: classes[0]!.joinCode, displayName: `Leerling ${s}` }, { 'X-Forwarded-For': '203.0.113.7' });
      const live = await student.post('/api/join/live', { code: sessions[0]!.code, displayName: `Leerling ${s}` }, { 'X-Forwarded-For': '203.0.113.7' });
      times.push(performance.now() - t0);
      expect([joined.status, live.status]).toEqual([201, 201]);
      expect(joined.headers.get('Retry-After')).toBeNull();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`students during the flood: class + live join median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (a refused code: median ${median(floodTimes).toFixed(1)} ms)`);
    // Not slowed: no waiting imposed (no 429, no Retry-After); on this shared machine only a loose bound on time.
    expect(median(times)).toBeLessThan(500);
  }, 600_000);
});

async function count(table: string): Promise<number> {
  return Number((await server.database.client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
}
