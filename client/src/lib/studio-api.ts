// The studio's calls to /api/studio, on the same typed client as lib/api.ts, in a module of its
// own so only the studio's pages load them.
import type { InferResponseType } from 'hono/client';
import { client, unwrap } from './api.ts';

const enc = encodeURIComponent;
const id = (value: string) => ({ param: { id: enc(value) } });
const studio = client.studio;

export type StudioLesson = InferResponseType<(typeof studio.lessons)[':id']['$get'], 200>;
export type ArticleFields = Parameters<typeof studio.articles.$post>[0]['json'];
export type LessonDraftBody = Parameters<(typeof studio.lessons)[':id']['draft']['$put']>[0]['json'];

export const studioApi = {
  overview: () => unwrap(studio.$get()),
  createArticle: (fields: ArticleFields) => unwrap(studio.articles.$post({ json: fields })),
  article: (articleId: string) => unwrap(studio.articles[':id'].$get(id(articleId))),
  updateArticle: (articleId: string, fields: ArticleFields) => unwrap(studio.articles[':id'].$put({ ...id(articleId), json: fields })),
  createLesson: (articleId: string, starters: boolean) => unwrap(studio.lessons.$post({ json: { articleId, ...(starters ? { starters: true } : {}) } })),
  lesson: (lessonId: string) => unwrap(studio.lessons[':id'].$get(id(lessonId))),
  saveDraft: (lessonId: string, draft: LessonDraftBody['draft'], revision: number) =>
    unwrap(studio.lessons[':id'].draft.$put({ ...id(lessonId), json: { draft, revision } })),
  publish: (lessonId: string) => unwrap(studio.lessons[':id'].publish.$post(id(lessonId))),
  share: (lessonId: string, shared: boolean) => unwrap(studio.lessons[':id'].sharing.$put({ ...id(lessonId), json: { shared } })),
  copy: (lessonId: string) => unwrap(studio.lessons[':id'].copy.$post(id(lessonId))),
  remove: (lessonId: string) => unwrap(studio.lessons[':id'].$delete(id(lessonId))),
  exportUrl: (lessonId: string) => studio.lessons[':id'].export.$path(id(lessonId)),
  /** The zip as the request body; 422 answers carry `problems: [{ file, line, message }]`. */
  importZip: (zip: Blob) =>
    unwrap(
      studio.import.$post(undefined, {
        init: { body: zip, headers: { 'Content-Type': 'application/zip' } },
      }),
    ),
};
