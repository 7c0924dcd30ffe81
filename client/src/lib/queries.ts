// Cached reads shared by pages (router `query`): the catalog and a lesson rarely change while a
// page is open, and the intro, runner and results all need the same lesson.
import { query } from '@solidjs/router';
import { api } from './api.ts';

export const getLessons = query(() => api.lessons(), 'lessons');
export const getLesson = query((slug: string) => api.lesson(slug), 'lesson');

export function preloadLesson(slug: string): void {
  void getLesson(slug).catch(() => {
    /* the page shows the error when it reads the lesson itself */
  });
}
