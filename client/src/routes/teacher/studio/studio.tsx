// /teacher/studio: the teacher's articles and lessons (drafts and published versions), the lessons
// colleagues share (to use as they are or copy to edit), and importing a lesson from a zip in the
// repository's own format.
import { A, createAsync, useNavigate } from '@solidjs/router';
import { createSignal, For, Show, type JSX } from 'solid-js';
import { formatDateTime, pick, t } from '../../../i18n/studio.ts';
import '../../../styles/teacher.css';
import '../../../styles/studio.css';
import { StudioPage } from '../../../components/studio/studio-page.tsx';
import { AsyncBoundary } from '../../../components/ui/async-boundary.tsx';
import { problemText } from '../../../components/ui/error-message.tsx';
import { ErrorText } from '../../../components/ui/error-text.tsx';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useWrite } from '../../../lib/queries.ts';
import { copyLesson, deleteLesson, getStudio, importLesson } from '../../../lib/studio-queries.ts';

export default function StudioHomePage(): JSX.Element {
  return (
    <StudioPage>
      <PageTitle>{t('studio.studioTitle')}</PageTitle>
      <p>{t('studio.studioIntro')}</p>
      <p>
        <A class="tw-button tw-primary" href="/teacher/studio/articles/new">
          {t('studio.newArticle')}
        </A>
      </p>
      <AsyncBoundary>
        <Overview />
      </AsyncBoundary>
      <Import />
    </StudioPage>
  );
}

type Title = string | { nl?: string; en?: string };
const titleOf = (title: Title) => (typeof title === 'string' ? title : pick(title as never)) || t('studio.untitledLesson');

/** The studio's lists: a card per entry, or the sentence that says there are none yet. */
function Cards<T>(props: { each: readonly T[]; empty: string; children: (item: T) => JSX.Element }): JSX.Element {
  return (
    <Show when={props.each.length} fallback={<p class="tw-muted">{props.empty}</p>}>
      <ul class="tw-cards">
        <For each={props.each}>{(item) => <li class="tw-card">{props.children(item)}</li>}</For>
      </ul>
    </Show>
  );
}

/** A card's button text, with the card's name after it for screen readers ("Bekijken: De bron"). */
function Named(props: { label: string; name: string }): JSX.Element {
  return (
    <>
      {props.label}
      <span class="tw-sr-only">: {props.name}</span>
    </>
  );
}

function Overview(): JSX.Element {
  const navigate = useNavigate();
  const studio = createAsync(() => getStudio());
  const [copy, copying] = useWrite(copyLesson);
  const [remove, removing] = useWrite(deleteLesson);
  const [said, setSaid] = createSignal('');
  async function copyToEdit(id: string) {
    const created = await copy(id).catch(() => null);
    if (created) navigate(`/teacher/studio/lessons/${created.id}`);
  }
  async function removeDraft(id: string, title: string) {
    if (!window.confirm(t('studio.confirmDelete')(title))) return;
    if (await remove(id).then(() => true).catch(() => false)) setSaid(t('studio.deleted')(title));
  }
  return (
    <Show when={studio()}>
      {(s) => (
        <>
          <section class="st-section" aria-labelledby="st-lessons-h">
            <h2 id="st-lessons-h">{t('studio.myLessons')}</h2>
            <Cards each={s().lessons} empty={t('studio.noLessons')}>
              {(l) => (
                <>
                  <A href={`/teacher/studio/lessons/${l.id}`} class="tw-card-title">
                    {titleOf(l.title as Title)}
                  </A>
                  <span class="tw-muted">
                    {l.status === 'published' ? t('studio.publishedVersion')(l.version ?? '') : t('studio.draft')}
                    {l.shared ? ` · ${t('studio.shared')}` : ''} · {t('studio.changed')(formatDateTime(l.updatedAt))}
                  </span>
                  <span class="tw-actions">
                    <A class="tw-button tw-small" href={`/teacher/studio/lessons/${l.id}/preview`}>
                      <Named label={t('studio.preview')} name={titleOf(l.title as Title)} />
                    </A>
                    <button type="button" class="tw-button tw-small" disabled={!!removing.pending} onClick={() => void removeDraft(l.id, titleOf(l.title as Title))}>
                      <Named label={t('studio.deleteDraft')} name={titleOf(l.title as Title)} />
                    </button>
                  </span>
                </>
              )}
            </Cards>
            <p class="tw-ok" role="status">
              {said()}
            </p>
            <ErrorText error={removing.error ? problemText(removing.error) : null} />
          </section>
          <section class="st-section" aria-labelledby="st-articles-h">
            <h2 id="st-articles-h">{t('studio.myArticles')}</h2>
            <Cards each={s().articles} empty={t('studio.noArticles')}>
              {(a) => (
                <>
                  <A href={`/teacher/studio/articles/${a.id}`} class="tw-card-title">
                    {a.title}
                  </A>
                  <span class="tw-muted">{t('studio.changed')(formatDateTime(a.updatedAt))}</span>
                </>
              )}
            </Cards>
          </section>
          <section class="st-section" aria-labelledby="st-colleagues-h">
            <h2 id="st-colleagues-h">{t('studio.fromColleagues')}</h2>
            <p class="tw-hint">{t('studio.fromColleaguesHint')}</p>
            <Cards each={s().colleagues} empty={t('studio.noColleagues')}>
              {(c) => (
                <>
                  <span class="tw-card-title">{titleOf(c.title as Title)}</span>
                  <span class="tw-muted">{t('studio.byAuthor')(c.authorName, c.version)}</span>
                  <span class="tw-actions">
                    <A class="tw-button tw-small" href="/teacher/classes">
                      <Named label={t('studio.useInClass')} name={titleOf(c.title as Title)} />
                    </A>
                    <button type="button" class="tw-button tw-small" disabled={!!copying.pending} onClick={() => void copyToEdit(c.id)}>
                      <Named label={t('studio.copyToEdit')} name={titleOf(c.title as Title)} />
                    </button>
                  </span>
                </>
              )}
            </Cards>
            <ErrorText error={copying.error ? problemText(copying.error) : null} />
          </section>
        </>
      )}
    </Show>
  );
}

interface ImportProblem {
  file: string;
  line: number;
  message: string;
}

function Import(): JSX.Element {
  const navigate = useNavigate();
  const [run, submission] = useWrite(importLesson);
  const [file, setFile] = createSignal<File | null>(null);
  const [missing, setMissing] = createSignal(false);
  const problems = (): ImportProblem[] => {
    const e = submission.error;
    return e instanceof ApiError ? ((e.problem as unknown as { problems?: ImportProblem[] }).problems ?? []) : [];
  };
  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const f = file();
    setMissing(!f);
    if (!f) return document.getElementById('st-import-file')?.focus();
    const created = await run(f).catch(() => null);
    if (created) navigate(`/teacher/studio/lessons/${created.id}`);
  }
  return (
    <section class="st-section tw-panel" aria-labelledby="st-import-h">
      <h2 id="st-import-h">{t('studio.import')}</h2>
      <form onSubmit={submit} novalidate>
        <div class="tw-field">
          <label for="st-import-file">{t('studio.importFile')}</label>
          <input
            id="st-import-file"
            type="file"
            accept=".zip,application/zip"
            aria-describedby={`st-import-hint${missing() || problems().length ? ' st-import-error' : ''}`}
            aria-invalid={missing() || problems().length ? 'true' : undefined}
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
          <p id="st-import-hint" class="tw-hint">
            {t('studio.importHint')}
          </p>
          <div id="st-import-error">
            <ErrorText error={missing() ? t('studio.importChoose') : submission.error && !problems().length ? problemText(submission.error) : null} />
            <Show when={problems().length}>
              <p class="tw-error">{t('studio.importProblems')(problems().length)}</p>
              <ul class="st-import-problems">
                <For each={problems()}>
                  {(p) => (
                    <li>
                      <code>
                        {p.file}:{p.line}
                      </code>{' '}
                      {p.message}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </div>
        </div>
        <button type="submit" class="tw-button" disabled={!!submission.pending}>
          {submission.pending ? t('studio.busy') : t('studio.importSubmit')}
        </button>
      </form>
    </section>
  );
}
