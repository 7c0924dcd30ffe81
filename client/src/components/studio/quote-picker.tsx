// The article beside the lesson editor, and where quotes are picked. While a quote field waits
// (the editor's `picking`), the article becomes a list of its sentences: with the keyboard, arrows
// move, Space selects a sentence (Shift+arrows select on the way), Enter adds the selection and
// Escape stops; with the mouse, click sentences or select any passage of text. The studio writes the
// quote selector (lessons/quote-selector.ts): prefix or suffix only when the text repeats.
import { createEffect, createMemo, createSignal, For, Index, on, Show, type JSX } from 'solid-js';
import type { Quote } from '../../../../lessons/format.ts';
import { quoteSelector } from '../../../../lessons/quote-selector.ts';
import { t } from '../../i18n/studio.ts';
import { useDraft } from './draft-context.tsx';

/** A sentence of the article as the picker shows it: offsets into the article's joined text. */
export interface PickerSentence {
  id: string;
  text: string;
  start: number;
  end: number;
  paragraph: number;
  heading?: boolean;
}

export interface PickerArticle {
  title: string;
  language: string;
  /** The sentences joined by single spaces (lessons/anchors.ts articleText). */
  text: string;
  sentences: PickerSentence[];
}

const optionId = (i: number) => `pick-s-${i}`;

/** The quotes for the chosen sentences: one per sentence, or one over the whole run. */
export function quotesForSentences(article: PickerArticle, chosen: number[], multiple: boolean): Quote[] {
  const sorted = [...new Set(chosen)].sort((a, b) => a - b);
  if (!sorted.length) return [];
  if (!multiple) {
    const first = article.sentences[sorted[0]!]!;
    const last = article.sentences[sorted[sorted.length - 1]!]!;
    const q = quoteSelector(article.text, first.start, last.end);
    return q ? [q] : [];
  }
  return sorted.map((i) => quoteSelector(article.text, article.sentences[i]!.start, article.sentences[i]!.end)).filter((q): q is Quote => !!q);
}

/** The offset in the article's text of a point in the picker (a DOM selection's end). */
function offsetOf(article: PickerArticle, node: Node, offset: number): number | null {
  const element = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest<HTMLElement>('[data-sentence]');
  if (!element) return null;
  const sentence = article.sentences[Number(element.dataset.sentence)];
  if (!sentence) return null;
  const range = document.createRange();
  range.setStart(element, 0);
  range.setEnd(node, offset);
  return sentence.start + Math.min(range.toString().length, sentence.text.length);
}

export function QuotePicker(props: { article: PickerArticle; id?: string }): JSX.Element {
  const editor = useDraft();
  const [active, setActive] = createSignal(0);
  const [chosen, setChosen] = createSignal<number[]>([]);
  const [passage, setPassage] = createSignal<{ start: number; end: number } | null>(null);
  const [said, setSaid] = createSignal('');
  let list: HTMLDivElement | undefined;

  const paragraphs = createMemo(() => {
    const groups: { index: number; sentences: { sentence: PickerSentence; index: number }[] }[] = [];
    props.article.sentences.forEach((sentence, index) => {
      const last = groups[groups.length - 1];
      if (last && last.index === sentence.paragraph) last.sentences.push({ sentence, index });
      else groups.push({ index: sentence.paragraph, sentences: [{ sentence, index }] });
    });
    return groups;
  });

  // A new request to pick starts clean, with focus in the list.
  createEffect(
    on(editor.picking, (picking) => {
      setChosen([]);
      setPassage(null);
      setActive(0);
      if (picking) {
        setSaid('');
        queueMicrotask(() => list?.focus());
      }
    }),
  );

  const toggle = (i: number, on?: boolean) => {
    setPassage(null);
    const has = chosen().includes(i);
    const want = on ?? !has;
    if (want && !has) setChosen(editor.picking()?.multiple ? [...chosen(), i] : sameRun(i));
    if (!want && has) setChosen(chosen().filter((c) => c !== i));
  };
  /** One quote covers a run of sentences next to each other: a sentence away from it starts a new run. */
  const sameRun = (i: number) => {
    const c = chosen();
    if (!c.length) return [i];
    const min = Math.min(...c);
    const max = Math.max(...c);
    return i === min - 1 || i === max + 1 ? [...c, i] : [i];
  };

  function finish(commit: boolean) {
    const picking = editor.picking();
    if (!picking) return;
    if (commit) {
      const span = passage();
      const quotes = span
        ? [quoteSelector(props.article.text, span.start, span.end)].filter((q): q is Quote => !!q)
        : quotesForSentences(props.article, chosen(), picking.multiple);
      if (!quotes.length) return setSaid(t('studio.pickNothing'));
      if (picking.multiple) {
        const existing = editor.get<Quote[]>(picking.path) ?? [];
        editor.set(picking.path, [...existing, ...quotes]);
      } else editor.set(picking.path, quotes[0]);
      setSaid(t('studio.pickAdded')(quotes.length));
    }
    editor.setPicking(null);
    picking.returnFocus?.focus();
  }

  function onKeyDown(e: KeyboardEvent) {
    const n = props.article.sentences.length;
    const move = (to: number) => {
      const next = Math.max(0, Math.min(n - 1, to));
      if (e.shiftKey) {
        toggle(active(), true);
        toggle(next, true);
      }
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView?.({ block: 'nearest' });
    };
    if (e.key === 'ArrowDown') move(active() + 1);
    else if (e.key === 'ArrowUp') move(active() - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(n - 1);
    else if (e.key === ' ') toggle(active());
    else if (e.key === 'Enter') finish(true);
    else if (e.key === 'Escape') finish(false);
    else return;
    e.preventDefault();
  }

  function onMouseUp() {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || !list || !list.contains(selection.anchorNode) || !list.contains(selection.focusNode)) return;
    const a = offsetOf(props.article, selection.anchorNode!, selection.anchorOffset);
    const b = offsetOf(props.article, selection.focusNode!, selection.focusOffset);
    if (a === null || b === null || a === b) return;
    setChosen([]);
    setPassage({ start: Math.min(a, b), end: Math.max(a, b) });
  }

  const passageText = () => {
    const p = passage();
    return p ? props.article.text.slice(p.start, p.end).trim() : '';
  };

  return (
    <section class="st-article" aria-labelledby="st-article-h" id={props.id}>
      <h2 id="st-article-h">{props.article.title}</h2>
      <p class="tw-sr-only" role="status">
        {said()}
      </p>
      <Show
        when={editor.picking()}
        fallback={
          <div class="st-article-text" lang={props.article.language}>
            <For each={paragraphs()}>
              {(p) => (
                <p classList={{ 'st-heading': p.sentences[0]?.sentence.heading }}>
                  <For each={p.sentences}>{(s) => <span class="st-sentence">{s.sentence.text} </span>}</For>
                </p>
              )}
            </For>
          </div>
        }
      >
        {(picking) => (
          <>
            <div class="st-picking" role="group" aria-labelledby="st-picking-for">
              <p id="st-picking-for">
                <strong>{t('studio.pickingFor')(picking().label)}</strong>
              </p>
              <p class="tw-hint" id="st-picking-how">
                {t('studio.pickHow')}
              </p>
              <Show when={passage()}>
                <p class="st-passage">
                  {t('studio.pickPassage')}: “{passageText()}”
                </p>
              </Show>
              <div class="tw-actions">
                <button type="button" class="tw-button tw-primary tw-small" onClick={() => finish(true)}>
                  {passage() ? t('studio.pickAddPassage') : t('studio.pickAddSentences')(chosen().length)}
                </button>
                <button type="button" class="tw-button tw-small" onClick={() => finish(false)}>
                  {t('studio.cancel')}
                </button>
              </div>
            </div>
            <div
              ref={list}
              class="st-article-text st-pick-list"
              role="listbox"
              tabindex="0"
              aria-multiselectable="true"
              aria-label={t('studio.pickListLabel')(picking().label)}
              aria-describedby="st-picking-how"
              aria-activedescendant={optionId(active())}
              lang={props.article.language}
              onKeyDown={onKeyDown}
              onMouseUp={onMouseUp}
            >
              <Index each={paragraphs()}>
                {(p) => (
                  <div role="group" aria-label={t('studio.paragraphN')(p().index + 1)} class="st-pick-paragraph">
                    <Index each={p().sentences}>
                      {(s) => (
                        <div
                          role="option"
                          id={optionId(s().index)}
                          data-sentence={s().index}
                          aria-selected={chosen().includes(s().index)}
                          classList={{ 'st-active': active() === s().index, 'st-chosen': chosen().includes(s().index) }}
                          onClick={() => {
                            if (window.getSelection()?.isCollapsed === false) return;
                            setActive(s().index);
                            toggle(s().index);
                          }}
                        >
                          {s().sentence.text}
                        </div>
                      )}
                    </Index>
                  </div>
                )}
              </Index>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
