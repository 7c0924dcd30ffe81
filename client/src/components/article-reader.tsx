// The article reader: paragraphs and headings, each sentence a span with its id so questions and
// feedback can mark it. The article stays Dutch; an English translation can be shown under each
// paragraph, labelled as a translation.
import { For, Show, createMemo, createSignal } from 'solid-js';
import { lang, t } from '../i18n/index.ts';
import type { ArticleView, LessonDetail } from '../lib/api.ts';

export interface ArticleReaderProps {
  article: ArticleView;
  translation?: LessonDetail['translation'];
  /** The passage the current question is about. */
  focus?: string[];
  /** Sentences cited by feedback or an explanation. */
  anchors?: string[];
  /** Sentences the learner selected (highlight questions). */
  selected?: string[];
}

export const sentenceDomId = (id: string) => `s-${id}`;

/** Brings a sentence into view, gently unless the learner asked for reduced motion. */
export function scrollToSentence(id: string | undefined): void {
  if (!id) return;
  const el = document.getElementById(sentenceDomId(id));
  if (!el || typeof el.scrollIntoView !== 'function') return;
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  el.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
}

/** The phone layout: the article stacked above the question (the CSS breakpoint is 60rem). */
export function stackedLayout(): boolean {
  return !(window.matchMedia?.('(min-width: 60rem)').matches ?? true);
}

/** Scrolls the reader pane's own box (desktop) to a sentence, never the window. */
export function scrollPaneToSentence(id: string | undefined): void {
  if (!id) return;
  const el = document.getElementById(sentenceDomId(id));
  const pane = el?.closest<HTMLElement>('.reader-pane');
  if (!el || !pane || pane.scrollHeight <= pane.clientHeight || typeof pane.scrollTo !== 'function') return;
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  const offset = el.getBoundingClientRect().top - pane.getBoundingClientRect().top;
  const top = pane.scrollTop + offset - pane.clientHeight / 2 + el.offsetHeight / 2;
  pane.scrollTo({ top: Math.max(0, top), behavior: reduce ? 'auto' : 'smooth' });
}

const TRANSLATION_KEY = 'bronwijs:show-translation';

export function ArticleReader(props: ArticleReaderProps) {
  const [showTranslation, setShowTranslation] = createSignal(localStorage.getItem(TRANSLATION_KEY) === '1');
  const toggle = () => {
    const next = !showTranslation();
    setShowTranslation(next);
    try {
      localStorage.setItem(TRANSLATION_KEY, next ? '1' : '0');
    } catch {
      /* only this page remembers */
    }
  };
  const english = () => props.translation?.en;
  const translated = createMemo(() => new Map((english()?.paragraphs ?? []).map((p) => [p.id, p.text])));
  const focus = createMemo(() => new Set(props.focus ?? []));
  const anchors = createMemo(() => new Set(props.anchors ?? []));
  const selected = createMemo(() => new Set(props.selected ?? []));

  const Sentences = (p: { sentences: ArticleView['paragraphs'][number]['sentences'] }) => (
    <For each={p.sentences}>
      {(sentence, i) => (
        <>
          {i() > 0 ? ' ' : ''}
          <span
            id={sentenceDomId(sentence.id)}
            data-sentence={sentence.id}
            class="sentence"
            classList={{
              focus: focus().has(sentence.id),
              anchor: anchors().has(sentence.id),
              selected: selected().has(sentence.id),
            }}
          >
            <Show when={anchors().has(sentence.id)}>
              <span class="visually-hidden" lang={lang()}>
                {`[${t('cited')}] `}
              </span>
            </Show>
            {sentence.text}
          </span>
        </>
      )}
    </For>
  );

  return (
    <article class="reader" lang={props.article.language} aria-labelledby="article-title">
      <div class="reader-tools" lang={lang()}>
        <Show when={english()}>
          <button type="button" class="secondary small" aria-pressed={showTranslation()} onClick={toggle}>
            {t('showTranslation')}
          </button>
        </Show>
      </div>
      <h2 id="article-title" class="article-title">
        {props.article.title}
      </h2>
      <Show when={showTranslation() && english()}>
        <p class="translation" lang="en">
          <span class="translation-label">{t('translationLabel')}: </span>
          {english()!.title}
        </p>
      </Show>
      <Show when={focus().size > 0 || anchors().size > 0}>
        <ul class="reader-legend" lang={lang()}>
          <Show when={focus().size > 0}>
            <li>
              <span class="swatch focus" aria-hidden="true" /> {t('focusLegend')}
            </li>
          </Show>
          <Show when={anchors().size > 0}>
            <li>
              <span class="swatch anchor" aria-hidden="true" /> {t('anchorLegend')}
            </li>
          </Show>
        </ul>
      </Show>
      <For each={props.article.paragraphs}>
        {(paragraph) => (
          <div class="paragraph-block">
            {paragraph.kind === 'heading' ? (
              <h3 class="article-heading">
                <Sentences sentences={paragraph.sentences} />
              </h3>
            ) : (
              <p class="article-paragraph">
                <Sentences sentences={paragraph.sentences} />
              </p>
            )}
            <Show when={showTranslation() && translated().get(paragraph.id)}>
              {(text) => (
                <div class="translation" lang="en">
                  <span class="translation-label" lang={lang()}>
                    {t('translationLabel')}
                  </span>
                  <p>{text()}</p>
                </div>
              )}
            </Show>
          </div>
        )}
      </For>
      <p class="credit" lang={lang()}>
        {props.article.source.name}
      </p>
    </article>
  );
}
