// The minutes estimate and catalog order: what the checker compares `minutes` with, and how the
// loader orders lessons.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { report } from './check.ts';
import { byCatalogOrder, loadLessons } from './loader.ts';
import type { Lesson } from './model.ts';
import { publicQuestion } from './types/index.ts';
import { VALID_DIR, fixtureLesson } from './test-fixtures/fixture.ts';
import { READING_WPM, estimateMinutes } from './timing.ts';
import { OPEN_MINUTES } from './types/open.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function copyFixture(edit: (lesson: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'timing-'));
  dirs.push(dir);
  cpSync(VALID_DIR, dir, { recursive: true });
  const file = join(dir, 'trump-iphone', 'bronnen.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

describe('estimateMinutes', () => {
  it('adds reading at READING_WPM to answering time, rounded up', () => {
    const lesson = fixtureLesson();
    const e = estimateMinutes(lesson);
    expect(e.readingMinutes).toBeCloseTo(e.words / READING_WPM, 0);
    expect(e.minutes).toBe(Math.ceil(e.readingMinutes + e.answeringMinutes));
    expect(e.answeringMinutes).toBeGreaterThanOrEqual(OPEN_MINUTES);
  });

  it('grows with the text a learner reads and with a question that suggests its own time', () => {
    const lesson = fixtureLesson();
    const base = estimateMinutes(lesson);
    const longer = structuredClone(lesson) as Lesson;
    longer.questions[0]!.explanation = { nl: 'woord '.repeat(900), en: 'word' };
    expect(estimateMinutes(longer).minutes).toBeGreaterThanOrEqual(base.minutes + 4);
    const search = structuredClone(lesson) as Lesson;
    const open = search.questions.find((q) => q.type === 'open')!;
    open.minutes = OPEN_MINUTES + 10;
    expect(estimateMinutes(search).answeringMinutes).toBeCloseTo(base.answeringMinutes + 10, 5);
  });

  it('makes the checker warn when minutes drift from the estimate, and only then', () => {
    const estimate = estimateMinutes(fixtureLesson()).minutes;
    const close = report(loadLessons(copyFixture((t) => t.replace('minutes: 15', `minutes: ${estimate}`))));
    expect(close.ok).toBe(true);
    expect(close.text).not.toMatch(/minutes is/);
    const far = report(loadLessons(copyFixture((t) => t.replace('minutes: 15', `minutes: ${estimate + 20}`))));
    expect(far.ok).toBe(true);
    expect(far.text).toContain(`fixture-bronnen: minutes is ${estimate + 20}, the estimate from its text is ${estimate}`);
  });
});

describe('catalog order', () => {
  it('sorts by order, lessons without one last, then by slug', () => {
    const list = [
      { slug: 'c', order: undefined },
      { slug: 'b', order: 2 },
      { slug: 'z', order: 1 },
      { slug: 'a', order: undefined },
    ];
    expect([...list].sort(byCatalogOrder).map((l) => l.slug)).toEqual(['z', 'b', 'a', 'c']);
  });

  it('lists the real lessons 1-4 with Lees verder last', () => {
    const { lessons, problems } = loadLessons();
    expect(problems).toEqual([]);
    expect(lessons.slice(0, 4).map((l) => [l.order, l.slug])).toEqual([
      [1, 'wie-zegt-wat'],
      [2, 'hoe-zeker'],
      [3, 'welk-bewijs'],
      [4, 'lees-verder'],
    ]);
  });
});

describe('question intro', () => {
  it('reaches the learner only on questions that have one', () => {
    const dir = copyFixture((t) => t.replace('  - id: wie-meldt\n    type: single-choice\n', "  - id: wie-meldt\n    type: single-choice\n    intro: { nl: 'SIFT: eerst stoppen.', en: 'SIFT: stop first.' }\n"));
    const { lessons, problems } = loadLessons(dir);
    expect(problems).toEqual([]);
    const [withIntro, ...rest] = lessons[0]!.questions;
    expect(publicQuestion(withIntro!, 'seed')).toMatchObject({ intro: { nl: 'SIFT: eerst stoppen.' } });
    for (const q of rest) expect(publicQuestion(q, 'seed')).not.toHaveProperty('intro');
  });

  it('is refused without an English text', () => {
    const dir = copyFixture((t) => t.replace('  - id: wie-meldt\n    type: single-choice\n', "  - id: wie-meldt\n    type: single-choice\n    intro: { nl: 'SIFT: eerst stoppen.' }\n"));
    const { problems } = loadLessons(dir);
    expect(problems.map((p) => p.message)).toContain('questions.0.intro.en: missing English translation');
  });
});
