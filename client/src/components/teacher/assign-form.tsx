// The form that assigns a lesson to a class: lesson, mode, optional opening and due dates, and in
// test mode when the feedback is released.
import { createSignal, For, Show, type JSX } from 'solid-js';
import { A, createAsync } from '@solidjs/router';
import type { Mode } from '../../../../server/api-types.ts';
import type { AssignmentView, FeedbackRelease } from '../../lib/api.ts';
import { assignLesson, getLessons, useWrite } from '../../lib/queries.ts';
import { getAuthoredAssignable } from '../../lib/assignable.ts';
import { pick, t } from '../../i18n/class.ts';
import '../../i18n/teach.ts';
import { problemText } from '../ui/error-message.tsx';
import { ErrorText } from '../ui/error-text.tsx';

/** A datetime-local value ("2025-06-03T14:05", local time) as an ISO instant; undefined when empty. */
export function localToIso(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export function AssignForm(props: { classId: string; existing: AssignmentView[]; onAssigned: (assignment: AssignmentView) => void }): JSX.Element {
  const lessons = createAsync(() => getLessons());
  // Lessons written in the studio: the teacher's published ones and colleagues' shared ones. The
  // catalog stays usable when this list cannot be read.
  const authored = createAsync(() => getAuthoredAssignable().catch(() => ({ mine: [], colleagues: [] })));
  const [assign, submission] = useWrite(assignLesson);
  const [lesson, setLesson] = createSignal('');
  const [title, setTitle] = createSignal('');
  const [mode, setMode] = createSignal<Mode>('practice');
  const [opensAt, setOpensAt] = createSignal('');
  const [dueAt, setDueAt] = createSignal('');
  const [release, setRelease] = createSignal<FeedbackRelease>('on-finish');
  const [invalid, setInvalid] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal('');
  const error = () => invalid() ?? (submission.error ? problemText(submission.error) : null);
  const busy = () => !!submission.pending;
  let lessonSelect!: HTMLSelectElement;
  /** How often the chosen lesson is already assigned to this class: a warning, not a block. */
  const alreadyAssigned = () => (lesson() ? props.existing.filter((a) => a.lessonSlug === lesson()).length : 0);

  function reset() {
    setLesson('');
    setTitle('');
    setMode('practice');
    setOpensAt('');
    setDueAt('');
    setRelease('on-finish');
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setStatus('');
    const slug = lesson();
    setInvalid(null);
    if (!slug) {
      setInvalid(t('class.required')(t('class.lesson')));
      lessonSelect.focus();
      return;
    }
    const opens = localToIso(opensAt());
    const due = localToIso(dueAt());
    if (opens && due && due <= opens) {
      setInvalid(t('class.dueBeforeOpen'));
      return;
    }
    const created = await assign(props.classId, {
      lessonSlug: slug,
      ...(title().trim() ? { title: title().trim() } : {}),
      mode: mode(),
      ...(opens ? { opensAt: opens } : {}),
      ...(due ? { dueAt: due } : {}),
      ...(mode() === 'test' ? { feedbackRelease: release() } : {}),
    }).catch(() => null); // the submission holds the error
    if (!created) return;
    setStatus(t('class.assigned'));
    reset();
    props.onAssigned(created);
  }

  return (
    <form class="tw-panel tw-assign" onSubmit={submit} novalidate aria-labelledby="tw-assign-h">
      <h3 id="tw-assign-h">{t('class.assignLesson')}</h3>
      <div class="tw-field">
        <label for="tw-lesson">{t('class.lesson')}</label>
        <select
          id="tw-lesson"
          ref={lessonSelect}
          value={lesson()}
          onChange={(e) => {
            setLesson(e.currentTarget.value);
            setStatus('');
          }}
          aria-describedby={alreadyAssigned() ? 'tw-lesson-warning' : undefined}
        >
          <option value="">{t('class.chooseLesson')}</option>
          <Show when={authored()?.mine.length || authored()?.colleagues.length} fallback={<For each={lessons() ?? []}>{(l) => <option value={l.slug} selected={l.slug === lesson()}>{pick(l.title)}</option>}</For>}>
            <optgroup label={t('class.lessonsBuiltIn')}>
              <For each={lessons() ?? []}>{(l) => <option value={l.slug} selected={l.slug === lesson()}>{pick(l.title)}</option>}</For>
            </optgroup>
            <Show when={authored()?.mine.length}>
              <optgroup label={t('class.lessonsMine')}>
                <For each={authored()!.mine}>{(l) => <option value={l.slug} selected={l.slug === lesson()}>{l.title}</option>}</For>
              </optgroup>
            </Show>
            <Show when={authored()?.colleagues.length}>
              <optgroup label={t('class.lessonsColleagues')}>
                <For each={authored()!.colleagues}>
                  {(l) => (
                    <option value={l.slug} selected={l.slug === lesson()}>
                      {l.title} ({l.authorName})
                    </option>
                  )}
                </For>
              </optgroup>
            </Show>
          </Show>
        </select>
        <Show when={alreadyAssigned()}>
          <p id="tw-lesson-warning" class="tw-warning">
            {t('class.alreadyAssigned')(alreadyAssigned())} {t('teach.nameItHint')}
          </p>
        </Show>
        <Show when={lesson()}>
          <p>
            <A href={`/teacher/lessons/${lesson()}/preview`}>{t('teach.previewBefore')}</A>
          </p>
        </Show>
      </div>
      <div class="tw-field">
        <label for="tw-assign-name">{t('teach.assignmentNameOptional')}</label>
        <input id="tw-assign-name" maxlength="80" value={title()} onInput={(e) => setTitle(e.currentTarget.value)} aria-describedby="tw-assign-name-hint" />
        <p id="tw-assign-name-hint" class="tw-hint">
          {t('teach.assignmentNameHint')}
        </p>
      </div>
      <fieldset class="tw-field">
        <legend>{t('class.mode')}</legend>
        <label class="tw-check">
          <input type="radio" name="tw-mode" value="practice" checked={mode() === 'practice'} onChange={() => setMode('practice')} />{' '}
          {t('class.modePracticeHint')}
        </label>
        <label class="tw-check">
          <input type="radio" name="tw-mode" value="test" checked={mode() === 'test'} onChange={() => setMode('test')} /> {t('class.modeTestHint')}
        </label>
      </fieldset>
      <Show when={mode() === 'test'}>
        <fieldset class="tw-field">
          <legend>{t('class.feedbackRelease')}</legend>
          <label class="tw-check">
            <input type="radio" name="tw-release" value="on-finish" checked={release() === 'on-finish'} onChange={() => setRelease('on-finish')} />{' '}
            {t('class.feedbackOnFinish')}
          </label>
          <label class="tw-check">
            <input type="radio" name="tw-release" value="manual" checked={release() === 'manual'} onChange={() => setRelease('manual')} />{' '}
            {t('class.feedbackManual')}
          </label>
        </fieldset>
      </Show>
      <div class="tw-field-row">
        <div class="tw-field">
          <label for="tw-opens">{t('class.opensAt')}</label>
          <input id="tw-opens" type="datetime-local" value={opensAt()} onInput={(e) => setOpensAt(e.currentTarget.value)} />
        </div>
        <div class="tw-field">
          <label for="tw-due">{t('class.dueAt')}</label>
          <input id="tw-due" type="datetime-local" value={dueAt()} onInput={(e) => setDueAt(e.currentTarget.value)} />
        </div>
      </div>
      <ErrorText error={error()} />
      <div class="tw-actions">
        <button type="submit" class="tw-button tw-primary" disabled={busy()}>
          {busy() ? t('class.busy') : t('class.assign')}
        </button>
        <span class="tw-ok" role="status">
          {status()}
        </span>
      </div>
    </form>
  );
}
