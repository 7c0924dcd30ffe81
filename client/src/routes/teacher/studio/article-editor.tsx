// /teacher/studio/articles/new and /teacher/studio/articles/:id: an article for lessons. Paste the
// text or upload a .txt or .md file; give its title, source, date, credit and licence note; check
// how it is split into sentences (with the analysis laid over it) and merge or split by hand; save,
// then start a lesson on it.
import { createAsync, useLocation, useNavigate, useParams } from '@solidjs/router';
import { createSignal, For, Show, type JSX } from 'solid-js';
import type { Boundaries } from '../../../../../lessons/format.ts';
import { t } from '../../../i18n/studio.ts';
import '../../../styles/teacher.css';
import '../../../styles/studio.css';
import { StudioPage } from '../../../components/studio/studio-page.tsx';
import { AsyncBoundary } from '../../../components/ui/async-boundary.tsx';
import { problemText } from '../../../components/ui/error-message.tsx';
import { ErrorText } from '../../../components/ui/error-text.tsx';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { SplitPreview } from '../../../components/studio/split-preview.tsx';
import { textFromFile } from '../../../components/studio/text-file.ts';
import { ApiError } from '../../../lib/api.ts';
import type { ArticleFields } from '../../../lib/studio-api.ts';
import { useWrite } from '../../../lib/queries.ts';
import { createArticle, createLesson, getStudioArticle, updateArticle } from '../../../lib/studio-queries.ts';

export const MAX_ARTICLE_CHARS = 20_000;

export default function ArticlePage(): JSX.Element {
  const params = useParams();
  return (
    <StudioPage back={{ href: '/teacher/studio', label: t('studio.studioTitle') }}>
      <AsyncBoundary>
        <Show when={params.id} fallback={<ArticleForm />}>
          {(id) => <ExistingArticle id={id()} />}
        </Show>
      </AsyncBoundary>
    </StudioPage>
  );
}

function ExistingArticle(props: { id: string }): JSX.Element {
  const data = createAsync(() => getStudioArticle(props.id));
  // A new article's page becomes the article's own page once it is saved: say so there.
  const location = useLocation<{ created?: boolean }>();
  return (
    <Show when={data()} keyed>
      {(d) => <ArticleForm id={d.id} initial={d.article as Partial<ArticleFields>} created={!!location.state?.created} />}
    </Show>
  );
}

type FieldName = 'title' | 'sourceName' | 'url' | 'published' | 'creditNl' | 'creditEn' | 'licence' | 'text';

/** The server names the field at fault by its path in the body ("source.url"): the form's name for it. */
const serverFields: Record<string, FieldName> = {
  title: 'title',
  'source.name': 'sourceName',
  'source.url': 'url',
  'source.published': 'published',
  'credit.nl': 'creditNl',
  'credit.en': 'creditEn',
  credit: 'creditNl',
  licence: 'licence',
  text: 'text',
};

function ArticleForm(props: { id?: string; initial?: Partial<ArticleFields>; created?: boolean }): JSX.Element {
  const navigate = useNavigate();
  const init = props.initial ?? {};
  const [title, setTitle] = createSignal(init.title ?? '');
  const [language, setLanguage] = createSignal<string>(init.language ?? 'nl');
  const [sourceName, setSourceName] = createSignal(init.source?.name ?? '');
  const [url, setUrl] = createSignal(init.source?.url ?? '');
  const [published, setPublished] = createSignal(init.source?.published ?? '');
  const [creditNl, setCreditNl] = createSignal(init.credit?.nl ?? '');
  const [creditEn, setCreditEn] = createSignal(init.credit?.en ?? '');
  const [licence, setLicence] = createSignal(init.licence ?? '');
  const [text, setText] = createSignal(init.text ?? '');
  const [boundaries, setBoundaries] = createSignal<Boundaries>(init.boundaries ?? {});
  const [errors, setErrors] = createSignal<Partial<Record<FieldName, string>>>({});
  const [said, setSaid] = createSignal(props.created ? t('studio.articleSaved') : '');
  const [saved, setSaved] = createSignal<string | null>(props.id ?? null);
  const [dirty, setDirty] = createSignal(false);
  const [create, creating] = useWrite(createArticle);
  const [update, updating] = useWrite(updateArticle);
  const [startLesson, starting] = useWrite(createLesson);
  const [withStarters, setWithStarters] = createSignal(true);
  let summary!: HTMLDivElement;

  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setDirty(true);
    };

  function fields(): ArticleFields {
    return {
      title: title().trim(),
      language: language() as ArticleFields['language'],
      source: { name: sourceName().trim(), url: url().trim(), published: published().trim() },
      credit: { nl: creditNl().trim(), ...(creditEn().trim() ? { en: creditEn().trim() } : {}) },
      licence: licence().trim(),
      text: text(),
      boundaries: boundaries(),
    } as ArticleFields;
  }

  function validate(): Partial<Record<FieldName, string>> {
    const e: Partial<Record<FieldName, string>> = {};
    const need = (name: FieldName, value: string, label: string) => {
      if (!value.trim()) e[name] = t('studio.required')(label);
    };
    need('title', title(), t('studio.articleTitle'));
    need('sourceName', sourceName(), t('studio.sourceNameLabel'));
    need('url', url(), t('studio.url'));
    need('published', published(), t('studio.published'));
    need('creditNl', creditNl(), t('studio.creditNl'));
    need('licence', licence(), t('studio.licence'));
    need('text', text(), t('studio.text'));
    if (url().trim() && !/^https?:\/\/\S+$/.test(url().trim())) e.url = t('studio.badUrl');
    if (published().trim() && !/^\d{4}-\d{2}(-\d{2})?$/.test(published().trim())) e.published = t('studio.badDate');
    if (text().length > MAX_ARTICLE_CHARS) e.text = t('studio.tooLong')(text().length, MAX_ARTICLE_CHARS);
    return e;
  }

  async function save(event: SubmitEvent) {
    event.preventDefault();
    setSaid('');
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length) return queueMicrotask(() => summary.focus());
    try {
      const id = saved();
      if (id) await update(id, fields());
      else {
        const created = await create(fields());
        setSaved(created.id);
        navigate(`/teacher/studio/articles/${created.id}`, { replace: true, state: { created: true } });
        return;
      }
      setDirty(false);
      setSaid(t('studio.articleSaved'));
    } catch (e) {
      const named: Partial<Record<FieldName, string>> = {};
      if (e instanceof ApiError) for (const x of e.problem.errors ?? []) named[serverFields[x.path] ?? 'text'] = x.message;
      setErrors(Object.keys(named).length ? named : {});
      queueMicrotask(() => summary.focus());
    }
  }

  async function lesson() {
    const id = saved();
    if (!id) return;
    const created = await startLesson(id, withStarters()).catch(() => null);
    if (created) navigate(`/teacher/studio/lessons/${created.id}`);
  }

  async function upload(file: File | undefined) {
    if (!file) return;
    const read = await textFromFile(file);
    if (read === null) return setErrors({ ...errors(), text: t('studio.badFile') });
    edit(setText)(read.text);
    setBoundaries({});
    if (read.title && !title()) setTitle(read.title);
    setSaid(t('studio.fileRead')(file.name));
  }

  const busy = () => !!creating.pending || !!updating.pending;
  const saveError = () => creating.error ?? updating.error;
  const err = (name: FieldName) => errors()[name];
  const describe = (name: FieldName, hint?: boolean) =>
    [hint ? `st-a-${name}-hint` : '', err(name) ? `st-a-${name}-error` : ''].filter(Boolean).join(' ') || undefined;

  const Input = (p: { name: FieldName; label: string; value: () => string; set: (v: string) => void; hint?: string; type?: string; lang?: string }) => (
    <div class="tw-field">
      <label for={`st-a-${p.name}`}>{p.label}</label>
      <input
        id={`st-a-${p.name}`}
        type={p.type ?? 'text'}
        lang={p.lang}
        value={p.value()}
        onInput={(e) => edit(p.set)(e.currentTarget.value)}
        aria-invalid={err(p.name) ? 'true' : undefined}
        aria-describedby={describe(p.name, !!p.hint)}
      />
      <Show when={p.hint}>
        <p id={`st-a-${p.name}-hint`} class="tw-hint">
          {p.hint}
        </p>
      </Show>
      <Show when={err(p.name)}>
        <p id={`st-a-${p.name}-error`} class="tw-error">
          {err(p.name)}
        </p>
      </Show>
    </div>
  );

  return (
    <>
      <PageTitle>{props.id ? t('studio.articleTitleEdit') : t('studio.newArticle')}</PageTitle>
      <form onSubmit={save} novalidate class="st-article-form">
        <div ref={summary} tabindex="-1" class="tw-error-summary" role={Object.keys(errors()).length ? 'alert' : undefined}>
          <Show when={Object.keys(errors()).length}>
            <p>{t('studio.fixFirst')}</p>
            <ul>
              <For each={Object.entries(errors())}>
                {([name, message]) => (
                  <li>
                    <a href={`#st-a-${name}`} onClick={(e) => (e.preventDefault(), document.getElementById(`st-a-${name}`)?.focus())}>
                      {message}
                    </a>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <Show when={saveError() && !Object.keys(errors()).length}>
            <p>{problemText(saveError())}</p>
          </Show>
        </div>
        <section class="st-section" aria-labelledby="st-text-h">
          <h2 id="st-text-h">{t('studio.textHeading')}</h2>
          <div class="tw-field">
            <label for="st-a-file">{t('studio.upload')}</label>
            <input id="st-a-file" type="file" accept=".txt,.md,text/plain,text/markdown" onChange={(e) => void upload(e.currentTarget.files?.[0])} aria-describedby="st-a-file-hint" />
            <p id="st-a-file-hint" class="tw-hint">
              {t('studio.uploadHint')}
            </p>
          </div>
          <div class="tw-field">
            <label for="st-a-text">{t('studio.text')}</label>
            <textarea
              id="st-a-text"
              rows={12}
              lang={language()}
              value={text()}
              onInput={(e) => {
                edit(setText)(e.currentTarget.value);
                setBoundaries({}); // offsets into the old text mean nothing in the new one
              }}
              aria-invalid={err('text') ? 'true' : undefined}
              aria-describedby={describe('text', true)}
            />
            <p id="st-a-text-hint" class="tw-hint">
              {t('studio.textHint')} {t('studio.charCount')(text().length, MAX_ARTICLE_CHARS)}
            </p>
            <Show when={err('text')}>
              <p id="st-a-text-error" class="tw-error">
                {err('text')}
              </p>
            </Show>
          </div>
        </section>
        <section class="st-section" aria-labelledby="st-meta-h">
          <h2 id="st-meta-h">{t('studio.aboutArticle')}</h2>
          <Input name="title" label={t('studio.articleTitle')} value={title} set={setTitle} lang={language()} />
          <div class="tw-field">
            <label for="st-a-language">{t('studio.articleLanguage')}</label>
            <select id="st-a-language" value={language()} onChange={(e) => edit(setLanguage)(e.currentTarget.value)}>
              <option value="nl">{t('studio.lang_nl')}</option>
              <option value="en">{t('studio.lang_en')}</option>
            </select>
          </div>
          <div class="tw-field-row">
            <Input name="sourceName" label={t('studio.sourceNameLabel')} value={sourceName} set={setSourceName} hint={t('studio.sourceNameHint')} />
            <Input name="published" label={t('studio.published')} value={published} set={setPublished} hint={t('studio.publishedHint')} />
          </div>
          <Input name="url" label={t('studio.url')} value={url} set={setUrl} type="url" />
          <Input name="creditNl" label={t('studio.creditNl')} value={creditNl} set={setCreditNl} hint={t('studio.creditHint')} lang="nl" />
          <Input name="creditEn" label={t('studio.creditEn')} value={creditEn} set={setCreditEn} lang="en" />
          <Input name="licence" label={t('studio.licence')} value={licence} set={setLicence} hint={t('studio.licenceHint')} />
        </section>
        <Show when={text().trim()}>
          <SplitPreview
            text={text()}
            boundaries={boundaries()}
            language={language()}
            onBoundaries={(next, message) => {
              edit(setBoundaries)(next);
              setSaid(message);
            }}
          />
        </Show>
        <div class="tw-actions st-sticky-actions">
          <button type="submit" class="tw-button tw-primary" disabled={busy()}>
            {busy() ? t('studio.busy') : t('studio.saveArticle')}
          </button>
          <span class="tw-ok" role="status">
            {said()}
          </span>
        </div>
      </form>
      <Show when={saved()}>
        <section class="st-section tw-panel" aria-labelledby="st-next-h">
          <h2 id="st-next-h" tabindex="-1" ref={(el) => props.created && queueMicrotask(() => el.focus())}>
            {t('studio.nextLesson')}
          </h2>
          <Show when={dirty()}>
            <p class="tw-warning">{t('studio.saveFirst')}</p>
          </Show>
          <label class="tw-check">
            <input type="checkbox" checked={withStarters()} onChange={(e) => setWithStarters(e.currentTarget.checked)} /> {t('studio.withStarters')}
          </label>
          <button type="button" class="tw-button tw-primary" disabled={dirty() || !!starting.pending} onClick={() => void lesson()}>
            {t('studio.makeLesson')}
          </button>
          <ErrorText error={starting.error ? problemText(starting.error) : null} />
        </section>
      </Show>
    </>
  );
}
