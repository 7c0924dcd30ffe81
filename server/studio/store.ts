// The studio's rows: articles, lessons with their drafts and publications, and who may see what.
// Only the author reads or changes an article or a draft; another teacher's is answered 404 like
// a missing one. A shared lesson's publications are open to every teacher (assign, copy, export).
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { authoredArticles, authoredLessons, lessonPublications, teachers, type AuthoredArticle, type AuthoredLesson } from '../../db/schema.ts';
import type { ArticleFile, LessonFile } from '../../lessons/format.ts';
import type { StudioOverview } from '../api-types.ts';
import { notFound } from '../errors.ts';

export interface Publication {
  version: string;
  slug: string;
  publishedAt: string;
  lessonFile: LessonFile;
  articleFile: ArticleFile;
}

export async function ownArticle(db: Db, teacherId: string, id: string): Promise<AuthoredArticle & { content: ArticleFile }> {
  const [row] = await db
    .select()
    .from(authoredArticles)
    .where(and(eq(authoredArticles.id, id), eq(authoredArticles.teacherId, teacherId)))
    .limit(1);
  if (!row) throw notFound('There is no such article among yours.');
  return row as AuthoredArticle & { content: ArticleFile };
}

export async function ownLesson(db: Db, teacherId: string, id: string): Promise<AuthoredLesson> {
  const [row] = await db
    .select()
    .from(authoredLessons)
    .where(and(eq(authoredLessons.id, id), eq(authoredLessons.teacherId, teacherId)))
    .limit(1);
  if (!row) throw notFound('There is no such lesson among yours.');
  return row;
}

/** A lesson the teacher wrote, or one a colleague shared and published; else 404. */
export async function visibleLesson(db: Db, teacherId: string, id: string): Promise<{ lesson: AuthoredLesson; own: boolean; latest?: Publication }> {
  const [row] = await db.select().from(authoredLessons).where(eq(authoredLessons.id, id)).limit(1);
  const own = row?.teacherId === teacherId;
  const latest = row ? (await publications(db, row.id))[0] : undefined;
  if (!row || (!own && !(row.shared && latest))) throw notFound('There is no such lesson among yours or your colleagues\' shared ones.');
  return { lesson: row, own, latest };
}

/** A lesson's publications, latest first. */
export async function publications(db: Db, lessonId: string): Promise<Publication[]> {
  const rows = await db.select().from(lessonPublications).where(eq(lessonPublications.lessonId, lessonId)).orderBy(desc(lessonPublications.id));
  return rows.map((r) => ({
    version: r.version,
    slug: r.slug,
    publishedAt: r.publishedAt.toISOString(),
    lessonFile: r.lessonFile as LessonFile,
    articleFile: r.articleFile as ArticleFile,
  }));
}

/** The title of a draft or file, for lists: the first language it has, or the slug. */
export function titleOf(draft: unknown, fallback: string): string {
  const title = (draft as { title?: Record<string, unknown> } | null)?.title;
  const text = title && typeof title === 'object' ? Object.values(title).find((t) => typeof t === 'string' && t.trim()) : undefined;
  return typeof text === 'string' ? text : fallback;
}

export async function overview(db: Db, teacherId: string): Promise<StudioOverview> {
  const articles = await db
    .select({ id: authoredArticles.id, title: authoredArticles.title, updatedAt: authoredArticles.updatedAt })
    .from(authoredArticles)
    .where(eq(authoredArticles.teacherId, teacherId))
    .orderBy(desc(authoredArticles.updatedAt));
  const lessons = await db.select().from(authoredLessons).where(eq(authoredLessons.teacherId, teacherId)).orderBy(desc(authoredLessons.updatedAt));
  const shared = await db
    .select({ lesson: authoredLessons, authorName: teachers.name })
    .from(authoredLessons)
    .innerJoin(teachers, eq(teachers.id, authoredLessons.teacherId))
    .where(and(eq(authoredLessons.shared, true), ne(authoredLessons.teacherId, teacherId)));
  const ids = [...lessons.map((l) => l.id), ...shared.map((s) => s.lesson.id)];
  const pubs = ids.length
    ? await db.select().from(lessonPublications).where(inArray(lessonPublications.lessonId, ids)).orderBy(desc(lessonPublications.id))
    : [];
  const latest = new Map<string, (typeof pubs)[number]>();
  for (const p of pubs) if (!latest.has(p.lessonId)) latest.set(p.lessonId, p);
  return {
    articles: articles.map((a) => ({ id: a.id, title: a.title, updatedAt: a.updatedAt.toISOString() })),
    lessons: lessons.map((l) => {
      const p = latest.get(l.id);
      return {
        id: l.id,
        title: titleOf(l.draft, l.slug),
        articleId: l.articleId,
        status: p ? ('published' as const) : ('draft' as const),
        ...(p ? { version: p.version } : {}),
        slug: l.slug,
        updatedAt: l.updatedAt.toISOString(),
        shared: l.shared,
      };
    }),
    colleagues: shared.flatMap(({ lesson, authorName }) => {
      const p = latest.get(lesson.id);
      return p ? [{ id: lesson.id, title: titleOf(p.lessonFile, lesson.slug), authorName, version: p.version, slug: p.slug }] : [];
    }),
  };
}
