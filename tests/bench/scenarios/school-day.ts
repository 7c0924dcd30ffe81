// Scenario 5: a school day compressed into about a minute. 5,000 simulated learners arrive over
// the ramp, and each takes a whole lesson: the catalog, the lesson, an attempt, every answer,
// finish, with a short random pause (reading, thinking) before each step.
import type { HttpClient, HttpResponse } from '../http.ts';
import { expectStatus, finishAttempt, saveAnswer, startAttempt } from '../learner.ts';
import { Recorder, count, mb, ms, type ScenarioLine } from '../stats.ts';

export interface SchoolDayOptions {
  lessonSlug: string;
  /** Resident memory of the server process, sampled during the run. */
  memory: () => { rss: number };
  learners?: number;
  rampMs?: number;
  pauseMs?: [number, number];
  /** Hard stop for the whole scenario. */
  maxMs?: number;
}

const MEMORY_BUDGET = 300 * 1024 * 1024;

export async function schoolDay(
  http: HttpClient,
  { lessonSlug, memory, learners = 5000, rampMs = 60_000, pauseMs = [200, 800], maxMs = 240_000 }: SchoolDayOptions,
): Promise<ScenarioLine> {
  const recorder = new Recorder();
  let finished = 0;
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, memory().rss);
  }, 200);
  const deadline = performance.now() + maxMs;
  const pause = () => new Promise((r) => setTimeout(r, pauseMs[0] + Math.random() * (pauseMs[1] - pauseMs[0])));
  const timed = async (what: string, step: () => Promise<HttpResponse>): Promise<HttpResponse> => {
    const t = performance.now();
    try {
      const res = await step();
      recorder.ok(res.ms);
      return res;
    } catch (error) {
      recorder.fail(performance.now() - t, `${what}: ${(error as Error).message}`);
      throw error;
    }
  };

  async function learner(i: number): Promise<void> {
    await new Promise((r) => setTimeout(r, (i * rampMs) / learners));
    await timed('GET /api/lessons', async () => expectStatus('GET /api/lessons', await http.send('GET', '/api/lessons'), 200));
    await pause();
    await timed('GET lesson', async () => expectStatus('GET lesson', await http.send('GET', `/api/lessons/${lessonSlug}`), 200));
    await pause();
    let started!: Awaited<ReturnType<typeof startAttempt>>;
    await timed('POST attempt', async () => (started = await startAttempt(http, { lessonSlug, mode: i % 2 ? 'practice' : 'test' })).response);
    const { cookie, attempt } = started;
    for (let q = 0; q < attempt.questions.length; q++) {
      if (performance.now() > deadline) throw new Error('school day ran past its time limit');
      await pause();
      await timed(`PUT answer ${q + 1}`, () => saveAnswer(http, cookie, attempt, q));
    }
    await pause();
    await timed('POST finish', () => finishAttempt(http, cookie, attempt));
    finished++;
  }

  const t0 = performance.now();
  await Promise.all(Array.from({ length: learners }, (_, i) => learner(i).catch(() => undefined)));
  clearInterval(sampler);
  peakRss = Math.max(peakRss, memory().rss);
  const seconds = (performance.now() - t0) / 1000;
  const p99 = recorder.p99();
  return {
    name: '5 school day (whole lessons)',
    figure:
      `${count(finished)} of ${count(learners)} finished, ${count(recorder.requests)} requests in ${seconds.toFixed(0)} s ` +
      `(${count(recorder.requests / seconds)}/s), p99 ${ms(p99)}, ${count(recorder.errors)} errors${recorder.samples.length ? ` (${recorder.samples[0]})` : ''}, peak RSS ${mb(peakRss)}`,
    target: 'no errors, p99 at most 200 ms, RSS at most 300 MB',
    pass: recorder.errors === 0 && finished === learners && p99 <= 200 && peakRss <= MEMORY_BUDGET,
  };
}
