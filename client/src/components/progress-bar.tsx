// Answered / total as a progress bar with the numbers in words, for eyes and screen readers alike.
import { t } from '../i18n/index.ts';

export function ProgressBar(props: { answered: number; total: number }) {
  const percent = () => (props.total ? Math.round((props.answered / props.total) * 100) : 0);
  return (
    <div class="progress">
      <div
        class="progress-track"
        role="progressbar"
        aria-label={t('progressLabel')}
        aria-valuemin={0}
        aria-valuemax={props.total}
        aria-valuenow={props.answered}
        aria-valuetext={t('progress')(props.answered, props.total)}
      >
        <div class="progress-fill" style={{ width: `${percent()}%` }} />
      </div>
      <p class="progress-text">{t('progress')(props.answered, props.total)}</p>
    </div>
  );
}
