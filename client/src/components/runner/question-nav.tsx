// Moving through the questions: previous and next (the last question's "next" is finishing), the
// numbered list marking what is done, and finishing early.
import { For, Show, type JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { AttemptSession } from './attempt-session.ts';

export function QuestionNav(props: { session: AttemptSession; index: number; go: (index: number) => void; onFinish: () => void }): JSX.Element {
  const session = props.session;
  const last = () => session.questions.length - 1;
  const finishLabel = () => (session.practice ? t('finishPractice') : t('finishTest'));
  return (
    <>
      <div class="question-nav-buttons">
        <button type="button" class="secondary" disabled={props.index === 0} onClick={() => props.go(props.index - 1)}>
          ← {t('previous')}
        </button>
        <Show
          when={props.index < last()}
          fallback={
            <button type="button" class="primary" onClick={() => props.onFinish()}>
              {finishLabel()}
            </button>
          }
        >
          <button type="button" class="secondary" onClick={() => props.go(props.index + 1)}>
            {t('next')} →
          </button>
        </Show>
      </div>

      <nav class="question-list" aria-label={t('questionNav')}>
        <ol>
          <For each={session.questions}>
            {(q, i) => (
              <li>
                <button
                  type="button"
                  classList={{ done: session.isDone(q), current: i() === props.index }}
                  aria-current={i() === props.index ? 'step' : undefined}
                  aria-label={`${t('questionN')(i() + 1)}, ${session.isDone(q) ? t('answered') : t('notAnswered')}`}
                  onClick={() => props.go(i())}
                >
                  {i() + 1}
                  <span aria-hidden="true" class="done-mark">
                    {session.isDone(q) ? '✓' : ''}
                  </span>
                </button>
              </li>
            )}
          </For>
        </ol>
      </nav>
      <Show when={props.index < last()}>
        <p>
          <button type="button" class="link-button" onClick={() => props.onFinish()}>
            {finishLabel()}
          </button>
        </p>
      </Show>
    </>
  );
}
