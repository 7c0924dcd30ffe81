// The phone-first runner in a real browser at 375 px (and 1280 px for axe): the question comes
// first with its passage right under its prompt, the whole article one tap away; a highlight
// question's sentences are tapped in the article itself; resuming lands on the first open
// question and the catalog says how far along; handing in lists what is open, and a class's
// student goes back to "Mijn opdrachten". Screenshots go to .tmp/screens/ for a human look.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptView, LessonSummary } from '../../server/api-types.ts';
import { ROOT, checkA11y, chromiumAvailable, launchBrowser, startServer, type RunningServer } from './helpers.ts';

const SCREENS = join(ROOT, '.tmp/screens');
const PHONE = { width: 375, height: 812 };
const canRun = chromiumAvailable();

/** Whether an element lies wholly inside the viewport as the page first shows (no scrolling). */
async function inFirstScreen(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
  });
}

/** Page y of the question heading and of the first visible focus sentence (or, for a highlight
 *  question, the first sentence to choose in the article). */
async function questionAndPassage(page: Page): Promise<{ question: number; passage: number | null }> {
  return page.evaluate(`(() => {
    const top = (el) => el.getBoundingClientRect().top + window.scrollY;
    const visible = [...document.querySelectorAll('.sentence.focus, .sentence[role=button]')].find((el) => el.getClientRects().length > 0);
    return { question: top(document.querySelector('#question-heading')), passage: visible ? top(visible) : null };
  })()`);
}

describe.skipIf(!canRun)('the phone runner', () => {
  let server: RunningServer;
  let browser: Browser;
  let lesson: LessonSummary;

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    const { lessons } = (await (await fetch(`${server.url}/api/lessons`)).json()) as { lessons: LessonSummary[] };
    lesson = lessons.find((l) => l.slug === 'wie-zegt-wat') ?? lessons[0]!;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const phone = (): Promise<BrowserContext> => browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  const attemptOf = (page: Page, id: string) => page.evaluate((a) => fetch(`/api/attempts/${a}`).then((r) => r.json()), id) as Promise<AttemptView>;

  it('puts every question within one screen of its passage, the article one tap away', async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(`${server.url}/lessons/${lesson.slug}`);
    await page.locator('h1').waitFor();
    // starting is a button in the first screen
    expect(await inFirstScreen(page, 'button:has-text("Oefenen")')).toBe(true);
    expect(await inFirstScreen(page, 'button:has-text("Toets")')).toBe(true);
    await checkA11y(page, 'lesson intro at 375 px');
    await page.getByRole('button', { name: 'Oefenen' }).tap();
    await page.waitForURL(/\/attempts\/[^/?]+\?q=1$/);
    const attemptId = new URL(page.url()).pathname.split('/')[2]!;
    const attempt = await attemptOf(page, attemptId);
    const total = attempt.questions.length;

    const distances: { q: number; type: string; px: number }[] = [];
    for (let i = 0; i < total; i++) {
      const q = attempt.questions[i]!;
      if (q.focus.length === 0 && q.type !== 'highlight') continue;
      await page.goto(`${server.url}/attempts/${attemptId}?q=${i + 1}`);
      await page.getByRole('heading', { name: `Vraag ${i + 1} van ${total}` }).waitFor();
      const { question, passage } = await questionAndPassage(page);
      expect(passage, `question ${i + 1} (${q.type}) shows its passage`).not.toBeNull();
      distances.push({ q: i + 1, type: q.type, px: Math.round(passage! - question) });
    }
    console.log(`phone runner, px from question heading to passage: ${JSON.stringify(distances)}`);
    expect(distances.length).toBeGreaterThan(3);
    for (const d of distances) expect(d.px, `question ${d.q} (${d.type}): passage ${d.px} px below the question`).toBeLessThanOrEqual(PHONE.height);

    // the first question: the question first, its passage under the prompt, the hand-in button in view
    await page.goto(`${server.url}/attempts/${attemptId}?q=1`);
    await page.getByRole('heading', { name: `Vraag 1 van ${total}` }).waitFor();
    expect(await inFirstScreen(page, '#question-heading')).toBe(true);
    expect(await inFirstScreen(page, 'button.hand-in')).toBe(true);
    await page.screenshot({ path: join(SCREENS, 'phone-runner-question.png') });
    await checkA11y(page, 'phone runner, collapsed article');
    // the whole article: one tap
    const paragraphs = await page.locator('.reader .paragraph-block').count();
    expect(await page.locator('.reader .paragraph-block:visible').count()).toBeLessThan(paragraphs);
    await page.getByRole('button', { name: 'Toon het hele artikel' }).tap();
    await expect.poll(() => page.locator('.reader .paragraph-block:visible').count()).toBe(paragraphs);
    expect(await page.getByRole('button', { name: 'Verberg het artikel' }).getAttribute('aria-expanded')).toBe('true');
    await checkA11y(page, 'phone runner, whole article');
    // reading supports: larger text and the dark theme, remembered on this device, axe clean
    await page.locator('summary', { hasText: 'Leeshulp' }).tap();
    await page.getByRole('button', { name: 'Grotere tekst' }).tap();
    await page.getByRole('button', { name: 'Donker thema' }).tap();
    expect(await page.evaluate(() => [document.documentElement.dataset.theme, document.documentElement.style.fontSize])).toEqual(['dark', '115%']);
    await page.screenshot({ path: join(SCREENS, 'phone-runner-dark.png') });
    await checkA11y(page, 'phone runner, dark theme and larger text');
    await page.reload();
    await page.getByRole('heading', { name: `Vraag 1 van ${total}` }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.dataset.theme, document.documentElement.style.fontSize])).toEqual(['dark', '115%']);
    await page.locator('summary', { hasText: 'Leeshulp' }).tap();
    await page.getByRole('button', { name: 'Donker thema' }).tap();
    await page.getByRole('button', { name: 'Kleinere tekst' }).tap();
    expect(await page.evaluate(() => document.documentElement.dataset.theme ?? 'light')).toBe('light');
    // continuing elsewhere is offered inside the lesson
    await page.locator('summary', { hasText: 'Verder op een ander apparaat' }).tap();
    await page.getByRole('button', { name: 'Maak een persoonlijke code' }).waitFor();

    // a highlight question: sentences tapped in the article itself, no checkbox copy
    const h = attempt.questions.findIndex((q) => q.type === 'highlight');
    expect(h).toBeGreaterThanOrEqual(0);
    await page.goto(`${server.url}/attempts/${attemptId}?q=${h + 1}`);
    await page.getByRole('heading', { name: `Vraag ${h + 1} van ${total}` }).waitFor();
    expect(await page.locator('.question-pane input[type=checkbox]').count()).toBe(0);
    const sentences = page.locator('.reader .sentence[role=button]');
    expect(await sentences.count()).toBeGreaterThan(1);
    await sentences.nth(0).tap();
    await sentences.nth(1).tap();
    await expect.poll(() => page.locator('.reader .sentence[aria-pressed=true]').count()).toBe(2);
    expect(await page.locator('.question-pane').textContent()).toContain('2 zinnen gekozen');
    await sentences.nth(1).tap();
    await expect.poll(() => page.locator('.reader .sentence[aria-pressed=true]').count()).toBe(1);
    // the picture: the question's foot and the chosen sentence in the article under it
    await page.evaluate(`window.scrollTo(0, document.querySelector('.reader-pane').getBoundingClientRect().top + window.scrollY - 330)`);
    await page.screenshot({ path: join(SCREENS, 'phone-runner-highlight.png') });
    await checkA11y(page, 'phone runner, highlight question');
    await page.getByRole('button', { name: 'Controleer' }).tap();
    await page.locator('.question-pane .feedback').waitFor();
    // once checked, the sentences are no longer buttons: the answer stands until "Probeer opnieuw"
    await expect.poll(() => page.locator('.reader .sentence[role=button]').count()).toBe(0);
    await checkA11y(page, 'phone runner, highlight feedback');

    // the same runner at 1280 px: the article beside the question, axe clean
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}/attempts/${attemptId}?q=1`);
    await page.getByRole('heading', { name: `Vraag 1 van ${total}` }).waitFor();
    expect(await page.locator('.reader .paragraph-block:visible').count()).toBe(paragraphs);
    expect(await page.locator('.focus-passage:visible').count()).toBe(0);
    await checkA11y(page, 'runner at 1280 px');
    await page.locator('summary', { hasText: 'Leeshulp' }).click();
    await page.getByRole('button', { name: 'Donker thema' }).click();
    await checkA11y(page, 'runner at 1280 px, dark theme');
    await page.screenshot({ path: join(SCREENS, 'runner-1280-dark.png') });
    await page.getByRole('button', { name: 'Donker thema' }).click();
    await context.close();
  });

  it('resumes at the first open question, shows "2/13" on the catalog and lists the open questions when handing in', async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(`${server.url}/lessons/${lesson.slug}`);
    await page.getByRole('button', { name: 'Toets' }).tap();
    await page.waitForURL(/\/attempts\/[^/?]+\?q=1$/);
    const attemptId = new URL(page.url()).pathname.split('/')[2]!;
    const attempt = await attemptOf(page, attemptId);
    const total = attempt.questions.length;
    // two answers through the API of this learner, then back to the catalog
    for (const q of attempt.questions.slice(0, 2)) {
      const answer = q.type === 'single-choice' ? { optionId: q.options[0]!.id } : q.type === 'order' ? { order: q.items.map((x) => x.id) } : null;
      expect(answer, `question type ${q.type}`).not.toBeNull();
      const status = await page.evaluate(
        ([a, id, body]) => fetch(`/api/attempts/${a}/responses/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answer: body }) }).then((r) => r.status),
        [attemptId, q.id, answer] as const,
      );
      expect(status).toBe(200);
    }
    await page.goto(`${server.url}/`);
    const mine = page.locator('.my-attempts li', { hasText: 'Ga verder' }).first();
    await mine.waitFor();
    expect(await mine.locator('.attempt-progress').textContent()).toBe(`2/${total}`);
    await checkA11y(page, 'catalog with progress at 375 px');
    await mine.getByRole('link').tap();
    await page.getByRole('heading', { name: `Vraag 3 van ${total}` }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('3');

    // handing in: a button in the first screen; the dialog names the open questions and leads to one
    expect(await inFirstScreen(page, 'button.hand-in')).toBe(true);
    await page.locator('button.hand-in').tap();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`${total - 2} vragen nog niet beantwoord`);
    expect(await dialog.getByRole('button', { name: /^Ga naar vraag/ }).count()).toBe(total - 2);
    await checkA11y(page, 'hand-in dialog at 375 px');
    await page.screenshot({ path: join(SCREENS, 'phone-hand-in.png') });
    await dialog.getByRole('button', { name: `Ga naar vraag ${total}` }).tap();
    await page.getByRole('heading', { name: `Vraag ${total} van ${total}` }).waitFor();
    await context.close();
  });

  it("takes a class's student back to Mijn opdrachten after handing in", async () => {
    const teacher = await browser.newContext();
    const api = teacher.request;
    expect((await api.post(`${server.url}/api/auth/register`, { data: { email: `phone-${Date.now()}@school.example`, password: 'herfst-in-de-klas', name: 'Juf Telefoon' } })).status()).toBe(201);
    const klass = (await (await api.post(`${server.url}/api/classes`, { data: { name: 'Klas Telefoon' } })).json()) as { id: string; joinCode: string };
    expect((await api.post(`${server.url}/api/classes/${klass.id}/assignments`, { data: { lessonSlug: lesson.slug, mode: 'test' } })).status()).toBe(201);
    const context = await phone();
    expect((await context.request.post(`${server.url}/api/join`, { data: { joinCode: klass.joinCode, displayName: 'Sam' } })).status()).toBe(201);
    const page = await context.newPage();
    await page.goto(`${server.url}/me`);
    await page.getByRole('button', { name: 'Beginnen' }).tap();
    await page.waitForURL(/\/attempts\/[^/?]+\?q=1$/);
    // a class's student already has a code: the lesson says where to use it
    await page.locator('summary', { hasText: 'Verder op een ander apparaat' }).tap();
    await page.getByRole('link', { name: 'Ga verder met je code' }).waitFor();
    await page.locator('button.hand-in').tap();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, inleveren' }).tap();
    await page.waitForURL(/\/me$/);
    await page.getByRole('heading', { level: 1, name: 'Mijn opdrachten' }).waitFor();
    await teacher.close();
    await context.close();
  });
});
