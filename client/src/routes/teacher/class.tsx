// /teacher/classes/:id: one class: its join code large enough for the back of the room, the
// roster (export, delete with confirmation), rename and archive, its assignments, and assigning a lesson.
import { createSignal, For, Show, type JSX } from 'solid-js';
import { A, createAsync, useAction, useParams, useSubmission } from '@solidjs/router';
import { api, type AssignmentView, type ClassView, type StudentRef } from '../../lib/api.ts';
import { deleteStudent, getClass, getClassAssignments, updateClass, useWrite } from '../../lib/queries.ts';
import { AssignForm } from '../../components/teacher/assign-form.tsx';
import { AssignmentEditor, assignmentName } from '../../components/teacher/assignment-editor.tsx';
import { JoinWindow } from '../../components/teacher/join-window.tsx';
import '../../i18n/teach.ts';
import { StartLive } from '../../components/live/start-live.tsx';
import { NewResumeCode } from '../../components/teacher/new-resume-code.tsx';
import { formatDateTime, pick, t } from '../../i18n/class.ts';
import { TeacherBar } from '../../components/teacher/teacher-bar.tsx';
import '../../styles/teacher.css';
import '../../styles/teach.css';
import { RequireTeacher } from '../../components/teacher/require-teacher.tsx';
import { AsyncBoundary } from '../../components/ui/async-boundary.tsx';
import { problemText } from '../../components/ui/error-message.tsx';
import { useTitle } from '../../components/ui/page-title.tsx';
import { ErrorText } from '../../components/ui/error-text.tsx';
import { createConfirmStep } from '../../components/ui/confirm-step.ts';

export default function ClassPage(): JSX.Element {
  return (
    <RequireTeacher>
      {(me) => (
        <div class="tw-page">
          <TeacherBar me={me} />
          <ClassLoader />
        </div>
      )}
    </RequireTeacher>
  );
}

function ClassLoader(): JSX.Element {
  const params = useParams();
  const cls = createAsync(() => getClass(params.id!));
  useTitle(() => cls.latest?.name ?? t('class.classesTitle'));
  return (
    <AsyncBoundary>
      <Show when={cls()}>{(c) => <ClassBody cls={c()} />}</Show>
    </AsyncBoundary>
  );
}

function ClassBody(props: { cls: ClassView }): JSX.Element {
  const assignments = createAsync(() => getClassAssignments(props.cls.id));
  const [notice, setNotice] = createSignal('');
  const [justCreated, setJustCreated] = createSignal<string | null>(null);

  /** After assigning (the action has read the list again): focus on the new assignment's card. */
  function assigned(created: AssignmentView) {
    setJustCreated(created.id);
    requestAnimationFrame(() => document.getElementById(`tw-assignment-${created.id}`)?.focus());
  }
  return (
    <>
      <p class="tw-back">
        <A href="/teacher/classes">{t('class.backToClasses')}</A>
      </p>
      <h1>{props.cls.name}</h1>
      <Show when={props.cls.archived}>
        <p class="tw-tag">{t('class.archived')}</p>
      </Show>

      <section class="tw-section tw-join-code-panel" aria-labelledby="tw-code-h">
        <h2 id="tw-code-h">{t('class.classJoinCode')}</h2>
        <p class="tw-join-code" translate="no">
          {props.cls.joinCode}
        </p>
        <p>{t('class.joinCodeHow')(location.host)}</p>
        <JoinWindow classId={props.cls.id} joinOpenUntil={props.cls.joinOpenUntil} />
        <A class="tw-button tw-primary" href={`/teacher/classes/${props.cls.id}/projector`}>
          {t('class.showOnProjector')}
        </A>
      </section>

      <p class="tw-ok" role="status">
        {notice()}
      </p>

      <section class="tw-section" aria-labelledby="tw-roster-h">
        <h2 id="tw-roster-h">{t('class.roster')}</h2>
        <Show when={props.cls.students.length > 0} fallback={<p>{t('class.rosterEmpty')}</p>}>
          <ul class="tw-roster">
            <For each={props.cls.students}>
              {(student) => (
                <RosterRow
                  classId={props.cls.id}
                  student={student}
                  onDeleted={() => setNotice(t('class.deleted')(student.displayName))}
                />
              )}
            </For>
          </ul>
        </Show>
      </section>

      <section class="tw-section" aria-labelledby="tw-assignments-h">
        <h2 id="tw-assignments-h">{t('class.assignments')}</h2>
        <AsyncBoundary>
          <Show when={assignments()}>
            <Show when={assignments()!.length > 0} fallback={<p>{t('class.assignmentsEmpty')}</p>}>
              <ul class="tw-cards">
                <For each={assignments()}>
                  {(a) => <AssignmentCard a={a} isNew={justCreated() === a.id} onChanged={setNotice} />}
                </For>
              </ul>
            </Show>
          </Show>
        </AsyncBoundary>
        <AssignForm classId={props.cls.id} existing={assignments.latest ?? []} onAssigned={assigned} />
        <StartLive classId={props.cls.id} />
      </section>

      <ClassSettings cls={props.cls} />
    </>
  );
}

/** One assignment: its name (the lesson's title unless the teacher named it), facts, links, and its editor. */
function AssignmentCard(props: { a: AssignmentView; isNew: boolean; onChanged: (message: string) => void }): JSX.Element {
  const a = () => props.a;
  const [editing, setEditing] = createSignal(false);
  let editButton!: HTMLButtonElement;
  const name = () => assignmentName(a());
  return (
    <li class="tw-card" classList={{ 'tw-card-new': props.isNew, 'tw-card-closed': !!a().closedAt }}>
      <A id={`tw-assignment-${a().id}`} class="tw-card-title" href={`/teacher/assignments/${a().id}`}>
        {name()}
        <Show when={props.isNew}>
          {' '}
          <span class="tw-tag">{t('class.newAssignment')}</span>
        </Show>
        <Show when={a().closedAt}>
          {' '}
          <span class="tw-tag">{t('teach.closedTag')}</span>
        </Show>
      </A>
      <Show when={a().title}>
        <span class="tw-muted">{t('teach.lessonIs')(pick(a().lessonTitle))}</span>
      </Show>
      <AssignmentFacts a={a()} />
      <span class="tw-card-links">
        <A href={`/teacher/assignments/${a().id}`}>
          {t('class.report')}
          <span class="tw-sr-only">: {name()}</span>
        </A>
        <A href={`/teacher/assignments/${a().id}/live`}>
          {t('class.live')}
          <span class="tw-sr-only">: {name()}</span>
        </A>
        <A href={`/teacher/lessons/${a().lessonSlug}/preview`}>
          {t('teach.preview')}
          <span class="tw-sr-only">: {name()}</span>
        </A>
        <A href={`/teacher/lessons/${a().lessonSlug}/guide`}>
          {t('class.guide')}
          <span class="tw-sr-only">: {name()}</span>
        </A>
        <button ref={editButton} type="button" class="tw-link-button" aria-expanded={editing()} onClick={() => setEditing(!editing())}>
          {t('teach.edit')}
          <span class="tw-sr-only">: {name()}</span>
        </button>
      </span>
      <Show when={editing()}>
        <AssignmentEditor
          a={a()}
          onDone={(message) => {
            setEditing(false);
            props.onChanged(message);
            editButton?.focus();
          }}
          onCancel={() => {
            setEditing(false);
            editButton.focus();
          }}
        />
      </Show>
    </li>
  );
}

/** An assignment's mode, dates and when students see the feedback, as a short list on its card. */
function AssignmentFacts(props: { a: AssignmentView }): JSX.Element {
  const a = () => props.a;
  const policy = () =>
    a().mode === 'practice'
      ? t('class.policyPractice')
      : a().feedbackReleasedAt
        ? t('class.policyReleased')(formatDateTime(a().feedbackReleasedAt))
        : a().feedbackRelease === 'manual'
          ? t('class.policyManual')
          : t('class.policyOnFinish');
  return (
    <ul class="tw-card-facts">
      <li>
        <span class="tw-tag">{a().mode === 'test' ? t('class.modeTest') : t('class.modePractice')}</span> {policy()}
      </li>
      <li>
        <Show when={a().opensAt || a().dueAt} fallback={t('class.noDates')}>
          {[a().opensAt ? t('class.opens')(formatDateTime(a().opensAt)) : '', a().dueAt ? t('class.due')(formatDateTime(a().dueAt)) : '']
            .filter(Boolean)
            .join(' · ')}
        </Show>
      </li>
      <li class="tw-muted">{t('class.createdOn')(formatDateTime(a().createdAt))}</li>
    </ul>
  );
}

function RosterRow(props: { classId: string; student: StudentRef; onDeleted: () => void }): JSX.Element {
  const confirm = createConfirmStep();
  const remove = useAction(deleteStudent);
  const submission = useSubmission(deleteStudent, ([, studentId]) => studentId === props.student.id);
  const busy = () => !!submission.input && !submission.error; // until the roster, read again, drops the row
  const error = () => (submission.error ? problemText(submission.error) : null);

  return (
    <li class="tw-roster-row">
      <span class="tw-roster-name">{props.student.displayName}</span>
      <Show
        when={confirm.confirming()}
        fallback={
          <span class="tw-roster-actions">
            <NewResumeCode classId={props.classId} student={props.student} />
            <a href={api.studentExportUrl(props.classId, props.student.id)} download="">
              {t('class.exportShort')}
              <span class="tw-sr-only">: {props.student.displayName}</span>
            </a>
            <button ref={confirm.askRef} type="button" class="tw-button tw-danger" onClick={confirm.ask}>
              {t('class.deleteShort')}
              <span class="tw-sr-only">: {props.student.displayName}</span>
            </button>
          </span>
        }
      >
        <span class="tw-confirm" role="group" aria-label={t('class.deleteStudent')(props.student.displayName)}>
          <span>{t('class.confirmDelete')(props.student.displayName)}</span>
          <button ref={confirm.yesRef} type="button" class="tw-button tw-danger" disabled={busy()}
            onClick={() => void remove(props.classId, props.student.id).then(props.onDeleted, () => {})}
          >
            {t('class.confirmDeleteYes')}
          </button>
          <button type="button" class="tw-button" onClick={confirm.cancel}>
            {t('class.cancel')}
          </button>
        </span>
      </Show>
      <ErrorText error={error()} inline />
    </li>
  );
}

function ClassSettings(props: { cls: ClassView }): JSX.Element {
  const [name, setName] = createSignal(props.cls.name);
  const [update, submission] = useWrite(updateClass);
  const [invalid, setInvalid] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal('');
  const error = () => invalid() ?? (submission.error ? problemText(submission.error) : null);
  const busy = () => !!submission.pending;

  async function patch(body: { name?: string; archived?: boolean }) {
    setInvalid(null);
    setStatus('');
    // the action reads the class again, so the page shows the new name or state
    if (await update(props.cls.id, body).then(() => true, () => false)) setStatus(t('class.saved'));
  }

  return (
    <section class="tw-section tw-panel" aria-labelledby="tw-settings-h">
      <h2 id="tw-settings-h">{t('class.rename')}</h2>
      <form
        class="tw-inline-form"
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!name().trim()) return setInvalid(t('class.required')(t('class.className')));
          void patch({ name: name().trim() });
        }}
      >
        <div class="tw-field">
          <label for="tw-rename">{t('class.className')}</label>
          <input id="tw-rename" maxlength="80" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <button type="submit" class="tw-button" disabled={busy()}>
          {t('class.save')}
        </button>
      </form>
      <p class="tw-hint">{t('class.archiveHint')}</p>
      <button type="button" class="tw-button" disabled={busy()} onClick={() => void patch({ archived: !props.cls.archived })}>
        {props.cls.archived ? t('class.unarchive') : t('class.archive')}
      </button>
      <ErrorText error={error()} />
      <p class="tw-ok" role="status">
        {status()}
      </p>
    </section>
  );
}
