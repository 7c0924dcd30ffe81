// The article model: an article file split into paragraphs and sentences with stable ids,
// and its translations aligned by paragraph. Quotes in lessons resolve against this model.
// splitArticle is pure and runs in the studio too, so the split an author previews (with the
// sentence breaks they forced or removed by hand) is exactly the split that is served.
import type { ArticleFile, Boundaries } from './format.ts';
import { sha256Hex } from './hash.ts';
import type { Article, Paragraph, Translation } from './model.ts';
import { splitText } from './text/sentences.ts';

/** Collapse runs of whitespace and normalize Unicode, so ids and quotes ignore line wrapping. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Paragraphs are separated by blank lines. */
export function splitParagraphs(text: string): string[] {
  return paragraphSpans(text).map((p) => text.slice(p.start, p.end).replace(/\r\n?/g, '\n'));
}

const PARAGRAPH_BREAK = /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)/g;

/** The paragraphs' offsets in `text`, each trimmed; the same blocks as splitting on blank lines. */
function paragraphSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const push = (from: number, to: number) => {
    const piece = text.slice(from, to);
    const trimmed = piece.trim();
    if (!trimmed) return;
    const start = from + piece.length - piece.trimStart().length;
    out.push({ start, end: start + trimmed.length });
  };
  let from = 0;
  PARAGRAPH_BREAK.lastIndex = 0;
  for (let m = PARAGRAPH_BREAK.exec(text); m; m = PARAGRAPH_BREAK.exec(text)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}

/** A paragraph of one line without closing punctuation is a heading. */
export function isHeading(paragraph: string): boolean {
  return !paragraph.includes('\n') && !/[.!?:;…"'”’)]$/.test(paragraph.trim());
}

/** The sentences of one paragraph, whitespace normalized. A line break inside a paragraph is
 * wrapping, not a sentence end; the splitter (lessons/text/sentences.ts) knows abbreviations,
 * initials, numbers, datelines and quote styles, which Intl.Segmenter does not. */
export function splitSentences(paragraph: string, language = 'nl'): string[] {
  return splitText(normalizeText(paragraph), { language, lineBreaks: 'wrap' }).map((s) => s.text);
}

/** A sentence of the split, with its offsets in the article's `text` (start of its first
 * character, end just past its last). */
export interface SentenceAt {
  start: number;
  end: number;
  /** Whitespace normalized, as served. */
  text: string;
}
export interface ParagraphAt {
  start: number;
  end: number;
  kind: 'text' | 'heading';
  sentences: SentenceAt[];
}
export interface ArticleSplit {
  paragraphs: ParagraphAt[];
  /** Entries of `boundaries` that change nothing (a split where a sentence already starts or
   * outside any sentence, a join where no sentence starts): the studio drops them. */
  unused: { split: number[]; join: number[] };
}

/** The paragraph normalized as normalizeText does, with the offset in `text` of every character. */
function normalizedWithOffsets(text: string, start: number, end: number): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  let cluster = '';
  let clusterAt = -1;
  const flush = () => {
    if (!cluster) return;
    // NFC only composes a base character with the marks after it: normalize each such cluster.
    for (const ch of cluster.normalize('NFC')) {
      out += ch;
      for (let k = 0; k < ch.length; k++) at.push(clusterAt);
    }
    cluster = '';
  };
  for (let i = start; i < end; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (/\s/u.test(ch)) {
      flush();
      if (out && !out.endsWith(' ')) {
        out += ' ';
        at.push(i);
      }
    } else if (/\p{M}/u.test(ch) && cluster) {
      cluster += ch;
    } else {
      flush();
      cluster = ch;
      clusterAt = i;
    }
    i += ch.length;
  }
  flush();
  if (out.endsWith(' ')) {
    out = out.slice(0, -1);
    at.pop();
  }
  return { text: out, at };
}

/**
 * The article's paragraphs and sentences with their offsets in `text`. `boundaries` are offsets
 * in `text` set by hand: `split` starts a sentence at the first character at or after the offset
 * (inside a sentence the splitter made), `join` removes the break before the sentence the
 * splitter started at that offset, merging it with the one before. Breaks never cross paragraphs.
 */
export function splitArticle(text: string, boundaries: Boundaries = {}, language = 'nl'): ArticleSplit {
  const unusedSplit = new Set(boundaries.split ?? []);
  const unusedJoin = new Set(boundaries.join ?? []);
  const paragraphs = paragraphSpans(text).map((p): ParagraphAt => {
    const raw = text.slice(p.start, p.end).replace(/\r\n?/g, '\n');
    const norm = normalizedWithOffsets(text, p.start, p.end);
    const offset = (i: number) => (i < norm.at.length ? norm.at[i]! : p.end);
    // Sentence starts in the normalized paragraph; a sentence runs to the next start.
    let starts = splitText(norm.text, { language, lineBreaks: 'wrap' }).map((s) => s.start);
    for (const j of boundaries.join ?? []) {
      const k = starts.findIndex((s, n) => n > 0 && offset(s) === j);
      if (k > 0) {
        starts = starts.filter((_, n) => n !== k);
        unusedJoin.delete(j);
      }
    }
    for (const s of boundaries.split ?? []) {
      if (s <= p.start || s >= p.end) continue;
      let i = norm.at.findIndex((o) => o >= s);
      while (i >= 0 && i < norm.text.length && norm.text[i] === ' ') i++;
      if (i <= 0 || i >= norm.text.length || starts.includes(i)) continue;
      starts = [...starts, i].sort((a, b) => a - b);
      unusedSplit.delete(s);
    }
    const sentences = starts.flatMap((from, n): SentenceAt[] => {
      const piece = norm.text.slice(from, starts[n + 1] ?? norm.text.length);
      const trimmed = piece.trim();
      if (!trimmed) return [];
      const last = from + piece.trimEnd().length - 1;
      const end = offset(last) + (text.codePointAt(offset(last))! > 0xffff ? 2 : 1);
      return [{ start: offset(from), end: Math.max(end, offset(from) + 1), text: trimmed }];
    });
    return { start: p.start, end: p.end, kind: isHeading(raw) ? 'heading' : 'text', sentences };
  });
  return { paragraphs, unused: { split: [...unusedSplit], join: [...unusedJoin] } };
}

/** Boundaries with a break added at `offset` in `text`, moved to the next non-space character
 * (undoing a join there, if there was one). */
export function withBreak(boundaries: Boundaries, text: string, offset: number): Boundaries {
  while (offset < text.length && /\s/u.test(text[offset]!)) offset++;
  const join = (boundaries.join ?? []).filter((j) => j !== offset);
  if (join.length !== (boundaries.join ?? []).length) return { split: boundaries.split ?? [], join };
  return { split: [...new Set([...(boundaries.split ?? []), offset])].sort((a, b) => a - b), join };
}

/** Boundaries without the break before the sentence that starts at `offset` (undoing a split
 * there, if there was one). */
export function withoutBreak(boundaries: Boundaries, offset: number): Boundaries {
  const split = (boundaries.split ?? []).filter((s) => s !== offset);
  if (split.length !== (boundaries.split ?? []).length) return { split, join: boundaries.join ?? [] };
  return { split, join: [...new Set([...(boundaries.join ?? []), offset])].sort((a, b) => a - b) };
}

/** "s-" + 8 hex of the hash, with "-2", "-3" for repeats, so an id depends only on the text. */
function idMaker(prefix: string): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = `${prefix}-${sha256Hex(normalizeText(text)).slice(0, 8)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
}

export class ArticleError extends Error {}

/** Build the article model from a validated article file. Throws ArticleError when a
 * translation's paragraph count does not match the article's. */
export function buildArticle(file: ArticleFile): Article {
  const sentenceId = idMaker('s');
  const paragraphId = idMaker('p');
  const paragraphs: Paragraph[] = splitArticle(file.text, file.boundaries, file.language).paragraphs.map((p) => ({
    id: paragraphId(file.text.slice(p.start, p.end)),
    kind: p.kind,
    sentences: p.sentences.map((s) => ({ id: sentenceId(s.text), text: s.text })),
  }));
  const translations: Record<string, Translation> = {};
  for (const [language, translation] of Object.entries(file.translations ?? {})) {
    if (translation.paragraphs.length !== paragraphs.length) {
      throw new ArticleError(
        `translation '${language}' has ${translation.paragraphs.length} paragraphs, the article has ${paragraphs.length}`,
      );
    }
    translations[language] = {
      title: translation.title,
      paragraphs: paragraphs.map((p, i) => ({ id: p.id, text: translation.paragraphs[i]!.trim() })),
    };
  }
  return {
    id: file.id,
    title: file.title,
    language: file.language,
    source: file.source,
    credit: file.credit,
    paragraphs,
    translations,
  };
}
