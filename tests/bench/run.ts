// `npm run bench`: measures the bare stack (scenario 0), then starts the real server (built client,
// a fresh file database with synchronous FULL) and runs the scenarios of issues 5 and 12 in one go,
// so their ratios compare like with like. Prints one line per scenario and a table; a full run
// writes the table to tests/bench/RESULTS.md. `--only=1,3` runs a subset while working on one (and
// leaves RESULTS.md alone); scenario 0 runs with 1 and 3, whose targets are ratios to it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from './http.ts';
import { pickLesson } from './learner.ts';
import { describeMachine, type Machine } from './machine.ts';
import { analysisScenario } from './scenarios/analysis.ts';
import { answerSubmission } from './scenarios/answers.ts';
import { bareStack } from './scenarios/bare.ts';
import { ceiling } from './scenarios/ceiling.ts';
import { classStart } from './scenarios/class-start.ts';
import { commitRate } from './scenarios/commit-rate.ts';
import { liveScenario } from './scenarios/live.ts';
import { lessonReads } from './scenarios/lesson.ts';
import { reportScenario } from './scenarios/report.ts';
import { schoolDay } from './scenarios/school-day.ts';
import { measureBuiltClient, sizeLines } from './size.ts';
import { ROOT, processTree, readMemory, startServer, type RunningServer } from './server.ts';
import { formatLine, markdownTable, mb, type ScenarioLine } from './stats.ts';

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',').map(Number);
const runs = (n: number) => !only || only.includes(n);

const lines: ScenarioLine[] = [];
function record(line: ScenarioLine): void {
  lines.push(line);
  console.log(formatLine(line));
}

/** A scenario that throws (an endpoint missing, the server down) is a miss with its reason, and the run goes on. */
async function scenario(name: string, body: () => Promise<ScenarioLine | ScenarioLine[]>): Promise<void> {
  try {
    const result = await body();
    for (const line of Array.isArray(result) ? result : [result]) record(line);
  } catch (error) {
    record({ name, figure: `failed: ${(error as Error).message.split('\n')[0]}`, target: 'runs', pass: false });
  }
}

const settle = () => new Promise((r) => setTimeout(r, 1000));

async function main(): Promise<void> {
  // The server runs as `npm start` runs it: the bundle, built from the sources of this tree.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-server.mjs')], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'bronwijs-bench-'));
  const machine = describeMachine(dir);
  console.log(`bench on ${machine.cpu}, ${machine.cores} cores, ${machine.memory}, Node ${machine.node}, disk ${machine.disk}`);
  // First, alone on the machine: the bare stack, the denominator of every throughput target.
  let bare = { getPerSecond: NaN, putPerSecond: NaN };
  if (runs(0) || runs(1) || runs(3)) {
    await scenario('0 bare stack', async () => {
      const result = await bareStack();
      bare = result;
      return result.lines;
    });
    await settle();
  }
  let server: RunningServer | undefined;
  try {
    server = await startServer({ databaseFile: join(dir, 'bench.db'), entry: process.env.BENCH_SERVER_ENTRY });
    const url = server.url;
    const http = new HttpClient(url, { maxSockets: 64 });
    const lesson = await pickLesson(http);
    console.log(`server pid ${server.pid} at ${url}, lesson ${lesson.slug} (${lesson.questionCount} questions), RSS ${mb(server.memory().rss)}`);

    if (runs(1)) {
      await scenario('1 ceiling', async () => (await ceiling(url, bare.getPerSecond)).line);
      await settle();
      await scenario('1b lesson', () => lessonReads(url, http, { lessonSlug: lesson.slug, bareGetPerSecond: bare.getPerSecond }));
    }
    if (runs(2)) await scenario('2 raw commit rate', async () => (await commitRate(join(dir, 'scratch.db'))).line);
    if (runs(3)) {
      for (const mode of ['test', 'practice'] as const) {
        await settle();
        await scenario(`3 answer submission, ${mode}`, () => answerSubmission(url, http, { lessonSlug: lesson.slug, mode, barePutPerSecond: bare.putPerSecond }));
      }
    }
    if (runs(4)) {
      await settle();
      const spike = new HttpClient(url, { maxSockets: 500 });
      await scenario('4 class start spike', () => classStart(spike, { lessonSlug: lesson.slug }));
      spike.close();
    }
    if (runs(5)) {
      await settle();
      // Learners pause between steps, so sockets sit idle: closed a second before the server's
      // keep-alive timeout, as the live scenario's devices are (HttpClientOptions.idleTimeoutMs).
      const day = new HttpClient(url, { maxSockets: 1000, idleTimeoutMs: 30_000 });
      const running = server;
      await scenario('5 school day', () => schoolDay(day, { lessonSlug: lesson.slug, memory: () => running.memory() }));
      day.close();
    }
    if (runs(6)) {
      await settle();
      await scenario('6 report', async () => {
        const result = await reportScenario(http, { lessonSlug: lesson.slug });
        console.log(`(report: class seeded through the API in ${result.seedSeconds.toFixed(0)} s)`);
        return result.lines;
      });
    }
    if (runs(9)) {
      await settle();
      const live = new HttpClient(url, { maxSockets: 200 });
      await scenario('9a live, one session of 300', () => liveScenario(live, url, { lessonSlug: lesson.slug, sessions: 1, students: 300, name: '9a live: one session of 300 students' }));
      await settle();
      await scenario('9b live, 50 sessions of 30', () => liveScenario(live, url, { lessonSlug: lesson.slug, sessions: 50, students: 30, name: '9b live: 50 sessions of 30 students at once' }));
      live.close();
    }
    http.close();
    for (const line of server.problems()) console.log(`server: ${line}`);
    console.log(`server memory at the end: RSS ${mb(server.memory().rss)}, high-water ${mb(server.memory().hwm)}`);
    // Per process (primary first): which one holds the memory.
    console.log(`per process: ${processTree(server.pid).map((p) => { try { const m = readMemory(p); return `${p} RSS ${mb(m.rss)} (high-water ${mb(m.hwm)})`; } catch { return `${p} gone`; } }).join('; ')}`);
  } catch (error) {
    console.error(`bench could not run: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  if (runs(7)) await scenario('7 size', async () => sizeLines(measureBuiltClient(ROOT)));
  if (runs(8)) await scenario('8 article analysis', async () => analysisScenario());

  lines.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  const table = markdownTable(lines);
  console.log(`\n${table}\n`);
  if (!only) writeFileSync(join(ROOT, 'tests', 'bench', 'RESULTS.md'), resultsSection(table, machine));
  if (lines.some((l) => l.pass === false)) process.exitCode = 1;
}

/** The README's "Performance" section: the figures of this run, the machine, how to reproduce. */
function resultsSection(table: string, machine: Machine): string {
  return `## Performance

Figures from one run of \`npm run bench\` (${new Date().toISOString().slice(0, 10)}). The bench starts the real
server as \`npm start\` runs it (the bundled JavaScript, a cluster of one worker per core; built client, a fresh file database in WAL mode with \`synchronous=FULL\`, so every
acknowledged answer is on disk) and runs all scenarios in one go against 127.0.0.1, so that the
ratios compare like with like. The load generator runs on the same machine and competes with the
server for its cores.

${table}

Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory} memory, Node ${machine.node}, disk ${machine.disk}.

What each scenario does:

0. **Bare stack** (\`tests/bench/bare/server.ts\`): the same hono, @hono/node-server and worker count as the
   server, no middleware, no database, measured first and alone: GET of a small JSON at 100 connections
   (0a), PUT of a small JSON echoed back at 200 connections (0b). Every throughput target is a ratio to
   these two figures of the same run (issue 12), printed beside the figure.
1. **Ceiling**: \`GET /api/health\` at 100 connections for 10 s (autocannon): the whole middleware stack
   and one trivial query. **1b** \`GET /api/lessons/:slug\` at 100 connections (the article, about 11 KB),
   **1c** the same with \`If-None-Match\` (a 304 without a body).
2. **Raw commit rate**: one row per transaction into a scratch libSQL file on the same disk, WAL and
   \`synchronous=FULL\`: what one durable write costs, one at a time.
3. **Answer submission**: \`PUT /api/attempts/:id/responses/:questionId\` at 200 connections for 10 s, each
   connection its own learner and attempt, in test mode (3a: nothing graded back) and practice mode (3b:
   grade and feedback in the response). Durable as deployed: answers that arrive while a commit is in
   flight are committed together (group commit), and each request is acknowledged only after the
   transaction holding its answer has committed.
4. **Class start spike**: 3,000 new learners each start an attempt, their requests spread evenly over one
   second (up to 500 connections); latency counts from the moment each learner "clicks".
5. **School day**: 5,000 learners arrive over 60 s; each opens the catalog and the lesson, starts an attempt,
   answers every question and finishes, pausing 200 to 800 ms (at random) before each step. Server
   memory is the peak resident set size of the server's processes (the cluster's primary and its workers,
   summed), sampled every 200 ms.
6. **Report**: a class of 1,000 students is filled through the API (join, start, 12 answers, finish);
   then the teacher's report and its CSV are each fetched 10 times, the first as warm-up.
7. **Size**: the gzipped JavaScript of the first page (the entry, its modulepreloads and imports, and the
   catalog's lazy route chunk, without which the page shows nothing) and of the whole student
   path (catalog, lesson intro, runner, results: every chunk reachable by static and dynamic imports,
   without the teacher's and the class routes). Also checked by \`tests/bench/size.test.ts\` in \`npm test\`.
8. **Article analysis**: the studio's analysis of a 1,500-word Dutch article (sentences, cues, who says what,
   question starters; \`lessons/text/\`), in the bench's own process, after the server has stopped: one warm-up
   call (it also compiles the lexicon) and 50 timed ones; on Linux also the time on CPU, without the waits for
   a core. Alone: \`npx tsx tests/bench/scenarios/analysis.ts\`.

Scenarios 0, 1 and 3 measure after 2 s of the same load unmeasured (V8 compiling the request path, for
both servers alike). Where the time of an answer goes, and what was done about it: \`tests/bench/NOTES.md\`.

9. **Live**: (a) one live session of 300 students, (b) 50 sessions of 30 students at once. Per session a
   projector stream and one device stream per student; students join as guests, the teacher shows a question,
   every student answers (spread over 3 s), the teacher locks and opens round 2, everyone answers again. The
   figure is the time from an answer's send to the first projector event that counts it (p99 at most 1 s),
   and no request or stream may fail. Alone: \`npx tsx tests/bench/run.ts --only=9\` after \`npm run build\`.

To reproduce: \`npm ci && npm run bench\` (about five minutes). \`npx tsx tests/bench/run.ts --only=3,4\` runs
some scenarios against an already built client (scenario 0 with 1 and 3, whose targets are ratios to it). Figures depend on the machine, most of all on how fast
its disk makes a write durable (scenario 2): compare the ratios, not the absolute numbers.
`;
}

await main();
