// Property: for random attempts (skipped questions, retries, unfinished work) with random teacher
// grades (several per answer, on counting and non-counting tries), every reader of a score agrees
// with a plain model of the rules: the report and its CSV, the attempt view and its results review
// (the answer it shows is the one that counts), finish, the student's assignment list, the live
// view and the student-data export. Held-back tests show the student nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { toPublicAnswer, type Answer, type Lesson, type Skill } from '../../lessons/index.ts';
import type { AssignmentReport, AssignmentView, AttemptView, ClassView, FinishResult, StudentAssignmentView } from '../../server/api-types.ts';
import { liveSnapshot } from '../../server/reports/live.ts';
import { Browser, contentLessons, seedOf, testServer, type TestServer } from '../api/helpers.ts';
import { rng, someAnswer } from '../security/answers.ts';
import { createClass, joinClass, registerTeacher } from './helpers.ts';

const lesson: Lesson = contentLessons().find((l) => new Set(l.questions.map((q) => q.type)).size === 8)!;
const sentenceIds = lesson.article.paragraphs.flatMap((p) => p.sentences.map((s) => s.id));
const round2 = (x: number) => Math.round(x * 100) / 100;

interface Row {
  id: string;
  attempt_id: string;
  question_id: string;
  try: number;
  answer: string;
  fraction: number | null;
}
interface GradeRow {
  id: number;
  response_id: string;
  points: number;
}
interface Expected {
  score: { points: number; max: number };
  skills: Partial<Record<Skill, { points: number; max: number }>>;
  /** Per question: the counting row, its fraction (null: pending), its points. */
  questions: { id: string; counting: Row | null; fraction: number | null; points: number }[];
}

/** The rules, written plainly and separately from lessons/scoring.ts. */
function model(mode: 'practice' | 'test', rows: Row[], grades: GradeRow[]): Expected {
  const score = { points: 0, max: 0 };
  const skills: Partial<Record<Skill, { points: number; max: number }>> = {};
  const questions = lesson.questions.map((q) => {
    const tries = rows.filter((r) => r.question_id === q.id).sort((a, b) => a.try - b.try);
    // Practice: the first try counts; test: the latest.
    const counting = (mode === 'practice' ? tries[0] : tries[tries.length - 1]) ?? null;
    let fraction: number | null = 0;
    if (counting && q.type === 'open') {
      // Only open answers are graded by a teacher; the latest grade of the counting answer counts.
      const latest = grades.filter((g) => g.response_id === counting.id).sort((a, b) => b.id - a.id)[0];
      fraction = latest ? Math.min(1, Math.max(0, latest.points / q.points)) : null;
    } else if (counting) fraction = counting.fraction;
    if (fraction !== null) {
      score.points += q.points * fraction;
      score.max += q.points;
      const s = (skills[q.skill] ??= { points: 0, max: 0 });
      s.points += q.points * fraction;
      s.max += q.points;
    }
    return { id: q.id, counting, fraction, points: fraction === null ? 0 : round2(q.points * fraction) };
  });
  for (const s of Object.values(skills)) s.points = round2(s.points);
  return { score: { points: round2(score.points), max: score.max }, skills, questions };
}

let server: TestServer;
let teacher: Browser;
beforeAll(async () => {
  server = await testServer();
  teacher = (await registerTeacher(server)).browser;
});
afterAll(() => server.close());

const plan = fc.record({
  mode: fc.constantFrom('practice' as const, 'test' as const),
  release: fc.constantFrom('on-finish' as const, 'manual-released' as const, 'manual-held' as const),
  students: fc.array(
    fc.record({
      finish: fc.boolean(),
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      tries: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: lesson.questions.length, maxLength: lesson.questions.length }),
      // Grades given to open answers: each a share of the points in quarters (4 is over the top, refused).
      grades: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

test('every reader of a score agrees with the rules, for random attempts and grades', async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(plan, async (p) => {
      run++;
      const mode = p.release === 'on-finish' ? p.mode : 'test';
      const klass: ClassView = await createClass(teacher, `K${run}`);
      const created = await teacher.post(`/api/classes/${klass.id}/assignments`, {
        lessonSlug: lesson.slug,
        mode,
        ...(p.release === 'on-finish' ? {} : { feedbackRelease: 'manual' }),
      });
      expect(created.status).toBe(201);
      const assignment: AssignmentView = await created.json();

      const students: { browser: Browser; attemptId: string; finished: boolean }[] = [];
      for (const [i, s] of p.students.entries()) {
        const { browser } = await joinClass(server, klass.joinCode, `Leerling ${i + 1}`);
        const started: AttemptView = await (await browser.post('/api/attempts', { lessonSlug: lesson.slug, assignmentId: assignment.id })).json();
        const random = rng(s.seed);
        for (const [qi, q] of started.questions.entries()) {
          for (let t = 0; t < s.tries[qi]!; t++) {
            const res = await browser.put(`/api/attempts/${started.id}/responses/${q.id}`, { answer: someAnswer(q, sentenceIds, random) });
            expect(res.status).toBe(200);
          }
        }
        if (s.finish) expect((await browser.post(`/api/attempts/${started.id}/finish`)).status).toBe(200);
        students.push({ browser, attemptId: started.id, finished: s.finish });
      }

      // The teacher grades open answers, several times, the counting try and the others alike.
      const open = lesson.questions.filter((q) => q.type === 'open');
      for (const [i, s] of students.entries()) {
        const rs = await server.database.client.execute({
          sql: `SELECT id, question_id FROM responses WHERE attempt_id = ? AND question_id IN (${open.map(() => '?').join(',')}) ORDER BY try`,
          args: [s.attemptId, ...open.map((q) => q.id)],
        });
        if (rs.rows.length === 0) continue;
        for (const [g, quarters] of p.students[i]!.grades.entries()) {
          const row = rs.rows[g % rs.rows.length]!;
          const q = open.find((x) => x.id === row.question_id)!;
          const res = await teacher.put(`/api/responses/${row.id}/grade`, { points: (quarters / 4) * q.points * (quarters === 4 ? 1.25 : 1) });
          expect(res.status).toBe(quarters === 4 ? 422 : 200);
        }
      }
      if (p.release === 'manual-released') expect((await teacher.post(`/api/assignments/${assignment.id}/release`)).status).toBe(200);
      const visible = p.release !== 'manual-held';

      // What the database holds, and what the rules make of it.
      const rows = (await server.database.client.execute('SELECT id, attempt_id, question_id, try, answer, fraction FROM responses')).rows as unknown as Row[];
      const grades = (await server.database.client.execute('SELECT id, response_id, points FROM grades')).rows as unknown as GradeRow[];
      const expected = new Map(students.map((s) => [s.attemptId, model(mode, rows.filter((r) => r.attempt_id === s.attemptId), grades)]));

      const report: AssignmentReport = await (await teacher.get(`/api/assignments/${assignment.id}/report`)).json();
      const csv = (await (await teacher.get(`/api/assignments/${assignment.id}/report.csv?separator=comma`)).text()).trim().split('\r\n').map((l) => l.split(','));
      const live = await liveSnapshot(server.database.db, assignment, lesson, server.clock.now);
      const list = (a: StudentAssignmentView[]) => a.find((x) => x.id === assignment.id)!;

      for (const s of students) {
        const want = expected.get(s.attemptId)!;
        const row = report.students.find((x) => x.attemptId === s.attemptId)!;
        expect(row.score).toEqual(want.score);
        expect(row.skills).toEqual(want.skills);
        expect(row.cells.map((c) => c.fraction)).toEqual(want.questions.map((q) => (q.counting ? q.fraction : null)));
        expect(row.cells.map((c) => c.responseId)).toEqual(want.questions.map((q) => q.counting?.id ?? null));

        const line = csv[1 + report.students.indexOf(row)]!;
        expect(line.slice(2, 4).map(Number)).toEqual([want.score.points, want.score.max]);
        expect(line.slice(4, 4 + lesson.questions.length)).toEqual(want.questions.map((q) => (q.counting && q.fraction !== null ? String(round2(q.fraction)) : '')));

        const exported: { attempts: { id: string; score: unknown }[] } = await (await teacher.get(`/api/classes/${klass.id}/students/${row.id}/export`)).json();
        expect(exported.attempts.find((a) => a.id === s.attemptId)!.score).toEqual(want.score);

        const liveRow = live.students.find((x) => x.id === row.id)!;
        expect(liveRow.score).toEqual(s.finished ? want.score : null);

        const view: AttemptView = await (await s.browser.get(`/api/attempts/${s.attemptId}`)).json();
        const mine = list((await (await s.browser.get('/api/assignments')).json()).assignments);
        if (!s.finished) {
          expect(view.result).toBeUndefined();
          expect(mine.score).toBeUndefined();
          continue;
        }
        const finish: FinishResult = await (await s.browser.post(`/api/attempts/${s.attemptId}/finish`)).json();
        if (!visible) {
          expect(view.result).toBeUndefined();
          expect(mine.score).toBeUndefined();
          expect(finish).toEqual({ status: 'finished', feedbackReleased: false });
          continue;
        }
        expect(mine.score).toEqual(want.score);
        const seed = await seedOf(server, s.attemptId);
        for (const result of [view.result!, finish]) {
          expect(result.score).toEqual(want.score);
          expect(result.skills).toEqual(want.skills);
          expect(result.pending ?? []).toEqual(want.questions.filter((q) => q.fraction === null).map((q) => q.id));
          // What the results page shows: the counting answer, its verdict and points.
          expect(
            result.review!.map((r) => ({ answer: r.answer, points: r.points, pending: r.state === 'pending', fraction: r.state === 'pending' ? null : r.fraction })),
          ).toEqual(
            want.questions.map((q) => {
              const question = lesson.questions.find((x) => x.id === q.id)!;
              return {
                answer: q.counting ? toPublicAnswer(question, seed, JSON.parse(q.counting.answer) as Answer) : null,
                points: q.points,
                pending: q.fraction === null,
                fraction: q.fraction,
              };
            }),
          );
        }
      }
    }),
    { numRuns: Number(process.env.SCORE_RUNS ?? 12), endOnFailure: true },
  );
}, 240_000);
