// "Start live lesson": from a class (choose the lesson) or from a lesson's guide (choose one of the
// teacher's classes, or guests who join with a name), then on to the control screen.
import { createSignal, For, Show, type JSX } from 'solid-js';
import { createAsync, useNavigate } from '@solidjs/router';
import { getClasses, getLessons } from '../../lib/queries.ts';
import { liveApi } from '../../lib/live.ts';
import { pick, t } from '../../i18n/live.ts';
import { problemText } from '../ui/error-message.tsx';
import { ErrorText } from '../ui/error-text.tsx';

export function StartLive(props: { classId?: string; slug?: string }): JSX.Element {
  const navigate = useNavigate();
  const lessons = createAsync(async () => (props.slug ? [] : getLessons()));
  const classes = createAsync(async () => (props.classId ? [] : getClasses()));
  const [lesson, setLesson] = createSignal('');
  const [forClass, setForClass] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let lessonSelect: HTMLSelectElement | undefined;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setError(null);
    const slug = props.slug ?? lesson();
    if (!slug) {
      setError(t('live.chooseLessonFirst'));
      lessonSelect?.focus();
      return;
    }
    setBusy(true);
    try {
      const started = await liveApi.start(slug, props.classId ?? (forClass() || undefined));
      navigate(`/teacher/live/${encodeURIComponent(started.id)}`);
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="tw-panel lv-start" onSubmit={submit} novalidate aria-labelledby="lv-start-h">
      <h3 id="lv-start-h">{t('live.startTitle')}</h3>
      <p class="tw-hint">{t('live.startHint')}</p>
      <Show when={!props.slug}>
        <div class="tw-field">
          <label for="lv-start-lesson">{t('live.lesson')}</label>
          <select id="lv-start-lesson" ref={lessonSelect} value={lesson()} onChange={(e) => setLesson(e.currentTarget.value)}>
            <option value="">{t('live.chooseLesson')}</option>
            <For each={lessons() ?? []}>{(l) => <option value={l.slug}>{pick(l.title)}</option>}</For>
          </select>
        </div>
      </Show>
      <Show when={!props.classId}>
        <div class="tw-field">
          <label for="lv-start-class">{t('live.who')}</label>
          <select id="lv-start-class" value={forClass()} onChange={(e) => setForClass(e.currentTarget.value)}>
            <option value="">{t('live.guests')}</option>
            <For each={(classes() ?? []).filter((c) => !c.archived)}>{(c) => <option value={c.id}>{c.name}</option>}</For>
          </select>
        </div>
      </Show>
      <ErrorText error={error()} />
      <button type="submit" class="tw-button tw-primary" disabled={busy()}>
        {busy() ? t('live.starting') : t('live.start')}
      </button>
    </form>
  );
}
