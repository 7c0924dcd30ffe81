// Writes the quote selector (W3C TextQuoteSelector) for a passage an author picked in the article:
// the exact text, and only when that text occurs more than once, as many words before (prefix) or
// after (suffix) as it takes for lessons/anchors.ts to find it exactly once. The inverse of
// resolveQuote: pure, so the studio runs it in the browser as the author selects.
import type { Quote } from './format.ts';

/** The start offsets of every occurrence of `exact` in `text`, overlapping ones included. */
function occurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

/** How resolveQuote compares prefix and suffix: across the whitespace at their junction. */
function fits(text: string, at: number, length: number, prefix: string, suffix: string): boolean {
  return text.slice(0, at).trimEnd().endsWith(prefix) && text.slice(at + length).trimStart().startsWith(suffix);
}

/** The last `n` words before `at` (fewer at the start of the text). */
function wordsBefore(text: string, at: number, n: number): string {
  const words = text.slice(0, at).trimEnd().split(' ').filter(Boolean);
  return words.slice(Math.max(0, words.length - n)).join(' ');
}

/** The first `n` words after `end`. */
function wordsAfter(text: string, end: number, n: number): string {
  return text.slice(end).trimStart().split(' ').filter(Boolean).slice(0, n).join(' ');
}

/**
 * The selector for `text.slice(start, end)`, where `text` is the article as one normalized string
 * (articleText(article).text: sentences joined by single spaces). Leading and trailing whitespace
 * of the selection is dropped. Returns null for an empty selection.
 */
export function quoteSelector(text: string, start: number, end: number): Quote | null {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  if (from === to) return null;
  const exact = text.slice(from, to);
  const all = occurrences(text, exact);
  if (all.length <= 1) return { exact };
  const others = all.filter((at) => at !== from);
  const unique = (prefix: string, suffix: string) => others.every((at) => !fits(text, at, exact.length, prefix, suffix));
  // The shortest context first: one word before, one after, then one on each side, then two...
  const maxWords = text.split(' ').length;
  for (let n = 1; n <= maxWords; n++) {
    const prefix = wordsBefore(text, from, n);
    const suffix = wordsAfter(text, to, n);
    if (prefix && unique(prefix, '')) return { exact, prefix };
    if (suffix && unique('', suffix)) return { exact, suffix };
    if (unique(prefix, suffix)) return { exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
  }
  // Only an overlapping repeat of the whole text could get here; say so rather than guess.
  return { exact, prefix: text.slice(0, from).trimEnd(), suffix: text.slice(to).trimStart() };
}
