// The studio's documents on the server: an authored article with its split and analysis, a draft
// with its problems, new ids and slugs that never collide with a built-in lesson, and the empty
// or starter-seeded draft a new lesson begins with. Rules of the format live in lessons/.
import { randomBytes } from 'node:crypto';
import { splitArticle } from '../../lessons/article.ts';
import { checkArticle, type DraftProblem } from '../../lessons/authoring.ts';
import type { ArticleFile, Language, LessonFile } from '../../lessons/format.ts';
import type { StudioArticleView } from '../api-types.ts';
import { analyseSpans } from '../../lessons/text/analysis.ts';
import { questionStarters } from '../../lessons/text/starters.ts';
import type { FieldError } from '../errors.ts';

/** The article as the studio shows it: its sentences with ids and offsets, and the analysis. */
export function articleView(file: ArticleFile): StudioArticleView {
  const split = splitArticle(file.text, file.boundaries, file.language);
  const checked = checkArticle(file);
  const ids = checked.article?.paragraphs.flatMap((p) => p.sentences.map((s) => s.id)) ?? [];
  let n = 0;
  const sentences = split.paragraphs.flatMap((p, paragraph) =>
    p.sentences.map((s) => ({ id: ids[n++] ?? '', start: s.start, end: s.end, text: s.text, paragraph, kind: p.kind })),
  );
  const analysis = analyseSpans(file.text, sentences, { language: file.language });
  return { id: file.id, article: file, sentences, analysis, unused: split.unused };
}

/** Problems with paths as the API's field errors: dotted paths. */
export function fieldErrors(problems: readonly DraftProblem[]): FieldError[] {
  return problems.map((p) => ({ path: p.path.join('.'), message: p.message }));
}

/** "Trump belt nog steeds!" -> "trump-belt-nog-steeds". */
export function slugify(text: string, max = 40): string {
  const base = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return base || 'les';
}

/** A slug or id with a random tail: 36^6 tails, the unique index catches the rare collision. */
export const withTail = (base: string) => `${slugify(base)}-${BigInt(`0x${randomBytes(5).toString('hex')}`).toString(36).slice(0, 6).padStart(6, '0')}`;

/** A new draft about the article: empty, or with the question starters of its analysis. */
export function newDraft(slug: string, article: ArticleFile, starters: boolean): LessonFile | Record<string, unknown> {
  const language: Language = article.language === 'en' ? 'en' : 'nl';
  const questions = starters ? questionStarters(articleView(article).analysis).map((s) => s.question) : [];
  return {
    slug,
    languages: [language],
    title: { [language]: article.title },
    summary: {},
    minutes: Math.max(10, Math.min(45, 5 + 3 * questions.length)),
    goals: [],
    questions,
  };
}
