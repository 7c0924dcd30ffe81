// The lesson intro: minutes, skills, the choice to start in practice or test mode (or to continue an
// unfinished attempt started in this browser) near the top, then goals and where the article comes from.
import { createAsync, useAction, useNavigate, useParams, useSubmission } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Mode } from '../../../server/api-types.ts';
import { SkillList } from '../components/skill-list.tsx';
import { isAnswered } from '../components/questions/index.tsx';
import { lang, pick, t } from '../i18n/index.ts';
import { ApiError, type AttemptView, type LessonDetail } from '../lib/api.ts';
import { attemptsFor, forgetAttempt, rememberAttempt } from '../lib/attempts-store.ts';
import { getAttempt, getLesson, startAttempt } from '../lib/queries.ts';
import { AsyncBoundary } from '../components/ui/async-boundary.tsx';
import { ErrorMessage } from '../components/ui/error-message.tsx';
import { PageTitle } from '../components/ui/page-title.tsx';

/** The newest attempt this browser started for the lesson that the server says is unfinished. */
async function findUnfinished(slug: string): Promise<AttemptView | null> {
  for (const remembered of attemptsFor(slug)) {
    try {
      const attempt = await getAttempt(remembered.id);
      if (attempt.status === 'in-progress') return attempt;
    } catch (error) {
      // gone or not ours any more (another learner on this browser): stop offering it
      if (error instanceof ApiError && (error.status === 404 || error.status === 403 || error.status === 401)) {
        forgetAttempt(remembered.id);
        continue;
      }
      return null;
    }
  }
  return null;
}

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
  return new Intl.DateTimeFormat(lang() === 'nl' ? 'nl-NL' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    ...(d ? { day: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(date);
}

function LessonIntro(props: { lesson: LessonDetail }) {
  const navigate = useNavigate();
  const unfinished = createAsync(() => findUnfinished(props.lesson.slug));
  const startIn = useAction(startAttempt);
  const submission = useSubmission(startAttempt);
  // the mode being started, also while the runner loads after a start went through
  const starting = (): Mode | null => (submission.input && !submission.error ? submission.input[1] : null);
  const start = async (mode: Mode) => {
    const attempt = await startIn(props.lesson.slug, mode).catch(() => null); // the submission shows the error
    if (!attempt) return;
    rememberAttempt({ id: attempt.id, lessonSlug: attempt.lessonSlug, mode: attempt.mode, startedAt: attempt.startedAt });
    navigate(`/attempts/${attempt.id}?q=1`);
  };

  const source = () => props.lesson.article.source;
  return (
    <div class="page narrow">
      <PageTitle>{pick(props.lesson.title)}</PageTitle>
      <p class="lead">{pick(props.lesson.summary)}</p>
      <p class="meta">
        <span>{t('minutes')(props.lesson.minutes)}</span>
        <span aria-hidden="true"> · </span>
        <span>{t('questionCount')(props.lesson.questionCount)}</span>
      </p>
      <SkillList skills={props.lesson.skills} />

      {/* starting comes first, visible without scrolling on a phone; the goals and source follow */}
      <Show when={unfinished()}>
        {(attempt) => (
          <section class="continue-box" aria-labelledby="continue-title">
            <h2 id="continue-title">{t('continueAttempt')}</h2>
            <p>
              {t('continueHint')(
                attempt().mode === 'test' ? t('modeTest') : t('modePractice'),
                attempt().questions.filter((q) => isAnswered(q, attempt().responses.find((r) => r.questionId === q.id)?.answer)).length,
                attempt().questions.length,
              )}
            </p>
            <button type="button" class="primary" onClick={() => navigate(`/attempts/${attempt().id}`)}>
              {t('continueAttempt')}
            </button>
          </section>
        )}
      </Show>

      <div class="start-options">
        <div class="start-option">
          <button type="button" class="primary" disabled={starting() !== null} onClick={() => start('practice')}>
            {starting() === 'practice' ? t('starting') : t('startPractice')}
          </button>
          <p>{t('startPracticeHint')}</p>
        </div>
        <div class="start-option">
          <button type="button" class="primary" disabled={starting() !== null} onClick={() => start('test')}>
            {starting() === 'test' ? t('starting') : t('startTest')}
          </button>
          <p>{t('startTestHint')}</p>
        </div>
      </div>
      <Show when={submission.error}>{(e) => <ErrorMessage error={e()} />}</Show>

      <h2>{t('goals')}</h2>
      <ul class="goals">
        <For each={props.lesson.goals}>{(goal) => <li>{pick(goal)}</li>}</For>
      </ul>

      <h2>{t('articleSource')}</h2>
      <p>
        <cite lang={props.lesson.article.language}>{props.lesson.article.title}</cite>
        {' — '}
        <a href={source().url} rel="noopener noreferrer">
          {source().name}
        </a>
        {`, ${t('published').toLowerCase()} ${formatDate(source().published)}`}
      </p>
      <p class="credit">{pick(props.lesson.article.credit)}</p>

      <Show when={props.lesson.article.contextCard}>
        {(card) => (
          <section class="context-card" aria-labelledby="context-card-title">
            <h2 id="context-card-title">{pick(card().title)}</h2>
            <For each={card().paragraphs}>{(p) => <p>{pick(p)}</p>}</For>
          </section>
        )}
      </Show>

    </div>
  );
}

export default function LessonPage() {
  const params = useParams();
  const lesson = createAsync(() => getLesson(params.slug!));
  return (
    <AsyncBoundary>
      <Show when={lesson()}>{(l) => <LessonIntro lesson={l()} />}</Show>
    </AsyncBoundary>
  );
}
