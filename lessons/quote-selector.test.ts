import { describe, expect, it } from 'vitest';
import { resolveQuote, type ArticleText } from './anchors.ts';
import { quoteSelector } from './quote-selector.ts';

/** An article text of sentences joined by spaces, as articleText() builds it. */
function textOf(sentences: string[]): ArticleText {
  let text = '';
  const spans: ArticleText['spans'] = [];
  sentences.forEach((s, i) => {
    if (text) text += ' ';
    spans.push({ id: `s${i}`, start: text.length, end: text.length + s.length });
    text += s;
  });
  return { text, spans };
}

const article = textOf([
  'De minister zegt dat de prijs stijgt.',
  'Volgens een bron zou de prijs stijgen.',
  'Dat meldt de krant.',
  'Een woordvoerder zegt dat de prijs stijgt.',
  'Dat meldt de krant.',
]);

function pick(exact: string, occurrence = 0): [number, number] {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = article.text.indexOf(exact, at + 1);
  return [at, at + exact.length];
}

describe('quoteSelector', () => {
  it('gives only the exact text when it occurs once', () => {
    expect(quoteSelector(article.text, ...pick('Volgens een bron'))).toEqual({ exact: 'Volgens een bron' });
  });

  it('drops the whitespace around a selection and gives nothing for an empty one', () => {
    const [s, e] = pick('Volgens een bron');
    expect(quoteSelector(article.text, s - 1, e + 1)).toEqual({ exact: 'Volgens een bron' });
    expect(quoteSelector(article.text, 5, 5)).toBeNull();
    expect(quoteSelector(article.text, s - 1, s)).toBeNull();
  });

  it('adds the fewest words of context that make a repeated text unique, and resolveQuote finds that one', () => {
    for (const [exact, n] of [
      ['Dat meldt de krant.', 0],
      ['Dat meldt de krant.', 1],
      ['zegt dat de prijs stijgt.', 0],
      ['zegt dat de prijs stijgt.', 1],
      ['de prijs', 0],
      ['de prijs', 1],
      ['de prijs', 2],
    ] as const) {
      const [start, end] = pick(exact, n);
      const quote = quoteSelector(article.text, start, end)!;
      expect(quote.exact).toBe(exact);
      expect(quote.prefix ?? quote.suffix, `${exact} #${n}`).toBeDefined();
      const resolved = resolveQuote(article, quote);
      expect(resolved.ok, JSON.stringify(quote)).toBe(true);
      const expected = article.spans.filter((s) => s.start < end && s.end > start).map((s) => s.id);
      if (resolved.ok) expect(resolved.sentenceIds).toEqual(expected);
    }
  });

  it('takes one word of context where one word is enough', () => {
    expect(quoteSelector(article.text, ...pick('Dat meldt de krant.', 0))).toEqual({ exact: 'Dat meldt de krant.', prefix: 'stijgen.' });
    expect(quoteSelector(article.text, ...pick('Dat meldt de krant.', 1))).toEqual({ exact: 'Dat meldt de krant.', prefix: 'stijgt.' });
  });

  it('uses a suffix when the text opens the article', () => {
    const text = textOf(['Het regent.', 'Het regent.', 'Morgen niet.']);
    const quote = quoteSelector(text.text, 0, 'Het regent.'.length)!;
    expect(quote).toEqual({ exact: 'Het regent.', suffix: 'Het' });
    expect(resolveQuote(text, quote)).toEqual({ ok: true, sentenceIds: ['s0'] });
    const second = quoteSelector(text.text, 12, 23)!;
    expect(resolveQuote(text, second)).toEqual({ ok: true, sentenceIds: ['s1'] });
  });
});
