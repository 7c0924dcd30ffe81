// The client's only way to the server: hc<AppType>, so every path, body and answer is typed from the
// server's own routes and validators, not written again here. Same-origin cookies; any non-2xx
// answer becomes an ApiError carrying the problem+json (unwrap below).
import { hc, type ClientResponse, type InferResponseType } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { AppType } from '../../../server/app.ts';
import type { Answer, Mode, Problem, StudentAssignmentView } from '../../../server/api-types.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
  /** Network failures and 5xx are worth retrying; 4xx say the request itself is wrong. */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 408 || this.status === 429;
  }
}

/** fetch, with a request that never got an answer (offline, server down) as an ApiError of status 0. */
async function send(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: String((cause as Error)?.message ?? cause) });
  }
}

/** The typed client of /api; pages call it through `api` below (the studio through lib/studio-api.ts). */
export const client = hc<AppType>('/', {
  fetch: send,
  init: { credentials: 'same-origin' },
  headers: { Accept: 'application/json, application/problem+json' },
}).api;

function isProblem(data: unknown): data is Problem {
  return typeof data === 'object' && data !== null && 'title' in data && 'status' in data;
}

/** The body of a successful answer, typed by the route; anything else thrown as an ApiError. */
type Ok<R> = R extends ClientResponse<infer T, infer S, infer _F> ? (S extends SuccessStatusCode ? T : never) : never;
export async function unwrap<R extends ClientResponse<unknown, number, string>>(pending: Promise<R>): Promise<Ok<R>> {
  const res = await pending;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const problem = isProblem(data) ? data : { type: 'about:blank', title: res.statusText || 'Error', status: res.status, detail: text.slice(0, 200) };
    throw new ApiError({ ...problem, status: res.status });
  }
  return data as Ok<R>;
}

// The shapes of the answers, as the routes produce them.
export type LessonSummary = InferResponseType<typeof client.lessons.$get, 200>['lessons'][number];
export type LessonDetail = InferResponseType<(typeof client.lessons)[':slug']['$get'], 200>;
export type ArticleView = LessonDetail['article'];
export type LessonGuideView = InferResponseType<(typeof client.lessons)[':slug']['guide']['$get'], 200>;
export type AttemptView = InferResponseType<(typeof client.attempts)[':id']['$get'], 200>;
export type ResponseView = AttemptView['responses'][number];
export type SaveResponseResult = InferResponseType<(typeof client.attempts)[':id']['responses'][':questionId']['$put'], 200>;
export type FinishResult = InferResponseType<(typeof client.attempts)[':id']['finish']['$post'], 200>;
export type ReviewItem = NonNullable<FinishResult['review']>[number];
export type Score = NonNullable<FinishResult['score']>;
export type Me = InferResponseType<typeof client.me.$get, 200>;
export type JoinResult = InferResponseType<typeof client.join.$post, 201>;
export type ClassView = InferResponseType<(typeof client.classes)[':id']['$get'], 200>;
export type StudentRef = ClassView['students'][number];
export type AssignmentView = InferResponseType<(typeof client.assignments)[':id']['release']['$post'], 200>;
/** GET /api/assignments answers a student with more than a teacher: their state, due soon, and
 * the score once released. The student's shape extends the teacher's, so the answer's type is the
 * teacher's (a union of the two reduces to it); the server names the student's. */
export type { StudentAssignmentView } from '../../../server/api-types.ts';
export type AssignmentReport = InferResponseType<(typeof client.assignments)[':id']['report']['$get'], 200>;
export type ReportStudent = AssignmentReport['students'][number];
export type ReportCell = ReportStudent['cells'][number];
export type CellState = ReportStudent['state'];
export type ReportQuestion = AssignmentReport['questions'][number];
export type RubricCriterion = NonNullable<ReportQuestion['rubric']>[number];
export type AnswerCount = ReportQuestion['distribution'][number];
export type OpenAnswerToGrade = AssignmentReport['toGrade'][number];
export type NewAssignment = Parameters<(typeof client.classes)[':id']['assignments']['$post']>[0]['json'];
export type FeedbackRelease = AssignmentView['feedbackRelease'];
export type AssignmentPatch = Parameters<(typeof client.assignments)[':id']['$patch']>[0]['json'];
export type GradeNorm = NonNullable<AssignmentView['gradeNorm']>;
export type LessonPreview = InferResponseType<(typeof client.lessons)[':slug']['preview']['$get'], 200>;


// hc puts path parameters into the URL as they are: encode them, so an id never changes the path.
const enc = encodeURIComponent;
const id = (value: string) => ({ param: { id: enc(value) } });

export const api = {
  // Lessons and a learner's attempts.
  lessons: () => unwrap(client.lessons.$get()).then((r) => r.lessons),
  lesson: (slug: string) => unwrap(client.lessons[':slug'].$get({ param: { slug: enc(slug) } })),
  /** A lesson's teacher's guide (teachers only). */
  lessonGuide: (slug: string) => unwrap(client.lessons[':slug'].guide.$get({ param: { slug: enc(slug) } })),
  /** A lesson's questions with their keys (teachers only), to look through before assigning it. */
  lessonPreview: (slug: string) => unwrap(client.lessons[':slug'].preview.$get({ param: { slug: enc(slug) } })),
  startAttempt: (lessonSlug: string, mode: Mode, assignmentId?: string) =>
    unwrap(client.attempts.$post({ json: { lessonSlug, mode, ...(assignmentId ? { assignmentId } : {}) } })),
  attempt: (attemptId: string) => unwrap(client.attempts[':id'].$get(id(attemptId))),
  saveResponse: (attemptId: string, questionId: string, answer: Answer, idempotencyKey: string) =>
    unwrap(
      client.attempts[':id'].responses[':questionId'].$put(
        { param: { id: enc(attemptId), questionId: enc(questionId) }, json: { answer } },
        { headers: { 'Idempotency-Key': idempotencyKey } },
      ),
    ),
  finish: (attemptId: string) => unwrap(client.attempts[':id'].finish.$post(id(attemptId))),
  myAttempts: () => unwrap(client.attempts.$get()).then((r) => r.attempts),
  resumeCode: () => unwrap(client['resume-code'].$post()),

  // Who is signed in; teachers' accounts.
  me: () => unwrap(client.me.$get()),
  register: (email: string, password: string, name: string) => unwrap(client.auth.register.$post({ json: { email, password, name } })),
  login: (email: string, password: string) => unwrap(client.auth.login.$post({ json: { email, password } })),
  logout: () => unwrap(client.auth.logout.$post()),
  forgotPassword: (email: string, lang: 'nl' | 'en') => unwrap(client.auth['forgot-password'].$post({ json: { email, lang } })),
  resetPassword: (token: string, password: string) => unwrap(client.auth['reset-password'].$post({ json: { token, password } })),

  // Students in a class.
  join: (joinCode: string, displayName: string) => unwrap(client.join.$post({ json: { joinCode, displayName } })),
  resume: (resumeCode: string) => unwrap(client.resume.$post({ json: { resumeCode } })),
  myAssignments: () => unwrap(client.assignments.$get()).then((r) => r.assignments as StudentAssignmentView[]),
  startAssignment: (lessonSlug: string, assignmentId: string) => unwrap(client.attempts.$post({ json: { lessonSlug, assignmentId } })),

  // A teacher's classes, assignments and reports.
  classes: () => unwrap(client.classes.$get()).then((r) => r.classes),
  createClass: (name: string) => unwrap(client.classes.$post({ json: { name } })),
  class: (classId: string) => unwrap(client.classes[':id'].$get(id(classId))),
  updateClass: (classId: string, patch: { name?: string; archived?: boolean }) => unwrap(client.classes[':id'].$patch({ ...id(classId), json: patch })),
  deleteStudent: (classId: string, studentId: string) =>
    unwrap(client.classes[':id'].students[':studentId'].$delete({ param: { id: enc(classId), studentId: enc(studentId) } })),
  newResumeCode: (classId: string, studentId: string) =>
    unwrap(client.classes[':id'].students[':studentId']['resume-code'].$post({ param: { id: enc(classId), studentId: enc(studentId) } })),
  studentExportUrl: (classId: string, studentId: string) =>
    client.classes[':id'].students[':studentId'].export.$path({ param: { id: enc(classId), studentId: enc(studentId) } }),

  teacherAssignments: () => unwrap(client.assignments.$get()).then((r) => r.assignments as AssignmentView[]),
  assign: (classId: string, body: NewAssignment) => unwrap(client.classes[':id'].assignments.$post({ ...id(classId), json: body })),
  assignment: (assignmentId: string) => unwrap(client.assignments[':id'].$get(id(assignmentId))),
  release: (assignmentId: string) => unwrap(client.assignments[':id'].release.$post(id(assignmentId))),
  /** Lets students join for `minutes` (15 by default) from now; closing refuses every join code. */
  openJoinWindow: (classId: string, minutes = 15) => unwrap(client.classes[':id']['join-window'].$post({ ...id(classId), json: { minutes } })),
  closeJoinWindow: (classId: string) => unwrap(client.classes[':id']['join-window'].$delete(id(classId))),
  updateAssignment: (assignmentId: string, patch: AssignmentPatch) => unwrap(client.assignments[':id'].$patch({ ...id(assignmentId), json: patch })),
  deleteAssignment: (assignmentId: string) => unwrap(client.assignments[':id'].$delete(id(assignmentId))),
  setDiscussion: (assignmentId: string, responseIds: string[]) =>
    unwrap(client.assignments[':id'].discussion.$put({ ...id(assignmentId), json: { responseIds } })),
  studentAnswers: (assignmentId: string, studentId: string) =>
    unwrap(client.assignments[':id'].students[':studentId'].answers.$get({ param: { id: enc(assignmentId), studentId: enc(studentId) } })),
  report: (assignmentId: string, projector = false) =>
    unwrap(client.assignments[':id'].report.$get({ ...id(assignmentId), query: projector ? { view: 'projector' } : {} })),
  /** Points directly, or a level 0..3 per rubric criterion (the server turns levels into points). */
  grade: (responseId: string, score: { points: number } | { levels: Record<string, number> }, comment?: string) =>
    unwrap(client.responses[':id'].grade.$put({ ...id(responseId), json: { ...score, ...(comment ? { comment } : {}) } })),
  /** The spreadsheet, its headers and states in the interface language. */
  csvUrl: (assignmentId: string, separator: 'semicolon' | 'comma', lang: 'nl' | 'en' = 'nl') =>
    client.assignments[':id']['report.csv'].$path({
      ...id(assignmentId),
      // Dutch is the server's default: only English is asked for.
      query: { ...(separator === 'comma' ? { separator: 'comma' as const } : {}), ...(lang === 'en' ? { lang } : {}) },
    }),
  liveUrl: (assignmentId: string) => client.assignments[':id'].live.$path(id(assignmentId)),

  // Live lessons (issue 11): the teacher's session, commands, projector and results; a student's side.
  live: {
    start: (slug: string, classId?: string) => unwrap(client.live.$post({ json: { slug, ...(classId ? { classId } : {}) } })),
    sessions: () => unwrap(client.live.$get()).then((r) => r.sessions),
    session: (sessionId: string) => unwrap(client.live[':id'].$get(id(sessionId))),
    command: (sessionId: string, command: LiveCommand) => unwrap(client.live[':id'].commands.$post({ ...id(sessionId), json: command })),
    projector: (sessionId: string) => unwrap(client.live[':id'].projector.$get(id(sessionId))),
    results: (sessionId: string) => unwrap(client.live[':id'].results.$get(id(sessionId))),
    resultsCsvUrl: (sessionId: string) => client.live[':id']['results.csv'].$path({ ...id(sessionId), query: {} }),
    join: (code: string, displayName?: string) => unwrap(client.join.live.$post({ json: { code, ...(displayName ? { displayName } : {}) } })),
    me: (sessionId: string) => unwrap(client.live[':id'].me.$get(id(sessionId))),
    answer: (sessionId: string, questionId: string, body: { round: number; answer: Answer; cites: string[] }) =>
      unwrap(client.live[':id'].answers[':questionId'].$put({ param: { id: enc(sessionId), questionId: enc(questionId) }, json: body })),
    teacherEventsUrl: (sessionId: string) => client.live[':id'].events.$path(id(sessionId)),
    projectorEventsUrl: (sessionId: string) => client.live[':id'].projector.events.$path(id(sessionId)),
    studentEventsUrl: (sessionId: string) => client.live[':id'].me.events.$path(id(sessionId)),
  },
};

/** A teacher's command to a live session, as POST /api/live/:id/commands takes it. */
export type LiveCommand = Parameters<(typeof client.live)[':id']['commands']['$post']>[0]['json'];

/** A fresh key per submission; a retry of the same submission reuses it so the server stores it once. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; over plain http on a school network fall back
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
