// Scenario 3: answer submission at 200 connections, each connection its own learner and attempt.
// Durable writes acknowledged one by one cannot beat the raw commit rate of scenario 2; to go
// past it the server must commit concurrent answers together (group commit).
import autocannon from 'autocannon';
import { answerFor } from '../answers.ts';
import { pool, type HttpClient } from '../http.ts';
import { startAttempt, type StartedAttempt } from '../learner.ts';
import { count, ms, perSecond, type ScenarioLine } from '../stats.ts';

export async function answerSubmission(
  url: string,
  http: HttpClient,
  { lessonSlug, rawCommitsPerSecond, connections = 200, seconds = 10 }: { lessonSlug: string; rawCommitsPerSecond: number; connections?: number; seconds?: number },
): Promise<ScenarioLine> {
  const learners: StartedAttempt[] = [];
  await pool(connections, 50, async () => {
    learners.push(await startAttempt(http, { lessonSlug, mode: 'practice' }));
  });

  let next = 0;
  const result = await autocannon({
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
  const needed = 1.5 * rawCommitsPerSecond;
  return {
    name: '3 answer submission (PUT response)',
    figure: `${perSecond(throughput)} (${(throughput / rawCommitsPerSecond).toFixed(2)}x raw), p99 ${ms(result.latency.p99)}, ${count(errors)} errors of ${count(result.requests.total)}`,
    target: `p99 at most 50 ms, no errors, at least ${perSecond(needed)} (1.5x raw)`,
    pass: result.latency.p99 <= 50 && errors === 0 && throughput >= needed,
  };
}
