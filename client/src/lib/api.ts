// The client's only way to the server: a typed fetch wrapper over the public API (v1).
// Same-origin cookies, JSON bodies; any non-2xx answer becomes an ApiError carrying the problem+json.
import type {
  Answer,
  AttemptSummary,
  AttemptView,
  FinishResult,
  LessonDetail,
  LessonSummary,
  Mode,
  Problem,
  SaveResponseResult,
} from '../../../server/api-types.ts';

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

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Calls the API at `path` (starting with /api) and returns the parsed JSON body. */
export async function request<T>(path: string, { method = 'GET', body, headers = {}, signal }: RequestOptions = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json, application/problem+json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    // status 0: the request never got an answer (offline, server down)
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: String((cause as Error)?.message ?? cause) });
  }
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
    const problem = isProblem(data)
      ? data
      : { type: 'about:blank', title: res.statusText || 'Error', status: res.status, detail: typeof text === 'string' ? text.slice(0, 200) : '' };
    throw new ApiError({ ...problem, status: res.status });
  }
  return data as T;
}

function isProblem(data: unknown): data is Problem {
  return typeof data === 'object' && data !== null && 'title' in data && 'status' in data;
}

export const api = {
  lessons: () => request<{ lessons: LessonSummary[] }>('/api/lessons').then((r) => r.lessons),
  lesson: (slug: string) => request<LessonDetail>(`/api/lessons/${encodeURIComponent(slug)}`),
  startAttempt: (lessonSlug: string, mode: Mode, assignmentId?: string) =>
    request<AttemptView>('/api/attempts', { method: 'POST', body: { lessonSlug, mode, ...(assignmentId ? { assignmentId } : {}) } }),
  attempt: (id: string) => request<AttemptView>(`/api/attempts/${encodeURIComponent(id)}`),
  saveResponse: (attemptId: string, questionId: string, answer: Answer, idempotencyKey: string) =>
    request<SaveResponseResult>(
      `/api/attempts/${encodeURIComponent(attemptId)}/responses/${encodeURIComponent(questionId)}`,
      { method: 'PUT', body: { answer }, headers: { 'Idempotency-Key': idempotencyKey } },
    ),
  myAttempts: () => request<{ attempts: AttemptSummary[] }>('/api/attempts').then((r) => r.attempts),
  resumeCode: () => request<{ resumeCode: string }>('/api/resume-code', { method: 'POST', body: {} }),
  finish: (attemptId: string) => request<FinishResult>(`/api/attempts/${encodeURIComponent(attemptId)}/finish`, { method: 'POST', body: {} }),
};

/** A fresh key per submission; a retry of the same submission reuses it so the server stores it once. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; over plain http on a school network fall back
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
