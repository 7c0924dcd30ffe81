// The live lesson's calls and event streams (contract: /work/wt/live-contract.md). Every
// stream sends the full view on (re)connect, so a page only ever replaces what it shows; a stream
// that the browser gave up on is opened again with a growing pause.
import { api } from './api.ts';

export type * from './live-types.ts';

/** The live lesson's calls (lib/api.ts, typed by hc<AppType> from the server's routes). */
export const liveApi = api.live;

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
