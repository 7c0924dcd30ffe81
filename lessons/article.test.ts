import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildArticle, splitArticle, splitParagraphs, splitSentences, withBreak, withoutBreak, ArticleError } from './article.ts';
import type { ArticleFile } from './format.ts';

const text = readFileSync(new URL('./test-fixtures/article.nl.txt', import.meta.url), 'utf8');
const file = (t: string, extra: Partial<ArticleFile> = {}): ArticleFile => ({
  id: 'trump-iphone',
  title: 'Trump belt nog steeds met onbeveiligde iPhone',
  language: 'nl',
  source: { name: 'Tubantia', url: 'https://www.tubantia.nl/', published: '2018-10' },
  credit: { nl: 'Tubantia', en: 'Tubantia' },
  text: t,
  ...extra,
});

describe('article model', () => {
  const article = buildArticle(file(text));

  it('splits paragraphs on blank lines and marks one-line paragraphs without closing punctuation as headings', () => {
    expect(article.paragraphs.map((p) => p.kind)).toEqual([
      'text', 'text', 'text', 'heading', 'text', 'text', 'heading', 'text', 'text',
    ]);
    expect(article.paragraphs[3]!.sentences.map((s) => s.text)).toEqual(['Geheime informatie']);
  });

  it('splits before a Dutch opening quote that Intl.Segmenter leaves attached', () => {
    const beinvloeding = article.paragraphs[7]!;
    expect(beinvloeding.sentences.map((s) => s.text.slice(0, 20))).toEqual([
      'Uit de gesprekken zo',
      'De Chinezen hopen di',
      ',,Dat is als het war',
      ',,Het verschil is al',
    ]);
    expect(beinvloeding.sentences[1]!.text).toBe(
      'De Chinezen hopen die personen in het geheim in te kunnen zetten om de president te beïnvloeden.',
    );
  });

  it('does not split at ,, inside a sentence', () => {
    expect(splitSentences('Hij zei: ,,Kom hier." En toen ging hij.')).toEqual(['Hij zei: ,,Kom hier."', 'En toen ging hij.']);
  });

  it('trims sentences and gives ids that hash the normalized text', () => {
    for (const s of article.paragraphs.flatMap((p) => p.sentences)) {
      expect(s.text).toBe(s.text.trim());
      expect(s.id).toMatch(/^s-[0-9a-f]{8}$/);
    }
    const wrapped = buildArticle(file('Een zin   die\nomloopt. Nog een.'));
    const flat = buildArticle(file('Een zin die omloopt. Nog een.'));
    expect(wrapped.paragraphs[0]!.sentences).toEqual(flat.paragraphs[0]!.sentences);
  });

  it('numbers identical sentences in order', () => {
    const a = buildArticle(file('Dat klopt. Echt.\n\nDat klopt.'));
    const ids = a.paragraphs.flatMap((p) => p.sentences.map((s) => s.id));
    expect(ids[2]).toBe(`${ids[0]}-2`);
    expect(a.paragraphs[1]!.id).not.toBe(a.paragraphs[0]!.id);
  });

  it('keeps sentence and paragraph ids when another paragraph is edited', () => {
    const paragraphs = text.split('\n\n');
    paragraphs[2] = paragraphs[2]!.replace('bewezen', 'waarschijnlijk');
    const edited = buildArticle(file(paragraphs.join('\n\n')));
    const ids = (a: typeof article) => a.paragraphs.map((p) => [p.id, p.sentences.map((s) => s.id)]);
    const before = ids(article);
    const after = ids(edited);
    expect(after[2]).not.toEqual(before[2]);
    expect(after.filter((_, i) => i !== 2)).toEqual(before.filter((_, i) => i !== 2));
  });

  it('aligns translations by paragraph and fails when the counts differ', () => {
    const two = 'Eerste alinea.\n\nTweede alinea.';
    const ok = buildArticle(file(two, { translations: { en: { title: 'T', paragraphs: ['First paragraph.', 'Second paragraph.'] } } }));
    expect(ok.translations.en!.paragraphs).toEqual([
      { id: ok.paragraphs[0]!.id, text: 'First paragraph.' },
      { id: ok.paragraphs[1]!.id, text: 'Second paragraph.' },
    ]);
    expect(() => buildArticle(file(two, { translations: { en: { title: 'T', paragraphs: ['Only one.'] } } }))).toThrow(ArticleError);
  });
});

describe('splitArticle: the split with offsets and the breaks set by hand', () => {
  const sentences = (t: string, b = {}) => splitArticle(t, b).paragraphs.flatMap((p) => p.sentences);

  it('gives the sentences of the article model, each with its offsets in the text', () => {
    const split = splitArticle(text);
    const article = buildArticle(file(text));
    expect(split.paragraphs.map((p) => p.sentences.map((s) => s.text))).toEqual(article.paragraphs.map((p) => p.sentences.map((s) => s.text)));
    expect(split.paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(splitParagraphs(text));
    for (const s of split.paragraphs.flatMap((p) => p.sentences)) {
      expect(text.slice(s.start, s.end).replace(/\s+/g, ' ')).toBe(s.text);
    }
  });

  it('keeps offsets right across wrapped lines, CRLF, runs of spaces and combining accents', () => {
    const t = 'Een zin   die\r\nomloopt. Cafe\u0301 open.\r\n\r\n  Tweede alinea!';
    const got = sentences(t);
    expect(got.map((s) => s.text)).toEqual(['Een zin die omloopt.', 'Café open.', 'Tweede alinea!']);
    expect(got.map((s) => t.slice(s.start, s.end))).toEqual(['Een zin   die\r\nomloopt.', 'Cafe\u0301 open.', 'Tweede alinea!']);
  });

  it('splits where the author forces a break and joins where they remove one', () => {
    const t = 'Dat zegt dr. Jansen. Hij wil meer geld; de minister niet.';
    expect(sentences(t).map((s) => s.text)).toEqual(['Dat zegt dr. Jansen.', 'Hij wil meer geld; de minister niet.']);
    const at = t.indexOf('de minister');
    expect(sentences(t, { split: [at] }).map((s) => s.text)).toEqual(['Dat zegt dr. Jansen.', 'Hij wil meer geld;', 'de minister niet.']);
    const hij = t.indexOf('Hij');
    expect(sentences(t, { join: [hij] }).map((s) => s.text)).toEqual([t]);
    // A split in the whitespace before a word starts the sentence at the word.
    expect(sentences(t, { split: [at - 1] }).map((s) => s.start)).toContain(at);
  });

  it('reports breaks that change nothing, and never breaks across paragraphs', () => {
    const t = 'Een. Twee.\n\nDrie.';
    const split = splitArticle(t, { split: [t.indexOf('Twee'), 0, 999], join: [t.indexOf('Drie'), 2] });
    expect(split.paragraphs.map((p) => p.sentences.map((s) => s.text))).toEqual([['Een.', 'Twee.'], ['Drie.']]);
    expect(split.unused).toEqual({ split: [t.indexOf('Twee'), 0, 999], join: [t.indexOf('Drie'), 2] });
  });

  it('withBreak and withoutBreak undo each other', () => {
    const t = 'Dat zegt dr. Jansen. Hij wil meer geld; de minister niet.';
    const at = t.indexOf('de minister');
    const split = withBreak({}, t, at - 1);
    expect(split).toEqual({ split: [at], join: [] });
    expect(withoutBreak(split, at)).toEqual({ split: [], join: [] });
    const joined = withoutBreak({}, t.indexOf('Hij'));
    expect(joined).toEqual({ split: [], join: [t.indexOf('Hij')] });
    expect(withBreak(joined, t, t.indexOf('Hij'))).toEqual({ split: [], join: [] });
  });

  it('builds the article model from the hand-made split: ids follow the sentence text', () => {
    const t = 'Dat zegt dr. Jansen. Hij wil meer geld; de minister niet.';
    const a = buildArticle(file(t, { boundaries: { split: [t.indexOf('de minister')] } }));
    expect(a.paragraphs[0]!.sentences.map((s) => s.text)).toEqual(['Dat zegt dr. Jansen.', 'Hij wil meer geld;', 'de minister niet.']);
    expect(a.paragraphs[0]!.sentences[0]!.id).toBe(buildArticle(file(t)).paragraphs[0]!.sentences[0]!.id);
  });
});
