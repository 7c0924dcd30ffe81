// The key once the teacher reveals it: the right answer in words, the explanation, and the
// sentences it cites (also marked in the article). A student also reads whether theirs was right.
// Without a question (the teacher's own screen, where the distribution ticks the right answers)
// only the explanation and the cited sentences.
import { For, Show, createMemo, type JSX } from 'solid-js';
import type { PublicQuestion } from '../../../../server/api-types.ts';
import type { Review } from '../../../../lessons/model.ts';
import { describeAnswer } from '../answer-text.ts';
import { verdict } from '../feedback-panel.tsx';
import { isTeacherGraded } from '../../../../lessons/types/answers/index.ts';
import { pick, t } from '../../i18n/live.ts';
import type { ArticleView } from '../../lib/api.ts';

export type RevealShown = Pick<Review, 'key' | 'explanation' | 'anchors' | 'accepted' | 'modelAnswer'>;

export function RevealPanel(props: {
  question?: PublicQuestion;
  review: RevealShown;
  article: ArticleView;
  /** A student's result: their answer's fraction (undefined: not shown, null: waits for grading). */
  fraction?: number | null;
  answered?: boolean;
  title?: string;
}): JSX.Element {
  const sentences = createMemo(() => new Map(props.article.paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s.text] as const))));
  const key = () => (props.question && props.review.key ? describeAnswer(props.question, props.review.key, props.article) : []);
  const open = () => !!props.question && isTeacherGraded(props.question);
  const mine = () => (props.fraction === undefined || props.answered === false || open() ? null : verdict(props.fraction));
  return (
    <section class={`feedback lv-reveal tone-${mine()?.tone ?? 'pending'}`} aria-labelledby="lv-reveal-h">
      <h3 id="lv-reveal-h">{props.title ?? t('live.revealTitle')}</h3>
      <Show when={mine()}>{(v) => <p class="lv-verdict">{t('live.yourAnswerWas')(v().text)}</p>}</Show>
      <Show when={props.answered === false}>
        <p>{t('live.youDidNotAnswer')}</p>
      </Show>
      <Show when={key().length > 0}>
        <ul class="lv-key" aria-label={t('live.correctAnswer')}>
          <For each={key()}>{(line) => <li>{line}</li>}</For>
        </ul>
      </Show>
      <Show when={props.review.accepted}>{(range) => <p>{t('live.acceptedRange')(range().min, range().max)}</p>}</Show>
      <Show when={props.review.modelAnswer}>
        {(model) => (
          <>
            <h4>{t('live.modelAnswer')}</h4>
            <p>{pick(model())}</p>
          </>
        )}
      </Show>
      <div class="feedback-explanation">
        <h4>{t('live.explanation')}</h4>
        <p>{pick(props.review.explanation)}</p>
      </div>
      <Show when={props.review.anchors.length > 0}>
        <h4>{t('live.citedByKey')}</h4>
        <ul class="lv-cited" lang={props.article.language}>
          <For each={props.review.anchors}>{(id) => <Show when={sentences().get(id)}>{(text) => <li><q>{text()}</q></li>}</Show>}</For>
        </ul>
      </Show>
    </section>
  );
}
