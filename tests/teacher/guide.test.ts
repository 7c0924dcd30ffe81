// The teaching material over the API: the context card in every lesson's detail (for learners),
// the guide only for teachers, and the route as an ordinary lesson in the catalog.
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { LessonDetail, LessonGuideView, LessonSummary } from '../../server/api-types.ts';
import { Browser, testServer, type TestServer } from '../api/helpers.ts';
import { registerTeacher } from './helpers.ts';

let server: TestServer;
beforeEach(async () => {
  server = await testServer();
});
afterEach(() => server.close());

test('every lesson detail carries the context card; the catalog is in lesson order with the route last', async () => {
  const anon = new Browser(server);
  const { lessons }: { lessons: LessonSummary[] } = await (await anon.get('/api/lessons')).json();
  expect(lessons.map((l) => l.slug)).toEqual(['wie-zegt-wat', 'hoe-zeker', 'welk-bewijs', 'lees-verder', 'in-een-lesuur']);
  for (const { slug } of lessons) {
    const detail: LessonDetail = await (await anon.get(`/api/lessons/${slug}`)).json();
    expect(detail.article.contextCard?.paragraphs.length).toBeGreaterThan(0);
    expect(JSON.stringify(detail)).not.toContain('"guide"');
  }
});

test('the guide is for teachers only and covers every question of the lesson', async () => {
  const anon = new Browser(server);
  expect((await anon.get('/api/lessons/hoe-zeker/guide')).status).toBe(401);
  const { browser: teacher } = await registerTeacher(server);
  const res = await teacher.get('/api/lessons/hoe-zeker/guide');
  expect(res.status).toBe(200);
  const view: LessonGuideView = await res.json();
  expect(view.guide.answers.map((a) => a.question).sort()).toEqual(view.questions.map((q) => q.id).sort());
  expect(view.guide.plan.reduce((n, p) => n + p.minutes, 0)).toBe(50);
  expect(view.guide.balance?.nl).toMatch(/^Politieke balans/);
  const missing = await teacher.get('/api/lessons/nope/guide');
  expect(missing.status).toBe(404);
  expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
});
