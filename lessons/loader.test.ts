// The loader on fixture content: resolution, versions, and each kind of problem named by file and line.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLessons } from './loader.ts';
import { VALID_DIR, fixtureLesson } from './test-fixtures/fixture.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the valid fixture with the lesson file edited; returns the load result and the text. */
function loadEdited(edit: (lesson: string) => string, extra?: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'lessons-'));
  dirs.push(dir);
  cpSync(VALID_DIR, dir, { recursive: true });
  const file = join(dir, 'trump-iphone', 'bronnen.yaml');
  const text = edit(readFileSync(file, 'utf8'));
  writeFileSync(file, text);
  extra?.(dir);
  return { ...loadLessons(dir), text };
}
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const lastLineOf = (text: string, needle: string) => text.split('\n').findLastIndex((l) => l.includes(needle)) + 1;

describe('loading lessons', () => {
  it('resolves the fixture: quotes become sentence ids, skills distinct in question order', () => {
    const lesson = fixtureLesson();
    const ids = new Set(lesson.article.paragraphs.flatMap((p) => p.sentences.map((s) => s.id)));
    for (const q of lesson.questions) for (const id of [...q.cites, ...q.focus]) expect(ids.has(id)).toBe(true);
    expect(lesson.skills).toEqual(['sources', 'language', 'claims', 'evidence', 'verification']);
    expect(lesson.version).toMatch(/^[0-9a-f]{16}$/);
    expect(lesson.article.translations.en!.paragraphs).toHaveLength(lesson.article.paragraphs.length);
    expect(JSON.parse(JSON.stringify(lesson))).toEqual(lesson);
  });

  it('gives equal content an equal version and changed content a new one', () => {
    expect(loadEdited((t) => t).lessons[0]!.version).toBe(fixtureLesson().version);
    expect(loadEdited((t) => t.replace('minutes: 15', 'minutes: 16')).lessons[0]!.version).not.toBe(fixtureLesson().version);
  });

  it('reports a missing quote at its line and leaves the lesson out', () => {
    const { lessons, problems, text } = loadEdited((t) => t.replace('- exact: anoniem aan de krant', '- exact: anoniem aan de redactie'));
    expect(lessons).toEqual([]);
    expect(problems).toEqual([
      { file: expect.stringMatching(/bronnen\.yaml$/), line: lineOf(text, 'anoniem aan de redactie'), message: expect.stringContaining('quote not found') },
    ]);
  });

  it('reports an ambiguous quote with its count', () => {
    const { problems, text } = loadEdited((t) => t.replace('- exact: schrijft de krant\n', '- exact: Witte Huis\n'));
    expect(problems[0]).toMatchObject({ line: lineOf(text, 'exact: Witte Huis'), message: expect.stringContaining('found 4 times') });
  });

  it('reports a missing English translation as such', () => {
    const { problems, text } = loadEdited((t) => t.replace('  en: Who is actually saying this?\n', ''));
    expect(problems).toEqual([{ file: expect.any(String), line: lineOf(text, 'nl: Wie zegt dat eigenlijk?'), message: 'title.en: missing English translation' }]);
  });

  it('takes a lesson in the languages it declares: English only loads, and a text missing one is named', () => {
    const english = loadEdited((t) => t.replace('slug: fixture-bronnen\n', 'slug: fixture-bronnen\nlanguages: [en]\n').replace('  nl: Wie zegt dat eigenlijk?\n', ''));
    expect(english.problems).toEqual([]);
    expect(english.lessons[0]!.languages).toEqual(['en']);
    expect(english.lessons[0]!.title).toEqual({ en: 'Who is actually saying this?' });
    const dutch = loadEdited((t) => t.replace('slug: fixture-bronnen\n', 'slug: fixture-bronnen\nlanguages: [nl, nl]\n'));
    expect(dutch.problems).toEqual([{ file: expect.any(String), line: lineOf(dutch.text, 'languages:'), message: 'languages: a language is listed twice' }]);
  });

  it('keeps the built-in lessons bilingual', () => {
    const { lessons, problems } = loadLessons();
    expect(problems).toEqual([]);
    expect(lessons.length).toBeGreaterThanOrEqual(4);
    for (const l of lessons) expect(l.languages).toEqual(['nl', 'en']);
  });

  it('reports an unknown question type, a missing skill and a missing explanation', () => {
    const { problems, text } = loadEdited((t) =>
      t
        .replace('type: highlight', 'type: hotspot')
        .replace('    skill: evidence\n', '')
        .replace(/(id: nagaan[\s\S]*?)    explanation:\n.*\n.*\n/, '$1'),
    );
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^questions\.2\.type: unknown question type 'hotspot'/),
      'questions.6.skill: missing skill',
      'questions.7.explanation: missing explanation',
    ]);
    expect(problems[0]!.line).toBe(lineOf(text, 'type: hotspot'));
  });

  it('reports a key naming a missing option, and a duplicate question id', () => {
    const { problems, text } = loadEdited((t) => t.replace('key: anoniem', 'key: anonieme-bron').replace('id: nagaan', 'id: wie-meldt'));
    expect(problems).toEqual([
      { file: expect.any(String), line: lineOf(text, 'key: anonieme-bron'), message: "key names a missing option 'anonieme-bron'" },
      { file: expect.any(String), line: lastLineOf(text, 'id: wie-meldt'), message: "duplicate question id 'wie-meldt'" },
    ]);
  });

  it('reports a highlight whose focus would show the answer', () => {
    const { problems, text } = loadEdited((t) =>
      t.replace("      en: Select the sentences in which the New York Times gives its own analysis.\n", "$&    focus:\n      - exact: ',,Het verschil is alleen'\n"),
    );
    expect(problems).toEqual([
      { file: expect.any(String), line: lineOf(text, "- exact: ',,Het verschil is alleen'"), message: expect.stringContaining('give the answer away') },
    ]);
  });

  it('reports scale labels that do not cover min..max and rubric levels given twice', () => {
    const { problems } = loadEdited((t) => t.replace('{ value: 4, label: { nl: Sterk, en: Strong } }', '{ value: 3, label: { nl: Sterk, en: Strong } }').replace('- { points: 1, description', '- { points: 2, description'));
    expect(problems.map((p) => p.message)).toEqual(['value 3 has 2 labels', 'value 4 has no label', 'level 1 is missing', 'level 2 appears 2 times']);
  });

  it('reports a duplicate slug across lesson files and a translation with the wrong paragraph count', () => {
    const dup = loadEdited((t) => t, (dir) => cpSync(join(dir, 'trump-iphone', 'bronnen.yaml'), join(dir, 'trump-iphone', 'copy.yaml')));
    expect(dup.lessons).toHaveLength(1);
    expect(dup.problems).toEqual([{ file: expect.stringMatching(/copy\.yaml$/), line: 2, message: expect.stringContaining("duplicate lesson slug 'fixture-bronnen'") }]);

    const short = loadEdited((t) => t, (dir) => {
      const article = join(dir, 'trump-iphone', 'article.yaml');
      writeFileSync(article, readFileSync(article, 'utf8').replace(/\n      - Influence\n/, '\n'));
    });
    expect(short.lessons).toEqual([]);
    expect(short.problems.map((p) => p.message)).toEqual([
      "translation 'en' has 8 paragraphs, the article has 9",
      expect.stringContaining('left out: its article'),
    ]);
  });
});
