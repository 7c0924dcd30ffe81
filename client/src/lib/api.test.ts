import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from './api.ts';

function respond(status: number, body: unknown, contentType = 'application/json') {
  return vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': contentType } }));
}

afterEach(() => vi.unstubAllGlobals());

describe('api wrapper', () => {
  it('sends JSON with same-origin credentials and returns the parsed body', async () => {
    const fetchMock = respond(201, { id: 'a1', lessonSlug: 'x', mode: 'practice' });
    vi.stubGlobal('fetch', fetchMock);
    const attempt = await api.startAttempt('x', 'practice');
    expect(attempt.id).toBe('a1');
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/attempts');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(new Headers(init.headers).get('Content-Type')).toBe('application/json');
    expect(JSON.parse(init.body as string)).toEqual({ lessonSlug: 'x', mode: 'practice' });
  });

  it('sends the Idempotency-Key header with a saved answer', async () => {
    const fetchMock = respond(200, { saved: true, questionId: 'q1', try: 1 });
    vi.stubGlobal('fetch', fetchMock);
    await api.saveResponse('a1', 'q1', { optionId: 'o1' }, 'key-123');
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/attempts/a1/responses/q1');
    expect(init.method).toBe('PUT');
    expect(new Headers(init.headers).get('Idempotency-Key')).toBe('key-123');
  });

  it('turns a problem+json answer into an ApiError carrying the problem', async () => {
    const problem = { type: 'about:blank', title: 'Invalid answer', status: 422, detail: 'optionId is unknown', errors: [{ path: 'optionId', message: 'unknown' }] };
    vi.stubGlobal('fetch', respond(422, problem, 'application/problem+json'));
    const error = await api.lesson('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).problem.errors).toEqual(problem.errors);
    expect((error as ApiError).message).toBe('optionId is unknown');
    expect((error as ApiError).retryable).toBe(false);
  });

  it('makes a non-JSON error answer an ApiError with its status, and 5xx retryable', async () => {
    vi.stubGlobal('fetch', respond(502, 'Bad Gateway', 'text/html'));
    const error = (await api.lesson('x').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.retryable).toBe(true);
  });

  it('reports a network failure as a retryable ApiError with status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    const error = (await api.lessons().catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
    expect(error.retryable).toBe(true);
  });

  it('encodes path parameters, and builds the download and live links the pages put in href', async () => {
    const fetchMock = respond(200, { id: 'a/b' });
    vi.stubGlobal('fetch', fetchMock);
    await api.attempt('a/b?c');
    expect((fetchMock.mock.calls[0] as unknown as [string])[0]).toBe('/api/attempts/a%2Fb%3Fc');
    expect(api.csvUrl('x1', 'comma')).toBe('/api/assignments/x1/report.csv?separator=comma');
    expect(api.csvUrl('x1', 'semicolon')).toBe('/api/assignments/x1/report.csv');
    expect(api.liveUrl('x1')).toBe('/api/assignments/x1/live');
    expect(api.studentExportUrl('k1', 's 1')).toBe('/api/classes/k1/students/s%201/export');
  });
});
