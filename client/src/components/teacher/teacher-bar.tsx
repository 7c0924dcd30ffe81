// The line at the top of the teacher's pages: the teacher's two places (classes, the studio where
// lessons are written), who is signed in, and the way out.
import type { JSX } from 'solid-js';
import { A, useNavigate } from '@solidjs/router';
import type { Me } from '../../lib/api.ts';
import { logout, useWrite } from '../../lib/queries.ts';
import { t } from '../../i18n/class.ts';

export function TeacherBar(props: { me: Me }): JSX.Element {
  const navigate = useNavigate();
  const [signOut, submission] = useWrite(logout);
  const leave = () => void signOut().finally(() => navigate('/teacher')).catch(() => {});
  return (
    <div class="tw-teacher-bar tw-no-print">
      <nav aria-label={t('class.teacherNav')} class="tw-teacher-nav">
        <A href="/teacher/classes">{t('class.classesTitle')}</A>
        <A href="/teacher/studio">{t('class.studioLink')}</A>
      </nav>
      <span>{t('class.signedInAs')(props.me.name ?? props.me.email ?? '')}</span>
      <button type="button" class="tw-button tw-link-button" disabled={!!submission.pending} onClick={leave}>
        {t('class.logout')}
      </button>
    </div>
  );
}
