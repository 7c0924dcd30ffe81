// The catalog: every lesson as a card with its title, summary, minutes, skills and question count.
import { A, createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { AsyncBoundary } from '../components/async-boundary.tsx';
import { PageTitle } from '../components/layout.tsx';
import { SkillList } from '../components/skill-list.tsx';
import { pick, t } from '../i18n/index.ts';
import { getLessons } from '../lib/queries.ts';

function LessonCards() {
  const lessons = createAsync(() => getLessons());
  return (
    <Show when={lessons()}>
      {(list) => (
        <Show when={list().length > 0} fallback={<p>{t('catalogEmpty')}</p>}>
          <ul class="cards">
            <For each={list()}>
              {(lesson) => (
                <li class="card">
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

export default function Catalog() {
  return (
    <div class="page">
      <PageTitle>{t('catalogTitle')}</PageTitle>
      <p class="lead">{t('catalogIntro')}</p>
      <AsyncBoundary>
        <LessonCards />
      </AsyncBoundary>
    </div>
  );
}
