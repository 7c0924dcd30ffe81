// The analysis an author sees beside an article: per sentence the cues of attribution, hedging,
// prediction, evaluation, unnamed sources, numbers and quotes, each with its character span and
// the lexicon entry that matched (lexicon.json), and a "who says what" list of the sources the
// article cites, sentence by sentence. Rule-based, so every mark can be explained: the author
// sees which word triggered it and why.
import lexiconData from './lexicon.json';
import { splitText, type SplitOptions } from './sentences.ts';

export const CUE_KINDS = ['attribution', 'hedge', 'prediction', 'evaluative', 'unnamed-source', 'role', 'number', 'quote'] as const;
export type CueKind = (typeof CUE_KINDS)[number];
export type SourceKind = 'named' | 'unnamed' | 'role';

export interface Span {
  /** Offsets in the analysed text. */
  start: number;
  end: number;
}

/** The lexicon entry (or built-in rule) that produced a cue. */
export interface CueEntry {
  /** "nl:hedge/zou", or "rule:digits", "rule:quote". */
  id: string;
  /** The form of the entry that matched, as written in the lexicon ("laat * weten"). */
  form: string;
  /** What the kind of cue means, for the author. */
  explain: { nl: string; en: string };
  note?: string;
}

export interface Cue extends Span {
  kind: CueKind;
  /** The matched text. */
  text: string;
  entry: CueEntry;
}

export interface SourceMention extends Span {
  /** The source as the article names it ("de New York Times" gives "New York Times"). */
  name: string;
  kind: SourceKind;
  /** Lowercased name without determiners: mentions with the same key are one source. */
  key: string;
}

export interface Attribution {
  sentence: number;
  source: SourceMention;
  /** The attribution cue that links the sentence to its source; absent when the sentence is the
   * continuation of the previous sentence's quote. */
  cue?: Cue;
  /** Set when the source was carried over from a neighbouring sentence: the previous one, for a
   * quote that goes on; the next one, for "Dat meldt de krant." after the claim. */
  carried?: boolean;
  /** The sentence the source was carried from. */
  from?: number;
}

export interface AnalysedSentence extends Span {
  index: number;
  paragraph: number;
  text: string;
  cues: Cue[];
  /** Who says what in this sentence (usually zero or one). */
  attributions: Attribution[];
}

export interface CitedSource {
  name: string;
  kind: SourceKind;
  key: string;
  /** Indexes of the sentences that cite it. */
  sentences: number[];
}

export interface Analysis {
  language: 'nl' | 'en';
  text: string;
  sentences: AnalysedSentence[];
  /** The sources the article cites, in order of first mention, with their sentences. */
  sources: CitedSource[];
}

interface LexiconEntry {
  id: string;
  forms: string[];
  source?: 'after' | 'either';
  noun?: boolean;
  note?: string;
}
interface LanguageLexicon {
  attribution: LexiconEntry[];
  hedge: LexiconEntry[];
  prediction: LexiconEntry[];
  evaluative: LexiconEntry[];
  'unnamed-source': LexiconEntry[];
  role: LexiconEntry[];
  numbers: string[];
  clause: string[];
  determiners: string[];
  prepositions: string[];
  titles: string[];
  particles: string[];
  notNames: string[];
  openers: string[];
  articles: string[];
  definite: string[];
}
interface Lexicon {
  kinds: Record<CueKind, { nl: string; en: string }>;
  nl: LanguageLexicon;
  en: LanguageLexicon;
}

const lexicon = lexiconData as unknown as Lexicon;
const LEXICAL_KINDS = ['attribution', 'hedge', 'prediction', 'evaluative', 'unnamed-source', 'role'] as const;
type LexicalKind = (typeof LEXICAL_KINDS)[number];

/** One lexicon form, compiled to words: matched token by token over the text. */
interface CompiledForm {
  kind: LexicalKind;
  entry: LexiconEntry;
  form: string;
  /** Lowercased words; null is a gap of up to four words. The first word is the index key. */
  words: (string[] | null)[];
  /** "-bronnen": the first word is the end of a longer word. */
  suffix: boolean;
  /** "(kan)": the words stand in brackets. */
  bracketed: boolean;
  /** A lowercase form does not match a capitalized word inside a sentence ("may" is not "May"). */
  lowerCase: boolean;
}

interface Compiled {
  /** Forms by the lowercased text of their first word (every variant of it). */
  byFirst: Map<string, CompiledForm[]>;
  suffixForms: CompiledForm[];
  numberWords: Set<string>;
  clause: Set<string>;
  determiners: Set<string>;
  prepositions: string[];
  titles: Set<string>;
  particles: Set<string>;
  notNames: Set<string>;
  openers: Set<string>;
  articles: Set<string>;
  definite: Set<string>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ENDINGS = ['', 'e', 'en', 'er', 'ere', 'st', 'ste'];

/** A lexicon form as words; see the "about" text of lexicon.json. */
export function compileForm(form: string, kind: LexicalKind, entry: LexiconEntry): CompiledForm {
  let body = form.trim();
  const suffix = body.startsWith('-');
  if (suffix) body = body.slice(1);
  const bracketed = body.startsWith('(') && body.endsWith(')');
  if (bracketed) body = body.slice(1, -1);
  const inflected = body.endsWith('+');
  if (inflected) body = body.slice(0, -1);
  const parts = body.toLowerCase().split(/\s+/);
  const words = parts.map((w, i) => (w === '*' ? null : inflected && i === parts.length - 1 ? ENDINGS.map((e) => w + e) : [w]));
  return { kind, entry, form, words, suffix, bracketed, lowerCase: /^[-(]?\p{Ll}/u.test(form) };
}

const compiledCache = new Map<'nl' | 'en', Compiled>();
function compiled(language: 'nl' | 'en'): Compiled {
  const hit = compiledCache.get(language);
  if (hit) return hit;
  const lex = lexicon[language];
  const byFirst = new Map<string, CompiledForm[]>();
  const suffixForms: CompiledForm[] = [];
  for (const kind of LEXICAL_KINDS) {
    for (const entry of lex[kind]) {
      for (const form of entry.forms) {
        const f = compileForm(form, kind, entry);
        if (f.suffix) {
          suffixForms.push(f);
          continue;
        }
        for (const first of f.words[0]!) byFirst.set(first, [...(byFirst.get(first) ?? []), f]);
      }
    }
  }
  const result: Compiled = {
    byFirst,
    suffixForms,
    numberWords: new Set(lex.numbers.map((w) => w.toLowerCase())),
    clause: new Set(lex.clause),
    determiners: new Set(lex.determiners),
    prepositions: [...lex.prepositions].sort((a, b) => b.length - a.length),
    titles: new Set(lex.titles.flatMap((t) => t.replace(/\.$/, '').toLowerCase().split(' '))),
    particles: new Set(lex.particles),
    notNames: new Set(lex.notNames),
    openers: new Set(lex.openers),
    articles: new Set(lex.articles),
    definite: new Set(lex.definite),
  };
  compiledCache.set(language, result);
  return result;
}

const explain = (kind: CueKind) => lexicon.kinds[kind];

// ---------------------------------------------------------------- cues over the whole text

const DIGITS = /(?<![\p{L}\p{N}])[€$£]?\s?\p{N}+(?:[.,:]\p{N}+)*(?:\s?%)?(?:-(?:jarige?|plussers?|year-old))?/gu;

const QUOTE_PAIRS: [RegExp, RegExp][] = [
  [/„/gu, /[”"“]/u],
  [/(?<![\p{L}\p{N}]),,/gu, /["”]|''/u],
  [/“/gu, /”/u],
  [/‘/gu, /’(?!\p{L})/u],
  [/«/gu, /»/u],
  [/(?<=^|[\s([])"(?=\S)/gu, /"/u],
  [/(?<=^|[\s([])'(?=\p{L}{2})/gu, /'(?!\p{L})/u],
];

function findQuotes(text: string): Span[] {
  const spans: Span[] = [];
  for (const [open, close] of QUOTE_PAIRS) {
    open.lastIndex = 0;
    for (let m = open.exec(text); m; m = open.exec(text)) {
      const from = m.index + m[0].length;
      const rest = text.slice(from, from + 1500);
      const c = close.exec(rest);
      if (!c) continue;
      const end = from + c.index + c[0].length;
      if (!spans.some((s) => m!.index >= s.start && m!.index < s.end)) spans.push({ start: m.index, end });
      open.lastIndex = end;
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function isSentenceStart(text: string, at: number, sentenceStarts: number[]): boolean {
  // The last sentence start at or before `at`, and only quotes or brackets between.
  let lo = 0;
  let hi = sentenceStarts.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentenceStarts[mid]! <= at) {
      found = sentenceStarts[mid]!;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return /^[\s„“‘"'«(,]*$/u.test(text.slice(found, at));
}

/** Words of the text with their offsets and lowercased form, computed once per analysis. */
interface Word extends Span {
  text: string;
  lower: string;
}
const WORD = /[\p{L}\p{N}]+(?:['’.\-&][\p{L}\p{N}]+)*/gu;

function words(text: string): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0], lower: m[0].toLowerCase() });
  return out;
}

const spaceBetween = (text: string, a: Span, b: Span) => onlySpace(text.slice(a.end, b.start));

/** Match a form whose first word matched at words[i]: the index of its last word, or -1. */
function matchFrom(text: string, ws: Word[], i: number, f: CompiledForm): number {
  let at = i;
  for (let k = 1; k < f.words.length; k++) {
    const want = f.words[k];
    if (want === null) {
      // A gap: up to four words, then the rest of the form.
      const rest = { ...f, words: f.words.slice(k + 1) } as CompiledForm;
      for (let skip = 1; skip <= 4 && ws[at + skip]; skip++) {
        if (!spaceBetween(text, ws[at + skip - 1]!, ws[at + skip]!)) return -1;
        const next = ws[at + skip]!;
        if (rest.words[0]!.includes(next.lower)) {
          const end = rest.words.length === 1 ? at + skip : matchFrom(text, ws, at + skip, rest);
          if (end >= 0) return end;
        }
      }
      return -1;
    }
    const next = ws[at + 1];
    if (!next || !want.includes(next.lower) || !spaceBetween(text, ws[at]!, next)) return -1;
    at++;
  }
  return at;
}

function lexicalCues(text: string, ws: Word[], language: 'nl' | 'en', sentenceStarts: number[]): Cue[] {
  const c = compiled(language);
  const out: Cue[] = [];
  const push = (f: CompiledForm, start: number, end: number) =>
    out.push({
      kind: f.kind,
      start,
      end,
      text: text.slice(start, end),
      entry: { id: `${language}:${f.kind}/${f.entry.id}`, form: f.form, explain: explain(f.kind), ...(f.entry.note ? { note: f.entry.note } : {}) },
    });
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    const forms = c.byFirst.get(w.lower);
    const capitalInside = /^\p{Lu}/u.test(w.text) && !isSentenceStart(text, w.start, sentenceStarts);
    if (forms) {
      for (const f of forms) {
        if (f.lowerCase && capitalInside) continue;
        const last = matchFrom(text, ws, i, f);
        if (last < 0) continue;
        if (f.bracketed) {
          if (text[w.start - 1] !== '(' || text[ws[last]!.end] !== ')') continue;
          push(f, w.start - 1, ws[last]!.end + 1);
        } else push(f, w.start, ws[last]!.end);
      }
    }
    for (const f of c.suffixForms) {
      if (f.lowerCase && capitalInside) continue;
      const end = f.words[0]!.find((x) => w.lower.length > x.length && w.lower.endsWith(x));
      if (end && f.words.length === 1) push(f, w.start, w.end);
    }
  }
  // Within a kind, the longest match wins where forms overlap ("zo zegt" over "zegt").
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Cue[] = [];
  const lastEnd = new Map<CueKind, number>();
  for (const cue of out) {
    if ((lastEnd.get(cue.kind) ?? -1) > cue.start) continue;
    kept.push(cue);
    lastEnd.set(cue.kind, cue.end);
  }
  return kept;
}

function ruleCues(text: string, ws: Word[], language: 'nl' | 'en'): Cue[] {
  const out: Cue[] = [];
  DIGITS.lastIndex = 0;
  for (let m = DIGITS.exec(text); m; m = DIGITS.exec(text)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    out.push({ kind: 'number', start, end: m.index + m[0].length, text: m[0].trim(), entry: { id: 'rule:digits', form: 'digits', explain: explain('number') } });
  }
  const numberWords = compiled(language).numberWords;
  for (const w of ws) {
    if (numberWords.has(w.lower)) out.push({ kind: 'number', start: w.start, end: w.end, text: w.text, entry: { id: `${language}:number/${w.lower}`, form: w.lower, explain: explain('number') } });
  }
  for (const q of findQuotes(text)) {
    out.push({ kind: 'quote', ...q, text: text.slice(q.start, q.end), entry: { id: 'rule:quote', form: 'quotation marks', explain: explain('quote') } });
  }
  return out;
}

// ---------------------------------------------------------------- sources

/** "M", "A.J": initials, followed by their period. */
const INITIALS = /^(?:\p{Lu}\.)*\p{Lu}$/u;
const capitalized = (t: string) => /^\p{Lu}/u.test(t);
/** Words that end a widening to the left: common verbs and conjunctions that end in -e. */
const LEXICAL_STOP = /^(?:De|Het|The|Dat|Die|En|Maar|Volgens|According)$/u;
const onlySpace = (s: string) => /^\s*$/u.test(s);
const adjectiveLike = (t: string) => /\p{L}{3,}(?:e|se)$/u.test(t);

interface Candidate extends Span {
  kind: SourceKind;
}

/** Named entities of a sentence: runs of capitalized words, joined by name particles. */
function namedEntities(text: string, sentence: Span, toks: Word[], c: Compiled, cueStarts: Set<number>): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    const next = toks[i + 1];
    const skip =
      !capitalized(t.text) ||
      c.titles.has(t.lower) ||
      c.notNames.has(t.text) ||
      cueStarts.has(t.start) ||
      (isStartOf(text, sentence.start, t.start) && isCommonStart(t.text, c) && !(c.definite.has(t.lower) && next && capitalized(next.text)));
    if (skip) {
      i++;
      continue;
    }
    let j = i;
    for (;;) {
      const next = toks[j + 1];
      if (!next) break;
      const gap = text.slice(toks[j]!.end, next.start);
      const initial = INITIALS.test(toks[j]!.text) && /^\.\s*$/u.test(gap);
      if (!onlySpace(gap) && !initial) break;
      if (capitalized(next.text) && !cueStarts.has(next.start)) {
        j++;
        continue;
      }
      // Particles ("van der", "of the") only inside a name: a capital must follow them.
      let k = j + 1;
      while (toks[k] && c.particles.has(toks[k]!.text) && (onlySpace(text.slice(toks[k - 1]!.end, toks[k]!.start)) || (k === j + 1 && initial))) k++;
      if (k > j + 1 && toks[k] && capitalized(toks[k]!.text) && onlySpace(text.slice(toks[k - 1]!.end, toks[k]!.start))) {
        j = k;
        continue;
      }
      break;
    }
    out.push({ start: t.start, end: toks[j]!.end, kind: 'named' });
    i = j + 1;
  }
  return out;
}

function isStartOf(text: string, sentenceStart: number, at: number): boolean {
  return /^[\s„“‘"'«(,]*$/u.test(text.slice(sentenceStart, at));
}
function isFunctionWord(word: string, c: Compiled): boolean {
  const lower = word.toLowerCase();
  return c.clause.has(lower) || c.determiners.has(lower) || c.particles.has(lower);
}
/** Words that open sentences without being names: function words and common sentence openers. */
function isCommonStart(word: string, c: Compiled): boolean {
  return c.openers.has(word.toLowerCase()) || isFunctionWord(word, c);
}

/** An unnamed or role source, widened to its determiner and adjectives ("Amerikaanse
 * veiligheidsbronnen") and to a following place ("bronnen binnen het Witte Huis"). */
function widen(text: string, cue: Cue, toks: Word[], c: Compiled, kind: SourceKind): Candidate {
  let start = cue.start;
  let end = cue.end;
  const first = toks.findIndex((t) => t.end > cue.start);
  let last = toks.findIndex((t) => t.end >= cue.end);
  if (first < 0 || last < 0) return { start, end, kind };
  // Left: up to two determiners, adjectives or capitalized modifiers ("U.S. officials").
  for (let i = first - 1, n = 0; i >= 0 && n < 2; i--, n++) {
    const t = toks[i]!;
    const gap = text.slice(t.end, start);
    if (!onlySpace(gap) && !(/^\.\s+$/u.test(gap) && /\./u.test(t.text))) break;
    const lower = t.text.toLowerCase();
    if (c.clause.has(lower) || (LEXICAL_STOP.test(t.text) && !c.determiners.has(lower))) break;
    if (c.determiners.has(lower) || adjectiveLike(t.text) || capitalized(t.text)) start = t.start;
    else break;
  }
  // Right: a preposition, determiners, then a name or adjectives and one noun.
  const lastWord = cue.text.split(/\s+/).pop()!.toLowerCase();
  let i = last + 1;
  const preposition = c.prepositions.find((p) => {
    const words = p.split(' ');
    return words.every((w, k) => toks[i + k]?.text.toLowerCase() === w && onlySpace(text.slice(toks[i + k - 1]!.end, toks[i + k]!.start)));
  });
  const endsInPreposition = c.prepositions.some((p) => p.split(' ').pop() === lastWord) || lastWord === 'with';
  if (!preposition && !endsInPreposition) return { start, end, kind };
  if (preposition) i += preposition.split(' ').length;
  while (toks[i] && c.determiners.has(toks[i]!.text.toLowerCase()) && onlySpace(text.slice(toks[i - 1]!.end, toks[i]!.start))) i++;
  let taken = -1;
  for (let n = 0; toks[i] && n < 4; i++, n++) {
    const t = toks[i]!;
    if (!onlySpace(text.slice(toks[i - 1]!.end, t.start))) break;
    if (c.clause.has(t.text.toLowerCase())) break;
    taken = i;
    // Adjectives lead on to their noun ("de Amerikaanse kant", "het Witte Huis").
    if (adjectiveLike(t.text) && toks[i + 1]) continue;
    if (capitalized(t.text)) {
      while (toks[i + 1] && capitalized(toks[i + 1]!.text) && onlySpace(text.slice(toks[i]!.end, toks[i + 1]!.start))) taken = ++i;
    }
    break;
  }
  if (taken >= 0) {
    last = taken;
    end = toks[last]!.end;
  }
  return { start, end, kind };
}

/** "Dat meldt", "Dit zegt", "That is what … said": the sentence opens by pointing back. */
const ANAPHOR = /^[\s„“‘"',]*(?:dat|dit|that|this|that's|that is what|this is what)\s*$/iu;

const LEADING_DETERMINERS = /^(?:de|het|een|the|a|an)\s+/iu;

function mention(text: string, cand: Candidate): SourceMention {
  let name = text.slice(cand.start, cand.end).replace(/\s+/g, ' ');
  let start = cand.start;
  // "de New York Times" is named "New York Times"; "The New York Times" keeps its article.
  if (cand.kind === 'named' && /^(?:de|het)\s/iu.test(name)) {
    const cut = name.indexOf(' ') + 1;
    name = name.slice(cut);
    start += cut;
  }
  return { start, end: cand.end, name, kind: cand.kind, key: name.toLowerCase().replace(LEADING_DETERMINERS, '') };
}

function findAttributions(text: string, sentence: AnalysedSentence, toks: Word[], c: Compiled, language: 'nl' | 'en'): Attribution[] {
  const attributionCues = sentence.cues.filter((q) => q.kind === 'attribution');
  if (attributionCues.length === 0) return [];
  const quotes = sentence.cues.filter((q) => q.kind === 'quote');
  const inQuote = (s: Span) => quotes.some((q) => s.start >= q.start && s.end <= q.end);
  const cueStarts = new Set(sentence.cues.filter((q) => q.kind !== 'number' && q.kind !== 'quote').map((q) => q.start));
  const sourceCues = sentence.cues.filter((q) => (q.kind === 'unnamed-source' || q.kind === 'role') && entryOf(q, language)?.noun);
  let candidates: Candidate[] = [
    ...sourceCues.map((q) => widen(text, q, toks, c, q.kind === 'role' ? 'role' : 'unnamed')),
    ...namedEntities(text, sentence, toks, c, cueStarts),
  ].filter((s) => !inQuote(s));
  // Where candidates overlap, the widest wins ("bronnen binnen het Witte Huis" over "Witte Huis");
  // a name beats a role it touches ("minister" + "Harbers").
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  candidates = candidates.filter((a, i) => !candidates.some((b, j) => j !== i && b.start <= a.start && b.end >= a.end && (b.end - b.start > a.end - a.start || j < i)));
  candidates = candidates.filter((a) => a.kind !== 'role' || !candidates.some((b) => b.kind === 'named' && b.start >= a.end && onlySpace(text.slice(a.end, b.start))));
  const out: Attribution[] = [];
  const used = new Set<number>();
  const nounSpans = sentence.cues.filter((q) => q.kind === 'role' || q.kind === 'unnamed-source');
  for (const cue of attributionCues) {
    if (inQuote(cue)) continue;
    // "the report", "een bericht": a noun, not the verb.
    if (nounSpans.some((n) => cue.start >= n.start && cue.end <= n.end)) continue;
    const previous = toks.filter((t) => t.end <= cue.start).pop();
    if (previous && c.determiners.has(previous.text.toLowerCase()) && onlySpace(text.slice(previous.end, cue.start)) && !/^(?:die|dat|that)$/iu.test(previous.text)) continue;
    const entry = entryOf(cue, language);
    const after = candidates.find((cand) => cand.start >= cue.end && reachable(text, cue.end, cand.start, c));
    let chosen = after;
    if (!chosen && entry?.source === 'either') {
      // The subject of the verb: the first source in its own clause ("…, U.S. officials said"),
      // else the first in the sentence ("De bronnen die … aanklagen, zeggen").
      const comma = text.lastIndexOf(',', cue.start);
      const before = candidates.filter((cand) => cand.end <= cue.start && !used.has(cand.start));
      chosen = before.find((cand) => comma >= sentence.start && cand.start > comma) ?? before[0];
    }
    if (!chosen && entry?.source === 'either') chosen = describedSpeaker(text, toks, cue, sentence, c);
    if (!chosen) continue;
    const key = chosen.start;
    if (used.has(key)) continue;
    used.add(key);
    out.push({ sentence: sentence.index, source: mention(text, chosen), cue });
  }
  return out;
}

/** A speaker described by a common noun that the lexicon does not list, right at the verb:
 * "the coach said", "zegt de trainer." (only where the noun phrase ends the clause, so that
 * "said the plan would fail" is not read as the plan speaking). */
function describedSpeaker(text: string, toks: Word[], cue: Cue, sentence: Span, c: Compiled): Candidate | undefined {
  const i = toks.findIndex((t) => t.start >= cue.end);
  const det = (t: Word | undefined) => !!t && c.articles.has(t.lower);
  const noun = (t: Word | undefined) => !!t && /^\p{Ll}{3,}$/u.test(t.text) && !c.clause.has(t.lower) && !c.determiners.has(t.lower);
  // After the verb: determiner, noun, then the end of the clause.
  const a = toks[i];
  const b = i >= 0 ? toks[i + 1] : undefined;
  if (det(a) && noun(b) && onlySpace(text.slice(cue.end, a!.start)) && onlySpace(text.slice(a!.end, b!.start))) {
    const rest = text.slice(b!.end, sentence.end);
    if (/^\s*(?:[,.;:!?]|$)/u.test(rest)) return { start: a!.start, end: b!.end, kind: 'role' };
  }
  // Before the verb: determiner and noun right in front of it.
  const j = (i < 0 ? toks.length : i) - 1;
  let k = j;
  while (k >= 0 && toks[k]!.end > cue.start) k--;
  const n = toks[k];
  const d = toks[k - 1];
  if (noun(n) && det(d) && onlySpace(text.slice(n!.end, cue.start)) && onlySpace(text.slice(d!.end, n!.start))) {
    return { start: d!.start, end: n!.end, kind: 'role' };
  }
  return undefined;
}

/** Can a source at `to` belong to the attribution cue ending at `from`? Only determiners, titles,
 * and a few other words between, no punctuation and no "dat"/"that". */
function reachable(text: string, from: number, to: number, c: Compiled): boolean {
  const between = text.slice(from, to);
  const words = between.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length > 4) return false;
  if (words.some((w) => c.clause.has(w.toLowerCase()))) return false;
  const withoutTitles = words.reduce((s, w) => (c.titles.has(w.toLowerCase()) ? s.replace(new RegExp(`${escape(w)}\\.?`), '') : s), between);
  return !/[,;:!?"„“”‘’()]/u.test(withoutTitles);
}

const entriesById = new Map<string, LexiconEntry>();
function entryOf(cue: Cue, language: 'nl' | 'en'): LexiconEntry | undefined {
  if (entriesById.size === 0) {
    for (const lang of ['nl', 'en'] as const) {
      for (const kind of LEXICAL_KINDS) for (const e of lexicon[lang][kind]) entriesById.set(`${lang}:${kind}/${e.id}`, e);
    }
  }
  return cue.entry.id.startsWith(`${language}:`) ? entriesById.get(cue.entry.id) : undefined;
}

// ---------------------------------------------------------------- the analysis

export interface AnalyseOptions {
  /** 'nl' or 'en'; other languages get the Dutch lexicon. */
  language?: string;
  /** Passed to the sentence splitter; 'wrap' (default) as the article model splits. */
  lineBreaks?: SplitOptions['lineBreaks'];
}

/** Analyse an article's text (paragraphs separated by blank lines). */
export function analyseText(text: string, options: AnalyseOptions = {}): Analysis {
  const language = options.language === 'en' ? 'en' : 'nl';
  return analyseSpans(text, splitText(text, { language, lineBreaks: options.lineBreaks ?? 'wrap' }), options);
}

/** Analyse a text whose sentences are given: the splitter's, or the author's after merging and
 * splitting by hand in the studio. Spans are offsets into `text`, in order, not overlapping. */
export function analyseSpans(text: string, spans: readonly (Span & { paragraph: number })[], options: Pick<AnalyseOptions, 'language'> = {}): Analysis {
  const language: 'nl' | 'en' = options.language === 'en' ? 'en' : 'nl';
  const c = compiled(language);
  const starts = spans.map((s) => s.start);
  const ws = words(text);
  const all = [...lexicalCues(text, ws, language, starts), ...ruleCues(text, ws, language)].sort((a, b) => a.start - b.start || b.end - a.end);
  const sentences: AnalysedSentence[] = spans.map((s, index) => ({ index, paragraph: s.paragraph, start: s.start, end: s.end, text: text.slice(s.start, s.end), cues: [], attributions: [] }));
  // Assign each cue to the sentences it overlaps, clipped to each (a quote can span several).
  let first = 0;
  for (const cue of all) {
    while (first < sentences.length && sentences[first]!.end <= cue.start) first++;
    for (let i = first; i < sentences.length && sentences[i]!.start < cue.end; i++) {
      const s = sentences[i]!;
      const start = Math.max(cue.start, s.start);
      const end = Math.min(cue.end, s.end);
      s.cues.push(start === cue.start && end === cue.end ? cue : { ...cue, start, end, text: text.slice(start, end) });
    }
  }
  // Each sentence's words, sliced from the words of the whole text.
  let w0 = 0;
  for (const s of sentences) {
    while (w0 < ws.length && ws[w0]!.start < s.start) w0++;
    let w1 = w0;
    while (w1 < ws.length && ws[w1]!.end <= s.end) w1++;
    s.attributions = findAttributions(text, s, ws.slice(w0, w1), c, language);
    w0 = w1;
  }
  // "Dat meldt de New York Times." attributes the sentence before it.
  for (const s of sentences) {
    const next = sentences[s.index + 1];
    if (s.attributions.length > 0 || !next || next.paragraph !== s.paragraph || next.attributions.length === 0) continue;
    const a = next.attributions[0]!;
    if (a.cue && ANAPHOR.test(text.slice(next.start, a.cue.start))) {
      s.attributions = [{ sentence: s.index, source: a.source, cue: a.cue, carried: true, from: next.index }];
    }
  }
  // A sentence that is all quote, without its own attribution, goes on with the previous quote's source.
  for (const s of sentences) {
    const prev = sentences[s.index - 1];
    if (s.attributions.length > 0 || !prev || prev.paragraph !== s.paragraph || prev.attributions.length === 0) continue;
    const quote = s.cues.find((q) => q.kind === 'quote');
    const prevQuoted = prev.cues.some((q) => q.kind === 'quote');
    if (quote && prevQuoted && quote.start === s.start) {
      const a = prev.attributions[0]!;
      s.attributions = [{ sentence: s.index, source: a.source, ...(a.cue ? { cue: a.cue } : {}), carried: true, from: prev.index }];
    }
  }
  const sources: CitedSource[] = [];
  for (const s of sentences) {
    for (const a of s.attributions) {
      const known = sources.find((x) => x.key === a.source.key);
      if (known) {
        if (!known.sentences.includes(s.index)) known.sentences.push(s.index);
      } else sources.push({ name: a.source.name, kind: a.source.kind, key: a.source.key, sentences: [s.index] });
    }
  }
  return { language, text, sentences, sources };
}

/** The sentences with at least one cue of the kind. */
export function sentencesWith(analysis: Analysis, kind: CueKind): AnalysedSentence[] {
  return analysis.sentences.filter((s) => s.cues.some((q) => q.kind === kind));
}
