// "Continue on another device", offered inside the lesson: a self-study learner makes a personal
// code here; a student in a class already has one from joining, and is told where to enter it.
import { A, createAsync } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { t } from '../../i18n/study.ts';
import { getMeOrNull } from '../../lib/queries.ts';
import { ResumeCode } from '../resume-code.tsx';

export function OtherDevice(): JSX.Element {
  const me = createAsync(() => getMeOrNull());
  return (
    <details class="other-device">
      <summary>{t('study.otherDevice')}</summary>
      <Show when={me.latest?.role === 'student'} fallback={<ResumeCode />}>
        <p>{t('study.otherDeviceStudent')}</p>
        <p>
          <A href="/resume">{t('study.otherDeviceLink')}</A>
        </p>
      </Show>
    </details>
  );
}
