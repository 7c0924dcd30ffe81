import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { resolveQuote } from '../anchors.ts';
import { buildArticle } from '../article.ts';
import { articleFile, lessonFile, question, SKILLS, type ArticleFile } from '../format.ts';
import { loadLessons } from '../loader.ts';
import { analyseText } from './analysis.ts';
import { questionStarters, type Starter } from './starters.ts';

const seedYaml = readFileSync(new URL('../content/trump-iphone/article.yaml', import.meta.url), 'utf8');
const seed = articleFile.parse(parse(seedYaml));

const english: ArticleFile = {
  id: 'english-sample',
  title: 'Sample',
  language: 'en',
  source: { name: 'Bronwijs test', url: 'https://example.org/', published: '2024-05' },
  credit: { nl: 'Voor deze test geschreven tekst.', en: 'Text written for this test.' },
  text: [
    'China rejected the report on Tuesday. "These accusations are groundless," foreign ministry spokeswoman Hua Chunying said.',
    'According to The New York Times, Chinese spies listen in on the calls, U.S. officials said. The officials, who spoke on condition of anonymity, said the president would probably keep using the phone.',
    'Analysts expect the dispute will escalate next year. The trade deficit with China was $375 billion in 2017.',
  ].join('\n\n'),
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Run the repository's own checker (the loader behind `npm run lessons:check`) on the starters. */
function check(file: ArticleFile, starters: Starter[]) {
  const dir = mkdtempSync(join(tmpdir(), 'bronwijs-starters-'));
  dirs.push(dir);
  mkdirSync(join(dir, file.id));
  writeFileSync(join(dir, file.id, 'article.yaml'), stringify(file));
  const lesson = lessonFile.parse({
    slug: `${file.id}-starters`,
    title: { nl: 'Vragen om mee te beginnen', en: 'Starter questions' },
    summary: { nl: 'Vragen uit de analyse.', en: 'Questions from the analysis.' },
    minutes: 15,
    goals: [{ nl: 'Bronnen herkennen.', en: 'Recognize sources.' }],
    questions: starters.map((s) => s.question),
  });
  writeFileSync(join(dir, file.id, 'starters.yaml'), stringify(lesson));
  return loadLessons(dir);
}

describe('question starters from the seed article', () => {
  const analysis = analyseText(seed.text, { language: seed.language });
  const starters = questionStarters(analysis);
  const article = buildArticle(seed);
  const ids = (s: Starter) => s.question.id;
  const byId = (id: string) => starters.find((s) => ids(s) === id)!.question;
  const sentenceOf = (exact: string) => analysis.sentences.findIndex((s) => s.text === exact);

  it('covers every skill, each starter valid in the lesson format', () => {
    expect(new Set(starters.map((s) => s.question.skill))).toEqual(new Set(SKILLS));
    for (const s of starters) expect(question.safeParse(s.question).success).toBe(true);
    expect(starters.map(ids)).toEqual(['bron-zonder-naam', 'wie-zegt-dit', 'bewering-feit-voorspelling', 'voorbehoud', 'oordeel', 'na-te-gaan', 'hoe-nagaan']);
  });

  it('passes the lesson checker: every quote resolves to one place and every key is consistent', () => {
    const result = check(seed, starters);
    expect(result.problems).toEqual([]);
    expect(result.lessons[0]!.questions).toHaveLength(starters.length);
    for (const s of starters) {
      for (const q of [...s.question.cites, ...(s.question.focus ?? [])]) expect(resolveQuote(article, q).ok).toBe(true);
    }
  });

  it('pre-fills the highlight key "rests on an unnamed source" with the unnamed-source sentences', () => {
    const q = byId('bron-zonder-naam');
    if (q.type !== 'highlight') throw new Error('expected a highlight');
    expect(q.key.map((k) => sentenceOf(k.exact))).toEqual([2, 3, 4, 8, 9, 11, 17]);
    // The sentence citing the New York Times by name is the tempting wrong pick.
    expect(q.distractors?.map((d) => sentenceOf(d.quote.exact))).toEqual([1]);
    expect(q.explanation.nl).toContain('‘veiligheidsbronnen’');
  });

  it('asks who says a claim whose source stands in the next sentence', () => {
    const q = byId('wie-zegt-dit');
    if (q.type !== 'single-choice') throw new Error('expected a single choice');
    expect(q.prompt.nl).toContain('Ondanks herhaaldelijke waarschuwingen');
    const key = q.options.find((o) => o.id === q.key)!;
    expect(key.text.nl).toBe('Amerikaanse veiligheidsbronnen');
    expect(q.options.map((o) => o.text.nl)).toContain('New York Times');
    expect(q.options.at(-1)).toMatchObject({ misconception: 'attribution-as-endorsement' });
  });

  it('sorts claims, facts and predictions by their cues, and marks the hedged sentences', () => {
    const q = byId('bewering-feit-voorspelling');
    if (q.type !== 'categorize') throw new Error('expected a categorize');
    const sorted = q.items.map((i) => [sentenceOf(i.text.nl!), q.key[i.id]]);
    expect(sorted).toEqual([
      [0, 'claim'],
      [1, 'claim'],
      [11, 'prediction'],
      [14, 'fact'],
    ]);
    const hedges = byId('voorbehoud');
    if (hedges.type !== 'highlight') throw new Error('expected a highlight');
    // Sentence 11's only hedge ("lijkt") is inside the sources' quote: their words, not the writer's.
    expect(hedges.key.map((k) => sentenceOf(k.exact))).toEqual([2, 5, 6, 10, 13, 17]);
  });
});

describe('question starters from English text', () => {
  const starters = questionStarters(analyseText(english.text, { language: 'en' }));

  it('pass the lesson checker too', () => {
    expect(starters.length).toBeGreaterThanOrEqual(5);
    expect(check(english, starters).problems).toEqual([]);
    const evidence = starters.find((s) => s.question.id === 'na-te-gaan')!.question;
    expect(evidence.explanation.en).toContain('‘$375’');
    expect(evidence.explanation.en).toContain('‘Hua Chunying’');
  });

  it('gives no starter that the text does not support', () => {
    const plain = questionStarters(analyseText('The sun rose at six. The shops opened at nine.', { language: 'en' }));
    expect(plain.map((s) => s.question.id)).toEqual(['na-te-gaan']);
  });
});
