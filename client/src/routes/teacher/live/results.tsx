// /teacher/live/:id/results: after (or during) a live lesson, per question the share right in each
// round, who moved from wrong to right and from right to wrong (names: the teacher's page only),
// the misconceptions per round, and the CSV like the assignment report's.
import { createResource, For, Match, Show, Switch, type JSX } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { RequireTeacher } from '../../../components/teacher/require-teacher.tsx';
import { TeacherBar } from '../../../components/teacher/teacher-bar.tsx';
import { Bar } from '../../../components/teacher/report-parts.tsx';
import { ErrorMessage } from '../../../components/ui/error-message.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { useTitle } from '../../../components/ui/page-title.tsx';
import { formatDateTime, misconceptionName, percent, pick, t } from '../../../i18n/live.ts';
import { liveApi, type LiveResults, type LiveResultsQuestion } from '../../../lib/live.ts';
import '../../../styles/teacher.css';
import '../../../styles/live.css';

export default function LiveResultsPage(): JSX.Element {
  return (
    <RequireTeacher>
      {(me) => (
        <div class="tw-page">
          <TeacherBar me={me} />
          <ResultsLoader />
        </div>
      )}
    </RequireTeacher>
  );
}

function ResultsLoader(): JSX.Element {
  const params = useParams();
  const [results, { refetch }] = createResource(() => params.id!, (id) => liveApi.results(id));
  useTitle(() => (results.latest ? t('live.resultsTitle')(pick(results.latest.lessonTitle)) : t('live.liveLesson')));
  return (
    <Switch fallback={<Loading />}>
      <Match when={results.error}>
        <ErrorMessage error={results.error} retry={() => void refetch()} />
      </Match>
      <Match when={results()}>{(r) => <ResultsBody results={r()} />}</Match>
    </Switch>
  );
}

function ResultsBody(props: { results: LiveResults }): JSX.Element {
  const r = () => props.results;
  return (
    <>
      <p class="tw-back">
        <A href={`/teacher/live/${r().id}`}>{t('live.backToControl')}</A>
      </p>
      <h1>{t('live.resultsTitle')(pick(r().lessonTitle))}</h1>
      <p class="tw-muted">
        {r().className ? t('live.forClass')(r().className!) : t('live.forGuests')} · {formatDateTime(r().startedAt)}
        <Show when={r().endedAt}> – {formatDateTime(r().endedAt)}</Show>
      </p>
      <p>
        <a class="tw-button" href={liveApi.resultsCsvUrl(r().id)} download="">
          {t('live.downloadCsv')}
        </a>
      </p>
      <Show when={r().questions.some((q) => q.rounds.length > 0)} fallback={<p>{t('live.noResults')}</p>}>
        <For each={r().questions.filter((q) => q.rounds.length > 0)}>{(q) => <QuestionResults question={q} number={r().questions.indexOf(q) + 1} />}</For>
      </Show>
    </>
  );
}

function QuestionResults(props: { question: LiveResultsQuestion; number: number }): JSX.Element {
  const q = () => props.question;
  const id = () => `lv-res-${props.number}`;
  return (
    <section class="tw-section lv-result" aria-labelledby={id()}>
      <h2 id={id()}>
        {t('live.questionN')(props.number)}: <span class="lv-result-prompt">{pick(q().prompt)}</span>
      </h2>
      <div class="tw-scroll" role="region" aria-labelledby={`${id()}-caption`} tabindex="0">
        <table class="tw-table">
          <caption id={`${id()}-caption`}>{t('live.perRound')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('live.round')}</th>
              <th scope="col" class="tw-num">
                {t('live.answered')}
              </th>
              <th scope="col">{t('live.shareRight')}</th>
              <th scope="col">{t('live.misconceptions')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={q().rounds}>
              {(round) => (
                <tr>
                  <th scope="row">{t('live.roundN')(round.round)}</th>
                  <td class="tw-num">{round.answered}</td>
                  <td>
                    <Bar fraction={round.answered ? round.right / round.answered : 0} label={t('live.rightPct')(percent(round.answered ? round.right / round.answered : 0))} />
                  </td>
                  <td>
                    <Show when={round.misconceptions.length > 0} fallback={<span class="tw-muted">–</span>}>
                      <ul class="lv-plain-list">
                        <For each={round.misconceptions}>
                          {(m) => (
                            <li>
                              {misconceptionName(m.tag)} ({m.count})
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={q().rounds.length > 1}>
        <div class="lv-movers">
          <div>
            <h3>{t('live.wrongToRight')(q().wrongToRight.length)}</h3>
            <Show when={q().wrongToRight.length > 0} fallback={<p class="tw-muted">{t('live.nobody')}</p>}>
              <ul class="lv-plain-list">
                <For each={q().wrongToRight}>{(name) => <li>{name}</li>}</For>
              </ul>
            </Show>
          </div>
          <div>
            <h3>{t('live.rightToWrong')(q().rightToWrong.length)}</h3>
            <Show when={q().rightToWrong.length > 0} fallback={<p class="tw-muted">{t('live.nobody')}</p>}>
              <ul class="lv-plain-list">
                <For each={q().rightToWrong}>{(name) => <li>{name}</li>}</For>
              </ul>
            </Show>
          </div>
        </div>
      </Show>
    </section>
  );
}
