// Quote anchors (W3C TextQuoteSelector: exact, optional prefix and suffix) resolved against the
// article model to the ids of the sentences they overlap. Whitespace is normalized on both sides.
import { normalizeText } from './article.ts';
import type { Article } from './model.ts';
import type { Quote } from './format.ts';

export type AnchorResult =
  | { ok: true; sentenceIds: string[] }
  | { ok: false; error: 'missing'; message: string }
  | { ok: false; error: 'ambiguous'; count: number; message: string };

/** The article as one normalized string, with each sentence's span in it. */
export interface ArticleText {
  text: string;
  spans: { id: string; start: number; end: number }[];
}

export function articleText(article: Article): ArticleText {
  let text = '';
  const spans: ArticleText['spans'] = [];
  for (const paragraph of article.paragraphs) {
    for (const sentence of paragraph.sentences) {
      if (text) text += ' ';
      spans.push({ id: sentence.id, start: text.length, end: text.length + sentence.text.length });
      text += sentence.text;
    }
  }
  return { text, spans };
}

function occurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s);

export function resolveQuote(source: Article | ArticleText, quote: Quote): AnchorResult {
  const { text, spans } = 'spans' in source ? source : articleText(source);
  const exact = normalizeText(quote.exact);
  if (!exact) return { ok: false, error: 'missing', message: 'the quote is empty' };
  const all = occurrences(text, exact);
  if (all.length === 0) {
    return { ok: false, error: 'missing', message: `quote not found in the article: "${short(exact)}"` };
  }
  // Prefix and suffix are compared across the whitespace at their junction with the quote, so
  // an author may write them with or without the separating space.
  const prefix = quote.prefix === undefined ? '' : normalizeText(quote.prefix);
  const suffix = quote.suffix === undefined ? '' : normalizeText(quote.suffix);
  const matches = all.filter(
    (at) => text.slice(0, at).trimEnd().endsWith(prefix) && text.slice(at + exact.length).trimStart().startsWith(suffix),
  );
  if (matches.length === 0) {
    return {
      ok: false,
      error: 'missing',
      message: `quote found ${all.length} time(s) but never with the given prefix/suffix: "${short(exact)}"`,
    };
  }
  if (matches.length > 1) {
    return {
      ok: false,
      error: 'ambiguous',
      count: matches.length,
      message: `quote is ambiguous: found ${matches.length} times; add a prefix or suffix to pick one: "${short(exact)}"`,
    };
  }
  const start = matches[0]!;
  const end = start + exact.length;
  return { ok: true, sentenceIds: spans.filter((s) => s.start < end && s.end > start).map((s) => s.id) };
}
