// Moving through the questions: previous and next (the last question's "next" is finishing), and
// the numbered list. The list marks a question "answered" neutrally (a dot, not a tick that reads as
// right); practice, which grades at once, marks a checked answer right, partly right or not right.
import { For, Show, type JSX } from 'solid-js';
import type { PublicQuestion } from '../../../../server/api-types.ts';
import { t } from '../../i18n/study.ts';
import type { AttemptSession } from './attempt-session.ts';

type Mark = 'open' | 'answered' | 'full' | 'partial' | 'none';

/** What the navigator shows for a question: open, answered, or (practice, checked) its verdict. */
export function markOf(session: AttemptSession, q: PublicQuestion): Mark {
  if (!session.isDone(q)) return 'open';
  const fraction = session.practice ? session.graded(q)?.fraction : undefined;
  if (fraction === undefined || fraction === null) return 'answered';
  return fraction >= 1 ? 'full' : fraction <= 0 ? 'none' : 'partial';
}

const SYMBOL: Record<Mark, string> = { open: '', answered: '•', full: '✓', partial: '◐', none: '✗' };

function markText(mark: Mark): string {
  if (mark === 'open') return t('notAnswered');
  const verdict = { answered: '', full: t('study.checkedRight'), partial: t('study.checkedPartly'), none: t('study.checkedWrong') }[mark];
  return verdict ? `${t('answered')}: ${verdict}` : t('answered');
}

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
            {(q, i) => {
              const mark = () => markOf(session, q);
              return (
                <li>
                  <button
                    type="button"
                    class={`mark-${mark()}`}
                    classList={{ current: i() === props.index }}
                    aria-current={i() === props.index ? 'step' : undefined}
                    aria-label={`${t('questionN')(i() + 1)}, ${markText(mark())}`}
                    onClick={() => props.go(i())}
                  >
                    {i() + 1}
                    <span aria-hidden="true" class="done-mark">
                      {SYMBOL[mark()]}
                    </span>
                  </button>
                </li>
              );
            }}
          </For>
        </ol>
      </nav>
    </>
  );
}
