// The learner's path in a real browser, by keyboard alone: catalog, lesson intro, a practice
// attempt with every question answered and checked, a reload midway, results per skill, and the
// switch to English. axe-core checks every page; screenshots go to .tmp/screens/ for a human look.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptView, LessonDetail, LessonSummary, PublicQuestion } from '../../server/api-types.ts';
import { ROOT, checkA11y, chromiumAvailable, launchBrowser, startServer, tabTo, type RunningServer } from './helpers.ts';

const SCREENS = join(ROOT, '.tmp/screens');
const canRun = chromiumAvailable();

describe.skipIf(!canRun)('student in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Screenshots at desktop and phone width; at the phone width nothing may scroll sideways. */
  async function screens(name: string) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENS, `${name}-1280.png`) });
    await page.screenshot({ path: join(SCREENS, `${name}-1280-full.png`), fullPage: true });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.waitForTimeout(100);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENS, `${name}-375.png`) });
    await page.screenshot({ path: join(SCREENS, `${name}-375-full.png`), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  async function answerByKeyboard(q: PublicQuestion) {
    const pane = '.question-pane fieldset.question';
    switch (q.type) {
      case 'single-choice':
        await tabTo(page, { selector: `${pane} input[type=radio]` });
        await page.keyboard.press('ArrowDown'); // native radio group: arrows move and choose
        break;
      case 'scale':
        await tabTo(page, { selector: `${pane} input[type=radio]` });
        await page.keyboard.press('Space');
        break;
      case 'multiple-choice':
        await tabTo(page, { selector: `${pane} input[type=checkbox]` });
        await page.keyboard.press('Space');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Space');
        break;
      case 'highlight': {
        // the sentences are chosen in the article itself, each a toggle button
        await tabTo(page, { selector: '.reader .sentence[role=button]' });
        await page.keyboard.press('Space');
        await expect.poll(() => page.locator('.reader .sentence.selected[aria-pressed=true]').count()).toBe(1);
        break;
      }
      case 'categorize':
        for (let i = 0; i < q.items.length; i++) {
          await tabTo(page, { selector: `${pane} fieldset.subquestion:nth-of-type(${i + 1}) input[type=radio]` });
          await page.keyboard.press('Space');
        }
        break;
      case 'order':
        await tabTo(page, { selector: `${pane} button.move-down` });
        await page.keyboard.press('Enter');
        await expect.poll(() => page.locator('.question-pane [aria-live=assertive]').textContent()).toMatch(/plaats 2/);
        break;
      case 'match':
        for (let i = 0; i < q.left.length; i++) {
          await tabTo(page, { selector: `${pane} .match-row:nth-child(${i + 1}) select` });
          await page.keyboard.press('ArrowDown');
          await expect.poll(() => page.locator(`${pane} .match-row:nth-child(${i + 1}) select`).inputValue()).not.toBe('');
        }
        break;
      case 'open':
        await tabTo(page, { selector: `${pane} textarea` });
        await page.keyboard.type('Ik zou nagaan wie de anonieme bronnen zijn en of andere media het bevestigen.');
        break;
    }
  }

  it('learns a lesson by keyboard from catalog to results, in Dutch and then English', async () => {
    // Catalog
    await page.goto(server.url + '/');
    await page.getByRole('heading', { level: 1, name: 'Lessen' }).waitFor();
    const { lessons } = (await (await fetch(`${server.url}/api/lessons`)).json()) as { lessons: LessonSummary[] };
    expect(lessons.length).toBeGreaterThan(0);
    await page.locator('.card').first().waitFor();
    expect(await page.locator('.card').count()).toBe(lessons.length);
    await checkA11y(page, 'catalog');
    await screens('catalog');

    // Lesson intro, reached by keyboard
    const lesson = lessons[0];
    await tabTo(page, { selector: '.card a', name: lesson.title.nl });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: lesson.title.nl }).waitFor();
    await page.getByRole('heading', { name: 'Wat je leert' }).waitFor();
    // The context card: background to read before the article, in the page axe checks
    const detail = (await (await fetch(`${server.url}/api/lessons/${lesson.slug}`)).json()) as LessonDetail;
    const card = page.getByRole('region', { name: detail.article.contextCard!.title.nl });
    await card.waitFor();
    expect(await card.textContent()).toContain(detail.article.contextCard!.paragraphs[0]!.nl);
    await checkA11y(page, 'lesson intro');
    await screens('intro');

    // Start in practice mode
    await tabTo(page, { selector: 'button', name: 'Oefenen' });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/attempts\/[^/?]+\?q=1$/);
    const attemptId = new URL(page.url()).pathname.split('/')[2];
    const attempt = (await page.evaluate(
      (id) => fetch(`/api/attempts/${id}`, { credentials: 'same-origin' }).then((r) => r.json()),
      attemptId,
    )) as AttemptView;
    const total = attempt.questions.length;
    await page.getByRole('heading', { name: `Vraag 1 van ${total}` }).waitFor();

    const checkedTypes = new Set<string>();
    const midway = Math.floor(total / 2);
    for (let i = 0; i < total; i++) {
      const q = attempt.questions[i];
      await page.getByRole('heading', { name: `Vraag ${i + 1} van ${total}` }).waitFor();
      await answerByKeyboard(q);
      await tabTo(page, { selector: 'button.primary', name: 'Controleer' });
      const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes(`/responses/${q.id}`));
      await page.keyboard.press('Enter');
      const savedAnchors = ((await (await saved).json()) as { anchors?: string[] }).anchors ?? [];
      const feedback = page.locator('.question-pane .feedback');
      await feedback.waitFor();
      if (q.type !== 'open') await expect.poll(() => feedback.locator('h3').textContent()).toMatch(/Goed|Deels goed|Niet goed/);
      else await expect.poll(() => feedback.textContent()).toMatch(/sterk antwoord/);
      // the feedback's cited sentences (if any: a wrong answer may cite none yet) are highlighted in the reader
      await expect.poll(() => page.locator('.reader .sentence.anchor').count()).toBe(savedAnchors.length);
      // the verdict stays in view: the window does not jump to the article
      await expect.poll(() => feedback.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight / 2; })).toBe(true);
      expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe(String(i + 1));
      if (!checkedTypes.has(q.type)) {
        checkedTypes.add(q.type);
        await checkA11y(page, `runner, ${q.type} question with feedback`);
        await screens(`runner-${q.type}`);
      }

      if (i === midway) {
        // Reload: the same question, its feedback and the earlier answers come back
        await page.reload();
        await page.getByRole('heading', { name: `Vraag ${i + 1} van ${total}` }).waitFor();
        expect(new URL(page.url()).searchParams.get('q')).toBe(String(i + 1));
        await page.locator('.question-pane .feedback').waitFor();
        expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe(String(i + 1));
        for (let k = 0; k <= i; k++) {
          // practice names the verdict after "beantwoord" once checked
          expect(await page.getByRole('button', { name: new RegExp(`^Vraag ${k + 1}, beantwoord: (goed|deels goed|niet goed)$`) }).count()).toBe(1);
        }
      }

      if (i < total - 1) {
        await tabTo(page, { selector: 'button', name: 'Volgende vraag' });
        await page.keyboard.press('Enter');
      }
    }

    // Finish: the confirmation opens with focus on "keep working"
    await tabTo(page, { selector: 'button.primary', name: 'Afronden' });
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Alle vragen zijn beantwoord');
    await checkA11y(page, 'finish confirmation');
    await tabTo(page, { selector: 'dialog button', name: 'Ja, inleveren' }, { backwards: true });
    await page.keyboard.press('Enter');

    // Results per skill
    await page.waitForURL(/\/attempts\/[^/]+\/results$/);
    await page
      .getByRole('heading', { level: 1, name: 'Je resultaat' })
      .waitFor()
      .catch(async (e: Error) => {
        throw new Error(`${e.message}\nthe page shows: ${await page.locator('main').innerText()}`);
      });
    await page.locator('.skill-bars li').first().waitFor();
    const skillRows = await page.locator('.skill-bars li').allTextContents();
    expect(skillRows.length).toBe(new Set(attempt.questions.map((q) => q.skill)).size);
    for (const row of skillRows) expect(row).toMatch(/^\D+\d+(,\d)? van \d+$/);
    expect(await page.locator('.review-item').count()).toBe(total);
    await tabTo(page, { selector: 'button', name: 'Toon in het artikel' });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.reader .sentence.anchor').count()).toBeGreaterThan(0);
    await checkA11y(page, 'results');
    await screens('results');

    // English: interface and lesson text switch, the article stays Dutch
    await tabTo(page, { selector: '.lang-switch button', name: 'English' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('.results .lead').textContent()).toBe(lesson.title.en);
    expect(await page.getByRole('link', { name: 'Join a class' }).count()).toBe(1);
    expect(await page.locator('.reader').getAttribute('lang')).toBe('nl');
    await checkA11y(page, 'results in English');

    await page.goto(server.url + '/');
    await page.getByRole('heading', { level: 1, name: 'Lessons' }).waitFor();
    expect(await page.locator('.card h2').allTextContents()).toContain(lesson.title.en);
    // a newcomer is pointed to the first lesson: 'Who says what?' comes first, marked
    expect(await page.locator('.card').first().textContent()).toMatch(/^Start here\s*Who says what\?/);
    await checkA11y(page, 'catalog in English');
  });

  it('a test attempt saves as the learner goes and keeps answers across a reload', async () => {
    // a fresh browser profile: a new anonymous learner, Dutch by default
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    const { lessons } = (await (await fetch(`${server.url}/api/lessons`)).json()) as { lessons: LessonSummary[] };
    await page.goto(`${server.url}/lessons/${lessons[0].slug}`);
    await page.locator('h1').waitFor();
    await tabTo(page, { selector: 'button', name: 'Toets' });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/attempts\/[^/?]+\?q=1$/);
    const attemptId = new URL(page.url()).pathname.split('/')[2];
    const attempt = (await page.evaluate((id) => fetch(`/api/attempts/${id}`).then((r) => r.json()), attemptId)) as AttemptView;
    const total = attempt.questions.length;
    await page.getByRole('heading', { name: `Vraag 1 van ${total}` }).waitFor();
    await answerByKeyboard(attempt.questions[0]);
    await expect.poll(() => page.locator('.save-status').textContent(), { timeout: 10_000 }).toBe('Opgeslagen');
    // nothing is graded before handing in
    expect(await page.locator('.feedback').count()).toBe(0);
    await checkA11y(page, 'runner in test mode');
    await screens('runner-test');
    await page.reload();
    await page.getByRole('heading', { name: `Vraag 1 van ${total}` }).waitFor();
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');

    // moving to the next question straight after answering never asks "leave the page?"
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.getByRole('button', { name: /Volgende vraag/ }).click();
    await page.getByRole('heading', { name: `Vraag 2 van ${total}` }).waitFor();
    await answerByKeyboard(attempt.questions[1]);
    await page.getByRole('button', { name: 'Vraag 1, beantwoord' }).click();
    await page.getByRole('heading', { name: `Vraag 1 van ${total}` }).waitFor();
    await expect.poll(() => page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('2');
    await expect.poll(() => page.locator('.save-status').textContent(), { timeout: 10_000 }).toBe('Opgeslagen');
    expect(dialogs).toEqual([]);

    // handing in says how many are unanswered
    await tabTo(page, { selector: 'button', name: 'Inleveren' });
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    expect(await page.getByRole('dialog').textContent()).toContain(`${total - 2} vragen nog niet beantwoord`);
    await context.close();
  });
});
