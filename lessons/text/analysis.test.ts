import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { articleFile } from '../format.ts';
import lexicon from './lexicon.json';
import { analyseSpans, analyseText, sentencesWith, type Analysis, type CueKind } from './analysis.ts';
import { splitText } from './sentences.ts';

const seed = articleFile.parse(parse(readFileSync(new URL('../content/trump-iphone/article.yaml', import.meta.url), 'utf8')));
const cueTexts = (a: Analysis, kind: CueKind) => a.sentences.flatMap((s) => s.cues.filter((q) => q.kind === kind).map((q) => q.text));

describe('the cue lexicon (lexicon.json)', () => {
  const kinds = ['attribution', 'hedge', 'prediction', 'evaluative', 'unnamed-source', 'role'] as const;
  for (const language of ['nl', 'en'] as const) {
    it(`${language}: ids are unique per kind, and every form matches itself in a sentence`, () => {
      for (const kind of kinds) {
        const entries = lexicon[language][kind] as { id: string; forms: string[] }[];
        expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
        for (const entry of entries) {
          for (const form of entry.forms) {
            // The form as it would appear in text: a gap filled by one word, a suffix form on a longer word.
            const written = form.replace(' * ', ' de ').replace(/^-/, 'veiligheids').replace(/\+$/, 'e');
            const text = `Hier: ${written} en verder.`;
            const found = analyseText(text, { language }).sentences[0]!.cues.filter((q) => q.kind === kind);
            expect(found.map((q) => q.entry.id), `${kind} form "${form}"`).toContain(`${language}:${kind}/${entry.id}`);
          }
        }
      }
    });
  }

  it('matches whole words only, with gaps, suffixes, endings and brackets as the lexicon says', () => {
    const found = (text: string, kind: CueKind) => cueTexts(analyseText(text), kind);
    expect(found('Hij zou komen.', 'hedge')).toEqual(['zou']);
    expect(found('Er zat zouten in.', 'hedge')).toEqual([]);
    expect(found('Dat laat de minister weten.', 'attribution')).toEqual(['laat de minister weten']);
    expect(found('Hij laat. Weten doet hij het niet.', 'attribution')).toEqual([]);
    expect(found('Dat zeggen veiligheidsbronnen.', 'unnamed-source')).toEqual(['veiligheidsbronnen']);
    expect(found('Over de lakse houding.', 'evaluative')).toEqual(['lakse']);
    expect(found('Het kan (kan) gebeuren.', 'hedge')).toEqual(['(kan)']);
    expect(found('Het kan gebeuren.', 'hedge')).toEqual([]);
  });

  it('does not match a lowercase form to a capitalized word inside a sentence, but does at its start', () => {
    const a = analyseText('The museum reopens in May. May it last.', { language: 'en' });
    expect(a.sentences[0]!.cues.filter((q) => q.kind === 'hedge')).toEqual([]);
    expect(a.sentences[1]!.cues.filter((q) => q.kind === 'hedge').map((q) => q.text)).toEqual(['May']);
  });
});

describe('analysis of the seed article', () => {
  const a = analyseText(seed.text, { language: 'nl' });

  it('splits it into the article model’s sentences', () => {
    expect(a.sentences.map((s) => s.text)).toEqual(JSON.parse(readFileSync(new URL('./fixtures/seed-sentences.json', import.meta.url), 'utf8')));
  });

  it('gives every cue its span in the text and the lexicon entry that matched', () => {
    for (const s of a.sentences) {
      for (const cue of s.cues) {
        expect(seed.text.slice(cue.start, cue.end)).toBe(cue.text);
        expect(cue.start).toBeGreaterThanOrEqual(s.start);
        expect(cue.end).toBeLessThanOrEqual(s.end);
        expect(cue.entry.id).toMatch(/^(?:nl:[a-z-]+\/[a-z-]+|nl:number\/.+|rule:(?:digits|quote))$/);
        expect(cue.entry.explain.nl.length).toBeGreaterThan(0);
      }
    }
    const aldus = a.sentences[17]!.cues.find((q) => q.text === 'aldus')!;
    expect(aldus).toMatchObject({ kind: 'attribution', entry: { id: 'nl:attribution/aldus', form: 'aldus' } });
  });

  it('finds the attributions, the "zou" hedges, "(kan)", the prediction and the unnamed sources', () => {
    expect(cueTexts(a, 'attribution')).toEqual(expect.arrayContaining(['meldt', 'melden', 'volgens', 'laten weten', 'zeggen', 'Volgens', 'schrijft', 'aldus']));
    expect(cueTexts(a, 'hedge')).toEqual(expect.arrayContaining(['zou', 'zouden', '(kan)', 'lijken', 'lijkt']));
    expect(sentencesWith(a, 'hedge').map((s) => s.index)).toEqual([2, 5, 6, 10, 11, 13, 17]);
    expect(cueTexts(a, 'prediction')).toEqual(['zullen']);
    expect(cueTexts(a, 'unnamed-source')).toEqual(['veiligheidsbronnen', 'anoniem', 'veiligheidsbronnen', 'Bronnen', 'bronnen', 'anoniem', 'bronnen', 'bron']);
    expect(cueTexts(a, 'evaluative')).toEqual(expect.arrayContaining(['hardnekkig', 'lakse']));
    // The quotes: ‘…’ (two), “…” (two, one of them inside a sentence), ,,…" and ,,…”.
    expect(sentencesWith(a, 'quote').map((s) => s.index)).toEqual([8, 9, 11, 15, 16, 17]);
  });

  it('lists who says what, sentence by sentence', () => {
    const who = a.sentences.flatMap((s) => s.attributions.map((x) => [s.index, x.source.name, x.source.kind, x.cue?.text, x.from ?? null]));
    expect(who).toEqual([
      [0, 'New York Times', 'named', 'meldt', 1],
      [1, 'New York Times', 'named', 'meldt', null],
      [2, 'Amerikaanse veiligheidsbronnen', 'unnamed', 'melden', 3],
      [3, 'Amerikaanse veiligheidsbronnen', 'unnamed', 'melden', null],
      [4, 'de veiligheidsbronnen', 'unnamed', 'volgens', null],
      [8, 'Bronnen binnen het Witte Huis', 'unnamed', 'laten weten', null],
      [9, 'De bronnen', 'unnamed', 'zeggen', null],
      [11, 'de bronnen van de Amerikaanse kant', 'unnamed', 'Volgens', null],
      [15, 'de krant', 'role', 'schrijft', null],
      [16, 'de krant', 'role', 'schrijft', 15],
      [17, 'een bron', 'unnamed', 'aldus', null],
    ]);
    expect(a.sources.map((s) => [s.name, s.kind, s.sentences])).toEqual([
      ['New York Times', 'named', [0, 1]],
      ['Amerikaanse veiligheidsbronnen', 'unnamed', [2, 3]],
      ['de veiligheidsbronnen', 'unnamed', [4]],
      ['Bronnen binnen het Witte Huis', 'unnamed', [8]],
      ['De bronnen', 'unnamed', [9]],
      ['de bronnen van de Amerikaanse kant', 'unnamed', [11]],
      ['de krant', 'role', [15, 16]],
      ['een bron', 'unnamed', [17]],
    ]);
  });
});

describe('who says what in Dutch news', () => {
  const who = (text: string) => analyseText(text).sentences.map((s) => s.attributions.map((x) => `${x.source.kind}: ${x.source.name}`));

  it('leaves titles out of names and keeps initials and particles in them', () => {
    expect(who('Mr. A.J. van den Berg, advocaat van de verdachte, zegt dat zijn cliënt onschuldig is.')).toEqual([['named: A.J. van den Berg']]);
    expect(who('Rector prof. dr. ir. L. Hoekstra sprak van ,,een historisch moment".')).toEqual([['named: L. Hoekstra']]);
    expect(who('Wethouder S. Yılmaz ontkent dat.')).toEqual([['named: S. Yılmaz']]);
    expect(who('Volgens de ANWB is de stijging vooral het gevolg van de hogere olieprijs.')).toEqual([['named: ANWB']]);
  });

  it('takes the source of "Dat blijkt uit …" back to the sentence before, and carries a quote on', () => {
    expect(who('In de steden is dat 4 dagen. Dat blijkt uit onderzoek van het Nivel.')).toEqual([['named: Nivel'], ['named: Nivel']]);
    expect(who('‘We hebben alles gedaan,’ zegt burgemeester Kok. ‘Meer zat er niet in.’ De oppositie is het daar niet mee eens.')).toEqual([
      ['named: Kok'],
      ['named: Kok'],
      [],
    ]);
    expect(who('„Het water stond tot aan de ramen”, vertelt een bewoonster.')).toEqual([['role: een bewoonster']]);
  });

  it('takes a speaker described by a noun the lexicon lacks only where it stands at the verb', () => {
    expect(who(',,Het geld is weg," zegt de penningmeester.')).toEqual([['role: de penningmeester']]);
    const en = (text: string) => analyseText(text, { language: 'en' }).sentences.map((s) => s.attributions.map((x) => x.source.name));
    expect(en('‘We did everything we could,’ the coach said.')).toEqual([['the coach']]);
    expect(en('He said the plan would fail.')).toEqual([[]]);
  });
});

describe('analysis of sentences split by hand', () => {
  it('follows the author’s merge: the source of the next sentence then covers the merged one', () => {
    const text = 'Trump belt met een oude iPhone. Dat melden bronnen anoniem.';
    const split = splitText(text, { lineBreaks: 'wrap' });
    expect(analyseSpans(text, split)).toEqual(analyseText(text));
    const merged = analyseSpans(text, [{ start: 0, end: text.length, paragraph: 0 }]);
    expect(merged.sentences).toHaveLength(1);
    expect(merged.sentences[0]!.attributions.map((x) => [x.source.name, x.from ?? null])).toEqual([['bronnen', null]]);
    expect(merged.sentences[0]!.cues.map((q) => q.text)).toEqual(['melden', 'bronnen', 'anoniem']);
  });
});

describe('analysis of English text', () => {
  const text =
    'China rejected the report on Tuesday. "These accusations are groundless," foreign ministry spokeswoman Hua Chunying said. ' +
    'According to The New York Times, Chinese spies listen in on the calls, U.S. officials said. ' +
    'The officials, who spoke on condition of anonymity, said the president would probably keep using the phone. ' +
    'Analysts expect the dispute will escalate next year. It cost $4.5 billion, or 12% of the budget.';
  const a = analyseText(text, { language: 'en' });

  it('names the sources, named and unnamed, and not a noun that looks like a verb', () => {
    expect(a.sentences.map((s) => s.attributions.map((x) => `${x.source.kind}: ${x.source.name}`))).toEqual([
      [],
      ['named: Hua Chunying'],
      ['named: The New York Times', 'unnamed: U.S. officials'],
      ['unnamed: The officials'],
      [],
      [],
    ]);
  });

  it('finds hedges, predictions, unnamed-source phrases, numbers and quotes', () => {
    expect(cueTexts(a, 'hedge')).toEqual(['would', 'probably']);
    expect(cueTexts(a, 'prediction')).toEqual(['expect', 'will', 'next year']);
    expect(cueTexts(a, 'unnamed-source')).toEqual(['officials', 'officials', 'on condition of anonymity']);
    expect(cueTexts(a, 'number')).toEqual(['$4.5', 'billion', '12%']);
    expect(cueTexts(a, 'quote')).toEqual(['"These accusations are groundless,"']);
  });
});
