// The teacher's path through a lesson in the browser: register, create a class, assign a lesson;
// two students join in their own browsers and work; the teacher watches the live view change,
// grades an open answer, releases feedback and downloads the CSV. axe-core checks every teacher page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadLessons } from '../../lessons/index.ts';
import type { AttemptView } from '../../server/api-types.ts';
import { api, browserSuite, someAnswer, checkA11y, chromiumAvailable, SCREENS } from './helpers.ts';

const LESSON = 'wie-zegt-wat';
/** What the lesson's open question is worth: full marks on every criterion give all of it. */
const OPEN_POINTS = loadLessons().lessons.find((l) => l.slug === LESSON)!.questions.find((q) => q.type === 'open')!.points;

/** Screenshots at 1280x800 and 375x812: the top of the page, the whole page, and some parts close up. */
async function shoot(page: Page, name: string, parts: string[]) {
  for (const [width, height] of [
    [1280, 800],
    [375, 812],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(SCREENS, `${name}-${width}.png`) });
    await page.screenshot({ path: join(SCREENS, `${name}-${width}-full.png`), fullPage: true });
    for (const part of parts) {
      const slug = part.replace(/[^a-z]+/g, '');
      await page.locator(part).first().screenshot({ path: join(SCREENS, `${name}-${width}-${slug}.png`) });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe.runIf(chromiumAvailable())('teacher in the browser', () => {
  const suite = browserSuite();

  /** bypassCSP only where axe-core must be injected (checkA11y adds it as a script tag); students run under the real CSP. */
  function newContext({ bypassCSP = false } = {}): Promise<BrowserContext> {
    return suite.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, bypassCSP });
  }

  /** A student joins with the code as typed (any case, dash or not), notes the resume code and starts the assignment. */
  async function studentJoinsAndStarts(joinCode: string, name: string): Promise<{ page: Page; attempt: AttemptView }> {
    const page = await (await newContext()).newPage();
    await page.goto('/join');
    await page.getByRole('textbox', { name: 'Klascode' }).fill(joinCode);
    await page.getByRole('textbox', { name: 'Je naam in de klas' }).fill(name);
    await page.getByRole('button', { name: 'Binnengaan' }).click();
    await expect.poll(() => page.locator('.tw-resume-code').textContent()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await page.getByRole('link', { name: 'Naar mijn opdrachten' }).click();
    await page.getByRole('button', { name: 'Beginnen' }).click();
    await page.waitForURL(/\/attempts\/[^/]+$/);
    const attemptId = new URL(page.url()).pathname.split('/')[2]!;
    return { page, attempt: await api<AttemptView>(page, 'GET', `/api/attempts/${attemptId}`) };
  }

  async function answer(page: Page, attempt: AttemptView, count: number, openText: string) {
    for (const q of attempt.questions.slice(0, count)) {
      await api(page, 'PUT', `/api/attempts/${attempt.id}/responses/${q.id}`, { answer: someAnswer(q, openText) });
    }
  }

  it('runs a lesson with a class from the teacher’s side', async () => {
    const teacher = await (await newContext({ bypassCSP: true })).newPage();

    // Register
    await teacher.goto('/teacher');
    await teacher.getByRole('heading', { name: 'Inloggen' }).waitFor();
    await checkA11y(teacher, 'login');
    await teacher.getByRole('button', { name: 'Account maken' }).click();
    await expect.poll(() => teacher.getByText(/Minstens 8 tekens/).count()).toBe(1);
    await teacher.getByLabel('Naam', { exact: true }).fill('Mevrouw De Vries');
    await teacher.getByLabel('E-mailadres').fill('devries@school.example');
    await teacher.getByLabel('Wachtwoord').fill('kort');
    await teacher.getByRole('button', { name: 'Account maken' }).first().click();
    await expect.poll(() => teacher.getByRole('alert').textContent()).toContain('minstens 8 tekens');
    await checkA11y(teacher, 'register with an error');
    await teacher.getByLabel('Wachtwoord').fill('zeven zwanen zwemmen');
    await teacher.getByRole('button', { name: 'Account maken' }).first().click();
    await teacher.waitForURL('**/teacher/classes');

    // Create a class
    await teacher.getByRole('heading', { name: 'Mijn klassen' }).waitFor();
    await checkA11y(teacher, 'classes');
    await teacher.getByLabel('Naam van de klas').fill('2B mediawijsheid');
    await teacher.getByRole('button', { name: 'Maken' }).click();
    await teacher.waitForURL(/\/teacher\/classes\/[^/]+$/);
    const classUrl = teacher.url();
    const joinCode = (await teacher.locator('.tw-join-code').textContent())!.trim();
    expect(joinCode).toMatch(/^[A-Z0-9]+-[A-Z0-9]+$/);

    // Assign a lesson in test mode, feedback released by hand
    await teacher.getByLabel('Les', { exact: true }).selectOption(LESSON);
    await teacher.getByRole('radio', { name: /Toets/ }).check();
    await teacher.getByRole('radio', { name: 'Pas als ik hem vrijgeef' }).check();
    await teacher.getByRole('button', { name: 'Klaarzetten' }).click();
    await expect.poll(() => teacher.getByRole('status').filter({ hasText: 'De les staat klaar.' }).count()).toBe(1);
    // The form is reset and focus moves to the new assignment, whose card names its mode, dates and release policy
    await expect.poll(() => teacher.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^tw-assignment-/);
    expect(await teacher.getByLabel('Les', { exact: true }).inputValue()).toBe('');
    expect(await teacher.locator('.tw-card').first().textContent()).toContain('Uitleg pas na vrijgeven');
    // Choosing the same lesson again warns but does not block
    await teacher.getByLabel('Les', { exact: true }).selectOption(LESSON);
    await expect.poll(() => teacher.getByText(/staat al klaar voor deze klas/).count()).toBe(1);
    await teacher.getByLabel('Les', { exact: true }).selectOption('');
    await checkA11y(teacher, 'class');
    await teacher.getByRole('link', { name: 'Toon op het digibord' }).click();
    await teacher.locator('.tw-code-stage-code').waitFor();
    expect(await teacher.locator('.tw-code-stage-code').textContent()).toBe(joinCode);
    await checkA11y(teacher, 'class projector');
    await teacher.goto(classUrl);
    await teacher.getByRole('link', { name: 'Live' }).click();
    await teacher.waitForURL(/\/teacher\/assignments\/[^/]+\/live$/);
    const assignmentId = new URL(teacher.url()).pathname.split('/')[3]!;
    await expect.poll(() => teacher.getByText('Verbonden: deze pagina werkt zichzelf bij.').count()).toBe(1);

    // Two students join (one types the code in small letters without the dash) and start
    const anna = await studentJoinsAndStarts(joinCode.toLowerCase().replace('-', ''), 'Anna');
    const annaRow = teacher.getByRole('row', { name: /Anna/ });
    await expect.poll(() => annaRow.textContent(), { timeout: 15_000 }).toContain('bezig');
    const bram = await studentJoinsAndStarts(joinCode, 'Bram');
    const bramRow = teacher.getByRole('row', { name: /Bram/ });
    await expect.poll(() => bramRow.textContent(), { timeout: 15_000 }).toContain('bezig');

    // They work; the live view follows, and says it politely
    const total = anna.attempt.questions.length;
    await answer(anna.page, anna.attempt, total, 'Ik zoek het oorspronkelijke interview op en kijk wie de anonieme bron kan zijn.');
    await api(anna.page, 'POST', `/api/attempts/${anna.attempt.id}/finish`, {});
    await answer(bram.page, bram.attempt, 3, 'Ik weet het niet.');
    await expect.poll(() => annaRow.textContent(), { timeout: 15_000 }).toContain('klaar');
    await expect.poll(() => bramRow.textContent(), { timeout: 15_000 }).toContain(`3 van ${total} beantwoord`);
    expect(await teacher.locator('[aria-live="polite"]').textContent()).toContain('2 van 2 begonnen, 1 klaar.');
    await checkA11y(teacher, 'live');
    await shoot(teacher, 'live', []);

    // The report: heat map, and Anna's open answer to grade
    await teacher.goto(`/teacher/assignments/${assignmentId}`);
    const heatMap = teacher.getByRole('table', { name: 'Scores per leerling en vraag' });
    await heatMap.waitFor();
    const annaHeat = heatMap.getByRole('row', { name: /Anna/ });
    expect(await annaHeat.textContent()).toContain('nog te beoordelen');
    await checkA11y(teacher, 'report');
    // The report is in tabs: grading has its own
    await teacher.getByRole('tab', { name: /^Beoordelen/ }).click();
    const grading = teacher.getByRole('article', { name: 'Antwoord van Anna' });
    // A level per rubric criterion; the points follow from them
    const top = grading.getByRole('radio', { name: /^Niveau 3/ });
    for (let i = 0; i < (await top.count()); i++) await top.nth(i).check();
    await expect.poll(() => grading.getByText(new RegExp(`^Uitkomst: ${OPEN_POINTS} van ${OPEN_POINTS} punt(en)?$`)).count()).toBe(1);
    await grading.getByRole('textbox').fill('Goed dat je het interview zoekt. Noem ook waar.');
    await grading.getByRole('button', { name: 'Beoordeling opslaan' }).click();
    await expect.poll(() => grading.getByRole('status').textContent()).toMatch(new RegExp(`^Opgeslagen: ${OPEN_POINTS} van \\d+ punten\\.$`));
    // The score updates: the cell is no longer waiting for a grade
    await teacher.getByRole('tab', { name: 'Leerlingen' }).click();
    await expect.poll(() => annaHeat.textContent()).not.toContain('nog te beoordelen');
    await teacher.getByRole('tab', { name: /^Beoordelen/ }).click();
    expect(await teacher.getByText(/1 van 1 beoordeeld/).count()).toBe(1);

    // Release feedback: below the grading, after an inline confirmation
    expect(await teacher.getByText(/1 van 1 open antwoorden beoordeeld · 1 leerling nog bezig/).count()).toBe(1);
    await teacher.getByRole('button', { name: 'Uitleg en scores vrijgeven' }).click();
    await teacher.getByRole('button', { name: 'Ja, vrijgeven' }).click();
    await expect.poll(() => teacher.getByText(/Uitleg vrijgegeven op/).count()).toBe(1);
    await checkA11y(teacher, 'report after grading');
    await shoot(teacher, 'report', ['.tw-grade-item']);
    for (const [tab, part] of [['Leerlingen', '.tw-heat-map'], ['Vaardigheden', '#tw-skills'], ['Vraaganalyse', '#tw-items'], ['Antwoorden', '.tw-distribution']] as const) {
      await teacher.getByRole('tab', { name: tab }).click();
      await shoot(teacher, `report-${tab.toLowerCase()}`, [part]);
    }

    // CSV: Excel's Dutch default (BOM, semicolons) and the comma version
    const [excel] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('link', { name: /Spreadsheet voor Excel/ }).click()]);
    const excelText = readFileSync((await excel.path())!, 'utf8');
    expect(excelText.charCodeAt(0)).toBe(0xfeff);
    const excelHeader = excelText.slice(1).split(/\r?\n/)[0]!;
    expect(excelHeader.split(';').length).toBeGreaterThan(3);
    expect(excelHeader.startsWith('Naam;Status;Punten;Maximum;V1: ')).toBe(true);
    expect(excelText).toContain('Anna');
    expect(excelText).toContain('Bram');
    const [comma] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('link', { name: /CSV met komma/ }).click()]);
    const commaText = readFileSync((await comma.path())!, 'utf8');
    // Headers carry the question text, quoted where it holds the separator: count fields, not separators.
    const fields = (line: string, sep: string) => line.match(new RegExp(`("(?:[^"]|"")*"|[^${sep}"]*)(?:${sep}|$)`, 'g'))!.length - 1;
    expect(fields(commaText.split(/\r?\n/)[0]!, ',')).toBe(fields(excelHeader, ';'));

    // The projector view: distributions, no names
    await teacher.getByRole('link', { name: /Digibordweergave/ }).click();
    await teacher.getByRole('heading', { level: 1, name: /zo antwoordde de klas/ }).waitFor();
    await expect.poll(() => teacher.getByRole('heading', { level: 2, name: /Vraag 1 van \d+/ }).count()).toBeGreaterThan(0);
    const projectorText = (await teacher.locator('main').textContent()) ?? '';
    expect(projectorText).not.toContain('Anna');
    expect(projectorText).not.toContain('Bram');
    // One question per screen: arrow keys and buttons move on; the correct answer waits for the teacher
    await teacher.keyboard.press('ArrowRight');
    await expect.poll(() => teacher.getByRole('heading', { level: 2, name: /Vraag 2 van/ }).count()).toBe(1);
    expect(await teacher.locator('.tw-tag-correct').count()).toBe(0);
    await teacher.getByRole('button', { name: 'Toon juiste antwoord' }).click();
    await expect.poll(() => teacher.locator('.tw-tag-correct').count()).toBeGreaterThan(0);
    await teacher.getByRole('button', { name: /Vorige/ }).click();
    await expect.poll(() => teacher.getByRole('heading', { level: 2, name: /Vraag 1 van/ }).count()).toBe(1);
    await checkA11y(teacher, 'report projector');
    await teacher.screenshot({ path: join(SCREENS, 'projector-1280.png'), fullPage: true });

    // The lesson's teacher's guide: answers, sample answers, discussion, the balance note; printable
    await teacher.goto(`/teacher/lessons/${LESSON}/guide`);
    await teacher.getByRole('heading', { level: 1, name: /^Docentenhandleiding: / }).waitFor();
    for (const name of ['Lesplan', 'Antwoorden en veelgemaakte fouten', 'Beoordeelde voorbeeldantwoorden', 'Gespreksvragen voor de klas', 'Politieke balans']) {
      await teacher.getByRole('heading', { level: 2, name }).waitFor();
    }
    expect(await teacher.getByRole('article').count()).toBe(loadLessons().lessons.find((l) => l.slug === LESSON)!.questions.length);
    await checkA11y(teacher, 'guide');
    await teacher.screenshot({ path: join(SCREENS, 'guide-1280.png'), fullPage: true });
  });
});
