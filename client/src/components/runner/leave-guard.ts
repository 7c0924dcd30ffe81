// Never lose typing: while an answer is unsaved, closing the tab warns, and leaving the attempt
// asks first. Moving between questions only changes ?q=, so the pending save carries on.
import { useBeforeLeave } from '@solidjs/router';
import { onCleanup, onMount } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { AttemptSession } from './attempt-session.ts';

export function guardUnsaved(session: AttemptSession): void {
  const warnUnload = (e: BeforeUnloadEvent) => {
    if (!session.unsaved()) return;
    e.preventDefault();
    e.returnValue = '';
  };
  onMount(() => window.addEventListener('beforeunload', warnUnload));
  onCleanup(() => window.removeEventListener('beforeunload', warnUnload));
  useBeforeLeave((e) => {
    if (typeof e.to === 'string' && new URL(e.to, window.location.href).pathname === e.from.pathname) return;
    if (session.unsaved() && !session.finishing() && !e.defaultPrevented) {
      e.preventDefault();
      if (window.confirm(t('unsavedWarning'))) e.retry(true);
    }
  });
}
