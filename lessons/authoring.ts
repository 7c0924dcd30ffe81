// The studio's checker: the checks of `npm run lessons:check` (lessons/build.ts, the loader's own
// code) on an article and a lesson draft held as data, with each problem's path into them
// (['lesson', 'questions', 3, 'prompt', 'en'], ['article', 'title']), plus the studio's limits.
// Pure: the studio runs it in the browser as the author types, the server on save and publish.
import { articleFrom, checkLessonFile, lessonFrom, type PathProblem } from './build.ts';
import type { ArticleFile, LessonFile, TeacherNotes } from './format.ts';
import type { Article, Lesson } from './model.ts';

/** Limits on what a teacher writes in the studio. */
export const ARTICLE_MAX_CHARS = 20_000;
export const LESSON_MAX_QUESTIONS = 60;

export type DraftProblem = PathProblem;

const under = (prefix: string, problems: readonly PathProblem[]): DraftProblem[] => problems.map((p) => ({ path: [prefix, ...p.path], message: p.message }));

/** An article as the studio holds it: valid in the repository format, with a licence note and
 * at most ARTICLE_MAX_CHARS characters of text. Paths are into the article itself. */
export function checkArticle(data: unknown): { problems: DraftProblem[]; file?: ArticleFile; article?: Article; notes?: TeacherNotes } {
  const limits: DraftProblem[] = [];
  const given = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  if (typeof given.text === 'string' && given.text.length > ARTICLE_MAX_CHARS) {
    limits.push({ path: ['text'], message: `text: an article has at most ${ARTICLE_MAX_CHARS.toLocaleString('en')} characters, this one ${given.text.length.toLocaleString('en')}` });
  }
  if (typeof given.licence !== 'string' || !given.licence.trim()) {
    limits.push({ path: ['licence'], message: 'licence: missing licence: say under what terms the text may be used here' });
  }
  const result = articleFrom(data);
  const problems = [...result.problems.filter((p) => !(p.path.length === 1 && limits.some((l) => l.path[0] === p.path[0]))), ...limits];
  return problems.length ? { problems } : { problems, file: result.file, article: result.article, notes: result.notes };
}

/** Every problem of an article and a lesson draft about it, and the lesson they make when there
 * is none: the same lesson (and version) the loader makes of the same files. */
export function checkDraft(article: unknown, draft: unknown): { problems: DraftProblem[]; lesson?: Lesson } {
  const checkedArticle = checkArticle(article);
  const problems = under('article', checkedArticle.problems);
  const given = (draft && typeof draft === 'object' ? draft : {}) as Record<string, unknown>;
  if (Array.isArray(given.questions) && given.questions.length > LESSON_MAX_QUESTIONS) {
    problems.push({ path: ['lesson', 'questions'], message: `questions: a lesson has at most ${LESSON_MAX_QUESTIONS} questions, this one ${given.questions.length}` });
  }
  if (given.include !== undefined) {
    problems.push({ path: ['lesson', 'include'], message: 'include: a lesson written in the studio has questions of its own; routes (include) are for the repository' });
  }
  const checked = checkLessonFile(draft);
  if (!checked.ok) problems.push(...under('lesson', checked.problems));
  if (!checked.ok || !checkedArticle.article) return { problems };
  const file: LessonFile = checked.value;
  const built = lessonFrom(file, checkedArticle.article, checkedArticle.notes);
  problems.push(...under('lesson', built.problems));
  return problems.length || !built.lesson ? { problems } : { problems, lesson: built.lesson };
}
