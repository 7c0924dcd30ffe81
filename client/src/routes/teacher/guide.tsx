// /teacher/lessons/:slug/guide: a lesson's teacher's guide, printable: goals with their
// Mediawijsheid competences, the lesson plan, answers with common mistakes, graded sample answers,
// discussion prompts and the note on political balance. Teachers only (the guide holds answers).
import { createResource, For, Match, Show, Switch, type JSX } from 'solid-js';
import { useParams } from '@solidjs/router';
import { api, type LessonGuideView } from '../../lib/api.ts';
import { pick, t } from '../../i18n/class.ts';
import '../../styles/teacher.css';
import { StartLive } from '../../components/live/start-live.tsx';
import { RequireTeacher } from '../../components/teacher/require-teacher.tsx';
import { ErrorMessage } from '../../components/ui/error-message.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { useTitle } from '../../components/ui/page-title.tsx';

const COMPETENCE: Record<string, string> = {
  bedienen: 'Bedienen',
  exploreren: 'Exploreren',
  vinden: 'Vinden',
  creeren: 'Creëren',
  verbinden: 'Verbinden',
  discussieren: 'Discussiëren',
  doorgronden: 'Doorgronden',
  reflecteren: 'Reflecteren',
};

export default function GuidePage(): JSX.Element {
  return <RequireTeacher>{() => <Guide />}</RequireTeacher>;
}

function Guide(): JSX.Element {
  const params = useParams();
  const [view, { refetch }] = createResource(
    () => params.slug,
    (slug) => api.lessonGuide(slug),
  );
  useTitle(() => (view() ? t('class.guideTitle')(pick(view()!.title)) : t('class.guide')));
  return (
    <Switch fallback={<Loading />}>
      <Match when={view.error}>
        <ErrorMessage error={view.error} retry={refetch} />
      </Match>
      <Match when={view()}>{(v) => <GuideBody view={v()} />}</Match>
    </Switch>
  );
}

function GuideBody(props: { view: LessonGuideView }): JSX.Element {
  const g = () => props.view.guide;
  const number = (id: string) => props.view.questions.findIndex((q) => q.id === id) + 1;
  const prompt = (id: string) => props.view.questions.find((q) => q.id === id)?.prompt;
  const openQuestions = () => props.view.questions.filter((q) => g().samples.some((s) => s.question === q.id));
  return (
    <div class="tw-page guide">
      <h1>{t('class.guideTitle')(pick(props.view.title))}</h1>
      <p class="tw-no-print">
        <button type="button" onClick={() => window.print()}>
          {t('class.guidePrint')}
        </button>
      </p>
      <div class="tw-no-print">
        <StartLive slug={props.view.slug} />
      </div>

      <section aria-labelledby="guide-goals">
        <h2 id="guide-goals">{t('class.guideGoals')}</h2>
        <ul>
          <For each={g().goals}>
            {(goal) => (
              <li>
                {pick(goal.goal)} <em>({goal.competences.map((c) => COMPETENCE[c] ?? c).join(', ')})</em>
              </li>
            )}
          </For>
        </ul>
      </section>

      <section aria-labelledby="guide-plan">
        <h2 id="guide-plan">{t('class.guidePlan')}</h2>
        <ol>
          <For each={g().plan}>
            {(step) => (
              <li>
                <strong>{t('class.guideMinutes')(step.minutes)}</strong> {pick(step.activity)}
              </li>
            )}
          </For>
        </ol>
      </section>

      <section aria-labelledby="guide-answers">
        <h2 id="guide-answers">{t('class.guideAnswers')}</h2>
        <For each={g().answers}>
          {(a) => (
            <article class="guide-answer" aria-labelledby={`guide-q-${a.question}`}>
              <h3 id={`guide-q-${a.question}`}>{t('class.guideQuestion')(number(a.question))}</h3>
              <Show when={prompt(a.question)}>{(p) => <p>{pick(p())}</p>}</Show>
              <p>
                <strong>{t('class.guideAnswer')}:</strong> {pick(a.answer)}
              </p>
              <p>
                <strong>{t('class.guideMistakes')}:</strong> {pick(a.mistakes)}
              </p>
            </article>
          )}
        </For>
      </section>

      <section aria-labelledby="guide-samples">
        <h2 id="guide-samples">{t('class.guideSamples')}</h2>
        <For each={openQuestions()}>
          {(q) => (
            <>
              <h3>{t('class.guideQuestion')(number(q.id))}</h3>
              <ul>
                <For each={g().samples.filter((s) => s.question === q.id)}>
                  {(s) => (
                    <li>
                      <q>{pick(s.text)}</q>{' '}
                      <span>
                        ({t('class.guideLevels')}:{' '}
                        {Object.entries(s.levels)
                          .map(([c, level]) => `${c} ${level}`)
                          .join(', ')}
                        ) {pick(s.why)}
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </For>
      </section>

      <section aria-labelledby="guide-discussion">
        <h2 id="guide-discussion">{t('class.guideDiscussion')}</h2>
        <For each={g().discussion}>
          {(d) => (
            <div class="guide-discussion">
              <p>
                <strong>{pick(d.prompt)}</strong>
              </p>
              <p>{pick(d.note)}</p>
            </div>
          )}
        </For>
      </section>

      <Show when={g().balance}>
        {(b) => (
          <section aria-labelledby="guide-balance">
            <h2 id="guide-balance">{t('class.guideBalance')}</h2>
            <p>{pick(b())}</p>
          </section>
        )}
      </Show>
    </div>
  );
}
