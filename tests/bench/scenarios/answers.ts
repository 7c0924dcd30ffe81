// Scenario 3: answer submission at 200 connections, each connection its own learner and attempt,
// durable as deployed (synchronous FULL, each answer acknowledged after the commit holding it).
// In a test nothing is graded back; in practice the grade and feedback are in the response.
// Targets (issue 12) are ratios to the bare stack's PUT rate measured in the same run (scenario 0).
import { measuredLoad } from '../load.ts';
import { answerFor } from '../answers.ts';
import { pool, type HttpClient } from '../http.ts';
import { startAttempt, type StartedAttempt } from '../learner.ts';
import { count, ms, type ScenarioLine } from '../stats.ts';
import { ratioTo } from './bare.ts';

/** At least this share of the bare PUT rate; the test mode's also has a latency bound. */
export const ANSWER_TARGETS = { test: 0.2, practice: 0.15 } as const;
const P99_MS = 50;

export async function answerSubmission(
  url: string,
  http: HttpClient,
  {
    lessonSlug,
    mode,
    barePutPerSecond,
    connections = 200,
    seconds = 10,
  }: { lessonSlug: string; mode: 'test' | 'practice'; barePutPerSecond: number; connections?: number; seconds?: number },
): Promise<ScenarioLine> {
  const learners: StartedAttempt[] = [];
  await pool(connections, 50, async () => {
    learners.push(await startAttempt(http, { lessonSlug, mode }));
  });

  let next = 0;
  const result = await measuredLoad({
    url,
    connections,
    duration: seconds,
    // Each connection cycles through its own attempt's questions with its own cookie.
    setupClient: (client) => {
      const { cookie, attempt } = learners[next++ % learners.length]!;
      client.setRequests(
        attempt.questions.map((question, i) => ({
          method: 'PUT',
          path: `/api/attempts/${attempt.id}/responses/${question.id}`,
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ answer: answerFor(question, (i * 0.37) % 1) }),
        })),
      );
    },
  });

  const errors = result.errors + result.timeouts + result.non2xx;
  const throughput = result.requests.average;
  const ratio = ANSWER_TARGETS[mode];
  const needed = ratio * barePutPerSecond;
  const latencyBound = mode === 'test';
  return {
    name: `3${mode === 'test' ? 'a' : 'b'} answer submission, ${mode} (PUT response)`,
    figure: `${ratioTo(throughput, barePutPerSecond, 'bare PUT')}, p99 ${ms(result.latency.p99)}, ${count(errors)} errors of ${count(result.requests.total)}`,
    target: `at least ${ratio.toFixed(2)}x bare PUT (${Math.round(needed).toLocaleString('en-US')}/s)${latencyBound ? `, p99 at most ${P99_MS} ms` : ''}, no errors`,
    pass: throughput >= needed && errors === 0 && (!latencyBound || result.latency.p99 <= P99_MS),
  };
}
