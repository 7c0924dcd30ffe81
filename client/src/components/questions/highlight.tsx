// Highlight: the learner selects sentences of the article. In the runner they are chosen in the
// article itself (the reader makes each choosable sentence a toggle button), and this renderer
// shows the prompt, how to choose and how many are chosen. Elsewhere (no reader beside it) each
// sentence is a checkbox here. When the question names a passage (focus), only its sentences are
// offered; otherwise the whole article, paragraph by paragraph.
import { For, Show, createMemo } from 'solid-js';
import { pick, t } from '../../i18n/study.ts';
import { sentenceDomId } from '../article-reader.tsx';
import type { QuestionProps } from './types.ts';

/** The sentences a highlight question offers, in article order: its focus, or every sentence. */
export function choosableSentences(article: QuestionProps<'highlight'>['article'], focus: readonly string[]): string[] {
  const all = (article?.paragraphs ?? []).flatMap((p) => p.sentences.map((s) => s.id));
  const f = new Set(focus);
  return f.size > 0 ? all.filter((id) => f.has(id)) : all;
}

/** The answer after the learner toggles one sentence, chosen sentences in article order. */
export function toggleSentence(order: readonly string[], answer: { sentenceIds: string[] } | undefined, id: string): { sentenceIds: string[] } {
  const next = new Set(answer?.sentenceIds ?? []);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return { sentenceIds: order.filter((s) => next.has(s)) };
}

export default function Highlight(props: QuestionProps<'highlight'>) {
  const groups = createMemo(() => {
    const focus = new Set(props.question.focus);
    const paragraphs = (props.article?.paragraphs ?? []).map((p, index) => ({
      id: p.id,
      index,
      sentences: focus.size > 0 ? p.sentences.filter((s) => focus.has(s.id)) : p.sentences,
    }));
    return paragraphs.filter((p) => p.sentences.length > 0);
  });
  const order = createMemo(() => groups().flatMap((g) => g.sentences.map((s) => s.id)));
  const chosen = () => new Set(props.answer?.sentenceIds ?? []);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen());
    if (on) next.add(id);
    else next.delete(id);
    props.onChange({ sentenceIds: order().filter((s) => next.has(s)) });
  };
  const toSentences = () => {
    const first = order()[0];
    const el = first ? document.getElementById(sentenceDomId(first)) : null;
    el?.focus();
    if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'center' });
  };
  return (
    <fieldset class="question" disabled={props.disabled}>
      <legend class="question-prompt">{pick(props.question.prompt)}</legend>
      <Show
        when={props.selectInArticle}
        fallback={
          <>
            <p class="hint">{t('highlightHint')}</p>
            <p class="hint" aria-live="polite">
              {t('selectedCount')(chosen().size)}
            </p>
            <For each={groups()}>
              {(group) => (
                <div class="sentence-group" role="group" aria-label={t('paragraphN')(group.index + 1)}>
                  <Show when={groups().length > 1}>
                    <p class="group-label" aria-hidden="true">
                      {t('paragraphN')(group.index + 1)}
                    </p>
                  </Show>
                  <For each={group.sentences}>
                    {(sentence) => (
                      <label class="choice sentence-choice" lang={props.article?.language ?? 'nl'}>
                        <input
                          type="checkbox"
                          value={sentence.id}
                          checked={chosen().has(sentence.id)}
                          onChange={(e) => toggle(sentence.id, e.currentTarget.checked)}
                        />
                        <span>{sentence.text}</span>
                      </label>
                    )}
                  </For>
                </div>
              )}
            </For>
          </>
        }
      >
        <p class="hint">{t('study.highlightInArticle')}</p>
        <p class="hint" aria-live="polite">
          {t('selectedCount')(chosen().size)}
        </p>
        <p>
          <button type="button" class="secondary small" onClick={toSentences}>
            {t('study.toArticleSentences')}
          </button>
        </p>
      </Show>
    </fieldset>
  );
}
