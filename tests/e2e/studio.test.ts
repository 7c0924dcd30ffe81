// The studio in the browser (issue 10): a teacher pastes an article, fixes one sentence split, writes
// one question of each of the eight types with every quote chosen by keyboard, meets a checker
// problem at its field and fixes it, previews the lesson as a student, publishes it and assigns it
// to a class; a student takes it and the report shows it. axe checks every studio page at desktop
// and phone width.
import { readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AttemptView } from '../../server/api-types.ts';
import { api, browserSuite, someAnswer, checkA11y, chromiumAvailable, SCREENS } from './helpers.ts';

/** Written for this test (no real article): a dateline, a semicolon the author splits at, an
 * attribution after the claim, a named and an unnamed source, a hedge, a prediction, numbers. */
const ARTICLE = [
  'UTRECHT (ANP) - Het kabinet wil volgend jaar 1.200 banen schrappen bij de Belastingdienst. Dat meldt de Volkskrant op basis van ingewijden. Volgens minister Jansen zullen de meeste banen via natuurlijk verloop verdwijnen; gedwongen ontslagen zouden een uitzondering zijn.',
  'Vakbond FNV reageert woedend. „Dit is een klap in het gezicht van de medewerkers”, zegt woordvoerder M. de Vries. Een anonieme bron bij de dienst zegt dat er mogelijk nog meer banen verdwijnen.',
  'Het ministerie wilde niet reageren op de berichten. Een besluit volgt naar verwachting in juni.',
].join('\n\n');

/** The sentences after the author split the third one at the semicolon. */
const S = {
  dateline: 0,
  volkskrant: 1,
  minister: 2,
  forced: 3,
  fnv: 4,
  quote: 5,
  anonymous: 6,
  ministry: 7,
  june: 8,
};

/** axe at desktop and phone width, and a screenshot of each. */
async function checkBothWidths(page: Page, name: string) {
  for (const [width, height] of [
    [1280, 800],
    [375, 812],
  ] as const) {
    await page.setViewportSize({ width, height });
    await checkA11y(page, `${name} at ${width}px`);
    await page.screenshot({ path: join(SCREENS, `studio-${name}-${width}.png`), fullPage: width === 375 ? false : true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe.runIf(chromiumAvailable())('the studio in the browser', () => {
  const suite = browserSuite();

  async function newPage({ bypassCSP = false } = {}): Promise<Page> {
    return (await suite.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, bypassCSP })).newPage();
  }

  it('a teacher writes, checks, previews, publishes and assigns a lesson; a student takes it; the report shows it', async () => {
    const teacher = await newPage({ bypassCSP: true });
    const kb = teacher.keyboard;

    // An account and a class
    await teacher.goto('/teacher');
    await teacher.getByRole('button', { name: 'Account maken' }).click();
    await teacher.getByLabel('Naam', { exact: true }).fill('Meneer Bakker');
    await teacher.getByLabel('E-mailadres').fill('bakker@school.example');
    await teacher.getByLabel('Wachtwoord').fill('vijf vrolijke vissen');
    await teacher.getByRole('button', { name: 'Account maken' }).first().click();
    await teacher.waitForURL('**/teacher/classes');
    await teacher.getByLabel('Naam van de klas').fill('3H burgerschap');
    await teacher.getByRole('button', { name: 'Maken' }).click();
    await teacher.waitForURL(/\/teacher\/classes\/[^/]+$/);
    const classUrl = teacher.url();
    const joinCode = (await teacher.locator('.tw-join-code').textContent())!.trim();

    // The studio, from the teacher's bar
    await teacher.getByRole('link', { name: 'Lessen maken' }).click();
    await teacher.getByRole('heading', { level: 1, name: 'Lessen maken' }).waitFor();
    await checkBothWidths(teacher, 'home');

    // A new article: paste, metadata (the licence note is required), then the split
    await teacher.getByRole('link', { name: 'Nieuw artikel' }).click();
    await teacher.getByRole('heading', { level: 1, name: 'Nieuw artikel' }).waitFor();
    await checkBothWidths(teacher, 'article-new');
    await teacher.getByLabel('Tekst van het artikel').fill(ARTICLE);
    await teacher.getByLabel('Titel', { exact: true }).fill('Kabinet schrapt 1.200 banen bij Belastingdienst');
    await teacher.getByLabel('Bron', { exact: true }).fill('ANP');
    await teacher.getByLabel('Datum').fill('2025-03-14');
    await teacher.getByLabel('Adres (URL)').fill('https://example.org/nieuws/banen');
    await teacher.getByLabel('Vermelding (Nederlands)').fill('Geschreven voor de test van Bronwijs');
    await teacher.getByRole('button', { name: 'Artikel opslaan' }).click();
    await expect.poll(() => teacher.getByRole('alert').first().textContent()).toContain('licentie');
    expect(await teacher.getByLabel('Licentie en toestemming').getAttribute('aria-invalid')).toBe('true');
    await teacher.getByLabel('Licentie en toestemming').fill('Eigen tekst, vrij te gebruiken in de klas (CC BY 4.0).');

    // Fix one split: the minister's sentence is two statements; split at "gedwongen" with the keyboard
    const sentences = teacher.locator('.st-sentence-text');
    await expect.poll(() => sentences.count()).toBe(8);
    await teacher.getByRole('button', { name: 'Splitsen zin 3' }).focus();
    await kb.press('Enter');
    const splitBox = teacher.getByRole('textbox', { name: 'Waar splitsen? (zin 3)' });
    await expect.poll(() => splitBox.evaluate((el) => el === document.activeElement)).toBe(true);
    const sentence3 = await splitBox.inputValue();
    for (let i = 0; i < sentence3.indexOf('gedwongen'); i++) await kb.press('ArrowRight');
    await kb.press('Enter');
    await expect.poll(() => sentences.count()).toBe(9);
    expect(await sentences.nth(S.forced).textContent()).toMatch(/^gedwongen ontslagen/);
    await checkBothWidths(teacher, 'article-split');
    await teacher.getByRole('button', { name: 'Artikel opslaan' }).click();
    await expect.poll(() => teacher.getByText('Het artikel is opgeslagen.').count()).toBe(1);
    await teacher.waitForURL(/\/teacher\/studio\/articles\/[^/]+$/);

    // A lesson on it, Dutch only, written from scratch
    await teacher.getByLabel('Begin met vraagvoorstellen uit de analyse').uncheck();
    await teacher.getByRole('button', { name: 'Les maken' }).click();
    await teacher.waitForURL(/\/teacher\/studio\/lessons\/[^/]+$/);
    const editorUrl = teacher.url();
    await teacher.getByRole('checkbox', { name: 'Engels' }).uncheck();
    await teacher.getByLabel('Titel', { exact: true }).fill('Wie zegt dat er banen verdwijnen?');
    await teacher.getByLabel('Samenvatting').fill('Je zoekt uit wie wat beweert over de banen bij de Belastingdienst, en hoe zeker dat is.');
    await teacher.getByRole('button', { name: 'Leerdoel toevoegen' }).click();
    await teacher.getByLabel('Leerdoel 1', { exact: true }).fill('Je herkent een bron zonder naam.');
    await teacher.getByLabel('Minuten').fill('25');

    /** Adds a question of a type and gives back its region. */
    async function addQuestion(type: string, n: number): Promise<Locator> {
      await teacher.getByLabel('Soort vraag').selectOption({ label: type });
      await teacher.getByRole('button', { name: 'Vraag toevoegen' }).click();
      const region = teacher.getByRole('region', { name: `Vraag ${n} · ${type}` });
      await region.waitFor();
      return region;
    }
    /** Chooses sentences in the article for a quote field, by keyboard only. */
    async function pick(region: Locator, field: string, indexes: number[]) {
      await region.getByRole('button', { name: new RegExp(`^Kies in het artikel\\s*: ${field}`) }).first().focus();
      await kb.press('Enter');
      const list = teacher.getByRole('listbox');
      await expect.poll(() => list.evaluate((el) => el === document.activeElement)).toBe(true);
      let at = 0;
      for (const index of indexes) {
        while (at < index) await kb.press('ArrowDown'), at++;
        await kb.press('Space');
      }
      await kb.press('Enter');
      await expect.poll(() => teacher.getByRole('listbox').count()).toBe(0);
    }
    async function common(region: Locator, prompt: string, explanation: string | null, cites: number[]) {
      await region.getByLabel('Vraag', { exact: true }).fill(prompt);
      if (explanation) await region.getByLabel('Uitleg bij het antwoord').fill(explanation);
      await pick(region, 'Zinnen waar de uitleg naar wijst', cites);
    }
    async function outcomes(region: Locator) {
      await region.getByLabel('Helemaal goed').fill('Precies: je keek naar wie het zegt.');
      await region.getByLabel('Niet goed').fill('Kijk nog eens naar wie in de zin aan het woord is.');
    }

    // 1. single choice
    let q = await addQuestion('Eén antwoord kiezen', 1);
    await common(q, 'Wie brengt het nieuws over de banen naar buiten?', 'De tweede zin zegt dat de Volkskrant het meldt.', [S.volkskrant]);
    for (const [i, text] of ['De Volkskrant', 'Minister Jansen', 'Vakbond FNV'].entries()) await q.getByLabel(`Tekst van antwoord ${i + 1}`).fill(text);
    await q.getByRole('radio', { name: 'Antwoord 1 is goed' }).check();
    await q.getByLabel('Misvatting die dit antwoord laat zien').nth(1).selectOption('attribution-as-endorsement');

    // 2. multiple choice
    q = await addQuestion('Meer antwoorden kiezen', 2);
    await common(q, 'Welke bronnen noemt het artikel met naam?', 'Jansen en De Vries worden bij naam genoemd; de ingewijden en de anonieme bron niet.', [S.minister, S.quote]);
    for (const [i, text] of ['Minister Jansen', 'M. de Vries', 'Ingewijden', 'Een anonieme bron'].entries()) await q.getByLabel(`Tekst van antwoord ${i + 1}`).fill(text);
    await q.getByRole('checkbox', { name: 'Antwoord 1 is goed' }).check();
    await q.getByRole('checkbox', { name: 'Antwoord 2 is goed' }).check();

    // 3. highlight: the key chosen in the article by keyboard
    q = await addQuestion('Zinnen aanwijzen', 3);
    await common(q, 'Wijs de zinnen aan die op een bron zonder naam rusten.', 'Ingewijden en een anonieme bron hebben geen naam.', [S.volkskrant, S.anonymous]);
    await pick(q, 'Zinnen die leerlingen moeten aanwijzen', [S.volkskrant, S.anonymous]);
    await outcomes(q);

    // 4. categorize
    q = await addQuestion('Indelen', 4);
    await common(q, 'Is het een feit, een bewering, een mening of een voorspelling?', 'Een reactie weigeren is te controleren; een klap in het gezicht is een oordeel; juni ligt in de toekomst.', [S.quote, S.ministry, S.june]);
    const statements = ['Het ministerie wilde niet reageren.', 'Dit is een klap in het gezicht van de medewerkers.', 'Een besluit volgt in juni.'];
    for (const [i, text] of statements.entries()) await q.getByLabel(`Tekst van uitspraak ${i + 1}`).fill(text);
    for (const [i, category] of ['Feit', 'Mening', 'Voorspelling'].entries()) await q.getByLabel(`${i + 1}. ${statements[i]}`).selectOption({ label: `${['Feit', 'Bewering', 'Mening', 'Voorspelling'].indexOf(category) + 1}. ${category}` });
    await outcomes(q);

    // 5. order: the chain of sources, written in the right order
    q = await addQuestion('Volgorde', 5);
    await common(q, 'Zet de bronnen in volgorde: van wie hoorde de lezer het, uiteindelijk?', 'Ingewijden vertelden het de Volkskrant; het ANP nam het over.', [S.volkskrant]);
    for (const [i, text] of ['Ingewijden', 'De Volkskrant', 'Het ANP'].entries()) await q.getByLabel(`Tekst van stap ${i + 1}`).fill(text);
    await outcomes(q);

    // 6. match
    q = await addQuestion('Koppelen', 6);
    await common(q, 'Wie zegt wat?', 'De krant meldt het schrappen; de vakbond noemt het een klap.', [S.volkskrant, S.quote]);
    await q.getByLabel('Tekst van bewering 1').fill('Er verdwijnen 1.200 banen.');
    await q.getByLabel('Tekst van bewering 2').fill('Het is een klap in het gezicht.');
    for (const [i, text] of ['De Volkskrant', 'Vakbond FNV', 'Het ministerie'].entries()) await q.getByLabel(`Naam van bron ${i + 1}`).fill(text);
    await q.getByLabel('1. Er verdwijnen 1.200 banen.').selectOption({ label: '1. De Volkskrant' });
    await q.getByLabel('2. Het is een klap in het gezicht.').selectOption({ label: '2. Vakbond FNV' });
    await outcomes(q);

    // 7. scale
    q = await addQuestion('Schaal', 7);
    await common(q, 'Hoe sterk is het bewijs dat er 1.200 banen verdwijnen?', 'Eén krant, op basis van ingewijden, en het ministerie reageert niet: redelijk, niet sterk.', [S.volkskrant, S.ministry]);
    for (const [v, text] of ['zwak', 'redelijk', 'sterk', 'zeer sterk'].entries()) await q.getByLabel(`Waarde ${v + 1}`, { exact: true }).fill(text);
    await q.getByLabel('Van', { exact: true }).first().fill('2');
    await q.getByLabel('Tot en met', { exact: true }).first().fill('2');
    await q.getByRole('group', { name: 'Gebied 1' }).getByLabel('Feedback').fill('Kijk naar hoeveel bronnen er zijn, en of ze een naam hebben.').catch(async () => {
      await q.getByLabel('Feedback').last().fill('Kijk naar hoeveel bronnen er zijn, en of ze een naam hebben.');
    });

    // 8. open, with a rubric; its explanation is left out on purpose
    q = await addQuestion('Open vraag', 8);
    await common(q, 'Wat zou je controleren voordat je dit doorvertelt? Leg uit waarom.', null, [S.volkskrant, S.anonymous]);
    await q.getByLabel('Voorbeeldantwoord', { exact: true }).fill('Ik zoek of andere media het bevestigen met een bron met naam, en wat het ministerie later zegt.');
    await q.getByLabel('Criterium 1: wat wordt beoordeeld').fill('Noemt een controle die bij deze bron past');
    for (let level = 0; level < 4; level++) {
      const group = q.getByRole('group', { name: `Niveau ${level}` });
      await group.getByLabel('Omschrijving').fill(['Geen controle', 'Een vage controle', 'Een passende controle', 'Een passende controle met reden'][level]!);
      await group.getByLabel('Voorbeeldantwoord op dit niveau').fill(['Ik geloof het wel.', 'Even googelen.', 'Kijken of de NOS het ook meldt.', 'Kijken of de NOS het ook meldt, want één krant met ingewijden is weinig.'][level]!);
    }
    await checkBothWidths(teacher, 'lesson-editor');

    // The checker: one problem left, at question 8's explanation; publishing waits for it
    const problems = teacher.getByRole('region', { name: /Nog 1 ding te doen/ });
    await expect.poll(() => problems.count(), { timeout: 10_000 }).toBe(1);
    expect(await teacher.getByRole('button', { name: 'Publiceren' }).isDisabled()).toBe(true);
    const link = problems.getByRole('link');
    expect(await link.textContent()).toMatch(/Vraag 8 › Uitleg/);
    await link.click();
    const explanation8 = teacher.getByRole('region', { name: /^Vraag 8/ }).getByLabel('Uitleg bij het antwoord');
    await expect.poll(() => explanation8.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await explanation8.getAttribute('aria-invalid')).toBe('true');
    await kb.type('Eén krant met ingewijden is nog geen bevestiging: zoek een tweede bron met naam.');
    await expect.poll(() => teacher.getByRole('heading', { name: /Klaar om te publiceren/ }).count(), { timeout: 10_000 }).toBe(1);
    expect(await explanation8.getAttribute('aria-invalid')).toBeNull();
    await expect.poll(() => teacher.locator('.st-save').textContent(), { timeout: 10_000 }).toContain('Opgeslagen');

    // The draft survives a reload
    await teacher.reload();
    await teacher.getByRole('region', { name: /^Vraag 8/ }).waitFor();
    expect(await teacher.getByRole('region', { name: /^Vraag 8/ }).getByLabel('Uitleg bij het antwoord').inputValue()).toContain('tweede bron');

    // Preview as a student: practice (feedback at once), then test (feedback after handing in)
    await teacher.getByRole('button', { name: 'Bekijk als leerling' }).click();
    await teacher.waitForURL(/\/preview$/);
    await teacher.getByRole('heading', { level: 2, name: 'Vraag 1 van 8' }).waitFor();
    await teacher.getByRole('radio', { name: 'De Volkskrant' }).check();
    await teacher.getByRole('button', { name: 'Controleer' }).click();
    await expect.poll(() => teacher.locator('.feedback').textContent()).toContain('Goed');
    await checkBothWidths(teacher, 'preview');
    await teacher.getByRole('radio', { name: /Toets/ }).check();
    await teacher.getByRole('radio', { name: 'De Volkskrant' }).check();
    expect(await teacher.locator('.feedback').count()).toBe(0);
    await teacher.getByRole('button', { name: 'Inleveren' }).click();
    await expect.poll(() => teacher.locator('.st-score').textContent()).toMatch(/van \d+ punten/);

    // Publish
    await teacher.goto(editorUrl);
    await teacher.getByRole('button', { name: 'Publiceren' }).click();
    await expect.poll(() => teacher.getByText(/Gepubliceerd als versie/).count(), { timeout: 10_000 }).toBe(1);

    // Export it, and import it again: a new lesson of the teacher's. A broken copy names file and line.
    const [download] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('link', { name: 'Exporteren (zip)' }).click()]);
    const exported = readFileSync((await download.path())!);
    const files = unzipSync(new Uint8Array(exported));
    const lessonFile = Object.keys(files).find((name) => name !== 'article.yaml')!;
    expect(Object.keys(files).sort()).toEqual(['article.yaml', lessonFile].sort());
    const zipPath = join(SCREENS, 'studio-export.zip');
    writeFileSync(zipPath, exported);
    const broken = strFromU8(files[lessonFile]!).replace('exact: Dat meldt de Volkskrant op basis van ingewijden.', 'exact: Dat meldt de Telegraaf.');
    expect(broken).not.toBe(strFromU8(files[lessonFile]!));
    const brokenPath = join(SCREENS, 'studio-broken.zip');
    writeFileSync(brokenPath, zipSync({ 'article.yaml': files['article.yaml']!, [lessonFile]: strToU8(broken) }));
    await teacher.goto('/teacher/studio');
    await teacher.getByLabel('Zip-bestand').setInputFiles(brokenPath);
    await teacher.getByRole('button', { name: 'Importeren' }).click();
    await expect.poll(() => teacher.locator('.st-import-problems').textContent()).toMatch(new RegExp(`${lessonFile.replace('.', '\\.')}:\\d+`));
    await checkA11y(teacher, 'import with problems');
    await teacher.getByLabel('Zip-bestand').setInputFiles(zipPath);
    await teacher.getByRole('button', { name: 'Importeren' }).click();
    await teacher.waitForURL((url) => /\/teacher\/studio\/lessons\/[^/]+$/.test(url.pathname) && url.href !== editorUrl);
    await teacher.getByRole('region', { name: /^Vraag 8/ }).waitFor();

    // Assign it to the class, like a built-in lesson
    await teacher.goto(classUrl);
    const lessonSelect = teacher.getByLabel('Les', { exact: true });
    await lessonSelect.selectOption({ label: 'Wie zegt dat er banen verdwijnen?' });
    await teacher.getByRole('button', { name: 'Klaarzetten' }).click();
    await expect.poll(() => teacher.getByRole('status').filter({ hasText: 'De les staat klaar.' }).count()).toBe(1);

    // A student takes it
    const student = await newPage();
    await student.goto('/join');
    await student.getByRole('textbox', { name: 'Klascode' }).fill(joinCode);
    await student.getByRole('textbox', { name: 'Je naam in de klas' }).fill('Sanne');
    await student.getByRole('button', { name: 'Binnengaan' }).click();
    await student.getByRole('link', { name: 'Naar mijn opdrachten' }).click();
    await student.getByRole('button', { name: 'Beginnen' }).click();
    await student.waitForURL(/\/attempts\/[^/]+$/);
    const attemptId = new URL(student.url()).pathname.split('/')[2]!;
    const attempt = await api<AttemptView>(student, 'GET', `/api/attempts/${attemptId}`);
    expect(attempt.questions).toHaveLength(8);
    // the runner shows the authored article, split as the author fixed it
    await student.getByText('Dat meldt de Volkskrant op basis van ingewijden.').first().waitFor();
    await student.getByText(/^gedwongen ontslagen zouden een uitzondering zijn\.$/).first().waitFor();
    for (const question of attempt.questions) await api(student, 'PUT', `/api/attempts/${attemptId}/responses/${question.id}`, { answer: someAnswer(question, 'Ik zoek wie de ingewijden zijn en lees het bericht van de Volkskrant zelf.') });
    await api(student, 'POST', `/api/attempts/${attemptId}/finish`, {});

    // The report shows her
    await teacher.goto(classUrl);
    await teacher.getByRole('link', { name: /^Overzicht/ }).first().click();
    const heatMap = teacher.getByRole('table', { name: 'Scores per leerling en vraag' });
    await heatMap.waitFor();
    expect(await heatMap.getByRole('row', { name: /Sanne/ }).count()).toBe(1);
  });
});
