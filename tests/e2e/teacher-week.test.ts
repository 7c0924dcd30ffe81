// The teacher's first week in the browser (issue 14, teacher items): naming, editing, closing and
// deleting an assignment on the class page; the lesson preview with its key; the class projector's
// QR code and live roster; the report's tabs, sorting, sticky total, answers dialog and grade; item
// analysis and the order question's stacked bars; the projector's picked open answers; the live
// view's marks and idle flag. axe-core checks every changed page at 1280 and 375 px.
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AttemptView, ClassView, PublicQuestion } from '../../server/api-types.ts';
import { api, browserSuite, checkA11y, chromiumAvailable, ROOT, SCREENS } from './helpers.ts';

const DOCS = join(ROOT, 'docs');
const LESSON = 'wie-zegt-wat';

function someAnswer(q: PublicQuestion, text: string, variant = 0): unknown {
  switch (q.type) {
    case 'single-choice':
      return { optionId: q.options[variant % q.options.length]!.id };
    case 'multiple-choice':
      return { optionIds: [q.options[variant % q.options.length]!.id] };
    case 'highlight':
      return { sentenceIds: q.focus.slice(0, 1 + (variant % 2)) };
    case 'categorize':
      return { placements: Object.fromEntries(q.items.map((i, n) => [i.id, q.categories[(n + variant) % q.categories.length]!.id])) };
    case 'order':
      return { order: variant % 2 ? [...q.items].reverse().map((i) => i.id) : q.items.map((i) => i.id) };
    case 'match':
      return { pairs: Object.fromEntries(q.left.map((l, n) => [l.id, q.right[(n + variant) % q.right.length]!.id])) };
    case 'scale':
      return { value: Math.min(q.max, q.min + variant) };
    case 'open':
      return { text };
  }
}

/** axe at both widths; the page is left at 1280. */
async function checkBoth(page: Page, label: string) {
  for (const [width, height] of [[375, 812], [1280, 800]] as const) {
    await page.setViewportSize({ width, height });
    await checkA11y(page, `${label} at ${width}px`);
  }
}

async function shoot(page: Page, name: string) {
  for (const [width, height] of [[1280, 800], [375, 812]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(SCREENS, `week-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe.runIf(chromiumAvailable())('the teacher’s first week in the browser', () => {
  const suite = browserSuite();
  let teacher: Page;
  let klass: ClassView;

  beforeAll(async () => {
    teacher = await (await newContext({ bypassCSP: true })).newPage();
    await teacher.goto('/');
    await api(teacher, 'POST', '/api/auth/register', { email: 'week@school.example', password: 'zeven zwanen zwemmen', name: 'Meneer Week' });
    klass = await api<ClassView>(teacher, 'POST', '/api/classes', { name: '2C' });
  }, 120_000);

  function newContext({ bypassCSP = false } = {}): Promise<BrowserContext> {
    return suite.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP, acceptDownloads: true });
  }

  async function joinAs(name: string): Promise<Page> {
    const page = await (await newContext()).newPage();
    await page.goto('/');
    await api(page, 'POST', '/api/join', { joinCode: klass.joinCode, displayName: name });
    return page;
  }

  it('item 9: names, edits, closes and deletes an assignment, saying what happens to the answers; students see the names', async () => {
    await teacher.goto(`/teacher/classes/${klass.id}`);
    await teacher.getByLabel('Les', { exact: true }).selectOption(LESSON);
    // item 10's way in: the preview is offered as soon as a lesson is chosen
    await teacher.getByRole('link', { name: 'Bekijk deze les eerst, met de antwoorden' }).waitFor();
    await teacher.getByLabel('Naam van de opdracht (niet verplicht)').fill('Week 1');
    await teacher.getByRole('button', { name: 'Klaarzetten' }).click();
    await expect.poll(() => teacher.locator('.tw-card-title').first().textContent()).toContain('Week 1');
    await teacher.getByLabel('Les', { exact: true }).selectOption(LESSON);
    await expect.poll(() => teacher.getByText(/Geef deze opdracht een naam/).count()).toBe(1);
    await teacher.getByLabel('Naam van de opdracht (niet verplicht)').fill('Week 2');
    await teacher.getByRole('button', { name: 'Klaarzetten' }).click();
    await expect.poll(() => teacher.locator('.tw-card').count()).toBe(2);

    // The student tells them apart
    const anna = await joinAs('Anna');
    await anna.goto('/me');
    await expect.poll(() => anna.locator('.tw-card-title').allTextContents()).toEqual(expect.arrayContaining(['Week 1', 'Week 2']));

    // Rename and close Week 2
    const week2 = teacher.locator('.tw-card', { hasText: 'Week 2' });
    await week2.getByRole('button', { name: /Bewerken/ }).click();
    await week2.getByLabel('Naam van de opdracht', { exact: true }).fill('Week 2 toets');
    await week2.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => teacher.getByRole('status').filter({ hasText: 'De opdracht is opgeslagen.' }).count()).toBe(1);
    const renamed = teacher.locator('.tw-card', { hasText: 'Week 2 toets' });
    await renamed.getByRole('button', { name: /Bewerken/ }).click();
    expect(await renamed.getByText(/Na sluiten kunnen leerlingen niet meer beginnen/).count()).toBe(1);
    await checkBoth(teacher, 'class page with the editor open');
    await renamed.getByRole('button', { name: 'Opdracht sluiten' }).click();
    await expect.poll(() => renamed.locator('.tw-tag', { hasText: 'gesloten' }).count()).toBe(1);
    await anna.reload();
    await expect.poll(() => anna.locator('.tw-card', { hasText: 'Week 2 toets' }).textContent()).toContain('gesloten');

    // Delete Week 1: the consequences are said before the teacher confirms
    const week1 = teacher.locator('.tw-card', { hasText: 'Week 1' });
    await week1.getByRole('button', { name: /Bewerken/ }).click();
    await week1.getByRole('button', { name: 'Opdracht verwijderen' }).click();
    expect(await week1.getByText(/wist ook alle pogingen, antwoorden en beoordelingen/).count()).toBe(1);
    await checkBoth(teacher, 'class page confirming a delete');
    await week1.getByRole('button', { name: /Ja, verwijder de opdracht/ }).click();
    await expect.poll(() => teacher.locator('.tw-card').count()).toBe(1);
    await expect.poll(() => teacher.getByRole('status').filter({ hasText: /Week 1 is verwijderd/ }).count()).toBe(1);
  });

  it('item 10: the preview shows each question as the student sees it, with the key and explanation', async () => {
    await teacher.goto(`/teacher/lessons/${LESSON}/preview`);
    await teacher.getByRole('heading', { level: 1, name: /bekijken met antwoorden/ }).waitFor();
    const questions = teacher.getByRole('article');
    expect(await questions.count()).toBeGreaterThan(5);
    expect(await questions.first().getByText('Goed antwoord:').count()).toBe(1);
    expect(await questions.first().getByText('Uitleg:').count()).toBe(1);
    await checkBoth(teacher, 'lesson preview');
  });

  it('item 11: the class projector shows a QR code of the join link and who joins, live', async () => {
    await teacher.goto(`/teacher/classes/${klass.id}/projector`);
    const qr = teacher.getByRole('img', { name: /QR-code/ });
    await qr.waitFor();
    expect(await qr.getAttribute('aria-label')).toContain(klass.joinCode);
    await expect.poll(() => teacher.getByRole('heading', { name: /leerling(en)? binnen/ }).textContent()).toBe('1 leerling binnen');
    await joinAs('Bram');
    await expect.poll(() => teacher.getByRole('heading', { name: /leerling(en)? binnen/ }).textContent(), { timeout: 10_000 }).toBe('2 leerlingen binnen');
    expect(await teacher.locator('.tw-joined-list li').allTextContents()).toEqual(['Anna', 'Bram']);
    // The join window: open with the time left; closed, the code stops working; opened again
    await expect.poll(() => teacher.locator('.tw-join-window-state').textContent()).toMatch(/Binnenkomen kan tot \d\d:\d\d\. Nog 1?\d minuten\./);
    await teacher.getByRole('button', { name: 'Nu sluiten' }).click();
    await expect.poll(() => teacher.locator('.tw-join-window-state').textContent()).toContain('Binnenkomen is gesloten');
    const refused = await (await newContext()).newPage();
    await refused.goto('/');
    await expect(api(refused, 'POST', '/api/join', { joinCode: klass.joinCode, displayName: 'Te laat' })).rejects.toThrow(/404/);
    await teacher.getByRole('button', { name: '15 minuten openzetten' }).click();
    await expect.poll(() => teacher.locator('.tw-join-window-state').textContent()).toMatch(/Nog 1[56] minuten\./);
    await checkBoth(teacher, 'class projector');
    // The QR code opens the join page with the code filled in
    const student = await (await newContext()).newPage();
    await student.goto(`/join?code=${encodeURIComponent(klass.joinCode)}`);
    expect(await student.getByRole('textbox', { name: 'Klascode' }).inputValue()).toBe(klass.joinCode);
    await teacher.setViewportSize({ width: 1280, height: 800 });
    await teacher.screenshot({ path: join(DOCS, 'screenshot-class-projector.png') });
    await shoot(teacher, 'class-projector');
  });

  it('items 13-16: the live view marks answers; the report has tabs, sorting, a sticky total, answers in a dialog and a grade; picked open answers go to the projector without names', async () => {
    const a = await api<{ id: string }>(teacher, 'POST', `/api/classes/${klass.id}/assignments`, { lessonSlug: LESSON, mode: 'practice', title: 'Week 3' });
    const names = ['Cato', 'Daan', 'Eva', 'Fenna'];
    for (const [n, name] of names.entries()) {
      const page = await joinAs(name);
      const attempt = await api<AttemptView>(page, 'POST', '/api/attempts', { lessonSlug: LESSON, assignmentId: a.id });
      for (const q of attempt.questions.slice(0, n === 3 ? 3 : undefined)) {
        await api(page, 'PUT', `/api/attempts/${attempt.id}/responses/${q.id}`, { answer: someAnswer(q, `Ik zoek een tweede bron, zegt ${name}.`, n) });
      }
      if (n < 3) await api(page, 'POST', `/api/attempts/${attempt.id}/finish`, {});
    }

    // Live: a mark per question, in words for a screen reader
    await teacher.goto(`/teacher/assignments/${a.id}/live`);
    const fenna = teacher.getByRole('row', { name: /Fenna/ });
    await expect.poll(() => fenna.textContent(), { timeout: 15_000 }).toContain('Vraag 1:');
    expect(await fenna.locator('.tw-mark').count()).toBeGreaterThan(3);
    expect(await fenna.locator('.tw-mark-none').count()).toBeGreaterThan(0);
    expect(await fenna.locator('.tw-mark:not(.tw-mark-none)').count()).toBe(3);
    await checkBoth(teacher, 'live view with marks');

    // The report: tabs by keyboard
    await teacher.goto(`/teacher/assignments/${a.id}`);
    await teacher.getByRole('tablist', { name: 'Onderdelen van het overzicht' }).waitFor();
    const students = teacher.getByRole('tab', { name: 'Leerlingen' });
    expect(await students.getAttribute('aria-selected')).toBe('true');
    await students.focus();
    await teacher.keyboard.press('ArrowRight');
    await expect.poll(() => teacher.getByRole('tab', { name: 'Vaardigheden' }).getAttribute('aria-selected')).toBe('true');
    await teacher.keyboard.press('Home');
    const heat = teacher.getByRole('table', { name: 'Scores per leerling en vraag' });
    await heat.waitFor();

    // Sorting by total, highest first
    const totalHeader = heat.getByRole('columnheader', { name: 'Totaal' });
    await totalHeader.getByRole('button').click();
    expect(await totalHeader.getAttribute('aria-sort')).toBe('descending');
    // One denominator: every total is out of the same number of points
    const totals = await heat.locator('tbody td.tw-sticky-total').allTextContents();
    expect(new Set(totals.flatMap((x) => x.match(/van (\d+)/)?.[1] ?? [])).size).toBe(1);

    // A cell opens the answer with its feedback; Escape closes it
    await heat.getByRole('button', { name: /antwoord van Cato op vraag 1 bekijken/ }).click();
    const dialog = teacher.getByRole('dialog', { name: 'Antwoord van Cato op vraag 1' });
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toMatch(/van 1 punt|Feedback die de leerling krijgt/);
    await checkA11y(teacher, 'report with the answer dialog');
    await teacher.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    // The grade: the norm is the teacher's
    await teacher.getByLabel('Cesuur: punten voor een 5,5').fill('6');
    await teacher.getByRole('button', { name: 'Cijfers tonen' }).click();
    await expect.poll(() => heat.getByRole('columnheader', { name: 'Cijfer' }).count()).toBe(1);

    // On a phone the total and the grade stay in view while the questions scroll
    await teacher.setViewportSize({ width: 375, height: 812 });
    const lastTotal = heat.locator('tbody td.tw-sticky-total').first();
    const box = await lastTotal.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    await teacher.setViewportSize({ width: 1280, height: 800 });
    await checkBoth(teacher, 'report, students tab');
    await teacher.locator('.tw-tabs').screenshot({ path: join(DOCS, 'screenshot-report.png') });
    await shoot(teacher, 'report');
    for (const tab of ['Vaardigheden', 'Vraaganalyse', 'Antwoorden']) {
      await teacher.getByRole('tab', { name: tab }).click();
      await checkBoth(teacher, `report, ${tab} tab`);
    }
    // Item analysis waits for about 10 answers
    await teacher.getByRole('tab', { name: 'Vraaganalyse' }).click();
    expect(await teacher.getByText(/verschijnt vanaf ongeveer 10 antwoorden/).count()).toBe(1);
    // Order questions: one stacked bar per place, items named
    await teacher.getByRole('tab', { name: 'Antwoorden' }).click();
    expect(await teacher.locator('.tw-order-stacks').first().locator('> li').count()).toBeGreaterThan(2);
    await shoot(teacher, 'report-answers');

    // Pick an open answer to discuss; the projector shows it without a name
    await teacher.getByRole('tab', { name: /^Beoordelen/ }).click();
    await checkBoth(teacher, 'report, grading tab');
    const pick = teacher.getByRole('checkbox', { name: /Bespreken op het digibord.*Daan/ });
    await pick.check();
    await expect.poll(() => pick.isChecked()).toBe(true);
    await teacher.goto(`/teacher/assignments/${a.id}/projector`);
    await teacher.getByRole('button', { name: 'Open antwoorden bespreken (1)' }).click();
    await teacher.getByRole('heading', { name: 'Antwoorden om te bespreken' }).waitFor();
    const text = (await teacher.locator('main').textContent()) ?? '';
    expect(text).toContain('Ik zoek een tweede bron, zegt Daan.');
    for (const name of names) expect(text).not.toContain(`>${name}<`);
    expect(await teacher.locator('.tw-answer-text').count()).toBe(1);
    await checkBoth(teacher, 'report projector, discussion');
    await shoot(teacher, 'projector-discussion');
  });
});
