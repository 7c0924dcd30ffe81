// The catalog: every lesson as a card with its title, summary, minutes, skills and question count.
import { A, createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { LessonSummary } from '../lib/api.ts';
import { SkillList } from '../components/skill-list.tsx';
import { pick, t } from '../i18n/index.ts';
import { getLessons, getMyAttempts } from '../lib/queries.ts';
import { AsyncBoundary } from '../components/ui/async-boundary.tsx';
import { PageTitle } from '../components/ui/page-title.tsx';

/** The lesson a newcomer starts with: who says what, before how sure and what evidence. */
const START_SLUG = 'wie-zegt-wat';

function LessonCards() {
  const lessons = createAsync(() => getLessons());
  return (
    <Show when={lessons()}>
      {(list) => (
        <Show when={list().length > 0} fallback={<p>{t('catalogEmpty')}</p>}>
          <ul class="cards">
            <For each={[...list()].sort((a, b) => Number(b.slug === START_SLUG) - Number(a.slug === START_SLUG))}>
              {(lesson) => (
                <li class="card" classList={{ 'card-start': lesson.slug === START_SLUG }}>
                  <Show when={lesson.slug === START_SLUG}>
                    <p class="start-badge">{t('startHere')}</p>
                  </Show>
                  <h2>
                    <A href={`/lessons/${lesson.slug}`}>{pick(lesson.title)}</A>
                  </h2>
                  <p>{pick(lesson.summary)}</p>
                  <p class="meta">
                    <span>{t('minutes')(lesson.minutes)}</span>
                    <span aria-hidden="true"> · </span>
                    <span>{t('questionCount')(lesson.questionCount)}</span>
                  </p>
                  <SkillList skills={lesson.skills} />
                </li>
              )}
            </For>
          </ul>
        </Show>
      )}
    </Show>
  );
}

/** This learner's own attempts (from the server, so they follow a resume code to another device). */
function MyAttempts() {
  const lessons = createAsync(() => getLessons());
  // A visitor without a session has none: the catalog shows just the lessons.
  const mine = createAsync(() => getMyAttempts());
  const lessonOf = (slug: string) => (lessons() ?? []).find((l: LessonSummary) => l.slug === slug);
  const title = (slug: string) => {
    const lesson = lessonOf(slug);
    return lesson ? pick(lesson.title) : slug;
  };
  const open = () => (mine() ?? []).filter((a) => a.assignmentId === null).slice(0, 6);
  return (
    <Show when={open().length > 0}>
      <section class="my-attempts" aria-labelledby="my-attempts-heading">
        <h2 id="my-attempts-heading">{t('yourAttempts')}</h2>
        <ul>
          <For each={open()}>
            {(a) => (
              <li>
                <A href={a.status === 'finished' ? `/attempts/${a.id}/results` : `/attempts/${a.id}`}>
                  {a.status === 'finished' ? t('seeResults') : t('resumeAttempt')}: {title(a.lessonSlug)}
                </A>{' '}
                <span class="muted">({a.mode === 'test' ? t('modeTest') : t('modePractice')})</span>
                {/* how far along, "5/13", with the words for a screen reader */}
                <Show when={a.status === 'in-progress' && lessonOf(a.lessonSlug)}>
                  {(lesson) => (
                    <>
                      {' '}
                      <span class="attempt-progress" aria-hidden="true">
                        {a.answered ?? 0}/{lesson().questionCount}
                      </span>
                      <span class="visually-hidden">{t('progress')(a.answered ?? 0, lesson().questionCount)}</span>
                    </>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}

export default function Catalog() {
  return (
    <div class="page">
      <PageTitle>{t('catalogTitle')}</PageTitle>
      <p class="lead">{t('catalogIntro')}</p>
      <section class="catalog-about" aria-label={t('aboutLessons')}>
        <p>{t('catalogArticle')}</p>
        <p>{t('catalogNoAccount')}</p>
        <p class="muted">
          {t('catalogTeachers')} <A href="/teacher">{t('catalogTeachersLink')}</A>
        </p>
      </section>
      <AsyncBoundary>
        <MyAttempts />
        <LessonCards />
      </AsyncBoundary>
    </div>
  );
}
