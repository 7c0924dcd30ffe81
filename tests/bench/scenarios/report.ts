// Scenario 6: a teacher's assignment report for 1,000 students by 12 answered questions, and its
// CSV. The class is filled through the public API (join, start, answer, finish), so the rows are
// exactly what the app writes; then both reports are timed several times as the teacher.
import { cookieFrom, pool, type HttpClient } from '../http.ts';
import { expectStatus, finishAttempt, saveAnswer, startAttempt } from '../learner.ts';
import { count, median, ms, type ScenarioLine } from '../stats.ts';

export interface ReportOptions {
  lessonSlug: string;
  students?: number;
  answered?: number;
  runs?: number;
}

export async function reportScenario(http: HttpClient, { lessonSlug, students = 1000, answered = 12, runs = 9 }: ReportOptions): Promise<{ lines: ScenarioLine[]; seedSeconds: number }> {
  const seedStarted = performance.now();
  const email = `bench-${Date.now()}@example.org`;
  const register = await http.send('POST', '/api/auth/register', { body: { email, password: 'bench-schoolbord-7319-lang', name: 'Bench Teacher' } });
  expectStatus('POST /api/auth/register', register, 200, 201);
  const teacher = cookieFrom(register);
  const klass = JSON.parse(expectStatus('POST /api/classes', await http.send('POST', '/api/classes', { body: { name: 'Benchklas' }, cookie: teacher }), 201).text) as {
    id: string;
    joinCode: string;
  };
  const assignment = JSON.parse(
    expectStatus('POST assignment', await http.send('POST', `/api/classes/${klass.id}/assignments`, { body: { lessonSlug, mode: 'test' }, cookie: teacher }), 201).text,
  ) as { id: string };

  let questionCount = 0;
  await pool(students, 50, async (i) => {
    const join = expectStatus('POST /api/join', await http.send('POST', '/api/join', { body: { joinCode: klass.joinCode, displayName: `Leerling ${i + 1}` } }), 201);
    const { cookie, attempt } = await startAttempt(http, { lessonSlug, assignmentId: assignment.id }, cookieFrom(join));
    questionCount = attempt.questions.length;
    if (questionCount < answered) throw new Error(`lesson ${lessonSlug} has ${questionCount} questions, fewer than ${answered}`);
    // Deterministic but varied answers per student, so distributions and discrimination have data.
    for (let q = 0; q < answered; q++) await saveAnswer(http, cookie, attempt, q, ((i * 7 + q * 3) % 10) / 10);
    await finishAttempt(http, cookie, attempt);
  });
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  const time = async (path: string, type: RegExp) => {
    const times: number[] = [];
    for (let run = 0; run <= runs; run++) {
      const res = expectStatus(`GET ${path}`, await http.send('GET', path, { cookie: teacher }), 200);
      if (!type.test(String(res.headers['content-type']))) throw new Error(`GET ${path}: content-type ${res.headers['content-type']}`);
      if (run > 0) times.push(res.ms); // run 0 warms caches and JIT
    }
    return times;
  };
  const report = await time(`/api/assignments/${assignment.id}/report`, /json/);
  const csv = await time(`/api/assignments/${assignment.id}/report.csv`, /csv/);

  const size = `${count(students)} students x ${questionCount} questions (${answered} answered each)`;
  const line = (name: string, times: number[], budget: number): ScenarioLine => ({
    name,
    figure: `median ${ms(median(times))}, max ${ms(Math.max(...times))} over ${times.length} runs; ${size}`,
    target: `at most ${budget} ms`,
    pass: Math.max(...times) <= budget,
  });
  return {
    seedSeconds,
    lines: [line('6a report (JSON)', report, 250), line('6b report (CSV)', csv, 500)],
  };
}
