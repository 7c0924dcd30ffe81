// Partial credit in plain words: which items, pairs or chosen sentences were not right, under the
// verdict in practice and in the review (the parts come from the server, named in Graded.wrong).
import { For, Show, type JSX } from 'solid-js';
import type { PublicQuestion } from '../../../server/api-types.ts';
import { t } from '../i18n/study.ts';
import type { ArticleView } from '../lib/api.ts';
import { describeWrong } from './answer-text.ts';

export function WrongParts(props: { question: PublicQuestion; wrong: readonly string[] | undefined; article: ArticleView }): JSX.Element {
  const lines = () => describeWrong(props.question, props.wrong, props.article);
  const label = () => (props.question.type === 'highlight' ? t('study.wrongPicked') : props.question.type === 'order' ? t('study.wrongPlace') : t('study.wrongParts'));
  return (
    <Show when={lines().length > 0}>
      <div class="wrong-parts">
        <p class="wrong-parts-label">{label()}</p>
        <ul>
          <For each={lines()}>
            {(line) => (
              <li lang={props.question.type === 'highlight' ? props.article.language : undefined}>
                <span aria-hidden="true" class="wrong-mark">
                  ✗{' '}
                </span>
                {line}
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}
