// The studio through the API: an article and a draft only their author sees, autosave with
// revisions, limits answered 422 at the field, publish refused with problems and freezing a
// version when clean, assignment like a built-in lesson (attempts keep their version when the
// lesson is edited), sharing and copies, deletion, and the export/import round trip.
import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AttemptView, ClassView, LessonDetail, Problem, StudioArticleView, StudioOverview } from '../../server/api-types.ts';
import { Browser, count, testServer, type TestServer } from '../api/helpers.ts';
import { createClass, del, joinClass, registerTeacher } from './helpers.ts';
import { articleFields, createArticle, createDraft, fixtureDraft, publishFixture, sendRaw } from './studio-helpers.ts';

let server: TestServer;
let anna: Browser;
let bram: Browser;
beforeEach(async () => {
  server = await testServer();
  anna = (await registerTeacher(server, 'anna@school.nl', 'Juf Anna')).browser;
  bram = (await registerTeacher(server, 'bram@school.nl', 'Meester Bram')).browser;
});
afterEach(() => server.close());

type LessonView = { draft: Record<string, any>; revision: number; problems: { path: (string | number)[]; message: string }[]; versions: { version: string }[]; slug: string; shared: boolean };
const lessonView = async (b: Browser, id: string) => (await (await b.get(`/api/studio/lessons/${id}`)).json()) as LessonView;

describe('articles', () => {
  test('an article is stored with its split and analysis, for its author only', async () => {
    const id = await createArticle(anna);
    const res = await anna.get(`/api/studio/articles/${id}`);
    expect(res.status).toBe(200);
    const view = (await res.json()) as StudioArticleView;
    expect(view.article.id).toBe(id);
    expect(view.sentences.length).toBeGreaterThan(15);
    expect(view.sentences[0]!.id).toMatch(/^s-[0-9a-f]{8}$/);
    expect(view.analysis.sources.map((s) => s.name)).toContain('New York Times');
    expect((await bram.get(`/api/studio/articles/${id}`)).status).toBe(404);
    expect((await bram.put(`/api/studio/articles/${id}`, articleFields())).status).toBe(404);
    expect((await new Browser(server).get(`/api/studio/articles/${id}`)).status).toBe(401);
  });

  test('a sentence break set by hand is kept and served', async () => {
    const fields = articleFields();
    const id = await createArticle(anna, fields);
    const at = fields.text.indexOf('die zegt dat Chinese');
    const res = await anna.put(`/api/studio/articles/${id}`, { ...fields, boundaries: { split: [at] } });
    expect(res.status).toBe(200);
    const view = (await res.json()) as StudioArticleView;
    expect(view.sentences.find((s) => s.start === at)?.text).toMatch(/^die zegt dat Chinese/);
  });

  test('bad input answers 422 naming the field, and changes nothing', async () => {
    const before = await count(server, 'authored_articles');
    const { licence: _l, ...noLicence } = articleFields();
    const cases: [Record<string, unknown>, string][] = [
      [noLicence, 'licence'],
      [{ ...articleFields(), text: 'Een zin. '.repeat(2300) }, 'text'],
      [{ ...articleFields(), source: { ...articleFields().source, url: 'geen url' } }, 'source.url'],
      [{ ...articleFields(), title: '' }, 'title'],
      [{ ...articleFields(), translations: { en: { title: 'T', paragraphs: ['one'] } } }, 'translations'],
    ];
    for (const [body, path] of cases) {
      const res = await anna.post('/api/studio/articles', body);
      expect(res.status, path).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(((await res.json()) as Problem).errors!.map((e) => e.path), path).toContain(path);
    }
    expect(await count(server, 'authored_articles')).toBe(before);
  });
});

describe('drafts', () => {
  test('autosave raises the revision; a stale revision is refused 409 and changes nothing', async () => {
    const { id, revision } = await createDraft(anna, await createArticle(anna), true);
    const draft = (await lessonView(anna, id)).draft;
    expect(draft.questions.length).toBeGreaterThan(3);
    const first = await anna.put(`/api/studio/lessons/${id}/draft`, { draft: { ...draft, minutes: 20 }, revision });
    expect(first.status).toBe(200);
    expect(((await first.json()) as { revision: number }).revision).toBe(revision + 1);
    const stale = await anna.put(`/api/studio/lessons/${id}/draft`, { draft: { ...draft, minutes: 30 }, revision });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as Problem).type).toBe('/problems/stale-revision');
    const after = await lessonView(anna, id);
    expect(after.draft.minutes).toBe(20);
    expect(after.revision).toBe(revision + 1);
  });

  test('problems come back at their paths; the slug stays the server\'s', async () => {
    const { id, revision, slug } = await createDraft(anna, await createArticle(anna));
    const draft: Record<string, any> = { ...fixtureDraft(), slug: 'een-andere-slug' };
    draft.questions[2].prompt = { nl: 'Alleen Nederlands' };
    const res = await anna.put(`/api/studio/lessons/${id}/draft`, { draft, revision });
    const { problems } = (await res.json()) as LessonView;
    expect(problems).toContainEqual({ path: ['lesson', 'questions', 2, 'prompt', 'en'], message: 'questions.2.prompt.en: missing English translation' });
    expect((await lessonView(anna, id)).draft.slug).toBe(slug);
  });

  test('60 questions at most: 422 at draft.questions, nothing saved', async () => {
    const { id, revision } = await createDraft(anna, await createArticle(anna));
    const d = fixtureDraft();
    const questions = Array.from({ length: 61 }, (_, i) => ({ ...d.questions[0], id: `q${i}` }));
    const res = await anna.put(`/api/studio/lessons/${id}/draft`, { draft: { ...d, questions }, revision });
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).errors!.map((e) => e.path)).toContain('draft.questions');
    expect((await lessonView(anna, id)).revision).toBe(revision);
  });

  test('drafts are invisible to other teachers and to students, and not in the catalog', async () => {
    const { id, slug, revision } = await createDraft(anna, await createArticle(anna));
    const klass = await createClass(anna);
    const { browser: student } = await joinClass(server, klass.joinCode, 'Sam');
    for (const [b, status] of [[bram, 404], [student, 401], [new Browser(server), 401]] as const) {
      expect((await b.get(`/api/studio/lessons/${id}`)).status).toBe(status);
      expect((await b.put(`/api/studio/lessons/${id}/draft`, { draft: fixtureDraft(), revision })).status).toBe(status);
      expect((await b.post(`/api/studio/lessons/${id}/publish`)).status).toBe(status);
      expect((await b.post(`/api/studio/lessons/${id}/copy`)).status).toBe(status);
      expect((await b.get(`/api/studio/lessons/${id}/export`)).status).toBe(status);
      expect((await b.request('DELETE', `/api/studio/lessons/${id}`)).status).toBe(status);
    }
    for (const b of [anna, bram, student]) expect((await b.get(`/api/lessons/${slug}`)).status).toBe(404);
    const overview = (await (await bram.get('/api/studio')).json()) as StudioOverview;
    expect(overview).toEqual({ articles: [], lessons: [], colleagues: [] });
    await publishFixture(anna, id, revision);
    const catalog = (await (await student.get('/api/lessons')).json()) as { lessons: { slug: string }[] };
    expect(catalog.lessons.map((l) => l.slug)).not.toContain(slug);
    expect((await student.get(`/api/lessons/${slug}`)).status).toBe(404);
    expect((await new Browser(server).post('/api/attempts', { lessonSlug: slug, mode: 'practice' })).status).toBeGreaterThanOrEqual(400);
  });
});

describe('publishing and assigning', () => {
  test('publish is refused with the problems, and publishes the fixed draft as a version', async () => {
    const { id, revision } = await createDraft(anna, await createArticle(anna));
    const refused = await anna.post(`/api/studio/lessons/${id}/publish`);
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as Problem;
    expect(body.type).toBe('/problems/lesson-has-problems');
    expect(body.problems!.length).toBeGreaterThan(0);
    expect(body.errors!.map((e) => e.path)).toContain('lesson.summary.nl');
    expect(await count(server, 'lesson_publications')).toBe(0);
    const { version, slug } = await publishFixture(anna, id, revision);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect((await lessonView(anna, id)).versions.map((v) => v.version)).toEqual([version]);
    expect(await count(server, 'lesson_versions', 'version = ? AND slug = ?', [version, slug])).toBe(1);
  });

  test('a published lesson is assigned like a built-in one; editing makes a new version and attempts keep theirs', async () => {
    const { id, revision } = await createDraft(anna, await createArticle(anna));
    const first = await publishFixture(anna, id, revision);
    const klass: ClassView = await createClass(anna);
    const assigned = await anna.post(`/api/classes/${klass.id}/assignments`, { lessonSlug: first.slug, mode: 'practice' });
    expect(assigned.status).toBe(201);
    const assignment = (await assigned.json()) as { id: string; lessonVersion: string };
    expect(assignment.lessonVersion).toBe(first.version);

    const { browser: student } = await joinClass(server, klass.joinCode, 'Sam');
    const detail = await student.get(`/api/lessons/${first.slug}`);
    expect(detail.status).toBe(200);
    expect(((await detail.json()) as LessonDetail).version).toBe(first.version);
    const started = await student.post('/api/attempts', { lessonSlug: first.slug, assignmentId: assignment.id });
    expect(started.status).toBe(201);
    const attempt = (await started.json()) as AttemptView;
    expect(attempt.questions).toHaveLength(8);
    const q = attempt.questions.find((x) => x.type === 'single-choice')!;
    if (q.type !== 'single-choice') throw new Error('single-choice expected');
    expect((await student.put(`/api/attempts/${attempt.id}/responses/${q.id}`, { answer: { optionId: q.options[0]!.id } })).status).toBe(200);

    // The author edits and publishes again: a new version; the attempt keeps the first.
    const second = await publishFixture(anna, id, first.revision, (d) => (d.minutes = 20));
    expect(second.version).not.toBe(first.version);
    expect(second.slug).toBe(first.slug);
    const again = (await (await student.get(`/api/attempts/${attempt.id}`)).json()) as AttemptView;
    expect(again.lessonVersion).toBe(first.version);
    expect(((await (await student.get(`/api/lessons/${first.slug}`)).json()) as LessonDetail).version).toBe(first.version);
    const later = (await (await anna.post(`/api/classes/${klass.id}/assignments`, { lessonSlug: first.slug, mode: 'test' })).json()) as { lessonVersion: string };
    expect(later.lessonVersion).toBe(second.version);

    const report = await anna.get(`/api/assignments/${assignment.id}/report`);
    expect(report.status).toBe(200);
    expect(JSON.stringify(await report.json())).toContain('Sam');
  });

  test('another teacher assigns it only once it is shared, and may copy it then', async () => {
    const { id, revision } = await createDraft(anna, await createArticle(anna));
    const { slug, version } = await publishFixture(anna, id, revision);
    const klass = await createClass(bram, '4C');
    const assign = () => bram.post(`/api/classes/${klass.id}/assignments`, { lessonSlug: slug, mode: 'practice' });
    expect((await assign()).status).toBe(422);
    expect((await bram.post(`/api/studio/lessons/${id}/copy`)).status).toBe(404);
    expect((await bram.get(`/api/lessons/${slug}`)).status).toBe(404);

    const shared = await anna.put(`/api/studio/lessons/${id}/sharing`, { shared: true });
    expect(await shared.json()).toEqual({ shared: true });
    expect((await assign()).status).toBe(201);
    expect((await bram.get(`/api/lessons/${slug}`)).status).toBe(200);
    const overview = (await (await bram.get('/api/studio')).json()) as StudioOverview;
    expect(overview.colleagues).toEqual([{ id, title: 'Wie zegt dat eigenlijk?', authorName: 'Juf Anna', version, slug }]);

    const copy = await bram.post(`/api/studio/lessons/${id}/copy`);
    expect(copy.status).toBe(201);
    const copyId = ((await copy.json()) as { id: string }).id;
    const mine = await lessonView(bram, copyId);
    expect(mine.slug).not.toBe(slug);
    expect(mine.problems).toEqual([]);
    expect(mine.draft.questions).toEqual(fixtureDraft().questions.map((q: Record<string, unknown>) => expect.objectContaining({ id: q.id })));
    // The copy is Bram's: Anna cannot read it, and Bram still cannot edit Anna's.
    expect((await anna.get(`/api/studio/lessons/${copyId}`)).status).toBe(404);
    expect((await bram.put(`/api/studio/lessons/${id}/draft`, { draft: fixtureDraft(), revision: 1 })).status).toBe(404);
    expect((await bram.put(`/api/studio/lessons/${id}/sharing`, { shared: false })).status).toBe(404);
  });

  test('deleting a lesson keeps its versions: attempts and reports go on', async () => {
    const { id, revision } = await createDraft(anna, await createArticle(anna));
    const { slug } = await publishFixture(anna, id, revision);
    const klass = await createClass(anna);
    const assignment = (await (await anna.post(`/api/classes/${klass.id}/assignments`, { lessonSlug: slug, mode: 'practice' })).json()) as { id: string };
    const { browser: student } = await joinClass(server, klass.joinCode, 'Sam');
    const attempt = (await (await student.post('/api/attempts', { lessonSlug: slug, assignmentId: assignment.id })).json()) as AttemptView;
    expect((await del(anna, `/api/studio/lessons/${id}`)).status).toBe(204);
    expect((await anna.get(`/api/studio/lessons/${id}`)).status).toBe(404);
    expect((await student.get(`/api/attempts/${attempt.id}`)).status).toBe(200);
    expect((await student.post(`/api/attempts/${attempt.id}/finish`)).status).toBe(200);
    expect((await anna.get(`/api/assignments/${assignment.id}/report`)).status).toBe(200);
  });
});

describe('export and import', () => {
  test('export then import gives the same version hash; import keeps ids where they are free', async () => {
    const { id, revision } = await createDraft(anna, await createArticle(anna));
    const { version, slug } = await publishFixture(anna, id, revision);
    const res = await anna.get(`/api/studio/lessons/${id}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const zip = new Uint8Array(await res.arrayBuffer());
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(['article.yaml', `${slug}.yaml`].sort());

    // On another server, where the ids are free: the same lesson, the same version.
    const other = await testServer();
    try {
      const carla = (await registerTeacher(other, 'carla@school.nl', 'Juf Carla')).browser;
      const imported = await sendRaw(other, carla, 'POST', '/api/studio/import', zip);
      expect(imported.status, await imported.clone().text()).toBe(201);
      const { id: newId, version: importedVersion } = (await imported.json()) as { id: string; version: string };
      expect(importedVersion).toBe(version);
      const republished = await carla.post(`/api/studio/lessons/${newId}/publish`);
      expect(((await republished.json()) as { version: string }).version).toBe(version);
    } finally {
      other.close();
    }
    // On this server the slug is taken: a new one, and so a new version.
    const here = await sendRaw(server, bram, 'POST', '/api/studio/import', zip);
    expect(here.status).toBe(201);
    const answer = (await here.json()) as { id: string; version: string };
    const copy = await lessonView(bram, answer.id);
    expect(copy.slug).not.toBe(slug);
    expect(copy.problems).toEqual([]);
    expect(answer.version).not.toBe(version);
    expect(((await (await bram.post(`/api/studio/lessons/${answer.id}/publish`)).json()) as { version: string }).version).toBe(answer.version);
  });

  test('import names the file and line of each problem and stores nothing', async () => {
    const id = await createArticle(anna);
    const { id: lessonId, revision } = await createDraft(anna, id);
    await publishFixture(anna, lessonId, revision);
    const files = unzipSync(new Uint8Array(await (await anna.get(`/api/studio/lessons/${lessonId}/export`)).arrayBuffer()));
    const lessonName = Object.keys(files).find((n) => n !== 'article.yaml')!;
    const text = strFromU8(files[lessonName]!).replace('exact: anoniem aan de krant', 'exact: anoniem aan de redactie');
    const line = text.split('\n').findIndex((l) => l.includes('anoniem aan de redactie')) + 1;
    const before = await count(server, 'authored_lessons');
    const res = await sendRaw(server, anna, 'POST', '/api/studio/import', zipSync({ 'article.yaml': files['article.yaml']!, [lessonName]: strToU8(text) }));
    expect(res.status).toBe(422);
    const body = (await res.json()) as Problem;
    expect(body.problems).toEqual([{ file: lessonName, line, message: expect.stringContaining('quote not found') }]);
    expect(body.errors).toEqual([{ path: `${lessonName}:${line}`, message: expect.stringContaining('quote not found') }]);
    expect(await count(server, 'authored_lessons')).toBe(before);

    for (const [bytes, message] of [
      [strToU8('geen zip'), 'not a zip'],
      [zipSync({ 'les.yaml': files[lessonName]! }), 'no article.yaml'],
      // 2 MiB of zeros packs into a few KiB: refused by its declared size, before inflating.
      [zipSync({ 'article.yaml': new Uint8Array(2 * 1024 * 1024), [lessonName]: files[lessonName]! }), 'larger than 1024 KiB'],
      [zipSync({ 'article.yaml': files['article.yaml']!, [lessonName]: files[lessonName]!, 'ander.yaml': files[lessonName]! }), 'import one at a time'],
      [zipSync({ 'article.yaml': strToU8('title: [kapot') , [lessonName]: files[lessonName]! }), ''],
    ] as const) {
      const bad = await sendRaw(server, anna, 'POST', '/api/studio/import', bytes);
      expect(bad.status).toBe(422);
      expect(JSON.stringify(await bad.json())).toContain(message);
    }
    expect((await anna.post('/api/studio/import', { zip: 'no' })).status).toBe(415);
    // As a form field, the way a file input uploads it.
    const form = new FormData();
    form.append('file', new Blob([zipSync({ 'article.yaml': files['article.yaml']!, [lessonName]: strToU8(text) })]), 'les.zip');
    const cookie = [...anna.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const viaForm = await server.app.request('http://localhost/api/studio/import', { method: 'POST', body: form, headers: { Cookie: cookie } });
    expect(viaForm.status).toBe(422);
    expect(((await viaForm.json()) as Problem).problems).toHaveLength(1);
    expect(await count(server, 'authored_lessons')).toBe(before);
  });
});
