// What every simulated learner does first: pick a lesson, start an attempt (an anonymous learner
// and its session cookie are created with it), and answer questions. Shared by scenarios 3 to 6.
import type { AttemptView, LessonSummary, SaveResponseResult } from '../../server/api-types.ts';
import { answerFor } from './answers.ts';
import { cookieFrom, type HttpClient, type HttpResponse } from './http.ts';

export class UnexpectedStatus extends Error {
  constructor(
    readonly what: string,
    readonly response: HttpResponse,
  ) {
    super(`${what}: ${response.status} ${response.text.slice(0, 200)}`);
  }
}

export function expectStatus(what: string, response: HttpResponse, ...statuses: number[]): HttpResponse {
  if (!statuses.includes(response.status)) throw new UnexpectedStatus(what, response);
  return response;
}

/** The catalog's lesson with the most questions (the heaviest to take and to report on). */
export async function pickLesson(http: HttpClient): Promise<LessonSummary> {
  const res = expectStatus('GET /api/lessons', await http.send('GET', '/api/lessons'), 200);
  const { lessons } = JSON.parse(res.text) as { lessons: LessonSummary[] };
  if (!lessons.length) throw new Error('the catalog is empty: no lesson to bench');
  return lessons.reduce((a, b) => (b.questionCount > a.questionCount ? b : a));
}

export interface StartedAttempt {
  cookie: string;
  attempt: AttemptView;
  response: HttpResponse;
}

export async function startAttempt(
  http: HttpClient,
  body: { lessonSlug: string; mode?: 'practice' | 'test'; assignmentId?: string },
  cookie = '',
): Promise<StartedAttempt> {
  const res = expectStatus('POST /api/attempts', await http.send('POST', '/api/attempts', { body, cookie }), 201);
  return { cookie: cookieFrom(res, cookie), attempt: JSON.parse(res.text) as AttemptView, response: res };
}

/**
 * Start an attempt as a device at a class start does, checking the answer without parsing it
 * (the device would, on its own processor): 201, a session cookie, and an attempt (its id first).
 */
export async function startOnly(http: HttpClient, body: { lessonSlug: string; mode?: 'practice' | 'test' }): Promise<HttpResponse> {
  const res = expectStatus('POST /api/attempts', await http.send('POST', '/api/attempts', { body, prefixOnly: true }), 201);
  if (!res.text.startsWith('{"id":"') || !cookieFrom(res, '')) throw new UnexpectedStatus('POST /api/attempts: no attempt or no session', res);
  return res;
}

export async function saveAnswer(http: HttpClient, cookie: string, attempt: AttemptView, index: number, pick?: number): Promise<HttpResponse> {
  const question = attempt.questions[index]!;
  const res = await http.send('PUT', `/api/attempts/${attempt.id}/responses/${question.id}`, { body: { answer: answerFor(question, pick) }, cookie });
  expectStatus(`PUT response ${index + 1}`, res, 200);
  const saved = JSON.parse(res.text) as SaveResponseResult;
  if (saved.saved !== true) throw new UnexpectedStatus(`PUT response ${index + 1} not saved`, res);
  return res;
}

export async function finishAttempt(http: HttpClient, cookie: string, attempt: AttemptView): Promise<HttpResponse> {
  return expectStatus('POST finish', await http.send('POST', `/api/attempts/${attempt.id}/finish`, { cookie }), 200);
}
