// The studio's checker on the fixture files held as data: the same lesson and version as the
// loader, each problem at its path into the documents, the studio's limits, a Dutch-only lesson.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ARTICLE_MAX_CHARS, LESSON_MAX_QUESTIONS, checkArticle, checkDraft } from './authoring.ts';
import { VALID_DIR, fixtureLesson } from './test-fixtures/fixture.ts';

const read = (name: string) => parse(readFileSync(join(VALID_DIR, 'trump-iphone', name), 'utf8')) as Record<string, any>;
const article = (): Record<string, any> => ({ ...read('article.yaml'), licence: 'Quoted for teaching under the right of quotation (Auteurswet art. 15a).' });
const draft = () => read('bronnen.yaml');

/** Only the Dutch of every {nl, en} text, recursively. */
function dutchOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dutchOnly);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.every(([k]) => k === 'nl' || k === 'en') && 'nl' in value) return { nl: (value as { nl: string }).nl };
    return Object.fromEntries(entries.map(([k, v]) => [k, dutchOnly(v)]));
  }
  return value;
}

describe('checkDraft', () => {
  it('makes of the fixture files the lesson the loader makes, version and all', () => {
    const { problems, lesson } = checkDraft(article(), draft());
    expect(problems).toEqual([]);
    expect(lesson).toEqual(fixtureLesson());
  });

  it('names the path of a missing quote, a missing translation and a bad key', () => {
    const d = draft();
    d.questions[0].cites[0].exact = 'Dat melden Nederlandse bronnen';
    delete d.questions[1].prompt.en;
    d.questions[0].key = 'niet-bestaand';
    const { problems, lesson } = checkDraft(article(), d);
    expect(lesson).toBeUndefined();
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: ['lesson', 'questions', 1, 'prompt', 'en'], message: 'questions.1.prompt.en: missing English translation' },
      ]),
    );
    // The missing translation stops the check before quotes resolve; fixed, the next problems show.
    d.questions[1].prompt.en = 'Which phrases show that something is not confirmed?';
    const next = checkDraft(article(), d).problems;
    expect(next).toContainEqual({ path: ['lesson', 'questions', 0, 'cites', 0, 'exact'], message: expect.stringContaining('quote not found') });
    expect(next.some((p) => p.path.join('.') === 'lesson.questions.0.key')).toBe(true);
  });

  it('accepts a Dutch-only lesson and refuses it when it still declares English', () => {
    const nl = { ...(dutchOnly(draft()) as Record<string, unknown>), languages: ['nl'] };
    const ok = checkDraft(article(), nl);
    expect(ok.problems).toEqual([]);
    expect(ok.lesson!.languages).toEqual(['nl']);
    expect(ok.lesson!.questions[0]!.prompt).toEqual({ nl: fixtureLesson().questions[0]!.prompt.nl });
    const both = checkDraft(article(), { ...nl, languages: ['nl', 'en'] });
    expect(both.lesson).toBeUndefined();
    expect(both.problems).toContainEqual({ path: ['lesson', 'title', 'en'], message: 'title.en: missing English translation' });
    expect(both.problems.some((p) => p.path.join('.') === 'lesson.questions.0.options.0.text.en')).toBe(true);
  });

  it('reports article problems under article, with the licence the studio requires', () => {
    const { licence: _none, ...withoutLicence } = article();
    const { problems } = checkDraft({ ...withoutLicence, title: '' }, draft());
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining([['article', 'title'], ['article', 'licence']]));
  });

  it('holds the limits: 20,000 characters of article text, 60 questions', () => {
    const long = { ...article(), text: `${article().text.trimEnd()} ${'Nog een zin. '.repeat(1600)}` };
    expect(long.text.length).toBeGreaterThan(ARTICLE_MAX_CHARS);
    expect(checkArticle(long).problems).toEqual([{ path: ['text'], message: expect.stringContaining('at most 20,000 characters') }]);
    const d = draft();
    const many = { ...d, questions: Array.from({ length: LESSON_MAX_QUESTIONS + 1 }, (_, i) => ({ ...d.questions[0], id: `q${i}` })) };
    const { problems } = checkDraft(article(), many);
    expect(problems).toContainEqual({ path: ['lesson', 'questions'], message: 'questions: a lesson has at most 60 questions, this one 61' });
    const sixty = { ...d, questions: many.questions.slice(0, LESSON_MAX_QUESTIONS) };
    expect(checkDraft(article(), sixty).problems).toEqual([]);
  });

  it('refuses a route (include) and says why', () => {
    const { problems } = checkDraft(article(), { ...draft(), include: [{ lesson: 'x', questions: ['y'] }] });
    expect(problems[0]).toEqual({ path: ['lesson', 'include'], message: expect.stringContaining('routes (include) are for the repository') });
  });

  it('takes anything as input without throwing', () => {
    for (const junk of [null, 3, 'x', [], { questions: 'no' }, { languages: 'nl' }, { languages: [] }, { languages: ['de'] }]) {
      expect(checkDraft(article(), junk).problems.length).toBeGreaterThan(0);
      expect(checkDraft(junk, draft()).problems.length).toBeGreaterThan(0);
    }
  });
});
