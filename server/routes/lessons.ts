// The catalog: GET /api/lessons and GET /api/lessons/:slug (the lesson and its article, without
// questions: those are only shown inside an attempt, shuffled for it).
import { Hono, type TypedResponse } from 'hono';
import type { Lesson } from '../../lessons/index.ts';
import type { AppEnv } from '../env.ts';
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

// A lesson version never changes and the store's list is fixed at start: serialize each once.
const catalogJson = new WeakMap<readonly Lesson[], string>();
const detailJson = new WeakMap<Lesson, string>();
const JSON_HEADERS = { 'Content-Type': 'application/json' };

export const lessons = new Hono<AppEnv>()
  .get('/lessons', (c) => {
    const list = c.var.lessons.list();
    let json = catalogJson.get(list);
    if (json === undefined) {
      json = JSON.stringify({ lessons: list.map(lessonSummary) });
      catalogJson.set(list, json);
    }
    return c.body(json, 200, JSON_HEADERS) as unknown as TypedResponse<{ lessons: LessonSummary[] }, 200, 'json'>;
  })
  .get('/lessons/:slug', (c) => {
    const lesson = c.var.lessons.current(c.req.param('slug'));
    if (!lesson) throw notFound(`There is no lesson '${c.req.param('slug')}'.`);
    let json = detailJson.get(lesson);
    if (json === undefined) {
      json = JSON.stringify(lessonDetail(lesson));
      detailJson.set(lesson, json);
    }
    return c.body(json, 200, JSON_HEADERS) as unknown as TypedResponse<LessonDetail, 200, 'json'>;
  });
