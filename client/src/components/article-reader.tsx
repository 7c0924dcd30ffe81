// The article reader: paragraphs and headings, each sentence a span with its id so questions and
// feedback can mark it. The article stays Dutch; an English translation can be shown under each
// paragraph, labelled as a translation. On a phone it can be collapsed to the passage a question is
// about (one tap shows it whole), and a highlight question's sentences are chosen in it directly,
// each a toggle button.
import { For, Show, createMemo, createSignal, createUniqueId } from 'solid-js';
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
  /** Highlight questions: the sentences the learner may choose here, each a toggle button. */
  selectable?: string[];
  onToggleSentence?: (id: string) => void;
  /** Chosen sentences that grading found wrong. */
  wrong?: string[];
  /** Given: on a phone (below 60rem) only the paragraphs holding `passage` show until the learner
   *  opens the whole article; wider screens always show it whole. */
  collapsed?: boolean;
  /** The sentences a collapsed reader keeps (by default focus, cited, chosen and wrong ones). */
  passage?: string[];
  onCollapsedChange?: (collapsed: boolean) => void;
  /** Words for the toggle buttons and the wrong marks (the study namespace's, where loaded). */
  labels?: { showWhole: string; showPassage: string; sentenceWrong: string; sentences: string };
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
  const selectable = createMemo(() => new Set(props.selectable ?? []));
  const wrong = createMemo(() => new Set(props.wrong ?? []));
  // the passage a collapsed reader keeps: what the question is about, what feedback cites, what was chosen
  const kept = createMemo(() => new Set(props.passage ?? [...focus(), ...anchors(), ...selected(), ...wrong()]));
  const keeps = (p: ArticleView['paragraphs'][number]) => p.sentences.some((s) => kept().has(s.id));
  const bodyId = createUniqueId();
  const onSentenceKey = (e: KeyboardEvent, id: string) => {
    if (e.key !== ' ' && e.key !== 'Enter') return;
    e.preventDefault();
    props.onToggleSentence?.(id);
  };

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
              choosable: selectable().has(sentence.id),
              wrong: wrong().has(sentence.id),
            }}
            // a toggle button per choosable sentence (WAI-ARIA button pattern, aria-pressed)
            {...(selectable().has(sentence.id)
              ? {
                  role: 'button',
                  tabindex: 0,
                  'aria-pressed': selected().has(sentence.id),
                  onClick: () => props.onToggleSentence?.(sentence.id),
                  onKeyDown: (e: KeyboardEvent) => onSentenceKey(e, sentence.id),
                }
              : {})}
          >
            <Show when={anchors().has(sentence.id)}>
              <span class="visually-hidden" lang={lang()}>
                {`[${t('cited')}] `}
              </span>
            </Show>
            {sentence.text}
            <Show when={wrong().has(sentence.id) && props.labels}>
              <span class="visually-hidden" lang={lang()}>
                {` [${props.labels!.sentenceWrong}]`}
              </span>
            </Show>
          </span>
        </>
      )}
    </For>
  );

  const collapsed = () => props.collapsed === true;
  return (
    <article class="reader" classList={{ collapsed: collapsed() }} lang={props.article.language} aria-labelledby="article-title">
      <div class="reader-tools" lang={lang()}>
        <Show when={props.collapsed !== undefined && props.labels}>
          <button
            type="button"
            class="secondary small stacked-only whole-article"
            aria-expanded={!collapsed()}
            aria-controls={bodyId}
            onClick={() => props.onCollapsedChange?.(!collapsed())}
          >
            {collapsed() ? props.labels!.showWhole : props.labels!.showPassage}
          </button>
        </Show>
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
      <div id={bodyId} class="reader-body">
      <For each={props.article.paragraphs}>
        {(paragraph) => (
          <div class="paragraph-block" classList={{ 'outside-passage': !keeps(paragraph) }}>
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
      </div>
      <p class="credit" lang={lang()}>
        {props.article.source.name}
      </p>
    </article>
  );
}
