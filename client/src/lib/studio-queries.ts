// The studio's reads (router queries) and writes (actions naming the reads they change), as
// lib/queries.ts does for the other pages.
import { action, json, query } from '@solidjs/router';
import { studioApi, type ArticleFields } from './studio-api.ts';

export const getStudio = query(() => studioApi.overview(), 'studio');
export const getStudioArticle = query((id: string) => studioApi.article(id), 'studioArticle');
export const getStudioLesson = query((id: string) => studioApi.lesson(id), 'studioLesson');

function changes<T>(data: T, ...queries: { key: string }[]) {
  return json(data, { revalidate: queries.length ? queries.map((q) => q.key) : ['none'] });
}

export const createArticle = action(async (fields: ArticleFields) => changes(await studioApi.createArticle(fields), getStudio), 'studioCreateArticle');
export const updateArticle = action(
  async (id: string, fields: ArticleFields) => changes(await studioApi.updateArticle(id, fields), getStudio, getStudioArticle),
  'studioUpdateArticle',
);
export const createLesson = action(async (articleId: string, starters: boolean) => changes(await studioApi.createLesson(articleId, starters), getStudio), 'studioCreateLesson');
export const publishLesson = action(async (id: string) => changes(await studioApi.publish(id), getStudio, getStudioLesson), 'studioPublish');
export const shareLesson = action(async (id: string, shared: boolean) => changes(await studioApi.share(id, shared), getStudio, getStudioLesson), 'studioShare');
export const copyLesson = action(async (id: string) => changes(await studioApi.copy(id), getStudio), 'studioCopy');
export const deleteLesson = action(async (id: string) => changes((await studioApi.remove(id)) ?? {}, getStudio), 'studioDelete');
export const importLesson = action(async (zip: Blob) => changes(await studioApi.importZip(zip), getStudio), 'studioImport');
