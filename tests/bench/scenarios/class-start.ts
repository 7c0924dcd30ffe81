// Scenario 4: a class-start spike, 3,000 learners starting an attempt within one second. Each
// POST creates a learner, its session and the attempt: three rows, to be committed in batches.
import type { HttpClient } from '../http.ts';
import { startOnly } from '../learner.ts';
import { Recorder, count, ms, type ScenarioLine } from '../stats.ts';

export async function classStart(http: HttpClient, { lessonSlug, learners = 3000, withinMs = 1000 }: { lessonSlug: string; learners?: number; withinMs?: number }): Promise<ScenarioLine> {
  const recorder = new Recorder();
  let started = 0;
  const t0 = performance.now();
  const all: Promise<void>[] = [];
  for (let i = 0; i < learners; i++) {
    // spread the arrivals evenly over the second: learner i clicks at i/learners of it
    const at = (i * withinMs) / learners;
    const wait = at - (performance.now() - t0);
    if (wait >= 1) await new Promise((r) => setTimeout(r, wait));
    const clicked = performance.now();
    all.push(
      startOnly(http, { lessonSlug, mode: 'test' }).then(
        (response) => {
          started++;
          recorder.ok(response.ms);
        },
        (error: Error) => recorder.fail(performance.now() - clicked, error.message),
      ),
    );
  }
  const sentIn = performance.now() - t0;
  await Promise.all(all);
  const p99 = recorder.p99();
  return {
    name: '4 class start spike (POST attempt)',
    figure: `${count(started)} of ${count(learners)} started (sent in ${ms(sentIn)}), p99 ${ms(p99)}, ${count(recorder.errors)} errors${recorder.samples.length ? ` (${recorder.samples[0]})` : ''}`,
    target: `all ${count(learners)} started, p99 at most 2 s, no errors`,
    pass: started === learners && p99 <= 2000 && recorder.errors === 0,
  };
}
