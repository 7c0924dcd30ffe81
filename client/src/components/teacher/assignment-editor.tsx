// Editing an assignment on the class page: its name (so students tell two of one lesson apart),
// dates and feedback release; closing and reopening it; deleting it, with what that does to the
// students' work said before the teacher confirms.
import { createSignal, Show, type JSX } from 'solid-js';
import type { AssignmentView, FeedbackRelease } from '../../lib/api.ts';
import { deleteAssignment, updateAssignment, useWrite } from '../../lib/queries.ts';
import { formatDateTime, pick } from '../../i18n/class.ts';
import { t } from '../../i18n/teach.ts';
import { problemText } from '../ui/error-message.tsx';
import { ErrorText } from '../ui/error-text.tsx';
import { createConfirmStep } from '../ui/confirm-step.ts';
import { localToIso } from './assign-form.tsx';

/** An ISO instant as a datetime-local value in the browser's time zone ("2025-06-03T14:05"); '' for none. */
export function isoToLocal(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The name an assignment goes by: the teacher's, else the lesson's title. */
export function assignmentName(a: Pick<AssignmentView, 'title' | 'lessonTitle'>): string {
  return a.title ?? pick(a.lessonTitle);
}

export function AssignmentEditor(props: { a: AssignmentView; onDone: (message: string) => void; onCancel: () => void }): JSX.Element {
  const a = () => props.a;
  const [update, updating] = useWrite(updateAssignment);
  const [remove, removing] = useWrite(deleteAssignment);
  const [title, setTitle] = createSignal(a().title ?? '');
  const [opensAt, setOpensAt] = createSignal(isoToLocal(a().opensAt));
  const [dueAt, setDueAt] = createSignal(isoToLocal(a().dueAt));
  const [release, setRelease] = createSignal<FeedbackRelease>(a().feedbackRelease);
  const confirm = createConfirmStep();
  const [invalid, setInvalid] = createSignal<string | null>(null);
  const idp = () => `tw-edit-${a().id}`;
  const error = () => invalid() ?? (updating.error ? problemText(updating.error) : removing.error ? problemText(removing.error) : null);
  const busy = () => !!updating.pending || !!removing.pending;

  async function save(event: SubmitEvent) {
    event.preventDefault();
    setInvalid(null);
    const opens = localToIso(opensAt()) ?? null;
    const due = localToIso(dueAt()) ?? null;
    if (opens && due && due <= opens) return setInvalid(t('teach.dueBeforeOpen'));
    const patch = {
      title: title().trim() || null,
      // Dates are sent only when changed: an unchanged due date that has passed stays as it is.
      ...(opens !== (a().opensAt ? new Date(a().opensAt!).toISOString() : null) ? { opensAt: opens } : {}),
      ...(due !== (a().dueAt ? new Date(a().dueAt!).toISOString() : null) ? { dueAt: due } : {}),
      ...(a().mode === 'test' ? { feedbackRelease: release() } : {}),
    };
    if (await update(a().id, patch).then(() => true, () => false)) props.onDone(t('teach.assignmentSaved'));
  }

  async function setClosed(closed: boolean) {
    setInvalid(null);
    if (await update(a().id, { closed }).then(() => true, () => false)) props.onDone(closed ? t('teach.closedNow') : t('teach.reopenedNow'));
  }

  return (
    <div class="tw-editor" role="group" aria-labelledby={`${idp()}-h`}>
      <h4 id={`${idp()}-h`}>{t('teach.editTitle')(assignmentName(a()))}</h4>
      <form onSubmit={save} novalidate>
        <div class="tw-field">
          <label for={`${idp()}-name`}>{t('teach.assignmentName')}</label>
          <input id={`${idp()}-name`} maxlength="80" value={title()} onInput={(e) => setTitle(e.currentTarget.value)} aria-describedby={`${idp()}-name-hint`} />
          <p id={`${idp()}-name-hint`} class="tw-hint">
            {t('teach.assignmentNameHint')}
          </p>
        </div>
        <div class="tw-field-row">
          <div class="tw-field">
            <label for={`${idp()}-opens`}>{t('teach.opensAt')}</label>
            <input id={`${idp()}-opens`} type="datetime-local" value={opensAt()} onInput={(e) => setOpensAt(e.currentTarget.value)} />
          </div>
          <div class="tw-field">
            <label for={`${idp()}-due`}>{t('teach.dueAt')}</label>
            <input id={`${idp()}-due`} type="datetime-local" value={dueAt()} onInput={(e) => setDueAt(e.currentTarget.value)} />
          </div>
        </div>
        <Show when={a().mode === 'test'}>
          <fieldset class="tw-field">
            <legend>{t('teach.feedbackRelease')}</legend>
            <label class="tw-check">
              <input type="radio" name={`${idp()}-release`} checked={release() === 'on-finish'} onChange={() => setRelease('on-finish')} /> {t('teach.feedbackOnFinish')}
            </label>
            <label class="tw-check">
              <input type="radio" name={`${idp()}-release`} checked={release() === 'manual'} onChange={() => setRelease('manual')} /> {t('teach.feedbackManual')}
            </label>
          </fieldset>
        </Show>
        <div class="tw-actions">
          <button type="submit" class="tw-button tw-primary" disabled={busy()}>
            {t('teach.save')}
          </button>
          <button type="button" class="tw-button" onClick={() => props.onCancel()}>
            {t('teach.cancel')}
          </button>
        </div>
      </form>

      <div class="tw-editor-part">
        <Show
          when={a().closedAt}
          fallback={
            <>
              <p class="tw-hint">{t('teach.closeExplained')}</p>
              <button type="button" class="tw-button" disabled={busy()} onClick={() => void setClosed(true)}>
                {t('teach.close')}
              </button>
            </>
          }
        >
          <p class="tw-hint">{t('teach.closedOn')(formatDateTime(a().closedAt))}</p>
          <button type="button" class="tw-button" disabled={busy()} onClick={() => void setClosed(false)}>
            {t('teach.reopen')}
          </button>
        </Show>
      </div>

      <div class="tw-editor-part">
        <Show
          when={confirm.confirming()}
          fallback={
            <button ref={confirm.askRef} type="button" class="tw-button tw-danger" onClick={confirm.ask}>
              {t('teach.delete')}
            </button>
          }
        >
          <div class="tw-confirm" role="group" aria-labelledby={`${idp()}-del`}>
            <p id={`${idp()}-del`}>{t('teach.deleteExplained')}</p>
            <button
              ref={confirm.yesRef}
              type="button"
              class="tw-button tw-danger"
              disabled={busy()}
              onClick={() => void remove(a().id).then(() => props.onDone(t('teach.deletedNow')(assignmentName(a()))), () => {})}
            >
              {t('teach.deleteYes')}
            </button>
            <button type="button" class="tw-button" onClick={confirm.cancel}>
              {t('teach.cancel')}
            </button>
          </div>
        </Show>
      </div>
      <ErrorText error={error()} />
    </div>
  );
}
