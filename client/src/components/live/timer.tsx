// The optional timer, only when the teacher starts one. The digits tick for the eye; a screen
// reader hears it politely when it starts, at one minute, at ten seconds and at the end, never
// every second.
import { createEffect, createSignal, onCleanup, Show, type JSX } from 'solid-js';
import { t } from '../../i18n/live.ts';

export function secondsLeft(endsAt: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(endsAt) - now) / 1000));
}

export function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** What to say when the seconds left pass a mark (null: nothing). */
export function timerMark(before: number | null, now: number): string | null {
  if (before === null) return now > 0 ? t('live.timerStarted')(clock(now)) : null;
  if (before > 0 && now === 0) return t('live.timerDone');
  if (before > 10 && now <= 10 && now > 0) return t('live.timerSeconds')(now);
  if (before > 60 && now <= 60 && now > 10) return t('live.timerMinute');
  return null;
}

export function LiveTimer(props: { endsAt: string | null }): JSX.Element {
  const [now, setNow] = createSignal(Date.now());
  const [said, setSaid] = createSignal('');
  createEffect(() => {
    if (!props.endsAt) return;
    const tick = setInterval(() => setNow(Date.now()), 250);
    onCleanup(() => clearInterval(tick));
  });
  let last: number | null = null;
  let lastEnd: string | null = null;
  createEffect(() => {
    const end = props.endsAt;
    if (end !== lastEnd) {
      last = null;
      lastEnd = end;
    }
    if (!end) return;
    const left = secondsLeft(end, now());
    const mark = timerMark(last, left);
    if (mark) setSaid(mark);
    last = left;
  });
  return (
    <div class="lv-timer-wrap">
      <Show when={props.endsAt}>
        {(end) => (
          <p class="lv-timer" classList={{ 'lv-timer-done': secondsLeft(end(), now()) === 0 }}>
            <span class="tw-sr-only">{t('live.timerLabel')}: </span>
            <span aria-hidden="true">⏱ </span>
            <span>{clock(secondsLeft(end(), now()))}</span>
          </p>
        )}
      </Show>
      <p class="tw-sr-only" role="status" aria-live="polite">
        {said()}
      </p>
    </div>
  );
}
