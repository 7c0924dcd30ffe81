// Privacy duties (GDPR; the school is the controller under the Dutch education privacy covenant):
// a teacher can export everything stored about a student and delete a student with all their
// work, and the retention job deletes the work of classes archived longer than the set period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteExpired } from '../../server/security/privacy.ts';
import { buildWorld, type World } from './world.ts';

const DAY = 24 * 60 * 60 * 1000;
let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 60_000);
afterAll(() => w?.close());

const count = async (sql: string, args: (string | number)[]) => Number((await w.server.database.client.execute({ sql, args })).rows[0]![0]);
const workOf = (learnerId: string) =>
  count('SELECT count(*) FROM responses WHERE attempt_id IN (SELECT id FROM attempts WHERE learner_id = ?)', [learnerId]).then(async (responses) => ({
    attempts: await count('SELECT count(*) FROM attempts WHERE learner_id = ?', [learnerId]),
    responses,
  }));

async function answerOpen(role: 'studentX' | 'studentY', text: string) {
  const { attempt } = w.students[role];
  const q = attempt.questions.find((x) => x.type === 'open')!;
  const res = await (await w.as(role)).put(`/api/attempts/${attempt.id}/responses/${q.id}`, { answer: { text } });
  expect(res.status).toBe(200);
}

describe('privacy', () => {
  it('exports everything stored about a student, to their own teacher only', async () => {
    await answerOpen('studentX', 'Ik zou eerst het origineel in de New York Times zoeken.');
    const teacher = await w.as('teacherX');
    const res = await teacher.get(`/api/classes/${w.classes.X.id}/students/${w.students.studentX.id}/export`);
    expect(res.status).toBe(200);
    const data = (await res.json()) as { student: { displayName: string }; attempts: { responses: { answer: unknown }[] }[] };
    expect(data.student.displayName).toBe('Leerling X');
    expect(JSON.stringify(data.attempts)).toContain('Ik zou eerst het origineel in de New York Times zoeken.');
    // The resume code is a credential, not data about the student: neither it nor its hash.
    const stored = await w.server.database.client.execute({ sql: 'SELECT resume_code_hash FROM learners WHERE id = ?', args: [w.students.studentX.id] });
    expect(JSON.stringify(data)).not.toContain(String(stored.rows[0]![0]));
    expect(JSON.stringify(data)).not.toContain(w.students.studentX.resumeCode);
    expect((await (await w.as('teacherY')).get(`/api/classes/${w.classes.X.id}/students/${w.students.studentX.id}/export`)).status).toBe(404);
  });

  it('deletes a student with all their work and sessions, and nothing of anyone else', async () => {
    const student = await w.as('studentX');
    const id = w.students.studentX.id;
    expect((await workOf(id)).responses).toBeGreaterThan(0);
    const otherBefore = await workOf(w.students.studentY.id);
    const res = await (await w.as('teacherX')).request('DELETE', `/api/classes/${w.classes.X.id}/students/${id}`);
    expect(res.status).toBe(204);
    expect(await workOf(id)).toEqual({ attempts: 0, responses: 0 });
    expect(await count('SELECT count(*) FROM learners WHERE id = ?', [id])).toBe(0);
    expect(await count('SELECT count(*) FROM sessions WHERE learner_id = ?', [id])).toBe(0);
    expect(((await (await student.get('/api/me')).json()) as { role: unknown }).role).toBeNull();
    expect((await (await w.as('nobody')).post('/api/resume', { resumeCode: w.students.studentX.resumeCode })).status).toBe(404);
    expect(await workOf(w.students.studentY.id)).toEqual(otherBefore);
  });

  it('deletes the work of classes archived longer than the retention period, by a job', async () => {
    await answerOpen('studentY', 'Een anonieme bron kan kloppen, maar ik wil een tweede bron.');
    const y = w.students.studentY.id;
    const before = await workOf(y);
    expect(before.responses).toBeGreaterThan(0);
    const archivedAt = w.server.clock.now.getTime();
    const res = await (await w.as('teacherY')).request('PATCH', `/api/classes/${w.classes.Y.id}`, { archived: true });
    expect(res.status).toBe(200);

    // A class archived 29 days ago keeps its work under a 30-day period; at 31 days it goes.
    expect(await deleteExpired(w.server.database.db, { days: 30, now: new Date(archivedAt + 29 * DAY) })).toBe(0);
    expect(await workOf(y)).toEqual(before);
    expect(await deleteExpired(w.server.database.db, { days: 30, now: new Date(archivedAt + 31 * DAY) })).toBe(before.attempts);
    expect(await workOf(y)).toEqual({ attempts: 0, responses: 0 });
    // Self-study learners and classes still in use are not touched.
    expect((await workOf(w.learners.learnerA.id)).attempts).toBeGreaterThan(0);
  });
});
