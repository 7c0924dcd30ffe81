// Shown for any path no route knows.
import { A } from '@solidjs/router';
import { t } from '../i18n/index.ts';
import { PageTitle } from '../components/ui/page-title.tsx';

export default function NotFound() {
  return (
    <div class="page narrow">
      <PageTitle>{t('notFound')}</PageTitle>
      <p>
        <A href="/">{t('backToLessons')}</A>
      </p>
    </div>
  );
}
