// The catalog: GET /api/lessons and GET /api/lessons/:slug (the lesson and its article, without
// questions: those are only shown inside an attempt, shuffled for it).
import { Hono } from 'hono';
import type { Lesson } from '../../lessons/index.ts';
import type { AppEnv } from '../app.ts';
import type { LessonDetail, LessonSummary } from '../api-types.ts';
import { notFound } from '../errors.ts';

export function lessonSummary(lesson: Lesson): LessonSummary {
  return {
    slug: lesson.slug,
    title: lesson.title,
    summary: lesson.summary,
    language: lesson.article.language,
    minutes: lesson.minutes,
    skills: lesson.skills,
    questionCount: lesson.questions.length,
  };
}

export function lessonDetail(lesson: Lesson): LessonDetail {
  const { article } = lesson;
  const translations = Object.entries(article.translations ?? {});
  return {
    ...lessonSummary(lesson),
    version: lesson.version,
    goals: lesson.goals,
    article: {
      title: article.title,
      language: article.language,
      source: article.source,
      credit: article.credit,
      paragraphs: article.paragraphs,
    },
    ...(translations.length ? { translation: Object.fromEntries(translations) } : {}),
  };
}

export const lessons = new Hono<AppEnv>()
  .get('/lessons', (c) => c.json({ lessons: c.var.lessons.list().map(lessonSummary) }, 200))
  .get('/lessons/:slug', (c) => {
    const lesson = c.var.lessons.current(c.req.param('slug'));
    if (!lesson) throw notFound(`There is no lesson '${c.req.param('slug')}'.`);
    return c.json(lessonDetail(lesson), 200);
  });
