// Whether students can join the class now: its join window (open 15 minutes from creation or from
// "open", closed by the teacher; outside it the server refuses a right code like a wrong one), with
// the time left, and the buttons to open it for 15 minutes or close it now.
import { createSignal, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { closeJoinWindow, openJoinWindow, useWrite } from '../../lib/queries.ts';
import { formatTime, t } from '../../i18n/class.ts';
import '../../i18n/teach.ts';
import { problemText } from '../ui/error-message.tsx';
import { ErrorText } from '../ui/error-text.tsx';

/** Whole minutes left until `until` (rounded up), 0 when past or none. */
export function minutesLeft(until: string | null, now: number): number {
  if (!until) return 0;
  return Math.max(0, Math.ceil((new Date(until).getTime() - now) / 60_000));
}

export function JoinWindow(props: { classId: string; joinOpenUntil: string | null; compact?: boolean }): JSX.Element {
  const [now, setNow] = createSignal(Date.now());
  onMount(() => {
    const timer = setInterval(() => setNow(Date.now()), 10_000);
    onCleanup(() => clearInterval(timer));
  });
  const [open, opening] = useWrite(openJoinWindow);
  const [close, closing] = useWrite(closeJoinWindow);
  const left = () => minutesLeft(props.joinOpenUntil, now());
  const busy = () => !!opening.pending || !!closing.pending;
  const error = () => (opening.error ? problemText(opening.error) : closing.error ? problemText(closing.error) : null);
  return (
    <div class="tw-join-window" classList={{ 'tw-compact': props.compact }}>
      <p class="tw-join-window-state" role="status">
        <Show when={left() > 0} fallback={<strong>{t('teach.joinClosed')}</strong>}>
          <strong>{t('teach.joinOpenUntil')(formatTime(props.joinOpenUntil))}</strong> {t('teach.minutesLeft')(left())}
        </Show>
      </p>
      <span class="tw-actions">
        <button type="button" class={`tw-button${props.compact ? ' tw-small' : ''}`} disabled={busy()} onClick={() => void open(props.classId).catch(() => {})}>
          {left() > 0 ? t('teach.joinExtend') : t('teach.joinOpen')}
        </button>
        <Show when={left() > 0}>
          <button type="button" class={`tw-button${props.compact ? ' tw-small' : ''}`} disabled={busy()} onClick={() => void close(props.classId).catch(() => {})}>
            {t('teach.joinClose')}
          </button>
        </Show>
      </span>
      <ErrorText error={error()} />
    </div>
  );
}
