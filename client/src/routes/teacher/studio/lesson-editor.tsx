// /teacher/studio/lessons/:id: the lesson editor. The form on one side, the article (where quotes
// are picked) on the other; the checker (lessons/authoring.ts checkDraft) runs in the browser as
// the author types and puts each problem at its field; the draft saves itself; undo takes back the
// last edits; publish is possible once nothing is left to fix.
import { A, createAsync, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, Index, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { checkDraft } from '../../../../../lessons/authoring.ts';
import { QUESTION_TYPES, type QuestionType } from '../../../../../lessons/format.ts';
import { questionStarters } from '../../../../../lessons/text/starters.ts';
import { pick, skillName, t } from '../../../i18n/studio.ts';
import '../../../styles/teacher.css';
import '../../../styles/studio.css';
import { StudioPage } from '../../../components/studio/studio-page.tsx';
import { AsyncBoundary } from '../../../components/ui/async-boundary.tsx';
import { problemText } from '../../../components/ui/error-message.tsx';
import { ErrorText } from '../../../components/ui/error-text.tsx';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { Autosave, readBackup, type SaveState } from '../../../components/studio/autosave.ts';
import { createDraftEditor, DraftProvider, useDraft, type Draft, type DraftProblem, type Path } from '../../../components/studio/draft-context.tsx';
import { FieldGroup, LocalizedField, NumberField } from '../../../components/studio/fields.tsx';
import { pickerArticle } from '../../../components/studio/lesson-article.ts';
import { ListEditor, moveEntry, nextId } from '../../../components/studio/list-editor.tsx';
import { focusField, ProblemList } from '../../../components/studio/problem-list.tsx';
import { pruneEmpty } from '../../../components/studio/prune.ts';
import { newQuestion, QuestionForm } from '../../../components/studio/question-form.tsx';
import { QuotePicker } from '../../../components/studio/quote-picker.tsx';
import { UndoControls } from '../../../components/studio/undo-controls.tsx';
import { ApiError } from '../../../lib/api.ts';
import type { StudioLesson } from '../../../lib/studio-api.ts';
import { studioApi } from '../../../lib/studio-api.ts';
import { getStudioLesson, publishLesson, shareLesson } from '../../../lib/studio-queries.ts';
import { useWrite } from '../../../lib/queries.ts';

export const MAX_QUESTIONS = 60;

export default function LessonEditorPage(): JSX.Element {
  const params = useParams();
  return (
    <StudioPage back={{ href: '/teacher/studio', label: t('studio.studioTitle') }}>
      <AsyncBoundary>
        <LessonLoader id={params.id!} />
      </AsyncBoundary>
    </StudioPage>
  );
}

function LessonLoader(props: { id: string }): JSX.Element {
  const data = createAsync(() => getStudioLesson(props.id));
  // One editor per lesson: reloading the lesson after publishing or sharing must not reset what
  // the author is typing, so the editor keeps the first answer and reads the rest from `fresh`.
  const first = createMemo<StudioLesson | undefined>((prev) => (prev && prev.id === data()?.id ? prev : data()));
  return (
    <Show when={first()} keyed>
      {(lesson) => <LessonEditor lesson={lesson} fresh={data() ?? lesson} />}
    </Show>
  );
}

type CheckerProblem = { path: readonly (string | number)[]; message: string };

/** The message without the path the checker writes before it ("questions.3.prompt: ..."): the
 * studio shows it at the field, and names the field in words in the list. */
function bare(problem: CheckerProblem): string {
  const where = `${problem.path.slice(1).join('.')}: `;
  return problem.message.startsWith(where) ? problem.message.slice(where.length) : problem.message;
}
/** Problems from the checker, with paths into the lesson draft (the article's are shown apart). */
function lessonProblems(problems: readonly CheckerProblem[]): DraftProblem[] {
  return problems.filter((p) => p.path[0] === 'lesson').map((p) => ({ path: p.path.slice(1), message: bare(p) }));
}
function articleProblems(problems: readonly CheckerProblem[]): string[] {
  return problems.filter((p) => p.path[0] !== 'lesson').map((p) => `${p.path.slice(1).join('.')}: ${bare(p)}`);
}

function LessonEditor(props: { lesson: StudioLesson; fresh: StudioLesson }): JSX.Element {
  const navigate = useNavigate();
  const lesson = props.lesson;
  const { article, analysis } = pickerArticle(lesson.article);
  const starters = questionStarters(analysis);
  const backupKey = `bronwijs:studio-draft:${lesson.id}`;
  const [saveState, setSaveState] = createSignal<SaveState>({ kind: 'saved', at: Date.now() });
  const [checked, setChecked] = createSignal(checkDraft(lesson.article, pruneEmpty(lesson.draft as Draft) ?? {}));
  const problems = createMemo(() => lessonProblems(checked().problems));
  const [said, setSaid] = createSignal('');

  const autosave = new Autosave<Draft, unknown>({
    save: (draft, revision) => studioApi.saveDraft(lesson.id, draft as never, revision),
    revision: lesson.revision,
    backupKey,
    onState: setSaveState,
  });
  let checkTimer: ReturnType<typeof setTimeout> | undefined;
  const changed = (draft: Draft) => {
    const clean = pruneEmpty(draft) ?? {};
    autosave.change(clean);
    clearTimeout(checkTimer);
    checkTimer = setTimeout(() => setChecked(checkDraft(lesson.article, clean)), 200);
  };
  const editor = createDraftEditor((lesson.draft ?? {}) as Draft, problems, changed);

  // Work typed before a reload that did not reach the server yet.
  const backup = readBackup<Draft>(backupKey, lesson.revision);
  if (backup) {
    editor.load(backup);
    changed(backup);
    setSaid(t('studio.restored'));
  }

  const onLeave = () => void autosave.flush();
  onMount(() => window.addEventListener('pagehide', onLeave));
  onCleanup(() => {
    window.removeEventListener('pagehide', onLeave);
    clearTimeout(checkTimer);
    void autosave.flush().finally(() => autosave.dispose());
  });

  const title = () => pick((editor.get<Record<string, string>>(['title']) ?? {}) as never) || t('studio.untitledLesson');

  return (
    <DraftProvider editor={editor}>
      <PageTitle>{title()}</PageTitle>
      <p class="tw-sr-only" role="status">
        {said()}
      </p>
      <Toolbar lesson={props.fresh} autosave={autosave} saveState={saveState()} problems={problems()} onSaid={setSaid} onPreview={async () => {
        await autosave.flush();
        navigate(`/teacher/studio/lessons/${lesson.id}/preview`);
      }} />
      <Show when={articleProblems(checked().problems).length}>
        <div class="tw-alert" role="alert">
          <p>{t('studio.articleProblems')}</p>
          <ul>
            <For each={articleProblems(checked().problems)}>{(m) => <li>{m}</li>}</For>
          </ul>
          <A href={`/teacher/studio/articles/${lesson.articleId}`}>{t('studio.editArticle')}</A>
        </div>
      </Show>
      <div class="st-editor">
        <div class="st-form">
          <LessonMeta />
          <Questions />
          <Starters starters={starters} />
          <ProblemList problems={problems()} />
        </div>
        <aside class="st-side" aria-label={t('studio.articlePane')}>
          <QuotePicker article={article} />
        </aside>
      </div>
    </DraftProvider>
  );
}

function SaveStatus(props: { state: SaveState; onRetry: () => void }): JSX.Element {
  return (
    <span class="st-save" role="status">
      <Show when={props.state.kind === 'conflict'} fallback={t('studio.saveStates')[props.state.kind]}>
        <span class="tw-error">{t('studio.conflict')}</span>{' '}
        <button type="button" class="tw-button tw-small" onClick={() => location.reload()}>
          {t('studio.reload')}
        </button>
      </Show>
      <Show when={props.state.kind === 'failed'}>
        {' '}
        <button type="button" class="tw-button tw-small" onClick={() => props.onRetry()}>
          {t('studio.retrySave')}
        </button>
      </Show>
    </span>
  );
}

function Toolbar(props: {
  lesson: StudioLesson;
  autosave: Autosave<Draft, unknown>;
  saveState: SaveState;
  problems: DraftProblem[];
  onSaid: (message: string) => void;
  onPreview: () => void;
}): JSX.Element {
  const [publish, publishing] = useWrite(publishLesson);
  const [share, sharing] = useWrite(shareLesson);
  const [published, setPublished] = createSignal<string | null>(null);
  const latest = () => props.lesson.versions[props.lesson.versions.length - 1];
  const blocked = () => props.problems.length > 0 || props.saveState.kind === 'conflict';
  async function doPublish() {
    setPublished(null);
    await props.autosave.flush();
    const result = await publish(props.lesson.id).catch(() => null);
    if (result) setPublished(t('studio.publishedAs')(result.version));
  }
  return (
    <div class="st-toolbar" role="group" aria-label={t('studio.toolbar')}>
      <SaveStatus state={props.saveState} onRetry={() => void props.autosave.flush()} />
      <UndoControls onSaid={props.onSaid} />
      <button type="button" class="tw-button tw-small" onClick={() => props.onPreview()}>
        {t('studio.preview')}
      </button>
      <a class="tw-button tw-small" href={studioApi.exportUrl(props.lesson.id)} download="">
        {t('studio.export')}
      </a>
      <label class="tw-check st-share">
        <input
          type="checkbox"
          checked={props.lesson.shared}
          disabled={!!sharing.pending}
          onChange={(e) => void share(props.lesson.id, e.currentTarget.checked).catch(() => undefined)}
        />
        {t('studio.shareWithColleagues')}
      </label>
      <button type="button" class="tw-button tw-primary" disabled={blocked() || !!publishing.pending} aria-describedby={blocked() ? 'st-problems-h' : undefined} onClick={() => void doPublish()}>
        {publishing.pending ? t('studio.busy') : t('studio.publish')}
      </button>
      <Show when={props.problems.length}>
        <a
          href="#st-problems-h"
          onClick={(e) => {
            e.preventDefault();
            focusField('st-problems-h');
          }}
        >
          {t('studio.problemsTitle')(props.problems.length)}
        </a>
      </Show>
      <span class="tw-ok" role="status">
        {published()}
      </span>
      <Show when={latest()}>
        {(v) => (
          <span class="tw-muted">
            {t('studio.latestVersion')(v().version)} · <A href="/teacher/classes">{t('studio.assignInClass')}</A>
          </span>
        )}
      </Show>
      <ErrorText error={publishing.error ? publishProblem(publishing.error) : sharing.error ? problemText(sharing.error) : null} />
    </div>
  );
}

function publishProblem(error: unknown): string {
  if (error instanceof ApiError && error.status === 422) return t('studio.publishRefused');
  return problemText(error);
}

function LessonMeta(): JSX.Element {
  return (
    <section class="st-section" aria-labelledby="st-meta-h">
      <h2 id="st-meta-h">{t('studio.aboutLesson')}</h2>
      <LanguagesField />
      <LocalizedField path={['title']} label={t('studio.lessonTitle')} />
      <LocalizedField path={['summary']} label={t('studio.summary')} hint={t('studio.summaryHint')} multiline />
      <ListEditor<Record<string, string>>
        path={['goals']}
        legend={t('studio.goals')}
        hint={t('studio.goalsHint')}
        entryName={(i) => t('studio.goalN')(i + 1)}
        addLabel={t('studio.addGoal')}
        make={() => ({})}
      >
        {(path, i) => <LocalizedField path={path} label={t('studio.goalN')(i + 1)} />}
      </ListEditor>
      <NumberField path={['minutes']} label={t('studio.minutes')} min={1} max={90} hint={t('studio.minutesHint')} />
    </section>
  );
}

function LanguagesField(): JSX.Element {
  const editor = useDraft();
  const toggle = (language: 'nl' | 'en', on: boolean) => {
    const now = editor.languages();
    const next = on ? (['nl', 'en'] as const).filter((l) => l === language || now.includes(l)) : now.filter((l) => l !== language);
    if (next.length) editor.set(['languages'], [...next]);
  };
  return (
    <FieldGroup path={['languages']} legend={t('studio.languages')} hint={t('studio.languagesHint')}>
      <For each={['nl', 'en'] as const}>
        {(language) => (
          <label class="tw-check">
            <input type="checkbox" checked={editor.languages().includes(language)} onChange={(e) => toggle(language, e.currentTarget.checked)} />
            {t(`studio.lang_${language}`)}
          </label>
        )}
      </For>
    </FieldGroup>
  );
}

const typeName = (type: QuestionType) => t('studio.types')[type];

function Questions(): JSX.Element {
  const editor = useDraft();
  const questions = () => editor.get<{ id?: string; type?: QuestionType }[]>(['questions']) ?? [];
  const [type, setType] = createSignal<QuestionType>('single-choice');
  const focusQuestion = (i: number) => queueMicrotask(() => document.getElementById(`st-q-${i}`)?.focus());
  const write = (next: unknown[]) => editor.set(['questions'], next);
  return (
    <section class="st-section" aria-labelledby="st-questions-h">
      <h2 id="st-questions-h">{t('studio.questions')(questions().length)}</h2>
      <Index each={questions()}>
        {(q, i) => (
          <section class="st-question" aria-labelledby={`st-q-${i}`}>
            <h3 id={`st-q-${i}`} tabindex="-1">
              {t('studio.questionN')(i + 1)} · {q().type ? typeName(q().type!) : ''}
            </h3>
            <QuestionForm path={['questions', i] as Path} index={i} />
            <div class="tw-actions">
              <Show when={i > 0}>
                <button type="button" class="tw-button tw-small" onClick={() => (write(moveEntry(questions(), i, i - 1)), focusQuestion(i - 1))}>
                  {t('studio.moveUp')}
                  <span class="tw-sr-only">: {t('studio.questionN')(i + 1)}</span>
                </button>
              </Show>
              <Show when={i < questions().length - 1}>
                <button type="button" class="tw-button tw-small" onClick={() => (write(moveEntry(questions(), i, i + 1)), focusQuestion(i + 1))}>
                  {t('studio.moveDown')}
                  <span class="tw-sr-only">: {t('studio.questionN')(i + 1)}</span>
                </button>
              </Show>
              <button type="button" class="tw-button tw-small" onClick={() => (write(questions().filter((_, j) => j !== i)), focusQuestion(Math.max(0, i - 1)))}>
                {t('studio.removeQuestion')}
                <span class="tw-sr-only">: {t('studio.questionN')(i + 1)}</span>
              </button>
            </div>
          </section>
        )}
      </Index>
      <div class="tw-inline-form st-add-question">
        <div class="tw-field">
          <label for="st-new-type">{t('studio.newQuestionType')}</label>
          <select id="st-new-type" value={type()} onChange={(e) => setType(e.currentTarget.value as QuestionType)}>
            <For each={QUESTION_TYPES}>{(ty) => <option value={ty}>{typeName(ty)}</option>}</For>
          </select>
        </div>
        <button
          type="button"
          class="tw-button"
          disabled={questions().length >= MAX_QUESTIONS}
          onClick={() => {
            write([...questions(), newQuestion(type(), questions())]);
            focusQuestion(questions().length - 1);
          }}
        >
          {t('studio.addQuestion')}
        </button>
      </div>
      <Show when={questions().length >= MAX_QUESTIONS}>
        <p class="tw-hint">{t('studio.maxQuestions')(MAX_QUESTIONS)}</p>
      </Show>
    </section>
  );
}

function Starters(props: { starters: ReturnType<typeof questionStarters> }): JSX.Element {
  const editor = useDraft();
  const [said, setSaid] = createSignal('');
  const insert = (index: number) => {
    const questions = editor.get<{ id?: string }[]>(['questions']) ?? [];
    if (questions.length >= MAX_QUESTIONS) return;
    const question = { ...props.starters[index]!.question, id: nextId(questions, 'q') };
    editor.set(['questions'], [...questions, question]);
    setSaid(t('studio.starterInserted')(questions.length + 1));
  };
  return (
    <Show when={props.starters.length}>
      <section class="st-section" aria-labelledby="st-starters-h">
        <h2 id="st-starters-h">{t('studio.starters')}</h2>
        <p class="tw-hint">{t('studio.startersHint')}</p>
        <ul class="st-starters">
          <Index each={props.starters}>
            {(s, i) => (
              <li>
                <p>
                  <strong>{typeName(s().question.type)}</strong> · {skillName(s().question.skill)}
                </p>
                <p>{pick(s().question.prompt)}</p>
                <button type="button" class="tw-button tw-small" onClick={() => insert(i)}>
                  {t('studio.insertStarter')}
                  <span class="tw-sr-only">: {pick(s().question.prompt)}</span>
                </button>
              </li>
            )}
          </Index>
        </ul>
        <p class="tw-ok" role="status">
          {said()}
        </p>
      </section>
    </Show>
  );
}
