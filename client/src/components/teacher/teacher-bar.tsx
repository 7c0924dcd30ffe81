// The line at the top of the teacher's pages: who is signed in, and the way out.
import { createSignal, type JSX } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { api as teacherApi, type Me } from '../../lib/api.ts';
import { t } from '../../i18n/class.ts';

export function TeacherBar(props: { me: Me }): JSX.Element {
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  async function logout() {
    setBusy(true);
    try {
      await teacherApi.logout();
    } finally {
      setBusy(false);
      navigate('/teacher');
    }
  }
  return (
    <div class="tw-teacher-bar tw-no-print">
      <span>{t('class.signedInAs')(props.me.name ?? props.me.email ?? '')}</span>
      <button type="button" class="tw-button tw-link-button" disabled={busy()} onClick={logout}>
        {t('class.logout')}
      </button>
    </div>
  );
}
