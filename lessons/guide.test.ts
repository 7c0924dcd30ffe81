// Teaching material in the lesson format: the context card, the teacher's guide with its checked
// references, and routes built from other lessons' questions.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { guideWarnings, report } from './check.ts';
import { DISCUSSION_TOPICS } from './format.ts';
import { loadLessons } from './loader.ts';
import { VALID_DIR } from './test-fixtures/fixture.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const NOTES = `
contextCard:
  title: { nl: Achtergrond, en: Background }
  paragraphs:
    - { nl: Het is 2018., en: It is 2018. }
teacherNotes:
  discussion:
    - { id: stake, prompt: { nl: Wie heeft belang?, en: Who has a stake? }, note: { nl: Weeg per bewering., en: Weigh claim by claim. } }
  balance: { nl: Niet voor of tegen Trump., en: Not for or against Trump. }
`;
const GUIDE = `guide:
  goals:
    - { goal: { nl: Bronnen zien., en: See sources. }, competences: [doorgronden] }
  plan:
    - { minutes: 50, activity: { nl: Alles., en: Everything. } }
  answers:
    - { question: wie-meldt, answer: { nl: a, en: a }, mistakes: { nl: b, en: b } }
  samples:
    - { question: nagaan, levels: { wat: 2 }, text: { nl: Of Trump reageerde., en: Whether Trump responded. }, why: { nl: Concreet., en: Concrete. } }
  discussion: [stake]
questions:
`;
const ROUTE = `slug: route
order: 2
title: { nl: Kort, en: Short }
summary: { nl: Kort., en: Short. }
minutes: 5
goals:
  - { nl: Kort., en: Short. }
include:
  - lesson: fixture-bronnen
    questions: [nagaan, wie-meldt]
guide:
  goals:
    - { goal: { nl: Kort., en: Short. }, competences: [vinden] }
  plan:
    - { minutes: 45, activity: { nl: Kort., en: Short. } }
  discussion: [stake]
`;

/** A copy of the valid fixture with teacher notes on the article, a guide, and optionally a route. */
function fixture(edit: (lesson: string) => string = (t) => t, route?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'guide-'));
  dirs.push(dir);
  cpSync(VALID_DIR, dir, { recursive: true });
  const article = join(dir, 'trump-iphone', 'article.yaml');
  writeFileSync(article, readFileSync(article, 'utf8').trimEnd() + '\n' + NOTES);
  const file = join(dir, 'trump-iphone', 'bronnen.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8').replace('questions:\n', GUIDE)));
  if (route) writeFileSync(join(dir, 'trump-iphone', 'route.yaml'), route);
  return { ...loadLessons(dir), file };
}

describe('teacher material', () => {
  it('puts the context card on the article and resolves the guide with the article prompts and balance note', () => {
    const { lessons, problems } = fixture();
    expect(problems).toEqual([]);
    const lesson = lessons[0]!;
    expect(lesson.article.contextCard?.paragraphs[0]?.nl).toBe('Het is 2018.');
    expect(lesson.guide?.discussion).toEqual([expect.objectContaining({ id: 'stake', prompt: { nl: 'Wie heeft belang?', en: 'Who has a stake?' } })]);
    expect(lesson.guide?.balance?.nl).toBe('Niet voor of tegen Trump.');
    // incomplete guides load, and the checker says what is missing
    const warnings = guideWarnings(lessons);
    expect(warnings).toContainEqual(expect.stringMatching(/^fixture-bronnen: the guide gives no answer for voorzichtig, /));
    expect(warnings).toContain('fixture-bronnen nagaan wat: 0 graded sample answer(s) at level 0, want 2-3');
    expect(warnings).toContain('fixture-bronnen nagaan wat: 1 graded sample answer(s) at level 2, want 2-3');
    expect(warnings).toContain(`trump-iphone: no guide discusses ${DISCUSSION_TOPICS.filter((t) => t !== 'stake').join(', ')}`);
  });

  it('refuses a guide that names questions, criteria or prompts the lesson does not have, by line', () => {
    const { problems, file } = fixture((t) =>
      t
        .replace('{ question: wie-meldt, answer', '{ question: q99, answer')
        .replace('levels: { wat: 2 }', 'levels: { hoe: 2 }')
        .replace('discussion: [stake]', 'discussion: [stake, weather]'),
    );
    const text = readFileSync(file, 'utf8').split('\n');
    const line = (needle: string) => text.findIndex((l) => l.includes(needle)) + 1;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: line('question: q99'), message: "guide: this lesson has no question 'q99'" }),
        expect.objectContaining({ line: line('levels: { hoe: 2 }'), message: "guide: a sample gives levels for 'hoe', the rubric of 'nagaan' has 'wat'" }),
        expect.objectContaining({ message: "guide: the article's teacherNotes have no discussion prompt 'weather'" }),
      ]),
    );
  });

  it('refuses a competence outside the Mediawijsheid model', () => {
    const { problems } = fixture((t) => t.replace('competences: [doorgronden]', 'competences: [googelen]'));
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/^guide\.goals\.0\.competences\.0: /));
  });
});

describe('routes', () => {
  it('takes questions from another lesson with prefixed ids, inherits their answers and samples, and sorts by order', () => {
    const { lessons, problems } = fixture(undefined, ROUTE);
    expect(problems).toEqual([]);
    expect(lessons.map((l) => l.slug)).toEqual(['fixture-bronnen', 'route']);
    const [source, route] = lessons;
    expect(route!.route).toBe(true);
    expect(route!.questions.map((q) => q.id)).toEqual(['fixture-bronnen-nagaan', 'fixture-bronnen-wie-meldt']);
    const { id: _a, ...original } = source!.questions.find((q) => q.id === 'nagaan')!;
    const { id: _b, ...copy } = route!.questions[0]!;
    expect(copy).toEqual(original);
    expect(route!.guide?.answers.map((a) => a.question)).toEqual(['fixture-bronnen-wie-meldt']);
    expect(route!.guide?.samples.map((s) => s.question)).toEqual(['fixture-bronnen-nagaan']);
    expect(route!.skills).toEqual(['verification', 'sources']);
    // the checker's counts leave the route's repeated questions out
    expect(report({ lessons, problems }).text).toMatch(/^2 lesson\(s\), 8 question\(s\)/);
  });

  it('refuses an unknown lesson or question, and a route with nothing to include', () => {
    const { problems } = fixture(undefined, ROUTE.replace('questions: [nagaan, wie-meldt]', 'questions: [nagaan, q42]'));
    expect(problems.map((p) => p.message)).toEqual(["include: lesson 'fixture-bronnen' has no question 'q42'"]);
    const other = fixture(undefined, ROUTE.replace('lesson: fixture-bronnen', 'lesson: elders'));
    expect(other.problems.map((p) => p.message)).toEqual(["include: no lesson 'elders' about this article loads without problems"]);
    const empty = fixture(undefined, ROUTE.replace(/include:\n[\s\S]*?guide:/, 'guide:'));
    expect(empty.problems.map((p) => p.message)).toEqual(['questions: missing questions']);
  });
});

describe('the real lessons', () => {
  it('each have a complete guide, the article a context card, and the route an hour of thirteen questions plus one open', () => {
    const { lessons, problems } = loadLessons();
    expect(problems).toEqual([]);
    expect(guideWarnings(lessons)).toEqual([]);
    const card = lessons[0]!.article.contextCard!;
    const text = card.paragraphs.map((p) => p.nl).join(' ');
    for (const needle of ['2018', 'eerste termijn', 'handelsoorlog', 'NSA', 'Hua Chunying', 'misschien nog niet']) expect(text).toContain(needle);
    const route = lessons.find((l) => l.route)!;
    expect(route.questions.filter((q) => q.type !== 'open')).toHaveLength(13);
    expect(route.questions.filter((q) => q.type === 'open')).toHaveLength(1);
    expect(route.guide!.plan.reduce((n, p) => n + p.minutes, 0)).toBe(50);
    expect(route.guide!.discussion.map((d) => d.id).sort()).toEqual([...DISCUSSION_TOPICS].sort());
  });
});
