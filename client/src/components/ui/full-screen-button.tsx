// A button that shows one element full screen (a projector view), where the browser allows it.
import { Show, type JSX } from 'solid-js';
import { t } from '../../i18n/class.ts';

export function FullScreenButton(props: { target: () => HTMLElement | undefined; small?: boolean }): JSX.Element {
  const supported = typeof document !== 'undefined' && typeof document.documentElement.requestFullscreen === 'function';
  return (
    <Show when={supported}>
      <button
        type="button"
        class={props.small ? 'tw-button tw-small' : 'tw-button'}
        onClick={() => {
          const el = props.target();
          if (document.fullscreenElement) void document.exitFullscreen();
          else if (el) void el.requestFullscreen().catch(() => undefined);
        }}
      >
        {t('class.fullScreen')}
      </button>
    </Show>
  );
}
