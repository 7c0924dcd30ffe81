// A live lesson in the browser (issue 11): a teacher starts one for guests from the lesson's guide,
// the projector shows the code, three students join (one on a phone, by touch), and the class goes
// through two questions with two rounds each: vote, point at the evidence, discuss, vote again. One
// student reloads mid-round and lands on the same question and round. axe checks the student's,
// the teacher's and the projector's pages; the projector after round 2 is saved for the README.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadLessons } from '../../lessons/index.ts';
import type { Question } from '../../lessons/model.ts';
import { browserSuite, checkA11y, chromiumAvailable, SCREENS } from './helpers.ts';

const LESSON = loadLessons().lessons.find((l) => l.slug === 'wie-zegt-wat')!;
const number = (q: Question) => LESSON.questions.indexOf(q) + 1;
const Q1 = LESSON.questions.find((q) => q.type === 'single-choice')! as Extract<Question, { type: 'single-choice' }>;
const Q2 = LESSON.questions.find((q) => q.type === 'multiple-choice')! as Extract<Question, { type: 'multiple-choice' }>;
/** An option's text as the student sees it (the Dutch interface), by its id in the lesson. */
const text = (q: { options: { id: string; text: { nl?: string } }[] }, id: string) => q.options.find((o) => o.id === id)!.text.nl!;
const wrongOf = (q: typeof Q1) => q.options.filter((o) => o.id !== q.key).map((o) => o.id);

describe.runIf(chromiumAvailable())('a live lesson in the browser', () => {
  const suite = browserSuite();

  async function newPage(options: { phone?: boolean; bypassCSP?: boolean } = {}): Promise<Page> {
    const context = await suite.newContext({
      bypassCSP: options.bypassCSP ?? false,
      ...(options.phone ? { viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true } : { viewport: { width: 1280, height: 800 } }),
    });
    return context.newPage();
  }

  /** A guest joins with the code on the projector and a name, and waits for the first question. */
  async function joinAsGuest(code: string, name: string, phone = false): Promise<Page> {
    const page = await newPage({ phone });
    await page.goto('/live');
    await page.getByRole('textbox', { name: 'Lescode' }).fill(code.toLowerCase());
    await page.getByRole('textbox', { name: 'Je naam' }).fill(name);
    await page.getByRole('button', { name: 'Meedoen' }).click();
    await page.waitForURL(/\/live\/[^/]+$/);
    await page.getByRole('heading', { name: 'Even wachten' }).waitFor();
    return page;
  }

  /** Chooses options (by tap on the phone, by keyboard-reachable clicks elsewhere), cites a sentence, sends, and waits for the acknowledgement. */
  async function vote(page: Page, q: Question, round: number, optionIds: string[], cite?: string) {
    await page.getByRole('heading', { name: round > 1 ? `Vraag ${number(q)} van ${LESSON.questions.length} · Ronde ${round}` : `Vraag ${number(q)} van ${LESSON.questions.length}` }).waitFor();
    const touch = (page.viewportSize()?.width ?? 1280) < 500;
    const role = q.type === 'single-choice' ? 'radio' : 'checkbox';
    const options = (q as typeof Q1).options;
    for (const o of options) {
      const box = page.getByRole(role, { name: text(q as typeof Q1, o.id), exact: true });
      const want = optionIds.includes(o.id);
      if ((await box.isChecked()) === want) continue;
      if (touch) await box.tap();
      else if (role === 'radio') await box.check();
      else await box.setChecked(want);
    }
    if (cite) {
      const sentence = page.getByRole('group', { name: /Welke zinnen ondersteunen je antwoord/ }).getByRole('checkbox', { name: cite, exact: true });
      if (!(await sentence.isChecked())) await (touch ? sentence.tap() : sentence.check());
    }
    await page.getByRole('button', { name: /Antwoord versturen|Gewijzigd antwoord versturen/ }).click();
    await expect.poll(() => page.getByText(/Je antwoord is ontvangen/).count(), { timeout: 15_000 }).toBe(1);
  }

  it('runs two questions with two rounds each, with a projector and a student who reloads', async () => {
    const teacher = await newPage({ bypassCSP: true });
    await teacher.goto('/teacher');
    await teacher.getByRole('button', { name: 'Account maken' }).click();
    await teacher.getByLabel('Naam', { exact: true }).fill('Meneer Jansen');
    await teacher.getByLabel('E-mailadres').fill('jansen@school.example');
    await teacher.getByLabel('Wachtwoord').fill('zeven zwanen zwemmen');
    await teacher.getByRole('button', { name: 'Account maken' }).first().click();
    await teacher.waitForURL('**/teacher/classes');

    // Start from the lesson's guide, for guests
    await teacher.goto(`/teacher/lessons/${LESSON.slug}/guide`);
    await teacher.getByLabel('Met wie').selectOption('');
    await teacher.getByRole('button', { name: 'Live les starten' }).click();
    await teacher.waitForURL(/\/teacher\/live\/[^/]+$/);
    const sessionId = new URL(teacher.url()).pathname.split('/')[3]!;
    const code = (await teacher.locator('.tw-join-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{3}-?[A-Z0-9]{3}$/);
    await checkA11y(teacher, 'live control, lobby');

    // The projector: code and counts, no names
    const projector = await newPage({ bypassCSP: true });
    await projector.context().addCookies(await teacher.context().cookies());
    await projector.goto(`/teacher/live/${sessionId}/projector`);
    await expect.poll(() => projector.locator('.lv-projector-code').textContent()).toBe(code);
    await checkA11y(projector, 'projector, lobby');

    // Three students join, one on a phone
    const anna = await joinAsGuest(code, 'Anna');
    const bram = await joinAsGuest(code, 'Bram');
    const sam = await joinAsGuest(code, 'Sam', true);
    await checkA11y(sam, 'student, waiting');
    await expect.poll(() => projector.locator('.lv-counts dd').first().textContent(), { timeout: 15_000 }).toBe('3');
    expect(await projector.locator('body').textContent()).not.toMatch(/Anna|Bram|Sam/);

    const answered = (n: number) => expect.poll(() => teacher.getByText(`${n} van 3 leerlingen geantwoord`).count(), { timeout: 15_000 }).toBe(1);
    const command = async (name: string | RegExp) => {
      await teacher.getByRole('button', { name }).click();
      await expect.poll(() => teacher.locator('[aria-busy="true"]').count()).toBe(0);
    };
    const citeQ1 = LESSON.article.paragraphs.flatMap((p) => p.sentences).find((s) => Q1.cites.includes(s.id))!.text;

    // Question 1, round 1: one right, two wrong; Anna cites the sentence the key rests on
    await teacher.getByRole('button', { name: `Vraag ${number(Q1)} tonen` }).click();
    await vote(anna, Q1, 1, [Q1.key], citeQ1);
    await checkA11y(anna, 'student, answered');
    await vote(bram, Q1, 1, [wrongOf(Q1)[0]!]);
    await vote(sam, Q1, 1, [wrongOf(Q1)[1]!]);
    await answered(3);
    // Bram's name is on the teacher's screen with a tick, not on the projector
    expect(await teacher.getByRole('region', { name: /Deelnemers/ }).getByText('Bram').locator('..').textContent()).toContain('geantwoord');
    await command('Antwoorden sluiten');
    await expect.poll(() => anna.getByRole('radio').first().isDisabled(), { timeout: 15_000 }).toBe(true);
    await command('Resultaten op het bord');
    await projector.getByRole('heading', { name: 'Ronde 1', exact: true }).waitFor({ timeout: 15_000 });
    await checkA11y(teacher, 'live control, round 1');

    // Round 2: discuss, vote again. Sam reloads before answering and lands on the same round.
    await command('Ronde 2 starten');
    await sam.reload();
    await sam.getByRole('heading', { name: `Vraag ${number(Q1)} van ${LESSON.questions.length} · Ronde 2` }).waitFor({ timeout: 15_000 });
    await vote(bram, Q1, 2, [Q1.key], citeQ1);
    // Bram reloads after answering: his round-2 answer is there, acknowledged
    await bram.reload();
    await bram.getByRole('heading', { name: `Vraag ${number(Q1)} van ${LESSON.questions.length} · Ronde 2` }).waitFor({ timeout: 15_000 });
    expect(await bram.getByRole('radio', { name: text(Q1, Q1.key), exact: true }).isChecked()).toBe(true);
    await expect.poll(() => bram.getByText(/Je antwoord is ontvangen/).count()).toBe(1);
    await vote(sam, Q1, 2, [Q1.key]);
    await vote(anna, Q1, 2, [Q1.key], citeQ1);
    await answered(3);
    await command('Antwoorden sluiten');
    await command('Juiste antwoord tonen');
    await command('Resultaten op het bord'); // a new round hid them: the class votes again unseen
    await anna.getByRole('region', { name: 'Het juiste antwoord' }).waitFor({ timeout: 15_000 });
    expect(await anna.getByRole('region', { name: 'Het juiste antwoord' }).textContent()).toContain(text(Q1, Q1.key));
    await checkA11y(anna, 'student, revealed');

    // The projector after round 2: both rounds and the shift, the cited sentences, the key
    await expect.poll(() => projector.locator('.lv-shift').textContent(), { timeout: 15_000 }).toContain('33% → 100%');
    await projector.getByRole('heading', { name: 'Ronde 2', exact: true }).waitFor();
    expect(await projector.locator('.lv-heat-count').count()).toBeGreaterThan(0);
    expect(await projector.locator('body').textContent()).not.toMatch(/Anna|Bram|Sam/);
    await checkA11y(projector, 'projector, after round 2');
    await projector.setViewportSize({ width: 1600, height: 1000 });
    // the README's picture (docs/screenshot-live-projector.png) is this one, copied by hand
    await projector.screenshot({ path: join(SCREENS, 'live-projector-round2-1600-full.png'), fullPage: true });
    await anna.screenshot({ path: join(SCREENS, 'live-student-revealed-1280.png'), fullPage: true });
    await sam.screenshot({ path: join(SCREENS, 'live-student-revealed-375.png') });
    await teacher.screenshot({ path: join(SCREENS, 'live-control-1280.png'), fullPage: true });

    // Question 2 (multiple choice), two rounds
    await teacher.getByRole('button', { name: `Vraag ${number(Q2)} tonen` }).click();
    const right2 = Q2.key as string[];
    const wrong2 = Q2.options.map((o) => o.id).filter((id) => !right2.includes(id));
    await vote(anna, Q2, 1, right2);
    await vote(bram, Q2, 1, [right2[0]!, wrong2[0]!]);
    await vote(sam, Q2, 1, [wrong2[0]!]);
    await answered(3);
    await command('Antwoorden sluiten');
    await command('Ronde 2 starten');
    await vote(anna, Q2, 2, right2);
    await vote(bram, Q2, 2, right2);
    await vote(sam, Q2, 2, [right2[0]!, wrong2[0]!]);
    await answered(3);
    await command('Antwoorden sluiten');
    await command('Juiste antwoord tonen');
    await command('Resultaten op het bord');
    await expect.poll(() => projector.locator('.lv-shift').textContent(), { timeout: 15_000 }).toContain('33% → 67%');

    // End: the code stops working; the results name who moved
    await teacher.getByRole('button', { name: 'Les beëindigen' }).click();
    await teacher.getByRole('button', { name: 'Ja, beëindigen' }).click();
    await teacher.waitForURL(/\/results$/);
    const q1 = teacher.getByRole('region', { name: new RegExp(`^Vraag ${number(Q1)}:`) });
    await q1.waitFor();
    const round2 = q1.getByRole('row', { name: /Ronde 2/ });
    expect(await round2.textContent()).toContain('100% goed');
    expect(await round2.textContent()).toMatch(/Bram[\s\S]*Sam|Sam[\s\S]*Bram/);
    await checkA11y(teacher, 'live results');
    await teacher.screenshot({ path: join(SCREENS, 'live-results-1280.png'), fullPage: true });
    await anna.getByRole('heading', { name: 'De les is afgelopen' }).waitFor({ timeout: 15_000 });
    const late = await newPage();
    await late.goto('/live');
    await late.getByRole('textbox', { name: 'Lescode' }).fill(code);
    await late.getByRole('textbox', { name: 'Je naam' }).fill('Laat');
    await late.getByRole('button', { name: 'Meedoen' }).click();
    await expect.poll(() => late.getByText(/Met deze code kun je nu niet meedoen/).count()).toBeGreaterThan(0);
  }, 300_000);
});
