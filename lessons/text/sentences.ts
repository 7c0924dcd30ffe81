// Sentence splitting for news text, Dutch and English. Rule-based: a candidate boundary is
// sentence-final punctuation (. ! ? … and runs of them), optionally followed by closing quotes
// or brackets, then whitespace. Whether it is a boundary depends on what follows (a word that
// can open a sentence) and, for a single period, on the word before it (an abbreviation from
// abbreviations.json, an initial, a dotted acronym). Blank lines always end a sentence; with
// `lineBreaks: 'detect'` a short line without closing punctuation (a heading) does too.
// Every sentence comes with its character offsets in the input, so a studio can merge and
// split by hand and map the result back to the text.
import data from './abbreviations.json';

export type TextLanguage = 'nl' | 'en';

export interface SentenceSpan {
  /** Offset of the sentence's first character in the input. */
  start: number;
  /** Offset just past its last character (closing quote or bracket included). */
  end: number;
  /** input.slice(start, end): the sentence as written, line breaks and all. */
  text: string;
  /** Index of the paragraph (blank-line separated block) it belongs to. */
  paragraph: number;
}

export interface SplitOptions {
  /** Rules for this language; any other language code gets the Dutch rules. */
  language?: string;
  /** 'wrap': a single line break is wrapping, never a boundary. 'detect' (default): a line
   * that looks like a heading (short, no closing punctuation, the next line opens a sentence)
   * ends there. */
  lineBreaks?: 'wrap' | 'detect';
}

type AbbreviationClass = 'never' | 'final' | 'ambiguous';

interface Rules {
  classes: Map<string, AbbreviationClass>;
  caseSensitive: Set<string>;
  starters: Set<string>;
  particles: Set<string>;
}

interface LanguageLists {
  never: string[];
  final: string[];
  ambiguous: string[];
  caseSensitive?: string[];
  starters?: string[];
  particles?: string[];
}

const lists = data as unknown as { common: LanguageLists; nl: LanguageLists; en: LanguageLists };
const rulesCache = new Map<TextLanguage, Rules>();

function rulesFor(language: string | undefined): Rules {
  const lang: TextLanguage = language === 'en' ? 'en' : 'nl';
  const cached = rulesCache.get(lang);
  if (cached) return cached;
  const classes = new Map<string, AbbreviationClass>();
  for (const source of [lists.common, lists[lang]]) {
    for (const cls of ['never', 'final', 'ambiguous'] as const) {
      for (const abbreviation of source[cls]) classes.set(abbreviation.toLowerCase(), cls);
    }
  }
  const rules: Rules = {
    classes,
    caseSensitive: new Set(lists[lang].caseSensitive ?? []),
    starters: new Set(lists[lang].starters ?? []),
    particles: new Set(lists[lang].particles ?? []),
  };
  rulesCache.set(lang, rules);
  return rules;
}

/** The abbreviation lists, for tests and the studio's explanations. */
export function abbreviationClass(token: string, language?: string): AbbreviationClass | undefined {
  return lookup(token, rulesFor(language));
}

function lookup(token: string, rules: Rules): AbbreviationClass | undefined {
  const lower = token.toLowerCase();
  // Entries that are also ordinary words or names when capitalized ("jan." the month, "Jan" the name).
  if (rules.caseSensitive.has(lower) && token !== lower) return undefined;
  return rules.classes.get(lower);
}

const TERMINATOR = /[.!?…]+/gu;
const CLOSERS = /^["'”’»›)\]]*/u;
const OPENING_QUOTE = /^(?:,,|[„“‘"'«‹‚])/u;
const UPPER = /^\p{Lu}/u;
const DIGIT = /^\p{N}/u;
const LEADING_OPENERS = /^(?:,,|[„“‘"'«‹‚(\[])+/u;
const INITIAL = /^\p{Lu}$/u;
const DOTTED = /^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u;
const NUMBER = /^[\p{N}.,]*\p{N}$/u;
/** "UTRECHT (ANP) -", "ST. LOUIS (AP) —": a dateline at the start of a paragraph. */
const DATELINE = /^[\p{Lu}][\p{Lu}\p{N} .,'’/-]*?(?:\s*\([^)\n]{1,40}\))?\s*[-–—]\s/u;

/** Does `rest` (the text after the whitespace) open a sentence? */
function opensSentence(rest: string): boolean {
  if (!rest) return false;
  if (UPPER.test(rest) || DIGIT.test(rest) || OPENING_QUOTE.test(rest)) return true;
  if (/^[([][\p{Lu}\p{N}]/u.test(rest)) return true;
  if (/^[¿¡]/u.test(rest)) return true;
  // iPhone, eBay: a lowercase word with a capital inside.
  return /^\p{Ll}\p{Lu}/u.test(rest);
}

function firstWords(rest: string): [string, string] {
  const words = rest.replace(LEADING_OPENERS, '').split(/\s+/, 2);
  return [words[0]?.replace(/[.,;:!?…"'”’)]+$/u, '') ?? '', words[1] ?? ''];
}

/** After an initial or an ambiguous abbreviation: a sentence starts only with a common function
 * word ("plan B. De minister"), and not when that word is a name particle before a capital ("B. De Wever"). */
function starterFollows(rest: string, rules: Rules): boolean {
  if (OPENING_QUOTE.test(rest)) return true;
  const [word, next] = firstWords(rest);
  if (!rules.starters.has(word)) return false;
  return !(rules.particles.has(word) && UPPER.test(next));
}

function isBoundary(paragraph: string, at: number, terminator: string, after: number, closers: string, rules: Rules): boolean {
  // Windows around the candidate keep the scan linear in the paragraph's length.
  const rest = paragraph.slice(after, after + 120).replace(/^\s+/u, '');
  if (!opensSentence(rest)) return false;
  if (terminator !== '.' || closers) return true;
  const before = paragraph.slice(Math.max(0, at - 80), at);
  let from = before.length;
  while (from > 0 && !/\s/u.test(before[from - 1]!)) from--;
  const word = before.slice(from).replace(LEADING_OPENERS, '');
  if (!word) return true;
  // "1. Eerste punt": the number of a list item at the start of a line.
  if (/^\p{N}{1,2}$/u.test(word)) {
    let i = at - word.length;
    while (i > 0 && (paragraph[i - 1] === ' ' || paragraph[i - 1] === '\t')) i--;
    if (i === 0 || paragraph[i - 1] === '\n') return false;
  }
  const token = `${word}.`;
  let cls = lookup(token, rules);
  if (cls === 'never' && !DIGIT.test(rest)) {
    // A unit after a number ("212 blz.", "€ 5 mln.") can end a sentence; a month between
    // numbers ("1 jan. 2022") cannot.
    const previous = before.slice(0, before.length - word.length).trimEnd().split(/\s+/).pop() ?? '';
    if (NUMBER.test(previous)) cls = 'final';
  }
  if (cls === 'never') return false;
  if (cls === 'final') return true;
  if (cls === 'ambiguous' || INITIAL.test(word) || DOTTED.test(word)) return starterFollows(rest, rules);
  return true;
}

/** Offsets (in `paragraph`) where a new sentence starts, excluding 0. */
function boundaries(paragraph: string, rules: Rules, detectHeadings: boolean): number[] {
  const found: number[] = [];
  const dateline = DATELINE.exec(paragraph);
  const skipUntil = dateline ? dateline[0].length : 0;
  TERMINATOR.lastIndex = 0;
  for (let m = TERMINATOR.exec(paragraph); m; m = TERMINATOR.exec(paragraph)) {
    const at = m.index;
    if (at < skipUntil) continue;
    // "[…]" and "(...)" mark an omission inside a quote.
    if (at > 0 && /[[(]/.test(paragraph[at - 1]!)) continue;
    const closers = CLOSERS.exec(paragraph.slice(at + m[0].length, at + m[0].length + 8))![0];
    const after = at + m[0].length + closers.length;
    if (after >= paragraph.length || !/\s/u.test(paragraph[after]!)) continue;
    if (!closers && continuesQuote(paragraph, found.at(-1) ?? 0, at, after)) continue;
    if (isBoundary(paragraph, at, m[0], after, closers, rules)) {
      let next = after;
      while (next < paragraph.length && /\s/u.test(paragraph[next]!)) next++;
      found.push(next);
    }
  }
  if (detectHeadings && paragraph.includes('\n')) found.push(...headingBreaks(paragraph));
  return [...new Set(found)].sort((a, b) => a - b);
}

const OPENERS_IN_TEXT = /(?:^|[\s(\[])(?:,,|[„“‘"«])|[„“«]/gu;
const CLOSER_IN_TEXT = /[”»]|["’](?!\p{L})/u;

/** Inside a quote of several sentences that ends in a comma and its attribution
 * (",,Ik ben moe. Ik wil naar huis," zei de renner.), the quote's inner stops are not
 * boundaries: the quote and its attribution are one sentence. */
function continuesQuote(paragraph: string, sentenceStart: number, at: number, after: number): boolean {
  const before = paragraph.slice(Math.max(sentenceStart, at - 600), at);
  let lastOpen = -1;
  OPENERS_IN_TEXT.lastIndex = 0;
  for (let m = OPENERS_IN_TEXT.exec(before); m; m = OPENERS_IN_TEXT.exec(before)) lastOpen = m.index + m[0].length;
  if (lastOpen < 0 || CLOSER_IN_TEXT.test(before.slice(lastOpen))) return false;
  const ahead = paragraph.slice(after, after + 400);
  const close = CLOSER_IN_TEXT.exec(ahead);
  if (!close) return false;
  const opensAgain = /(?:^|\s)(?:,,|[„“‘«])/u.exec(ahead);
  if (opensAgain && opensAgain.index < close.index) return false;
  return ahead[close.index - 1] === ',' && /^\s+\p{Ll}/u.test(ahead.slice(close.index + 1));
}

/** A line break ends a heading: a line of at most 12 words, without closing punctuation,
 * clearly shorter than the paragraph's longest line, followed by a line that opens a sentence. */
function headingBreaks(paragraph: string): number[] {
  const lines: { start: number; text: string }[] = [];
  let start = 0;
  for (const text of paragraph.split('\n')) {
    lines.push({ start, text });
    start += text.length + 1;
  }
  const longest = Math.max(...lines.map((l) => l.text.trim().length));
  const out: number[] = [];
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i]!.text.trim();
    const next = lines[i + 1]!;
    if (!line || /[.!?…:;,"'”’)\]-]$/u.test(line)) continue;
    if (line.split(/\s+/).length > 12 || line.length > 0.6 * longest) continue;
    if (!opensSentence(next.text.trimStart())) continue;
    out.push(next.start + (next.text.length - next.text.trimStart().length));
  }
  return out;
}

const PARAGRAPH_BREAK = /\r?\n[ \t]*\r?\n/g;

/** Split a text into sentences with their offsets. Paragraphs are separated by blank lines. */
export function splitText(text: string, options: SplitOptions = {}): SentenceSpan[] {
  const rules = rulesFor(options.language);
  const detect = (options.lineBreaks ?? 'detect') === 'detect';
  const out: SentenceSpan[] = [];
  let paragraphIndex = 0;
  const blocks: [number, number][] = [];
  let from = 0;
  PARAGRAPH_BREAK.lastIndex = 0;
  for (let m = PARAGRAPH_BREAK.exec(text); m; m = PARAGRAPH_BREAK.exec(text)) {
    blocks.push([from, m.index]);
    from = m.index + m[0].length;
  }
  blocks.push([from, text.length]);
  for (const [blockStart, blockEnd] of blocks) {
    const paragraph = text.slice(blockStart, blockEnd);
    if (!paragraph.trim()) continue;
    const cuts = [0, ...boundaries(paragraph, rules, detect), paragraph.length];
    for (let i = 0; i < cuts.length - 1; i++) {
      const piece = paragraph.slice(cuts[i], cuts[i + 1]);
      const lead = piece.length - piece.trimStart().length;
      const trimmed = piece.trim();
      if (!trimmed) continue;
      const start = blockStart + cuts[i]! + lead;
      out.push({ start, end: start + trimmed.length, text: trimmed, paragraph: paragraphIndex });
    }
    paragraphIndex++;
  }
  return out;
}
