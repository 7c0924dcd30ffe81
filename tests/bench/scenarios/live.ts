// Scenario 9: live mode (issue 11 item 7). 9a: one session of 300 students; 9b: 50 sessions of 30
// students at once. Per session a teacher, a projector stream and, per student, a device stream,
// as in class. Students join as guests, the teacher shows a question, every student answers (their
// answers spread over a few seconds), the teacher locks and opens round 2, everyone answers again.
// The figure: from an answer's send to the first projector event that counts it, p99, at most 1 s,
// and no errors (a refused request, a stream that fails). Each student is a device of their own:
// their requests (join, answers) go over a connection of their own, as in class, not through a
// pool shared by all 1,500 students, where an answer would wait behind other sessions' joins in the
// bench's own queue before the server ever saw it; the teacher's requests share the caller's pool.
import { Agent, request as httpRequest, type ClientRequest } from 'node:http';
import type { LiveProjectorView, LiveStudentView, PublicQuestion } from '../../../server/api-types.ts';
import { cookieFrom, HttpClient, pool } from '../http.ts';
import { expectStatus } from '../learner.ts';
import { count, ms, percentile, Recorder, type ScenarioLine } from '../stats.ts';

/** An event stream over its own socket: every event's data, parsed, with its arrival time. */
class Stream {
  readonly events: { at: number; data: unknown }[] = [];
  private req: ClientRequest | null = null;
  failed: string | null = null;
  private listeners: (() => void)[] = [];
  constructor(private readonly url: URL, private readonly agent: Agent, private readonly path: string, private readonly cookie: string) {}

  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.req = httpRequest({ host: this.url.hostname, port: this.url.port, path: this.path, agent: this.agent, headers: { cookie: this.cookie, accept: 'text/event-stream' } }, (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`GET ${this.path}: ${res.statusCode}`));
          res.resume();
          return;
        }
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let at: number;
          while ((at = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, at);
            buffer = buffer.slice(at + 2);
            const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
            if (!data) continue;
            this.events.push({ at: performance.now(), data: JSON.parse(data) });
            for (const l of this.listeners.splice(0)) l();
          }
        });
        res.on('error', (e) => (this.failed ??= e.message));
        resolve();
      });
      this.req.on('error', (e) => {
        this.failed ??= e.message;
        reject(e);
      });
      this.req.end();
    });
  }

  /** Resolves once an event satisfies `ok` (or after `timeoutMs`, with null). */
  async until<T>(ok: (data: T) => boolean, timeoutMs = 30_000): Promise<{ at: number; data: T } | null> {
    const deadline = performance.now() + timeoutMs;
    let seen = 0;
    for (;;) {
      for (; seen < this.events.length; seen++) if (ok(this.events[seen]!.data as T)) return this.events[seen] as { at: number; data: T };
      const left = deadline - performance.now();
      if (left <= 0) return null;
      await new Promise<void>((resolve) => {
        this.listeners.push(resolve);
        setTimeout(resolve, left).unref();
      });
    }
  }

  close(): void {
    this.req?.destroy();
  }
}

interface Student {
  cookie: string;
  question?: PublicQuestion;
  stream?: Stream;
}

/** An answer a student could give: any option; shape as the type wants. */
function anAnswer(q: PublicQuestion, i: number): unknown {
  switch (q.type) {
    case 'single-choice':
      return { optionId: q.options[i % q.options.length]!.id };
    case 'multiple-choice':
      return { optionIds: [q.options[i % q.options.length]!.id] };
    case 'scale':
      return { value: q.min + (i % (q.max - q.min + 1)) };
    default:
      throw new Error(`the bench answers closed single-choice, multiple-choice or scale questions, not ${q.type}`);
  }
}

interface SessionRun {
  /** Per answer: from its send to the first projector event that counts it. */
  latencies: number[];
}

const retries = { n: 0 };
const answerTimes: number[] = [];

async function runSession(http: HttpClient, devices: HttpClient, base: URL, agent: Agent, teacher: string, lessonSlug: string, students: number, recorder: Recorder, spreadMs: number): Promise<SessionRun> {
  const started = JSON.parse(expectStatus('POST /api/live', await http.send('POST', '/api/live', { body: { slug: lessonSlug }, cookie: teacher }), 201).text) as { id: string; code: string };
  const view = JSON.parse(expectStatus('GET /api/live/:id', await http.send('GET', `/api/live/${started.id}`, { cookie: teacher }), 200).text) as { lesson: { questions: { id: string; type: string }[] } };
  const question = view.lesson.questions.find((q) => q.type === 'single-choice' || q.type === 'multiple-choice' || q.type === 'scale');
  if (!question) throw new Error('the lesson has no closed question the bench can answer');
  const projector = new Stream(base, agent, `/api/live/${started.id}/projector/events`, teacher);
  await projector.open();

  const list: Student[] = [];
  await pool(students, 20, async (i) => {
    const res = await devices.send('POST', '/api/join/live', { body: { code: started.code, displayName: `Leerling ${i}` } }).catch((e: Error) => e);
    if (res instanceof Error) return recorder.fail(0, `join: ${res.message}`);
    if (res.status !== 201) return recorder.fail(res.ms, `join: ${res.status} ${res.text.slice(0, 100)}`);
    recorder.ok(res.ms);
    const student: Student = { cookie: cookieFrom(res) };
    student.stream = new Stream(base, agent, `/api/live/${started.id}/me/events`, student.cookie);
    const opened = await student.stream.open().catch((e: Error) => e);
    if (opened instanceof Error) return recorder.fail(0, `device stream ${list.length}: ${opened.message}`);
    list.push(student);
  });
  const command = async (body: unknown) => {
    const res = await http.send('POST', `/api/live/${started.id}/commands`, { body, cookie: teacher }).catch((e: Error) => e);
    if (res instanceof Error) return recorder.fail(0, `command: ${res.message}`);
    if (res.status !== 200) recorder.fail(res.ms, `command: ${res.status} ${res.text.slice(0, 100)}`);
  };
  await command({ type: 'show-question', questionId: question.id });
  await command({ type: 'show-results', show: true });
  // Each device learns of the question from its own stream.
  await Promise.all(list.map(async (s) => {
    const e = await s.stream!.until<LiveStudentView>((v) => v.state.questionId === question.id);
    if (!e) recorder.fail(30_000, 'a device did not get the question');
    else s.question = e.data.question!;
  }));

  const latencies: number[] = [];
  for (const round of [1, 2]) {
    if (round === 2) {
      await command({ type: 'lock' });
      await command({ type: 'new-round' });
      await command({ type: 'show-results', show: true });
    }
    const sent: number[] = [];
    const acked: number[] = [];
    await Promise.all(list.map(async (s, i) => {
      await new Promise((r) => setTimeout(r, (i * spreadMs) / list.length));
      if (!s.question) return;
      const at = performance.now();
      const put = () => devices.send('PUT', `/api/live/${started.id}/answers/${question.id}`, { body: { round, answer: anAnswer(s.question!, i + round), cites: [] }, cookie: s.cookie });
      // An answer is idempotent: like a browser, send it again once when a kept-alive connection
      // turns out closed by the server just then (its keep-alive timeout); counted as a retry.
      let res = await put().catch((e: Error) => e);
      if (res instanceof Error && /socket hang up|ECONNRESET/.test(res.message)) {
        retries.n++;
        res = await put().catch((e: Error) => e);
      }
      if (res instanceof Error) return recorder.fail(performance.now() - at, `answer: ${res.message}`);
      if (res.status !== 200) return recorder.fail(res.ms, `answer: ${res.status} ${res.text.slice(0, 100)}`);
      recorder.ok(res.ms);
      answerTimes.push(performance.now() - at);
      sent.push(at);
      acked.push(performance.now());
    }));
    // The k-th answer acknowledged is counted by the first projector event with answered >= k.
    const order = acked.map((t, i) => ({ t, sentAt: sent[i]! })).sort((a, b) => a.t - b.t);
    const counted = await projector.until<LiveProjectorView>((v) => v.state.round === round && v.counts.answered >= order.length, 30_000);
    if (!counted) recorder.fail(30_000, `the projector never counted all ${order.length} answers of round ${round}`);
    const events = projector.events.filter((e) => (e.data as LiveProjectorView).state.round === round);
    order.forEach(({ sentAt }, k) => {
      const seen = events.find((e) => (e.data as LiveProjectorView).counts.answered >= k + 1);
      latencies.push(seen ? seen.at - sentAt : 30_000);
    });
  }
  await command({ type: 'end' });
  projector.close();
  for (const s of list) {
    if (s.stream?.failed) recorder.fail(0, `device stream: ${s.stream.failed}`);
    s.stream?.close();
  }
  if (projector.failed) recorder.fail(0, `projector stream: ${projector.failed}`);
  return { latencies };
}

export async function liveScenario(
  http: HttpClient,
  baseUrl: string,
  { lessonSlug, sessions, students, name, spreadMs = 3000 }: { lessonSlug: string; sessions: number; students: number; name: string; spreadMs?: number },
): Promise<ScenarioLine> {
  const base = new URL(baseUrl);
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const register = await http.send('POST', '/api/auth/register', { body: { email: `live-${Date.now()}-${sessions}@bench.example`, password: 'bench-schoolbord-7319-lang', name: 'Bench Teacher' } });
  expectStatus('POST /api/auth/register', register, 201);
  const teacher = cookieFrom(register);
  const recorder = new Recorder();
  retries.n = 0;
  answerTimes.length = 0;
  // One connection per student, kept alive between their requests and closed before the server
  // would close it, as a browser does (a device waits seconds between its join and its answers).
  const devices = new HttpClient(baseUrl, { maxSockets: sessions * students, idleTimeoutMs: 30_000 });
  const runs = await Promise.all(Array.from({ length: sessions }, () => runSession(http, devices, base, agent, teacher, lessonSlug, students, recorder, spreadMs)));
  devices.close();
  agent.destroy();
  const latencies = runs.flatMap((r) => r.latencies);
  const p99 = percentile(latencies, 0.99);
  const p50 = percentile(latencies, 0.5);
  return {
    name,
    figure: `${count(latencies.length)} answers (${count(sessions * students)} students, 2 rounds): answer to projector p50 ${ms(p50)}, p99 ${ms(p99)}; answer acknowledged p50 ${ms(percentile(answerTimes, 0.5))}, p99 ${ms(percentile(answerTimes, 0.99))}; all requests p99 ${ms(recorder.p99())}; ${count(retries.n)} resent after a closed keep-alive; ${count(recorder.errors)} errors${recorder.samples.length ? ` (${recorder.samples[0]})` : ''}`,
    target: 'answer to projector update p99 at most 1 s, no errors',
    pass: p99 <= 1000 && recorder.errors === 0 && latencies.length === sessions * students * 2,
  };
}
