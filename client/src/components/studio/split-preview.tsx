// The new article's sentences as they will be served (lessons/article.ts splitArticle, with the
// breaks the author forced or removed), each with the analysis of lessons/text/analysis.ts laid
// over it: the cue words marked, and per sentence which lexicon entry matched and what that kind
// of cue means. Sentences are merged with the next one, or split at the caret, by buttons (and
// Enter in the split box), so the whole job works from the keyboard.
import { createMemo, createSignal, For, Index, Show, type JSX } from 'solid-js';
import { splitArticle, withBreak, withoutBreak } from '../../../../lessons/article.ts';
import type { Boundaries } from '../../../../lessons/format.ts';
import { analyseSpans, type Analysis, type Cue } from '../../../../lessons/text/analysis.ts';
import { lang, t } from '../../i18n/studio.ts';

export interface SplitSentence {
  start: number;
  end: number;
  paragraph: number;
  heading: boolean;
}

/** The article's sentences with their offsets in the text, and the analysis of exactly those. */
export function splitAndAnalyse(text: string, boundaries: Boundaries, language: string): { sentences: SplitSentence[]; analysis: Analysis } {
  const split = splitArticle(text, boundaries, language);
  const sentences = split.paragraphs.flatMap((p, paragraph) =>
    p.sentences.map((s) => ({ start: s.start, end: s.end, paragraph, heading: p.kind === 'heading' })),
  );
  return { sentences, analysis: analyseSpans(text, sentences, { language }) };
}

/** The sentence's text with its cues marked; overlapping cues keep the first. */
function Marked(props: { text: string; start: number; end: number; cues: Cue[] }): JSX.Element {
  const pieces = createMemo(() => {
    const out: { text: string; cue?: Cue }[] = [];
    let at = props.start;
    for (const cue of [...props.cues].sort((a, b) => a.start - b.start)) {
      if (cue.start < at || cue.kind === 'quote') continue; // quotes are long: listed, not marked
      if (cue.start > at) out.push({ text: props.text.slice(at, cue.start) });
      out.push({ text: props.text.slice(cue.start, cue.end), cue });
      at = cue.end;
    }
    if (at < props.end) out.push({ text: props.text.slice(at, props.end) });
    return out;
  });
  return (
    <For each={pieces()}>
      {(piece) => (
        <Show when={piece.cue} fallback={piece.text}>
          {(cue) => (
            <mark class={`st-cue st-cue-${cue().kind}`}>
              {piece.text}
              <span class="tw-sr-only"> ({t('studio.cueKinds')[cue().kind]})</span>
            </mark>
          )}
        </Show>
      )}
    </For>
  );
}

function CueList(props: { cues: Cue[]; sources: string[] }): JSX.Element {
  return (
    <ul class="st-cue-list">
      <For each={props.sources}>{(s) => <li>{t('studio.saysSource')(s)}</li>}</For>
      <For each={props.cues}>
        {(cue) => (
          <li>
            <span class={`st-cue-key st-cue-${cue.kind}`}>{t('studio.cueKinds')[cue.kind]}</span> “{cue.text}”: {cue.entry.explain[lang()]}{' '}
            <span class="tw-muted">
              ({t('studio.cueRule')} <code>{cue.entry.form}</code>
              {cue.entry.note ? `; ${cue.entry.note}` : ''})
            </span>
          </li>
        )}
      </For>
    </ul>
  );
}

export function SplitPreview(props: {
  text: string;
  boundaries: Boundaries;
  language: string;
  onBoundaries: (next: Boundaries, said: string) => void;
}): JSX.Element {
  const result = createMemo(() => splitAndAnalyse(props.text, props.boundaries, props.language));
  const [splitting, setSplitting] = createSignal<number | null>(null);
  const [showCues, setShowCues] = createSignal(true);
  const paragraphs = createMemo(() => {
    const groups: number[][] = [];
    result().sentences.forEach((s, i) => {
      (groups[s.paragraph] ??= []).push(i);
    });
    return groups.filter(Boolean);
  });
  const sentenceText = (i: number) => {
    const s = result().sentences[i]!;
    return props.text.slice(s.start, s.end);
  };
  const focusSentence = (i: number) => queueMicrotask(() => document.getElementById(`st-sentence-${i}`)?.focus());

  function merge(i: number) {
    const next = result().sentences[i + 1];
    if (!next) return;
    props.onBoundaries(withoutBreak(props.boundaries, next.start), t('studio.merged')(i + 1, i + 2));
    focusSentence(i);
  }
  function split(i: number, caret: number) {
    const s = result().sentences[i]!;
    if (caret <= 0 || caret >= s.end - s.start) return;
    props.onBoundaries(withBreak(props.boundaries, props.text, s.start + caret), t('studio.splitDone')(i + 1));
    setSplitting(null);
    focusSentence(i);
  }

  return (
    <section class="st-split" aria-labelledby="st-split-h">
      <h2 id="st-split-h">{t('studio.splitTitle')}</h2>
      <p class="tw-hint">{t('studio.splitIntro')(result().sentences.length)}</p>
      <label class="tw-check">
        <input type="checkbox" checked={showCues()} onChange={(e) => setShowCues(e.currentTarget.checked)} /> {t('studio.showCues')}
      </label>
      <Show when={showCues()}>
        <ul class="st-legend" aria-label={t('studio.legend')}>
          <For each={Object.entries(t('studio.cueKinds'))}>{([kind, name]) => <li class={`st-cue st-cue-${kind}`}>{name}</li>}</For>
        </ul>
      </Show>
      <Index each={paragraphs()}>
        {(indexes) => (
          <ol class="st-sentences" start={indexes()[0]! + 1} lang={props.language}>
            <Index each={indexes()}>
              {(i) => {
                const analysed = () => result().analysis.sentences[i()];
                const s = () => result().sentences[i()]!;
                const isLast = () => i() === indexes()[indexes().length - 1];
                return (
                  <li class="st-sentence-row" classList={{ 'st-heading': s().heading }}>
                    <p id={`st-sentence-${i()}`} tabindex="-1" class="st-sentence-text">
                      <Show when={showCues()} fallback={sentenceText(i())}>
                        <Marked text={props.text} start={s().start} end={s().end} cues={analysed()?.cues ?? []} />
                      </Show>
                    </p>
                    <Show when={showCues() && ((analysed()?.cues.length ?? 0) > 0 || (analysed()?.attributions.length ?? 0) > 0)}>
                      <details class="st-explain">
                        <summary>{t('studio.whyMarked')(i() + 1)}</summary>
                        <CueList cues={analysed()?.cues ?? []} sources={(analysed()?.attributions ?? []).map((a) => a.source.name)} />
                      </details>
                    </Show>
                    <div class="tw-actions">
                      <button type="button" class="tw-button tw-small" aria-expanded={splitting() === i()} onClick={() => setSplitting(splitting() === i() ? null : i())}>
                        {t('studio.split')}
                        {' '}<span class="tw-sr-only">{t('studio.sentenceN')(i() + 1)}</span>
                      </button>
                      <Show when={!isLast()}>
                        <button type="button" class="tw-button tw-small" onClick={() => merge(i())}>
                          {t('studio.mergeWithNext')}
                          {' '}<span class="tw-sr-only">{t('studio.sentenceN')(i() + 1)}</span>
                        </button>
                      </Show>
                    </div>
                    <Show when={splitting() === i()}>
                      <Splitter text={sentenceText(i())} index={i()} onSplit={(caret) => split(i(), caret)} onCancel={() => setSplitting(null)} />
                    </Show>
                  </li>
                );
              }}
            </Index>
          </ol>
        )}
      </Index>
      <Show when={result().analysis.sources.length}>
        <h3>{t('studio.whoSaysWhat')}</h3>
        <ul class="st-sources">
          <For each={result().analysis.sources}>
            {(source) => (
              <li>
                <strong>{source.name}</strong> ({t('studio.sourceKinds')[source.kind]}): {t('studio.inSentences')(source.sentences.map((n) => n + 1))}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

/** The sentence in a read-only box: the caret, moved by arrows (Ctrl+arrows by word) or a click,
 * says where the new sentence starts; the words from there are said as the caret moves. The box
 * moves its own caret, since browsers do not all move one in a read-only field. */
function Splitter(props: { text: string; index: number; onSplit: (caret: number) => void; onCancel: () => void }): JSX.Element {
  let box!: HTMLTextAreaElement;
  const [caret, setCaret] = createSignal(0);
  const id = `st-splitter-${props.index}`;
  const place = (at: number) => {
    const next = Math.max(0, Math.min(props.text.length, at));
    box.setSelectionRange(next, next);
    setCaret(next);
  };
  const wordStart = (from: number, step: 1 | -1) => {
    let i = from + step;
    if (step > 0) {
      while (i < props.text.length && !/\s/.test(props.text[i - 1]!)) i++;
      while (i < props.text.length && /\s/.test(props.text[i]!)) i++;
    } else {
      while (i > 0 && /\s/.test(props.text[i]!)) i--;
      while (i > 0 && !/\s/.test(props.text[i - 1]!)) i--;
    }
    return i;
  };
  queueMicrotask(() => {
    box?.focus();
    place(0);
  });
  const from = () => props.text.slice(caret()).trimStart().split(/\s+/).slice(0, 4).join(' ');
  return (
    <div class="st-splitter">
      <label for={id}>{t('studio.splitWhere')(props.index + 1)}</label>
      <textarea
        id={id}
        ref={box}
        readOnly
        rows={3}
        value={props.text}
        aria-describedby={`${id}-hint`}
        onSelect={() => setCaret(box.selectionStart)}
        onClick={() => setCaret(box.selectionStart)}
        onKeyDown={(e) => {
          const at = box.selectionStart;
          if (e.key === 'Enter') props.onSplit(at);
          else if (e.key === 'Escape') props.onCancel();
          else if (e.key === 'ArrowRight') place(e.ctrlKey || e.altKey ? wordStart(at, 1) : at + 1);
          else if (e.key === 'ArrowLeft') place(e.ctrlKey || e.altKey ? wordStart(at, -1) : at - 1);
          else if (e.key === 'Home') place(0);
          else if (e.key === 'End') place(props.text.length);
          else return;
          e.preventDefault();
        }}
      />
      <p id={`${id}-hint`} class="tw-hint">
        {t('studio.splitHint')}
      </p>
      <p class="st-split-at" aria-live="polite">
        {caret() > 0 && caret() < props.text.length ? t('studio.splitStartsAt')(from()) : t('studio.splitNoPlace')}
      </p>
      <div class="tw-actions">
        <button type="button" class="tw-button tw-primary tw-small" disabled={caret() <= 0 || caret() >= props.text.length} onClick={() => props.onSplit(caret())}>
          {t('studio.splitHere')}
        </button>
        <button type="button" class="tw-button tw-small" onClick={() => props.onCancel()}>
          {t('studio.cancel')}
        </button>
      </div>
    </div>
  );
}
