// Copies a code to the clipboard and says so in a live region; where the browser refuses, it asks
// the learner to write the code down. Used wherever a code is shown once (resume codes).
import { createSignal } from 'solid-js';
import { t } from '../../i18n/index.ts';

export function CopyButton(props: { text: string; class?: string }) {
  const [copied, setCopied] = createSignal<'ok' | 'failed' | null>(null);
  const copy = async () => {
    setCopied(null);
    try {
      await navigator.clipboard.writeText(props.text);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <>
      <button type="button" class={props.class ?? 'secondary small'} onClick={() => void copy()}>
        {t('copy')}
      </button>{' '}
      <span role="status" aria-live="polite" class="copy-status">
        {copied() === 'ok' ? t('copied') : copied() === 'failed' ? t('copyFailed') : ''}
      </span>
    </>
  );
}
