// The live lesson's reads, writes and event streams (contract: /work/wt/live-contract.md). Every
// stream sends the full view on (re)connect, so a page only ever replaces what it shows; a stream
// that the browser gave up on is opened again with a growing pause.
import { ApiError } from './api.ts';
import type { Answer } from '../../../server/api-types.ts';
import type {
  LiveAnswerSaved,
  LiveCommand,
  LiveProjectorView,
  LiveResults,
  LiveSessionSummary,
  LiveStudentView,
  LiveTeacherView,
} from './live-types.ts';

export type * from './live-types.ts';

const enc = encodeURIComponent;

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json, application/problem+json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: String((cause as Error)?.message ?? cause) });
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const problem = typeof data === 'object' && data !== null && 'title' in data ? (data as ApiError['problem']) : null;
    throw new ApiError({ ...(problem ?? { type: 'about:blank', title: res.statusText || 'Error', detail: text.slice(0, 200) }), status: res.status });
  }
  return data as T;
}

export const liveApi = {
  start: (slug: string, classId?: string) => call<LiveSessionSummary>('POST', '/live', { slug, ...(classId ? { classId } : {}) }),
  sessions: () => call<{ sessions: LiveSessionSummary[] }>('GET', '/live').then((r) => r.sessions),
  session: (id: string) => call<LiveTeacherView>('GET', `/live/${enc(id)}`),
  command: (id: string, command: LiveCommand) => call<LiveTeacherView>('POST', `/live/${enc(id)}/commands`, command),
  projector: (id: string) => call<LiveProjectorView>('GET', `/live/${enc(id)}/projector`),
  results: (id: string) => call<LiveResults>('GET', `/live/${enc(id)}/results`),
  resultsCsvUrl: (id: string) => `/api/live/${enc(id)}/results.csv`,
  join: (code: string, displayName?: string) =>
    call<{ sessionId: string }>('POST', '/live/join', { code, ...(displayName ? { displayName } : {}) }),
  me: (id: string) => call<LiveStudentView>('GET', `/live/${enc(id)}/me`),
  answer: (id: string, questionId: string, body: { round: number; answer: Answer; cites: string[] }) =>
    call<LiveAnswerSaved>('PUT', `/live/${enc(id)}/answers/${enc(questionId)}`, body),
  teacherEventsUrl: (id: string) => `/api/live/${enc(id)}/events`,
  projectorEventsUrl: (id: string) => `/api/live/${enc(id)}/projector/events`,
  studentEventsUrl: (id: string) => `/api/live/${enc(id)}/me/events`,
};

export type Connection = 'connecting' | 'open' | 'lost';

export interface StreamOptions<T> {
  onView: (view: T) => void;
  onConnection?: (state: Connection) => void;
  /** The first pause before opening a stream again that the browser closed; doubles to 30 s. */
  retryMs?: number;
  /** For tests: the EventSource to use. */
  source?: (url: string) => EventSource;
}

/**
 * Follows a view's event stream: each message is the whole view. The browser reconnects by itself
 * after a dropped connection; when it gives up (a refused or failed answer) the stream is opened
 * again after a pause, and at once when the device comes back online. Returns the way to stop.
 */
export function followStream<T>(url: string, options: StreamOptions<T>): () => void {
  const open = options.source ?? ((u: string) => new EventSource(u, { withCredentials: true }));
  const first = options.retryMs ?? 1000;
  let pause = first;
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const say = (state: Connection) => options.onConnection?.(state);

  const connect = () => {
    clearTimeout(timer);
    if (stopped) return;
    source?.close();
    say('connecting');
    const s = open(url);
    source = s;
    s.onopen = () => {
      pause = first;
      say('open');
    };
    s.onmessage = (event: MessageEvent<string>) => {
      let view: T;
      try {
        view = JSON.parse(event.data) as T;
      } catch {
        return;
      }
      say('open');
      options.onView(view);
    };
    s.onerror = () => {
      if (s.readyState !== EventSource.CLOSED) return say('connecting');
      say('lost');
      timer = setTimeout(connect, pause);
      pause = Math.min(pause * 2, 30_000);
    };
  };
  const online = () => {
    if (source?.readyState === EventSource.CLOSED) connect();
  };
  connect();
  if (typeof window !== 'undefined') window.addEventListener('online', online);
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
    if (typeof window !== 'undefined') window.removeEventListener('online', online);
  };
}
