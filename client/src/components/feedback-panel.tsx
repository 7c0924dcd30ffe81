// What grading said about one answer, in plain words: goed / deels goed / niet goed, the feedback
// items with the misconception named, and for open questions the model answer to compare with.
import { For, Show } from 'solid-js';
import type { Graded, PracticeReveal, QuestionType } from '../../../server/api-types.ts';
import { misconceptionName, pick, t } from '../i18n/index.ts';
import { isTeacherGraded } from '../../../lessons/types/answers/index.ts';

export function verdict(fraction: number | null | undefined): { text: string; tone: 'full' | 'partial' | 'none' | 'pending' } {
  if (fraction === null || fraction === undefined) return { text: t('resultPending'), tone: 'pending' };
  if (fraction >= 1) return { text: t('resultFull'), tone: 'full' };
  if (fraction <= 0) return { text: t('resultNone'), tone: 'none' };
  return { text: t('resultPartial'), tone: 'partial' };
}

const ICONS = { full: '✓', partial: '◐', none: '✗', pending: '…' } as const;

export function FeedbackItems(props: { graded: Partial<Graded>; type: QuestionType }) {
  return (
    <>
      <Show when={isTeacherGraded(props) && (props.graded.feedback?.length ?? 0) > 0}>
        <p>{t('modelAnswer')}</p>
      </Show>
      <ul class="feedback-items">
        <For each={props.graded.feedback ?? []}>
          {(item) => (
            <li classList={{ 'model-answer': isTeacherGraded(props) }}>
              <p>{pick(item.text)}</p>
              <Show when={item.misconception}>
                {(tag) => (
                  <p class="misconception">
                    <strong>{t('misconception')}:</strong> {misconceptionName(tag())}
                  </p>
                )}
              </Show>
            </li>
          )}
        </For>
      </ul>
    </>
  );
}

export function FeedbackPanel(props: {
  graded: Partial<Graded> & PracticeReveal;
  type: QuestionType;
  /** Whether a teacher will score open answers (a class assignment); self-study only compares. */
  teacherMarks?: boolean;
  ref?: (el: HTMLHeadingElement) => void;
}) {
  const v = () => verdict(props.graded.fraction);
  return (
    <section class={`feedback tone-${v().tone}`} aria-labelledby="feedback-verdict">
      <h3 id="feedback-verdict" tabindex="-1" ref={props.ref}>
        <Show when={!isTeacherGraded(props)} fallback={t('compareTitle')}>
          <span aria-hidden="true" class="verdict-icon">
            {ICONS[v().tone]}
          </span>{' '}
          {v().text}
        </Show>
      </h3>
      <Show when={isTeacherGraded(props) && props.teacherMarks}>
        <p>{t('resultPending')}</p>
      </Show>
      <FeedbackItems graded={props.graded} type={props.type} />
      <Show when={!isTeacherGraded(props) && props.graded.explanation}>
        {(explanation) => (
          <div class="feedback-explanation">
            <h4>{t('explanation')}</h4>
            <p>{pick(explanation())}</p>
          </div>
        )}
      </Show>
    </section>
  );
}
