// /teacher/live/:id: the teacher runs a live lesson. One question at a time: show it, see who has
// answered (names here only), lock, reveal the key with its explanation and cited sentences, open
// another round, show or hide the results on the projector, an optional timer only when started;
// the join window and the lock of the session; remove a participant; end the lesson.
import { createMemo, createSignal, For, Match, Show, Switch, type JSX } from 'solid-js';
import { A, useNavigate, useParams } from '@solidjs/router';
import { RequireTeacher } from '../../../components/teacher/require-teacher.tsx';
import { TeacherBar } from '../../../components/teacher/teacher-bar.tsx';
import { Rounds } from '../../../components/live/rounds.tsx';
import { RevealPanel } from '../../../components/live/reveal-panel.tsx';
import { CitedHeatMap } from '../../../components/live/cited-heat-map.tsx';
import { LiveTimer } from '../../../components/live/timer.tsx';
import { useCommands, useLiveView } from '../../../components/live/use-live-view.ts';
import { ErrorMessage } from '../../../components/ui/error-message.tsx';
import { ErrorText } from '../../../components/ui/error-text.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { useTitle } from '../../../components/ui/page-title.tsx';
import { formatTime, pick, skillName, t } from '../../../i18n/live.ts';
import { liveApi, type LiveParticipantView, type LiveTeacherView } from '../../../lib/live.ts';
import '../../../styles/teacher.css';
import '../../../styles/live.css';

export default function LiveControlPage(): JSX.Element {
  return (
    <RequireTeacher>
      {(me) => (
        <div class="tw-page lv-control">
          <TeacherBar me={me} />
          <Control />
        </div>
      )}
    </RequireTeacher>
  );
}

/** What the teacher hears (politely) when it matters: everyone has answered. */
export function controlNews(before: LiveTeacherView | null, after: LiveTeacherView): string | null {
  const active = after.participants.filter((p) => !p.removed).length;
  const all = (v: LiveTeacherView) => v.state.phase === 'answering' && v.state.questionId !== null && active > 0 && v.counts.answered >= active;
  if (all(after) && !(before && all(before) && before.state.questionId === after.state.questionId && before.state.round === after.state.round)) {
    return t('live.everyoneAnswered')(active);
  }
  return null;
}

function Control(): JSX.Element {
  const params = useParams();
  const [news, setNews] = createSignal('');
  const live = useLiveView<LiveTeacherView>(
    () => liveApi.session(params.id!),
    liveApi.teacherEventsUrl(params.id!),
    (before, after) => {
      const said = controlNews(before, after);
      if (said) setNews(said);
    },
  );
  useTitle(() => (live.view() ? t('live.controlTitle')(pick(live.view()!.lessonTitle)) : t('live.liveLesson')));
  return (
    <>
      <p class="tw-sr-only" role="status" aria-live="polite" aria-atomic="true">
        {news()}
      </p>
      <Switch fallback={<Loading />}>
        <Match when={!live.view() && live.failure()}>
          <ErrorMessage error={live.failure()} retry={() => void live.refresh()} />
        </Match>
        <Match when={live.view()}>{(v) => <ControlBody view={v()} connection={live.connection()} accept={live.accept} />}</Match>
      </Switch>
    </>
  );
}

function ControlBody(props: { view: LiveTeacherView; connection: string; accept: (view: LiveTeacherView) => void }): JSX.Element {
  const navigate = useNavigate();
  const v = () => props.view;
  const commands = useCommands(v().id, props.accept);
  const busy = () => commands.pending() !== null;
  const questions = () => v().lesson.questions;
  const article = createMemo(() => v().lesson.article, undefined, { equals: (a, b) => a.title === b.title });
  const current = createMemo(() => questions().find((q) => q.id === v().state.questionId) ?? null);
  const ended = () => v().state.phase === 'ended';
  const [minutes, setMinutes] = createSignal('2');
  const [confirmEnd, setConfirmEnd] = createSignal(false);
  const joinOpen = () => v().joinOpen;

  return (
    <>
      <p class="tw-back">
        <A href="/teacher/classes">{t('live.backToClasses')}</A>
      </p>
      <h1>{t('live.controlTitle')(pick(v().lessonTitle))}</h1>
      <p class="tw-muted">
        {v().className ? t('live.forClass')(v().className!) : t('live.forGuests')} ·{' '}
        {props.connection === 'open' ? t('live.connected') : t('live.reconnecting')}
      </p>

      <Show when={ended()}>
        <div class="tw-panel" role="status">
          <p>
            <strong>{t('live.endedAt')(formatTime(v().state.endedAt))}</strong>
          </p>
          <A class="tw-button tw-primary" href={`/teacher/live/${v().id}/results`}>
            {t('live.toResults')}
          </A>
        </div>
      </Show>

      <section class="tw-section tw-join-code-panel lv-code-panel" aria-labelledby="lv-code-h">
        <h2 id="lv-code-h">{t('live.sessionCode')}</h2>
        <p class="tw-join-code" translate="no">
          {v().code ?? '–'}
        </p>
        <p>{t('live.joinHow')(`${location.host}/live`)}</p>
        <p class="lv-join-state">
          {v().locked ? t('live.joinLocked') : joinOpen() ? t('live.joinOpenUntil')(formatTime(v().joinOpenUntil)) : t('live.joinClosed')}
        </p>
        <div class="tw-actions lv-centered">
          <A class="tw-button tw-primary" href={`/teacher/live/${v().id}/projector`} target="_blank">
            {t('live.openProjector')}
            <span class="tw-sr-only">, {t('live.newTab')}</span>
          </A>
          <Show when={!ended()}>
            <Show
              when={joinOpen()}
              fallback={
                <button type="button" class="tw-button" disabled={busy() || v().locked} onClick={() => void commands.run({ type: 'open-joining', minutes: 15 })}>
                  {t('live.openJoining')}
                </button>
              }
            >
              <button type="button" class="tw-button" disabled={busy()} onClick={() => void commands.run({ type: 'close-joining' })}>
                {t('live.closeJoining')}
              </button>
            </Show>
            <button
              type="button"
              class="tw-button"
              aria-pressed={v().locked}
              disabled={busy()}
              onClick={() => void commands.run({ type: v().locked ? 'unlock-joining' : 'lock-joining' })}
            >
              {t('live.lockSession')}
            </button>
          </Show>
        </div>
      </section>

      <ErrorText error={commands.error()} />

      <section class="tw-section lv-current" aria-labelledby="lv-current-h" aria-busy={busy()}>
        <Show
          when={current()}
          fallback={
            <>
              <h2 id="lv-current-h">{t('live.lobby')}</h2>
              <p>{t('live.lobbyText')}</p>
            </>
          }
        >
          {(q) => (
            <>
              <h2 id="lv-current-h">
                {t('live.questionOf')(v().state.questionNumber ?? 0, v().state.questionCount)} · {t('live.roundN')(v().state.round)}
              </h2>
              <p class="tw-prompt lv-prompt">
                {pick(q().prompt)} <span class="tw-muted">({skillName(q().skill)})</span>
              </p>
              <p class="lv-phase">
                <strong>{t('live.phaseLabel')}:</strong> {t('live.phase')[v().state.phase]} ·{' '}
                {t('live.answeredOf')(v().counts.answered, v().participants.filter((p) => !p.removed).length)}
                {' · '}
                {v().state.showResults ? t('live.resultsShown') : t('live.resultsHidden')}
              </p>
              <Show when={!ended()}>
                <div class="tw-actions lv-commands" role="group" aria-label={t('live.commands')}>
                  <Show
                    when={v().state.phase === 'answering'}
                    fallback={
                      <Show when={v().state.phase === 'locked'}>
                        <button type="button" class="tw-button" disabled={busy()} onClick={() => void commands.run({ type: 'unlock' })}>
                          {t('live.unlockAnswers')}
                        </button>
                      </Show>
                    }
                  >
                    <button type="button" class="tw-button" disabled={busy()} onClick={() => void commands.run({ type: 'lock' })}>
                      {t('live.lockAnswers')}
                    </button>
                  </Show>
                  <button type="button" class="tw-button tw-primary" disabled={busy() || v().state.phase === 'revealed'} onClick={() => void commands.run({ type: 'reveal' })}>
                    {t('live.reveal')}
                  </button>
                  <button type="button" class="tw-button" disabled={busy()} onClick={() => void commands.run({ type: 'new-round' })}>
                    {t('live.newRoundButton')(v().state.round + 1)}
                  </button>
                  <button
                    type="button"
                    class="tw-button"
                    aria-pressed={v().state.showResults}
                    disabled={busy()}
                    onClick={() => void commands.run({ type: 'show-results', show: !v().state.showResults })}
                  >
                    {t('live.showResults')}
                  </button>
                </div>
                <div class="tw-inline-form lv-timer-form">
                  <div class="tw-field">
                    <label for="lv-minutes">{t('live.timerMinutes')}</label>
                    <select id="lv-minutes" value={minutes()} onChange={(e) => setMinutes(e.currentTarget.value)}>
                      <For each={['1', '2', '3', '5']}>{(m) => <option value={m}>{t('live.minutesN')(Number(m))}</option>}</For>
                    </select>
                  </div>
                  <Show
                    when={v().state.timerEndsAt}
                    fallback={
                      <button type="button" class="tw-button" disabled={busy()} onClick={() => void commands.run({ type: 'start-timer', seconds: Number(minutes()) * 60 })}>
                        {t('live.startTimer')}
                      </button>
                    }
                  >
                    <button type="button" class="tw-button" disabled={busy()} onClick={() => void commands.run({ type: 'stop-timer' })}>
                      {t('live.stopTimer')}
                    </button>
                  </Show>
                  <LiveTimer endsAt={v().state.timerEndsAt} />
                </div>
              </Show>
              <Rounds rounds={v().rounds} type={q().type} revealed headingLevel={3} />
              <RevealPanel
                review={{ key: null, explanation: q().explanation, anchors: q().cites }}
                article={article()}
                title={v().state.phase === 'revealed' ? t('live.keyRevealed') : t('live.keyPrivate')}
              />
              <Show when={v().rounds.some((r) => Object.keys(r.citations).length > 0)}>
                <For each={v().rounds}>
                  {(r) => <CitedHeatMap article={article()} citations={r.citations} anchors={q().cites} caption={t('live.heatCaption')(r.round)} />}
                </For>
              </Show>
            </>
          )}
        </Show>
      </section>

      <section class="tw-section" aria-labelledby="lv-questions-h">
        <h2 id="lv-questions-h">{t('live.questions')}</h2>
        <ol class="lv-question-list">
          <For each={questions()}>
            {(q, i) => (
              <li aria-current={q.id === v().state.questionId ? 'step' : undefined} classList={{ 'lv-question-current': q.id === v().state.questionId }}>
                <span>
                  <strong>{t('live.questionN')(i() + 1)}</strong> {pick(q.prompt)}
                </span>
                <Show when={!ended() && q.id !== v().state.questionId}>
                  <button
                    type="button"
                    class="tw-button tw-small"
                    aria-label={t('live.showQuestionN')(i() + 1)}
                    disabled={busy()}
                    onClick={() => void commands.run({ type: 'show-question', questionId: q.id })}
                  >
                    {t('live.showQuestion')}
                  </button>
                </Show>
                <Show when={q.id === v().state.questionId}>
                  <span class="tw-tag">{t('live.shownNow')}</span>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </section>

      <section class="tw-section" aria-labelledby="lv-people-h">
        <h2 id="lv-people-h">{t('live.participants')(v().participants.filter((p) => !p.removed).length)}</h2>
        <Show when={v().participants.length > 0} fallback={<p>{t('live.nobodyYet')}</p>}>
          <ul class="tw-roster lv-people">
            <For each={v().participants}>
              {(p) => <ParticipantRow participant={p} disabled={busy() || ended()} onRemove={() => commands.run({ type: 'remove-participant', participantId: p.id })} />}
            </For>
          </ul>
        </Show>
      </section>

      <section class="tw-section tw-panel" aria-labelledby="lv-end-h">
        <h2 id="lv-end-h">{t('live.afterwards')}</h2>
        <div class="tw-actions">
          <A class="tw-button" href={`/teacher/live/${v().id}/results`}>
            {t('live.toResults')}
          </A>
          <Show when={!ended()}>
            <Show
              when={confirmEnd()}
              fallback={
                <button type="button" class="tw-button tw-danger" onClick={() => setConfirmEnd(true)}>
                  {t('live.end')}
                </button>
              }
            >
              <span class="tw-confirm" role="group" aria-label={t('live.end')}>
                <span>{t('live.confirmEnd')}</span>
                <button
                  type="button"
                  class="tw-button tw-danger"
                  disabled={busy()}
                  ref={(el) => queueMicrotask(() => el.focus())}
                  onClick={() => void commands.run({ type: 'end' }).then((ok) => ok && navigate(`/teacher/live/${v().id}/results`))}
                >
                  {t('live.confirmEndYes')}
                </button>
                <button type="button" class="tw-button" onClick={() => setConfirmEnd(false)}>
                  {t('live.cancel')}
                </button>
              </span>
            </Show>
          </Show>
        </div>
      </section>
    </>
  );
}

function ParticipantRow(props: { participant: LiveParticipantView; disabled: boolean; onRemove: () => Promise<boolean> }): JSX.Element {
  const [confirming, setConfirming] = createSignal(false);
  const p = () => props.participant;
  return (
    <li class="tw-roster-row" classList={{ 'lv-removed': p().removed }}>
      <span class="tw-roster-name">
        {p().name}{' '}
        <Switch>
          <Match when={p().removed}>
            <span class="tw-tag">{t('live.removed')}</span>
          </Match>
          <Match when={p().answered}>
            <span class="tw-tag tw-tag-correct">✓ {t('live.hasAnswered')}</span>
          </Match>
          <Match when={true}>
            <span class="tw-tag tw-muted">{t('live.notAnswered')}</span>
          </Match>
        </Switch>
      </span>
      <Show when={!p().removed}>
        <Show
          when={confirming()}
          fallback={
            <button type="button" class="tw-button tw-danger tw-small" aria-label={t('live.removeWho')(p().name)} disabled={props.disabled} onClick={() => setConfirming(true)}>
              {t('live.remove')}
            </button>
          }
        >
          <span class="tw-confirm" role="group" aria-label={t('live.removeWho')(p().name)}>
            <span>{t('live.confirmRemove')(p().name)}</span>
            <button
              type="button"
              class="tw-button tw-danger tw-small"
              ref={(el) => queueMicrotask(() => el.focus())}
              disabled={props.disabled}
              onClick={() => void props.onRemove().then(() => setConfirming(false))}
            >
              {t('live.confirmRemoveYes')}
            </button>
            <button type="button" class="tw-button tw-small" onClick={() => setConfirming(false)}>
              {t('live.cancel')}
            </button>
          </span>
        </Show>
      </Show>
    </li>
  );
}
