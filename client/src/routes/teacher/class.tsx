// /teacher/classes/:id: one class: its join code large enough for the back of the room, the
// roster (export, delete with confirmation), rename and archive, its assignments, and assigning a lesson.
import { createResource, createSignal, For, Match, Show, Switch, type JSX } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { api as teacherApi, type AssignmentView, type ClassView, type StudentRef } from '../../lib/api.ts';
import { AssignForm } from '../../components/teacher/assign-form.tsx';
import { formatDateTime, pick, t } from '../../i18n/class.ts';
import { TeacherBar } from '../../components/teacher/teacher-bar.tsx';
import '../../styles/teacher.css';
import { RequireTeacher } from '../../components/teacher/require-teacher.tsx';
import { ErrorMessage, problemText } from '../../components/ui/error-message.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { useTitle } from '../../components/ui/page-title.tsx';

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
  const [cls, { refetch, mutate }] = createResource(() => params.id, (id) => teacherApi.class(id));
  useTitle(() => cls.latest?.name ?? t('class.classesTitle'));
  return (
    <Switch fallback={<Loading />}>
      <Match when={cls.error && !cls.latest}>
        <ErrorMessage error={cls.error} retry={refetch} />
      </Match>
      <Match when={cls.latest}>{(c) => <ClassBody cls={c()} update={(next) => mutate(next)} />}</Match>
    </Switch>
  );
}

function ClassBody(props: { cls: ClassView; update: (c: ClassView) => void }): JSX.Element {
  const [assignments, { refetch: refetchAssignments }] = createResource(
    () => props.cls.id,
    (id) => teacherApi.teacherAssignments().then((all) => all.filter((a) => a.classId === id)),
  );
  const [notice, setNotice] = createSignal('');
  const [justCreated, setJustCreated] = createSignal<string | null>(null);

  /** After assigning: read the list again, then move focus to the new assignment's card. */
  async function assigned(created: AssignmentView) {
    setJustCreated(created.id);
    await refetchAssignments();
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
                  onDeleted={() => {
                    props.update({ ...props.cls, students: props.cls.students.filter((s) => s.id !== student.id) });
                    setNotice(t('class.deleted')(student.displayName));
                  }}
                />
              )}
            </For>
          </ul>
        </Show>
      </section>

      <section class="tw-section" aria-labelledby="tw-assignments-h">
        <h2 id="tw-assignments-h">{t('class.assignments')}</h2>
        <Switch fallback={<Loading />}>
          <Match when={assignments.error}>
            <ErrorMessage error={assignments.error} retry={refetchAssignments} />
          </Match>
          <Match when={assignments()}>
            <Show when={assignments()!.length > 0} fallback={<p>{t('class.assignmentsEmpty')}</p>}>
              <ul class="tw-cards">
                <For each={assignments()}>
                  {(a) => (
                    <li class="tw-card" classList={{ 'tw-card-new': justCreated() === a.id }}>
                      <A id={`tw-assignment-${a.id}`} class="tw-card-title" href={`/teacher/assignments/${a.id}`}>
                        {pick(a.lessonTitle)}
                        <Show when={justCreated() === a.id}>
                          {' '}
                          <span class="tw-tag">{t('class.newAssignment')}</span>
                        </Show>
                      </A>
                      <AssignmentFacts a={a} />
                      <span class="tw-card-links">
                        <A href={`/teacher/assignments/${a.id}`}>
                          {t('class.report')}
                          <span class="tw-sr-only">: {pick(a.lessonTitle)}</span>
                        </A>
                        <A href={`/teacher/assignments/${a.id}/live`}>
                          {t('class.live')}
                          <span class="tw-sr-only">: {pick(a.lessonTitle)}</span>
                        </A>
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </Match>
        </Switch>
        <AssignForm classId={props.cls.id} existing={assignments.latest ?? []} onAssigned={(a) => void assigned(a)} />
      </section>

      <ClassSettings cls={props.cls} update={props.update} />
    </>
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
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let deleteButton!: HTMLButtonElement;
  let confirmButton!: HTMLButtonElement;

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await teacherApi.deleteStudent(props.classId, props.student.id);
      props.onDeleted();
    } catch (e) {
      setError(problemText(e));
      setBusy(false);
    }
  }

  return (
    <li class="tw-roster-row">
      <span class="tw-roster-name">{props.student.displayName}</span>
      <Show
        when={confirming()}
        fallback={
          <span class="tw-roster-actions">
            <a href={teacherApi.studentExportUrl(props.classId, props.student.id)} download="">
              {t('class.exportShort')}
              <span class="tw-sr-only">: {props.student.displayName}</span>
            </a>
            <button
              ref={deleteButton}
              type="button"
              class="tw-button tw-danger"
              onClick={() => {
                setConfirming(true);
                confirmButton.focus();
              }}
            >
              {t('class.deleteShort')}
              <span class="tw-sr-only">: {props.student.displayName}</span>
            </button>
          </span>
        }
      >
        <span class="tw-confirm" role="group" aria-label={t('class.deleteStudent')(props.student.displayName)}>
          <span>{t('class.confirmDelete')(props.student.displayName)}</span>
          <button ref={confirmButton} type="button" class="tw-button tw-danger" disabled={busy()} onClick={remove}>
            {t('class.confirmDeleteYes')}
          </button>
          <button
            type="button"
            class="tw-button"
            onClick={() => {
              setConfirming(false);
              deleteButton.focus();
            }}
          >
            {t('class.cancel')}
          </button>
        </span>
      </Show>
      <Show when={error()}>
        <span class="tw-error" role="alert">
          {error()}
        </span>
      </Show>
    </li>
  );
}

function ClassSettings(props: { cls: ClassView; update: (c: ClassView) => void }): JSX.Element {
  const [name, setName] = createSignal(props.cls.name);
  const [error, setError] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  async function patch(body: { name?: string; archived?: boolean }) {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const updated = await teacherApi.updateClass(props.cls.id, body);
      props.update({ ...props.cls, ...updated });
      setStatus(t('class.saved'));
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="tw-section tw-panel" aria-labelledby="tw-settings-h">
      <h2 id="tw-settings-h">{t('class.rename')}</h2>
      <form
        class="tw-inline-form"
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!name().trim()) return setError(t('class.required')(t('class.className')));
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
      <Show when={error()}>
        <p class="tw-error" role="alert">
          {error()}
        </p>
      </Show>
      <p class="tw-ok" role="status">
        {status()}
      </p>
    </section>
  );
}
