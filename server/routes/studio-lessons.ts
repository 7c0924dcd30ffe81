// The studio's lessons: a draft per lesson (autosaved with a revision, so a save from a stale tab
// is refused 409), checked as `npm run lessons:check` checks files; publish freezes a version in
// lesson_versions (attempts and assignments pin it); sharing with every teacher of this server,
// copies, deletion of the draft, and export as a zip in the repository's format.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { authoredArticles, authoredLessons, lessonPublications } from '../../db/schema.ts';
import { LESSON_MAX_QUESTIONS, checkDraft } from '../../lessons/authoring.ts';
import type { ArticleFile, LessonFile } from '../../lessons/format.ts';
import { factory } from '../env.ts';
import { conflict, invalid, notFound, problem, validate } from '../errors.ts';
import { requireTeacher } from '../guards.ts';
import { fieldErrors, newDraft, withTail } from '../studio/documents.ts';
import { exportZip } from '../studio/files.ts';
import { ownArticle, ownLesson, publications, visibleLesson } from '../studio/store.ts';
import type { Db } from '../../db/client.ts';
import type { LessonStore } from '../lesson-store.ts';

const createBody = z.object({ articleId: z.string().min(1).max(100), starters: z.boolean().optional() });
const draftBody = z.object({
  /** The lesson file as the author is editing it: any shape, checked and answered with problems. */
  draft: z
    .record(z.string(), z.unknown())
    .refine((d) => !Array.isArray(d.questions) || d.questions.length <= LESSON_MAX_QUESTIONS, {
      path: ['questions'],
      message: `a lesson has at most ${LESSON_MAX_QUESTIONS} questions`,
    }),
  revision: z.number().int().min(1),
});
const sharingBody = z.object({ shared: z.boolean() });

/** A slug no built-in or authored lesson has. */
async function freeSlug(db: Db, store: LessonStore, base: string, keep?: string): Promise<string> {
  const taken = async (slug: string) =>
    store.current(slug) !== undefined || (await db.select({ id: authoredLessons.id }).from(authoredLessons).where(eq(authoredLessons.slug, slug)).limit(1)).length > 0;
  if (keep && /^[a-z0-9][a-z0-9-]*$/.test(keep) && keep.length <= 100 && !(await taken(keep))) return keep;
  for (let tries = 0; tries < 8; tries++) {
    const slug = withTail(base);
    if (!(await taken(slug))) return slug;
  }
  throw new Error('could not find a free lesson slug');
}

/** A new lesson of the teacher's: its article (a copy when given a file) and its draft. */
export async function createLesson(
  db: Db,
  store: LessonStore,
  teacherId: string,
  at: Date,
  {
    article,
    articleId,
    draft,
    keep,
  }: {
    article: ArticleFile;
    /** An article of the teacher's to write the lesson about; without it, `article` is copied. */
    articleId?: string;
    draft: (slug: string) => unknown;
    /** An import keeps the file's article id and slug where they are free (same version hash). */
    keep?: { articleId: string; slug: string };
  },
): Promise<{ id: string; articleId: string; slug: string }> {
  let id = articleId;
  if (!id) {
    const free =
      keep !== undefined &&
      !store.list().some((l) => l.articleId === keep.articleId) &&
      (await db.select({ id: authoredArticles.id }).from(authoredArticles).where(eq(authoredArticles.id, keep.articleId)).limit(1)).length === 0;
    id = free ? keep.articleId : withTail(article.title);
    await db.insert(authoredArticles).values({ id, teacherId, title: article.title, content: { ...article, id }, updatedAt: at });
  }
  const lessonSlug = await freeSlug(db, store, article.title, keep?.slug);
  const lessonId = randomUUID();
  await db.insert(authoredLessons).values({ id: lessonId, teacherId, articleId: id, slug: lessonSlug, draft: { ...(draft(lessonSlug) as object), slug: lessonSlug }, updatedAt: at });
  return { id: lessonId, articleId: id, slug: lessonSlug };
}

async function articleOf(db: Db, lesson: { articleId: string }): Promise<ArticleFile> {
  const [row] = await db.select({ content: authoredArticles.content }).from(authoredArticles).where(eq(authoredArticles.id, lesson.articleId)).limit(1);
  if (!row) throw new Error(`article ${lesson.articleId} of a lesson is missing`);
  return row.content as ArticleFile;
}

export const studioLessonRoutes = factory.createApp()
  .post('/', requireTeacher, validate('json', createBody), async (c) => {
    const { articleId, starters } = c.req.valid('json');
    const article = await ownArticle(c.var.db, c.var.teacherId, articleId);
    const { id } = await createLesson(c.var.db, c.var.lessons, c.var.teacherId, c.var.now(), {
      article: article.content,
      articleId: article.id,
      draft: (slug) => newDraft(slug, article.content, starters ?? false),
    });
    return c.json({ id }, 201);
  })
  .get('/:id', requireTeacher, async (c) => {
    const lesson = await ownLesson(c.var.db, c.var.teacherId, c.req.param('id'));
    const article = await articleOf(c.var.db, lesson);
    const { problems } = checkDraft(article, lesson.draft);
    const versions = (await publications(c.var.db, lesson.id)).map(({ version, slug, publishedAt }) => ({ version, slug, publishedAt }));
    return c.json(
      { id: lesson.id, articleId: lesson.articleId, article, draft: lesson.draft as LessonFile, revision: lesson.revision, problems, versions, shared: lesson.shared, slug: lesson.slug },
      200,
    );
  })
  .put('/:id/draft', requireTeacher, validate('json', draftBody), async (c) => {
    const lesson = await ownLesson(c.var.db, c.var.teacherId, c.req.param('id'));
    const { draft, revision } = c.req.valid('json');
    // The slug is the server's: assignments and attempts name the lesson by it.
    const stored = { ...draft, slug: lesson.slug };
    const [saved] = await c.var.db
      .update(authoredLessons)
      .set({ draft: stored, revision: revision + 1, updatedAt: c.var.now() })
      .where(and(eq(authoredLessons.id, lesson.id), eq(authoredLessons.revision, revision)))
      .returning({ revision: authoredLessons.revision });
    if (!saved) throw conflict(`The draft was saved elsewhere (revision ${lesson.revision}, this edit is based on ${revision}). Reload it before saving again.`, 'stale-revision');
    const { problems } = checkDraft(await articleOf(c.var.db, lesson), stored);
    return c.json({ revision: saved.revision, problems }, 200);
  })
  .post('/:id/publish', requireTeacher, async (c) => {
    const { db } = c.var;
    const lesson = await ownLesson(db, c.var.teacherId, c.req.param('id'));
    const article = await articleOf(db, lesson);
    const { problems, lesson: built } = checkDraft(article, lesson.draft);
    if (!built) throw problem(422, `The lesson has ${problems.length} problem(s); nothing with a problem can be published.`, { type: 'lesson-has-problems', errors: fieldErrors(problems), problems });
    const [latest] = await publications(db, lesson.id);
    // Publishing what is already the latest version freezes nothing new.
    if (latest?.version !== built.version) {
      await c.var.lessons.store(built);
      await db.insert(lessonPublications).values({ lessonId: lesson.id, slug: lesson.slug, version: built.version, lessonFile: lesson.draft, articleFile: article });
    }
    return c.json({ version: built.version, slug: built.slug }, 201);
  })
  .put('/:id/sharing', requireTeacher, validate('json', sharingBody), async (c) => {
    const lesson = await ownLesson(c.var.db, c.var.teacherId, c.req.param('id'));
    const { shared } = c.req.valid('json');
    await c.var.db.update(authoredLessons).set({ shared }).where(eq(authoredLessons.id, lesson.id));
    return c.json({ shared }, 200);
  })
  .post('/:id/copy', requireTeacher, async (c) => {
    const { db } = c.var;
    const { lesson, own, latest } = await visibleLesson(db, c.var.teacherId, c.req.param('id'));
    // One's own lesson is copied as it is being edited; a colleague's as they last published it.
    const files = own ? { article: await articleOf(db, lesson), draft: lesson.draft as LessonFile } : { article: latest!.articleFile, draft: latest!.lessonFile };
    const { id } = await createLesson(db, c.var.lessons, c.var.teacherId, c.var.now(), {
      article: files.article,
      draft: (slug) => ({ ...files.draft, slug }),
    });
    return c.json({ id }, 201);
  })
  .delete('/:id', requireTeacher, async (c) => {
    const lesson = await ownLesson(c.var.db, c.var.teacherId, c.req.param('id'));
    // The draft and its list of publications go; the versions stay in lesson_versions, so every
    // assignment and attempt that pins one keeps working.
    await c.var.db.delete(authoredLessons).where(eq(authoredLessons.id, lesson.id));
    return c.body(null, 204);
  })
  .get('/:id/export', requireTeacher, async (c) => {
    const { db } = c.var;
    const { lesson, own, latest } = await visibleLesson(db, c.var.teacherId, c.req.param('id'));
    // The latest publication (what colleagues may use); an author's unpublished draft as it is.
    const files = latest ? { article: latest.articleFile, draft: latest.lessonFile } : own ? { article: await articleOf(db, lesson), draft: lesson.draft as LessonFile } : undefined;
    if (!files) throw notFound('There is no such lesson among yours or your colleagues\' shared ones.');
    const zip = exportZip(files.article, { ...files.draft, slug: lesson.slug });
    return c.body(zip.slice().buffer, 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${lesson.slug}.zip"`,
    });
  });
