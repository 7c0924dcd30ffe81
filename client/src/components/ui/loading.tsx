// The one loading line of every page: calm, muted, announced politely.
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';

export function Loading(): JSX.Element {
  return (
    <p class="loading" role="status">
      {t('loading')}
    </p>
  );
}
