import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildArticle, splitSentences, ArticleError } from './article.ts';
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
