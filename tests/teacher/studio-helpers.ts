// Helpers for the studio suites: the fixture article and lesson as the studio sends them, and a
// teacher with an article and a lesson draft made through the API.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { VALID_DIR } from '../../lessons/test-fixtures/fixture.ts';
import type { Browser, TestServer } from '../api/helpers.ts';

const read = (name: string) => parse(readFileSync(join(VALID_DIR, 'trump-iphone', name), 'utf8')) as Record<string, any>;

/** The fixture article's fields as the studio posts them: no id, with a licence note. */
export function articleFields(): Record<string, any> {
  const { id: _id, ...fields } = read('article.yaml');
  return { ...fields, licence: 'Geciteerd voor onderwijs (citaatrecht, Auteurswet art. 15a).' };
}

/** The fixture lesson file: one question of each type about the article. */
export const fixtureDraft = (): Record<string, any> => read('bronnen.yaml');

export async function createArticle(teacher: Browser, fields = articleFields()): Promise<string> {
  const res = await teacher.post('/api/studio/articles', fields);
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

export async function createDraft(teacher: Browser, articleId: string, starters = false): Promise<{ id: string; slug: string; revision: number }> {
  const res = await teacher.post('/api/studio/lessons', { articleId, starters });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  const view = (await (await teacher.get(`/api/studio/lessons/${id}`)).json()) as { slug: string; revision: number };
  return { id, slug: view.slug, revision: view.revision };
}

/** Save the fixture lesson as the draft and publish it: the published version and slug. */
export async function publishFixture(teacher: Browser, lessonId: string, revision: number, edit: (d: Record<string, any>) => void = () => {}) {
  const draft = fixtureDraft();
  edit(draft);
  const saved = await teacher.put(`/api/studio/lessons/${lessonId}/draft`, { draft, revision });
  expect(saved.status, await saved.clone().text()).toBe(200);
  const published = await teacher.post(`/api/studio/lessons/${lessonId}/publish`);
  expect(published.status, await published.clone().text()).toBe(201);
  return { ...((await published.json()) as { version: string; slug: string }), revision: ((await saved.json()) as { revision: number }).revision };
}

/** A request with a raw body (a zip) and the browser's cookies. */
export function sendRaw(server: TestServer, browser: Browser, method: string, path: string, body: Uint8Array, type = 'application/zip'): Promise<Response> {
  const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return Promise.resolve(server.app.request(`http://localhost${path}`, { method, headers: { 'Content-Type': type, Cookie: cookie }, body: new Blob([body.slice()]) }));
}
