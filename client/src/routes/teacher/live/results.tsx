// /teacher/live/:id/results: after (or during) a live lesson, per question the share right in each
// round, who moved from wrong to right and from right to wrong against the round before (names:
// the teacher's page only), the misconceptions per round, and the CSV like the assignment report's.
import { createResource, For, Match, Show, Switch, type JSX } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { RequireTeacher } from '../../../components/teacher/require-teacher.tsx';
import { TeacherBar } from '../../../components/teacher/teacher-bar.tsx';
import { Bar } from '../../../components/teacher/report-parts.tsx';
import { ErrorMessage } from '../../../components/ui/error-message.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { ColumnHeads, ScrollTable } from '../../../components/ui/scroll-table.tsx';
import { useTitle } from '../../../components/ui/page-title.tsx';
import { formatDateTime, misconceptionName, percent, pick, t } from '../../../i18n/live.ts';
import { liveApi, type LiveResults } from '../../../lib/live.ts';
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
  useTitle(() => (results.latest ? t('live.resultsTitle')(pick(results.latest.session.lessonTitle)) : t('live.liveLesson')));
  return (
    <Switch fallback={<Loading />}>
      <Match when={results.error}>
        <ErrorMessage error={results.error} retry={() => void refetch()} />
      </Match>
      <Match when={results()}>{(r) => <ResultsBody results={r()} />}</Match>
    </Switch>
  );
}

type ResultsQuestion = LiveResults['questions'][number];

function ResultsBody(props: { results: LiveResults }): JSX.Element {
  const session = () => props.results.session;
  const answered = () => props.results.questions.filter((q) => q.rounds.some((r) => r.answered > 0));
  return (
    <>
      <p class="tw-back">
        <A href={`/teacher/live/${session().id}`}>{t('live.backToControl')}</A>
      </p>
      <h1>{t('live.resultsTitle')(pick(session().lessonTitle))}</h1>
      <p class="tw-muted">
        {session().className ? t('live.forClass')(session().className!) : t('live.forGuests')} · {formatDateTime(session().startedAt)}
        <Show when={session().endedAt}> – {formatDateTime(session().endedAt)}</Show> · {t('live.participants')(props.results.participants)}
      </p>
      <p>
        <a class="tw-button" href={liveApi.resultsCsvUrl(session().id)} download="">
          {t('live.downloadCsv')}
        </a>
      </p>
      <Show when={answered().length > 0} fallback={<p>{t('live.noResults')}</p>}>
        <For each={answered()}>{(q) => <QuestionResults question={q} />}</For>
      </Show>
    </>
  );
}

function Names(props: { movers: { name: string }[] }): JSX.Element {
  return (
    <Show when={props.movers.length > 0} fallback={<span class="tw-muted">–</span>}>
      <ul class="lv-plain-list">
        <For each={props.movers}>{(m) => <li>{m.name}</li>}</For>
      </ul>
    </Show>
  );
}

function QuestionResults(props: { question: ResultsQuestion }): JSX.Element {
  const q = () => props.question;
  const id = () => `lv-res-${q().questionNumber}`;
  return (
    <section class="tw-section lv-result" aria-labelledby={id()}>
      <h2 id={id()}>
        {t('live.questionN')(q().questionNumber)}: <span class="lv-result-prompt">{pick(q().prompt)}</span>
      </h2>
      <ScrollTable
        captionId={`${id()}-caption`}
        caption={t('live.perRound')}
        head={
          <ColumnHeads
            labels={[t('live.round'), t('live.answered'), t('live.shareRight'), t('live.misconceptions'), t('live.wrongToRightShort'), t('live.rightToWrongShort')]}
            num={[1]}
          />
        }
      >
        <For each={q().rounds}>
          {(round) => (
            <tr>
              <th scope="row">{t('live.roundN')(round.round)}</th>
              <td class="tw-num">{round.answered}</td>
              <td>
                <Show when={round.right !== null} fallback={<span class="tw-muted">{t('live.teacherGraded')}</span>}>
                  <Bar fraction={round.right ?? 0} label={t('live.rightPct')(percent(round.right ?? 0))} />
                </Show>
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
              <td>
                <Names movers={round.wrongToRight} />
              </td>
              <td>
                <Names movers={round.rightToWrong} />
              </td>
            </tr>
          )}
        </For>
      </ScrollTable>
    </section>
  );
}
