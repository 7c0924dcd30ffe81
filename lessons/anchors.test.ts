import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveQuote } from './anchors.ts';
import { buildArticle } from './article.ts';

const article = buildArticle({
  id: 'trump-iphone',
  title: 'Trump',
  language: 'nl',
  source: { name: 'Tubantia', url: 'https://www.tubantia.nl/', published: '2018-10' },
  credit: { nl: 'Tubantia', en: 'Tubantia' },
  text: readFileSync(new URL('./test-fixtures/article.nl.txt', import.meta.url), 'utf8'),
});
const sentences = article.paragraphs.flatMap((p) => p.sentences);
const idOf = (start: string) => sentences.find((s) => s.text.startsWith(start))!.id;

describe('quote anchors', () => {
  it('resolves a quote to the sentence it lies in', () => {
    expect(resolveQuote(article, { exact: 'aldus een bron' })).toEqual({ ok: true, sentenceIds: [idOf('Ook de Russen')] });
  });

  it('resolves a quote across a sentence boundary to both sentences, ignoring line breaks', () => {
    const result = resolveQuote(article, { exact: 'beïnvloeden.\n ,,Dat is als het ware' });
    expect(result).toEqual({ ok: true, sentenceIds: [idOf('De Chinezen hopen'), idOf(',,Dat is als')] });
  });

  it('reports a missing quote', () => {
    const result = resolveQuote(article, { exact: 'aldus de woordvoerder' });
    expect(result).toMatchObject({ ok: false, error: 'missing' });
  });

  it('reports an ambiguous quote with its count', () => {
    expect(resolveQuote(article, { exact: 'Witte Huis' })).toMatchObject({ ok: false, error: 'ambiguous', count: 4 });
  });

  it('is disambiguated by a prefix or a suffix', () => {
    expect(resolveQuote(article, { exact: 'Witte Huis', prefix: 'Bronnen binnen het' })).toEqual({
      ok: true,
      sentenceIds: [idOf('Bronnen binnen')],
    });
    expect(resolveQuote(article, { exact: 'Witte Huis', suffix: 'kunnen brengen' })).toEqual({
      ok: true,
      sentenceIds: [idOf(',,Dat is als')],
    });
  });

  it('reports a prefix that matches none of the occurrences as missing', () => {
    expect(resolveQuote(article, { exact: 'Witte Huis', prefix: 'het Grote' })).toMatchObject({ ok: false, error: 'missing' });
  });
});
