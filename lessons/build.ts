// From checked lesson and article files to the resolved lesson the engine serves: zod issues in
// an author's words, quotes resolved to sentence ids, keys and the guide's references checked,
// the version hashed. Problems carry paths into the files; the loader turns them into file:line,
// the studio (lessons/authoring.ts) shows them at their fields. Pure: no files, runs in the browser.
import type { z } from 'zod';
import { resolveQuote, articleText, type ArticleText } from './anchors.ts';
import { ArticleError, buildArticle } from './article.ts';
import { articleFile, lessonFile, type LessonFile, type LessonGuide, type Quote, type Skill, type TeacherNotes } from './format.ts';
import { canonicalJson, sha256Hex } from './hash.ts';
import type { Article, Feedback, Guide, Lesson, Question } from './model.ts';
import { resolveQuestion, validateKey, type QuoteResolver } from './types/index.ts';

export type Path = (string | number)[];
export interface PathProblem {
  path: Path;
  message: string;
}

function valueAt(data: unknown, path: Path): unknown {
  let value: unknown = data;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key as string] : undefined;
  return value;
}

/** Zod issues in the words of a lesson author. */
function describeIssue(data: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path as Path;
  const field = path.length ? String(path[path.length - 1]) : '';
  const where = path.length ? `${path.join('.')}: ` : '';
  const missing = path.length > 0 && valueAt(data, path) === undefined && issue.code !== 'unrecognized_keys';
  if (missing && field === 'en') return `${where}missing English translation`;
  if (missing && field === 'nl') return `${where}missing Dutch text`;
  if (issue.code === 'invalid_union' && field === 'type' && !missing) {
    return `${where}unknown question type '${String(valueAt(data, path))}' (one of: ${((issue as { options?: string[] }).options ?? []).join(', ')})`;
  }
  if (missing) return `${where}missing ${field}`;
  return `${where}${issue.message}`;
}

export function validate<T>(data: unknown, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; problems: PathProblem[] } {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({ path: issue.path as Path, message: describeIssue(data, issue as z.core.$ZodIssue) })),
  };
}

/** Resolves the quotes of one lesson file, collecting problems instead of stopping at the first. */
class Resolver implements QuoteResolver {
  readonly problems: PathProblem[] = [];
  private readonly text: ArticleText;
  private readonly position: Map<string, number>;
  readonly selectable: string[];

  constructor(article: Article) {
    this.text = articleText(article);
    this.selectable = this.text.spans.map((s) => s.id);
    this.position = new Map(this.selectable.map((id, i) => [id, i]));
  }

  /** Sentence ids of all quotes, distinct, in reading order. */
  quotes(quotes: readonly Quote[] | undefined, path: Path): string[] {
    const ids = new Set<string>();
    (quotes ?? []).forEach((quote, i) => {
      const result = resolveQuote(this.text, quote);
      if (result.ok) result.sentenceIds.forEach((id) => ids.add(id));
      else this.problems.push({ path: [...path, i, 'exact'], message: result.message });
    });
    return [...ids].sort((a, b) => this.position.get(a)! - this.position.get(b)!);
  }

  feedback<T extends { cites?: Quote[] }>(entry: T, path: Path): Omit<T, 'cites'> & Feedback {
    const { cites, ...rest } = entry;
    return cites ? { ...rest, cites: this.quotes(cites, [...path, 'cites']) } : rest;
  }
}

/** Questions a route takes from other lessons, and their answers and samples from those guides. */
export interface Included {
  questions: Question[];
  answers: Guide['answers'];
  samples: Guide['samples'];
}

/** The resolved lesson of a checked lesson file, or the problems that keep it out. */
export function lessonFrom(file: LessonFile, article: Article, notes?: TeacherNotes, included?: Included): { lesson?: Lesson; problems: PathProblem[] } {
  const resolver = new Resolver(article);
  const problems: PathProblem[] = [];
  const seen = new Set<string>(included?.questions.map((q) => q.id));
  const own = file.questions.map((q, i) => {
    const path: Path = ['questions', i];
    if (seen.has(q.id)) problems.push({ path: [...path, 'id'], message: `duplicate question id '${q.id}'` });
    seen.add(q.id);
    const resolved = resolveQuestion(q, resolver, path);
    for (const p of validateKey(resolved)) problems.push({ path: [...path, ...p.path], message: p.message });
    return resolved;
  });
  const questions = [...(included?.questions ?? []), ...own];
  const guide = file.guide ? guideFrom(file.guide, questions, notes, included, problems) : undefined;
  problems.push(...resolver.problems);
  if (problems.length) return { problems };
  const content = {
    slug: file.slug,
    articleId: article.id,
    languages: file.languages,
    title: file.title,
    summary: file.summary,
    order: file.order,
    minutes: file.minutes,
    goals: file.goals,
    skills: [...new Set(questions.map((q) => q.skill))] as Skill[],
    questions,
    article,
    guide,
    ...(included ? { route: true as const } : {}),
  };
  // The JSON round trip drops undefined fields, so the stored form equals what was hashed.
  const lesson = JSON.parse(JSON.stringify(content)) as Omit<Lesson, 'version'>;
  return { lesson: { ...lesson, version: lessonVersion(lesson) }, problems };
}

/** The guide with its references checked: answers and samples name this lesson's questions, a
 * sample gives a level for exactly the rubric's criteria, discussion ids name the article's prompts. */
function guideFrom(
  guide: LessonGuide,
  questions: readonly Question[],
  notes: TeacherNotes | undefined,
  included: Included | undefined,
  problems: PathProblem[],
): Guide {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const answered = new Set(included?.answers.map((a) => a.question));
  guide.answers.forEach((a, i) => {
    const path = ['guide', 'answers', i, 'question'];
    if (!byId.has(a.question)) problems.push({ path, message: `guide: this lesson has no question '${a.question}'` });
    else if (answered.has(a.question)) problems.push({ path, message: `guide: question '${a.question}' is answered twice` });
    answered.add(a.question);
  });
  guide.samples.forEach((s, i) => {
    const q = byId.get(s.question);
    if (q?.type !== 'open') {
      problems.push({ path: ['guide', 'samples', i, 'question'], message: `guide: '${s.question}' is not an open question of this lesson` });
      return;
    }
    const criteria = q.rubric.map((c) => c.id).sort().join(', ');
    const given = Object.keys(s.levels).sort().join(', ');
    if (criteria !== given) {
      problems.push({ path: ['guide', 'samples', i, 'levels'], message: `guide: a sample gives levels for '${given}', the rubric of '${q.id}' has '${criteria}'` });
    }
  });
  const prompts = new Map((notes?.discussion ?? []).map((d) => [d.id, d]));
  const discussion = guide.discussion.flatMap((d, i) => {
    const prompt = prompts.get(d);
    if (!prompt) problems.push({ path: ['guide', 'discussion', i], message: `guide: the article's teacherNotes have no discussion prompt '${d}'` });
    return prompt ? [prompt] : [];
  });
  return {
    goals: guide.goals,
    plan: guide.plan,
    answers: [...(included?.answers ?? []), ...guide.answers],
    samples: [...(included?.samples ?? []), ...guide.samples],
    discussion,
    ...(notes ? { balance: notes.balance } : {}),
  };
}

/** A route's questions, taken from lessons of the same article that loaded without problems. */
export function includedQuestions(include: NonNullable<LessonFile['include']>, loaded: ReadonlyMap<string, Lesson>): Included & { problems: PathProblem[] } {
  const out: Included & { problems: PathProblem[] } = { questions: [], answers: [], samples: [], problems: [] };
  include.forEach((entry, i) => {
    const lesson = loaded.get(entry.lesson);
    if (!lesson) {
      out.problems.push({ path: ['include', i, 'lesson'], message: `include: no lesson '${entry.lesson}' about this article loads without problems` });
      return;
    }
    entry.questions.forEach((qid, j) => {
      const question = lesson.questions.find((q) => q.id === qid);
      const id = `${entry.lesson}-${qid}`;
      if (!question) out.problems.push({ path: ['include', i, 'questions', j], message: `include: lesson '${entry.lesson}' has no question '${qid}'` });
      else if (out.questions.some((q) => q.id === id)) out.problems.push({ path: ['include', i, 'questions', j], message: `include: '${id}' is included twice` });
      else {
        out.questions.push({ ...structuredClone(question), id });
        for (const a of lesson.guide?.answers ?? []) if (a.question === qid) out.answers.push({ ...a, question: id });
        for (const s of lesson.guide?.samples ?? []) if (s.question === qid) out.samples.push({ ...s, question: id });
      }
    });
  });
  return out;
}

/** First 16 hex of sha256 of the canonical JSON of the resolved lesson (without its version). */
export function lessonVersion(lesson: Omit<Lesson, 'version'> & { version?: string }): string {
  const { version: _ignored, ...content } = lesson;
  return sha256Hex(canonicalJson(content)).slice(0, 16);
}

/** The article model of an article file's data, or its problems. */
export function articleFrom(data: unknown): { file?: z.infer<typeof articleFile>; article?: Article; notes?: TeacherNotes; problems: PathProblem[] } {
  const checked = validate(data, articleFile);
  if (!checked.ok) return { problems: checked.problems };
  try {
    const { contextCard, teacherNotes } = checked.value;
    const article = buildArticle(checked.value);
    return { file: checked.value, article: contextCard ? { ...article, contextCard } : article, notes: teacherNotes, problems: [] };
  } catch (error) {
    if (error instanceof ArticleError) return { problems: [{ path: ['translations'], message: error.message }] };
    throw error;
  }
}

/** A lesson file's data checked against the schema (shape and languages). */
export const checkLessonFile = (data: unknown) => validate(data, lessonFile);
