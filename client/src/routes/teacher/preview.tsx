// /teacher/lessons/:slug/preview: a lesson as its students will see it, each question with its key,
// the explanation and (open questions) the model answer, for a teacher to look through before
// assigning it. Teachers only: the server sends keys to no one else.
import { For, Show, type JSX } from 'solid-js';
import { A, createAsync, useParams } from '@solidjs/router';
import type { LessonPreview } from '../../lib/api.ts';
import { getLessonPreview } from '../../lib/queries.ts';
import { ArticleReader } from '../../components/article-reader.tsx';
import { describeAnswer } from '../../components/answer-text.ts';
import { QuestionRenderer } from '../../components/questions/index.tsx';
import { pick, skillName, t } from '../../i18n/class.ts';
import '../../i18n/teach.ts';
import '../../styles/teacher.css';
import '../../styles/teach.css';
import { RequireTeacher } from '../../components/teacher/require-teacher.tsx';
import { AsyncBoundary } from '../../components/ui/async-boundary.tsx';
import { useTitle } from '../../components/ui/page-title.tsx';

export default function PreviewPage(): JSX.Element {
  return <RequireTeacher>{() => <Preview />}</RequireTeacher>;
}

function Preview(): JSX.Element {
  const params = useParams();
  const preview = createAsync(() => getLessonPreview(params.slug!));
  useTitle(() => (preview.latest ? t('teach.previewTitle')(pick(preview.latest.lesson.title)) : t('teach.preview')));
  return (
    <AsyncBoundary>
      <Show when={preview()}>{(p) => <PreviewBody preview={p()} />}</Show>
    </AsyncBoundary>
  );
}

function PreviewBody(props: { preview: LessonPreview }): JSX.Element {
  const lesson = () => props.preview.lesson;
  return (
    <div class="tw-page tw-preview">
      <p class="tw-back">
        <A href="/teacher/classes">{t('class.backToClasses')}</A>
      </p>
      <h1>{t('teach.previewTitle')(pick(lesson().title))}</h1>
      <p class="tw-muted">{t('teach.previewMeta')(lesson().minutes, props.preview.questions.length)}</p>
      <p>{pick(lesson().summary)}</p>
      <p>
        <A href={`/teacher/lessons/${lesson().slug}/guide`}>{t('class.guide')}</A>
      </p>
      <details class="tw-panel tw-preview-article">
        <summary>{t('teach.previewArticle')(lesson().article.title)}</summary>
        <ArticleReader article={lesson().article} translation={lesson().translation} />
      </details>
      <For each={props.preview.questions}>
        {(item, i) => {
          const q = () => item.question;
          const key = () => item.review.key;
          return (
            <article class="tw-panel tw-preview-question" aria-labelledby={`tw-pq-${q().id}`}>
              <h2 id={`tw-pq-${q().id}`}>
                {t('class.questionN')(i() + 1)}{' '}
                <span class="tw-muted">
                  ({skillName(q().skill)} · {t('teach.points')(item.points)})
                </span>
              </h2>
              <p class="tw-prompt">{pick(q().prompt)}</p>
              <div class="tw-preview-student" aria-label={t('teach.asStudentSees')} role="group">
                <QuestionRenderer question={q()} answer={undefined} onChange={() => {}} disabled article={lesson().article} />
              </div>
              <div class="tw-preview-key">
                <Show
                  when={key() !== null}
                  fallback={
                    <Show when={item.review.modelAnswer}>
                      {(m) => (
                        <p>
                          <strong>{t('teach.modelAnswer')}:</strong> {pick(m())}
                        </p>
                      )}
                    </Show>
                  }
                >
                  <p>
                    <strong>{t('teach.keyIs')}:</strong>
                  </p>
                  <ul>
                    <For each={describeAnswer(q(), key(), lesson().article)}>{(line) => <li>{line}</li>}</For>
                  </ul>
                </Show>
                <p>
                  <strong>{t('teach.explanation')}:</strong> {pick(item.review.explanation)}
                </p>
              </div>
            </article>
          );
        }}
      </For>
    </div>
  );
}
