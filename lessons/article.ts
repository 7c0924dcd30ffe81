// The article model: an article file split into paragraphs and sentences with stable ids,
// and its translations aligned by paragraph. Quotes in lessons resolve against this model.
import type { ArticleFile } from './format.ts';
import { sha256Hex } from './hash.ts';
import type { Article, Paragraph, Translation } from './model.ts';
import { splitText } from './text/sentences.ts';

/** Collapse runs of whitespace and normalize Unicode, so ids and quotes ignore line wrapping. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Paragraphs are separated by blank lines. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
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
  const paragraphs: Paragraph[] = splitParagraphs(file.text).map((text) => ({
    id: paragraphId(text),
    kind: isHeading(text) ? 'heading' : 'text',
    sentences: splitSentences(text, file.language).map((s) => ({ id: sentenceId(s), text: s })),
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
