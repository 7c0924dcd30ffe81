// /live/:id: a student's live lesson, phone first. The current question with its renderer (all
// eight types), for closed types the sentences that support the answer, a plain acknowledgement
// once the server has it, a waiting screen between questions, the key when the teacher reveals
// it. The view comes over server-sent events (the full view on every (re)connect), so a reload or
// a dropped connection lands on the current question and round with the saved answer.
import { createEffect, createMemo, createSignal, Match, on, onCleanup, onMount, Show, Switch, type JSX } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { ArticleReader } from '../../components/article-reader.tsx';
import { QuestionRenderer } from '../../components/questions/index.tsx';
import { CitePicker } from '../../components/live/cite-picker.tsx';
import { createLiveAnswer } from '../../components/live/live-answer.ts';
import { RevealPanel } from '../../components/live/reveal-panel.tsx';
import { LiveTimer } from '../../components/live/timer.tsx';
import { ErrorMessage, problemText } from '../../components/ui/error-message.tsx';
import { ApiError } from '../../lib/api.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { useTitle } from '../../components/ui/page-title.tsx';
import { formatTime, pick, t } from '../../i18n/live.ts';
import { followStream, liveApi, type Connection, type LiveStudentView } from '../../lib/live.ts';
import '../../styles/live.css';

/** What changed between two views that a student should hear (politely); null for nothing. */
export function studentNews(before: LiveStudentView | null, after: LiveStudentView): string | null {
  if (after.state.phase === 'ended' && before?.state.phase !== 'ended') return t('live.endedTitle');
  if (!before) return null;
  const q = after.state.questionId;
  if (q && q !== before.state.questionId) return t('live.newQuestion')(after.state.questionNumber ?? 0, after.state.questionCount);
  if (!q && before.state.questionId) return t('live.waitingTitle');
  if (q && after.state.round !== before.state.round) return t('live.newRound')(after.state.round);
  if (after.state.phase !== before.state.phase) {
    if (after.state.phase === 'locked') return t('live.lockedNote');
    if (after.state.phase === 'revealed') return t('live.revealedNews');
    if (after.state.phase === 'answering') return t('live.unlockedNews');
  }
  return null;
}

export default function LiveSessionPage(): JSX.Element {
  const params = useParams();
  const [view, setView] = createSignal<LiveStudentView | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [connection, setConnection] = createSignal<Connection>('connecting');
  const [news, setNews] = createSignal('');

  const accept = (next: LiveStudentView) => {
    const said = studentNews(view(), next);
    if (said) setNews(said);
    setFailure(null);
    setView(next);
  };
  onMount(() => {
    let stop = () => {};
    // A plain read first, and again whenever the stream is lost: a session that refuses this device
    // (removed, ended, never joined) says so in words instead of reconnecting for ever.
    const read = () =>
      liveApi.me(params.id!).then(accept, (e) => {
        if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429) {
          stop();
          setFailure(e);
        } else if (!view()) setFailure(e);
      });
    void read();
    stop = followStream<LiveStudentView>(liveApi.studentEventsUrl(params.id!), {
      onView: accept,
      onConnection: (state) => {
        setConnection(state);
        if (state === 'lost') void read();
      },
    });
    onCleanup(() => stop());
  });
  useTitle(() => (view() ? pick(view()!.lessonTitle) : t('live.liveLesson')));

  return (
    <div class="lv-student">
      <p class="tw-sr-only" role="status" aria-live="polite" aria-atomic="true">
        {news()}
      </p>
      <Switch fallback={<Loading />}>
        <Match when={failure() instanceof ApiError && (failure() as ApiError).status < 500}>
          <div class="page narrow">
            <Notice title={t('live.goneTitle')} text={t('live.goneText')} />
            <p>
              <A href="/live">{t('live.joinAgain')}</A>
            </p>
          </div>
        </Match>
        <Match when={!view() && failure()}>
          <div class="page narrow">
            <ErrorMessage error={failure()} />
            <p>
              <A href="/live">{t('live.joinAgain')}</A>
            </p>
          </div>
        </Match>
        <Match when={view()}>{(v) => <StudentLesson view={v()} connection={connection()} />}</Match>
      </Switch>
    </div>
  );
}

function ConnectionLine(props: { connection: Connection }): JSX.Element {
  return (
    <p class="lv-connection" classList={{ 'lv-connection-lost': props.connection !== 'open' }}>
      {props.connection === 'open' ? t('live.connected') : props.connection === 'lost' ? t('live.reconnecting') : t('live.connecting')}
    </p>
  );
}

function StudentLesson(props: { view: LiveStudentView; connection: Connection }): JSX.Element {
  const v = () => props.view;
  return (
    <>
      <div class="lv-head">
        <h1 class="lv-title">{pick(v().lessonTitle)}</h1>
        <p class="mode-badge">{t('live.liveBadge')}</p>
        <ConnectionLine connection={props.connection} />
      </div>
      <Switch fallback={<CurrentQuestion view={v()} />}>
        <Match when={v().state.phase === 'ended'}>
          <Notice title={t('live.endedTitle')} text={t('live.endedText')} />
        </Match>
        <Match when={!v().question}>
          <Notice title={t('live.waitingTitle')} text={t('live.waitingText')} waiting />
        </Match>
      </Switch>
    </>
  );
}

function Notice(props: { title: string; text: string; waiting?: boolean }): JSX.Element {
  return (
    <section class="lv-notice" classList={{ 'lv-waiting': props.waiting }} aria-labelledby="lv-notice-h">
      <h2 id="lv-notice-h">{props.title}</h2>
      <p>{props.text}</p>
      <Show when={!props.waiting}>
        <A class="tw-button" href="/">
          {t('live.toLessons')}
        </A>
      </Show>
    </section>
  );
}

function CurrentQuestion(props: { view: LiveStudentView }): JSX.Element {
  const params = useParams();
  const v = () => props.view;
  // each event brings new objects: the question and the article stay the same ones while their id
  // does, so the renderers keep their elements (and the focus in them)
  const question = createMemo(() => v().question, undefined, { equals: (a, b) => a?.id === b?.id });
  const article = createMemo(() => v().article, undefined, { equals: (a, b) => a.title === b.title && a.paragraphs.length === b.paragraphs.length });
  const phase = () => v().state.phase;
  const live = createLiveAnswer(() => props.view, { save: (questionId, body) => liveApi.answer(params.id!, questionId, body) });
  let heading: HTMLHeadingElement | undefined;

  // a new question or round: the heading takes focus when the old content (and its focus) is gone
  createEffect(
    on(
      () => `${v().state.questionId}#${v().state.round}`,
      () => {
        const active = document.activeElement;
        if (!active || active === document.body || !active.isConnected) queueMicrotask(() => heading?.focus());
      },
      { defer: true },
    ),
  );

  const revealed = () => (phase() === 'revealed' ? (v().review ?? undefined) : undefined);
  const statusText = createMemo(() => {
    switch (live.status()) {
      case 'sending':
        return t('live.sending');
      case 'retrying':
        return t('live.retrying');
      case 'failed':
        return t('live.notSent');
      case 'refused':
        return live.refusal()?.status === 409 ? t('live.tooLate') : problemText(live.refusal());
      case 'saved':
        return live.unsent() ? '' : t('live.savedAt')(formatTime(live.savedAt()));
      default:
        return '';
    }
  });
  const closed = () => phase() !== 'answering';

  return (
    <div class="lv-body">
      <section class="lv-question-pane" aria-labelledby="lv-question-h">
        <h2 id="lv-question-h" class="question-number" tabindex="-1" ref={heading}>
          {t('live.questionOf')(v().state.questionNumber ?? 0, v().state.questionCount)}
          <Show when={v().state.round > 1}> · {t('live.roundN')(v().state.round)}</Show>
        </h2>
        <LiveTimer endsAt={phase() === 'answering' ? v().state.timerEndsAt : null} />
        <Show when={phase() === 'answering' && v().state.round > 1}>
          <p class="notice">{live.carried() ? t('live.roundAgainCarried') : t('live.roundAgain')}</p>
        </Show>
        <Show when={phase() === 'locked'}>
          <p class="notice">{t('live.lockedNote')}</p>
        </Show>
        <Show when={question()} keyed>
          {(q) => (
            <form
              class="lv-answer-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (live.canSend(q)) void live.send();
              }}
            >
              <QuestionRenderer question={q} answer={live.answer()} onChange={live.change} disabled={closed()} article={article()} />
              <Show when={v().takesCites}>
                <CitePicker article={article()} focus={q.focus} cites={live.cites()} onChange={live.cite} disabled={closed()} />
              </Show>
              <Show when={!closed()}>
                <p class="lv-send">
                  <button type="submit" class="primary" disabled={!live.canSend(q)}>
                    {v().answer && live.unsent() ? t('live.sendChanged') : t('live.send')}
                  </button>
                </p>
              </Show>
            </form>
          )}
        </Show>
        <p class="save-status lv-save-status" classList={{ 'save-warning': live.status() === 'failed' || live.status() === 'refused' }} role="status" aria-live="polite">
          {statusText()}
        </p>
        <Show when={live.status() === 'saved' && !live.unsent() && phase() === 'answering'}>
          <p class="hint">{t('live.canChange')}</p>
        </Show>
        <Show when={question() && revealed()}>
          {(r) => (
            <RevealPanel question={question()!} review={r()} article={article()} fraction={r().fraction} answered={!!v().answer} title={t('live.revealTitle')} />
          )}
        </Show>
      </section>
      {/* its own scroll box beside the question on a wide screen: focusable, so the keyboard scrolls it too */}
      <section class="lv-article-pane" aria-label={t('live.article')} tabindex="0">
        <ArticleReader article={article()} focus={question()?.focus} anchors={revealed()?.anchors ?? []} selected={live.cites()} />
      </section>
    </div>
  );
}
