// Releasing a test's feedback and scores to the students, after an inline confirmation; or when
// and how that happened.
import { Match, Show, Switch, type JSX } from 'solid-js';
import type { AssignmentReport } from '../../lib/api.ts';
import { formatDateTime, t } from '../../i18n/class.ts';
import { releaseFeedback, useWrite } from '../../lib/queries.ts';
import { problemText } from '../ui/error-message.tsx';
import { createConfirmStep } from '../ui/confirm-step.ts';

export function ReleasePanel(props: { report: AssignmentReport }): JSX.Element {
  const a = () => props.report.assignment;
  const graded = () => props.report.toGrade.filter((g) => g.points !== null).length;
  const stillWorking = () => props.report.students.filter((s) => s.state === 'in-progress').length;
  const [releaseNow, submission] = useWrite(releaseFeedback);
  const releasing = () => !!submission.pending;
  const releaseError = () => (submission.error ? problemText(submission.error) : null);
  const confirm = createConfirmStep();

  /** The action reads the report again, which then names the release. */
  async function release() {
    if (await releaseNow(a().id).then(() => true, () => false)) confirm.close();
  }

  return (
    <section class="tw-section tw-release" aria-labelledby="tw-release">
      <h2 id="tw-release">{t('class.releaseScoresTitle')}</h2>
      <Switch>
        <Match when={a().feedbackReleasedAt}>
          <p class="tw-ok" role="status">
            {t('class.released')(formatDateTime(a().feedbackReleasedAt))}
          </p>
        </Match>
        <Match when={a().feedbackRelease === 'on-finish'}>
          <p>{t('class.releasedOnFinish')}</p>
        </Match>
        <Match when={true}>
          <p>{t('class.releaseHint')}</p>
          <p class="tw-release-progress">{t('class.releaseProgress')(graded(), props.report.toGrade.length, stillWorking())}</p>
          <Show
            when={confirm.confirming()}
            fallback={
              <button ref={confirm.askRef} type="button" class="tw-button tw-primary tw-no-print" onClick={confirm.ask}>
                {t('class.releaseScoresButton')}
              </button>
            }
          >
            <div
              class="tw-confirm tw-panel tw-no-print"
              role="group"
              aria-labelledby="tw-release-confirm-q"
              onKeyDown={(e) => {
                if (e.key === 'Escape') confirm.cancel();
              }}
            >
              <p id="tw-release-confirm-q">{t('class.releaseConfirm')}</p>
              <button ref={confirm.yesRef} type="button" class="tw-button tw-primary" disabled={releasing()} onClick={release}>
                {releasing() ? t('class.busy') : t('class.releaseConfirmYes')}
              </button>
              <button type="button" class="tw-button" onClick={confirm.cancel}>
                {t('class.cancel')}
              </button>
            </div>
          </Show>
          <Show when={releaseError()}>
            <p class="tw-error" role="alert">
              {releaseError()}
            </p>
          </Show>
        </Match>
      </Switch>
    </section>
  );
}
