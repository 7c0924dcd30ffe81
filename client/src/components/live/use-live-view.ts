// One live view kept current: read once, then followed over its event stream (the full view on
// every (re)connect). Also the teacher's commands, whose answer is the new view, so the screen does
// not wait for the stream.
import { createSignal, onCleanup, onMount } from 'solid-js';
import { followStream, liveApi, type Connection, type LiveCommand, type LiveTeacherView } from '../../lib/live.ts';
import { problemText } from '../ui/error-message.tsx';

export function useLiveView<T>(read: () => Promise<T>, eventsUrl: string, onChange?: (before: T | null, after: T) => void) {
  const [view, setView] = createSignal<T | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [connection, setConnection] = createSignal<Connection>('connecting');
  const accept = (next: T) => {
    onChange?.(view(), next);
    setFailure(null);
    setView(() => next);
  };
  const refresh = () => read().then(accept, (e) => (view() ? undefined : setFailure(e)));
  onMount(() => {
    void refresh();
    onCleanup(followStream<T>(eventsUrl, { onView: accept, onConnection: setConnection }));
  });
  return { view, failure, connection, refresh, accept };
}

/** The teacher's commands on one session: one at a time, its error said where it happened. */
export function useCommands(sessionId: string, onView: (view: LiveTeacherView) => void) {
  const [pending, setPending] = createSignal<LiveCommand['type'] | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  async function run(command: LiveCommand): Promise<boolean> {
    setPending(command.type);
    setError(null);
    try {
      onView(await liveApi.command(sessionId, command));
      return true;
    } catch (e) {
      setError(problemText(e));
      return false;
    } finally {
      setPending(null);
    }
  }
  return { run, pending, error };
}
