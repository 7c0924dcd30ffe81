// The studio's articles: a teacher pastes or uploads an article (title, source, credit, licence,
// language, text, hand-set sentence breaks) and reads it back split and analysed. Only the author
// reads or changes it; the limits and the format's rules answer 422 naming the field.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { authoredArticles } from '../../db/schema.ts';
import { ARTICLE_MAX_CHARS, checkArticle } from '../../lessons/authoring.ts';
import { articleFile, type ArticleFile } from '../../lessons/format.ts';
import { factory } from '../env.ts';
import { invalid, validate } from '../errors.ts';
import { requireTeacher } from '../guards.ts';
import { articleView, fieldErrors, withTail } from '../studio/documents.ts';
import { ownArticle } from '../studio/store.ts';

/** The article fields the studio edits: the repository's article format without its id (the
 * server gives one), the licence note required, the text within the studio's limit. */
export const articleBody = articleFile
  .omit({ id: true })
  .extend({
    title: z.string().trim().min(1, 'give the article its title').max(300),
    language: z.enum(['nl', 'en']),
    licence: z.string().trim().min(1, 'say under what terms the text may be used here').max(2000),
    text: z
      .string()
      .refine((t) => t.trim().length > 0, 'paste the article text')
      .refine((t) => t.length <= ARTICLE_MAX_CHARS, `an article has at most ${ARTICLE_MAX_CHARS.toLocaleString('en')} characters`),
  });

/** The article file with its id, checked as the loader checks article.yaml: 422 with the fields. */
export function checkedArticle(id: string, body: z.infer<typeof articleBody>): ArticleFile {
  const file = { ...body, id };
  const { problems } = checkArticle(file);
  if (problems.length) throw invalid('The article has problems.', fieldErrors(problems));
  return file;
}

export const studioArticleRoutes = factory.createApp()
  .post('/', requireTeacher, validate('json', articleBody), async (c) => {
    const body = c.req.valid('json');
    const file = checkedArticle(withTail(body.title), body);
    await c.var.db.insert(authoredArticles).values({ id: file.id, teacherId: c.var.teacherId, title: file.title, content: file, updatedAt: c.var.now() });
    return c.json({ id: file.id }, 201);
  })
  .get('/:id', requireTeacher, async (c) => {
    const row = await ownArticle(c.var.db, c.var.teacherId, c.req.param('id'));
    return c.json(articleView(row.content), 200);
  })
  .put('/:id', requireTeacher, validate('json', articleBody), async (c) => {
    const row = await ownArticle(c.var.db, c.var.teacherId, c.req.param('id'));
    const file = checkedArticle(row.id, c.req.valid('json'));
    await c.var.db.update(authoredArticles).set({ title: file.title, content: file, updatedAt: c.var.now() }).where(eq(authoredArticles.id, row.id));
    return c.json(articleView(file), 200);
  });
