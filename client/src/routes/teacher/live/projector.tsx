// /teacher/live/:id/projector: the live lesson on the classroom projector, without names. The
// code and the address to join, how many joined and answered, the question; once the teacher shows
// the results, the answers per round side by side with the shift, and the article with the
// sentences the class cited; after the reveal, the key.
import { createMemo, onCleanup, onMount, Show, Switch, Match, type JSX } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { RequireTeacher } from '../../../components/teacher/require-teacher.tsx';
import { Rounds } from '../../../components/live/rounds.tsx';
import { RevealPanel } from '../../../components/live/reveal-panel.tsx';
import { CitedHeatMap } from '../../../components/live/cited-heat-map.tsx';
import { LiveTimer } from '../../../components/live/timer.tsx';
import { useLiveView } from '../../../components/live/use-live-view.ts';
import { FullScreenButton } from '../../../components/ui/full-screen-button.tsx';
import { ErrorMessage } from '../../../components/ui/error-message.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { useTitle } from '../../../components/ui/page-title.tsx';
import { pick, t } from '../../../i18n/live.ts';
import { liveApi, type LiveProjectorView } from '../../../lib/live.ts';
import '../../../styles/teacher.css';
import '../../../styles/live.css';

export default function LiveProjectorPage(): JSX.Element {
  return <RequireTeacher>{() => <Projector />}</RequireTeacher>;
}

function Projector(): JSX.Element {
  const params = useParams();
  const live = useLiveView<LiveProjectorView>(() => liveApi.projector(params.id!), liveApi.projectorEventsUrl(params.id!));
  onMount(() => document.body.classList.add('projector'));
  onCleanup(() => document.body.classList.remove('projector'));
  useTitle(() => (live.view() ? t('live.projectorTitle')(pick(live.view()!.lessonTitle)) : t('live.liveLesson')));
  return (
    <Switch fallback={<Loading />}>
      <Match when={!live.view() && live.failure()}>
        <div class="tw-page">
          <ErrorMessage error={live.failure()} retry={() => void live.refresh()} />
        </div>
      </Match>
      <Match when={live.view()}>{(v) => <Stage view={v()} />}</Match>
    </Switch>
  );
}

function Stage(props: { view: LiveProjectorView }): JSX.Element {
  const v = () => props.view;
  let stage!: HTMLDivElement;
  const article = createMemo(() => v().article, undefined, { equals: (a, b) => a.title === b.title });
  const revealed = () => (v().state.phase === 'revealed' ? (v().review ?? undefined) : undefined);
  return (
    <div class="tw-page tw-projector lv-projector" ref={stage}>
      <div class="tw-toolbar tw-projector-bar tw-no-print">
        <A class="tw-button tw-small" href={`/teacher/live/${v().id}`}>
          {t('live.backToControl')}
        </A>
        <FullScreenButton target={() => stage} small />
      </div>
      <header class="lv-projector-head">
        <h1>{pick(v().lessonTitle)}</h1>
        <Show when={v().state.phase !== 'ended' && v().code} fallback={<p class="lv-projector-join">{t('live.endedTitle')}</p>}>
          <div class="lv-projector-join">
            <p class="lv-projector-how">{v().joinOpen ? t('live.joinHow')(`${location.host}/live`) : t('live.joinClosed')}</p>
            <p class="lv-projector-code" translate="no">
              {v().code}
            </p>
          </div>
        </Show>
        <dl class="lv-counts">
          <div>
            <dt>{t('live.joined')}</dt>
            <dd>{v().counts.joined}</dd>
          </div>
          <div>
            <dt>{t('live.answered')}</dt>
            <dd>{v().counts.answered}</dd>
          </div>
        </dl>
      </header>
      <Show when={v().question} fallback={<p class="lv-projector-wait">{t('live.projectorLobby')}</p>}>
        {(q) => (
          <section class="lv-projector-question" aria-labelledby="lv-pq-h">
            <h2 id="lv-pq-h">
              {t('live.questionOf')(v().state.questionNumber ?? 0, v().state.questionCount)} · {t('live.roundN')(v().state.round)}
              <Show when={v().state.phase === 'locked'}> · {t('live.phase').locked}</Show>
            </h2>
            <p class="lv-projector-prompt">{pick(q().prompt)}</p>
            <LiveTimer endsAt={v().state.phase === 'answering' ? v().state.timerEndsAt : null} />
            <Show when={v().state.showResults && v().rounds.length > 0 && v().rounds} fallback={<p class="tw-muted">{t('live.resultsHiddenProjector')}</p>}>
              {(rounds) => (
                <div class="lv-projector-results">
                  <Rounds rounds={rounds()} type={q().type} revealed={!!revealed()} />
                  <CitedHeatMap
                    article={article()}
                    citations={rounds()[rounds().length - 1]?.citations ?? {}}
                    anchors={revealed()?.anchors}
                    caption={t('live.heatCaption')(rounds()[rounds().length - 1]?.round ?? 1)}
                    onlyCited
                  />
                </div>
              )}
            </Show>
            <Show when={revealed()}>{(r) => <RevealPanel question={q()} review={r()} article={article()} />}</Show>
          </section>
        )}
      </Show>
    </div>
  );
}
