// The loader: reads lessons/content/<article>/article.yaml and the lesson files beside it,
// validates them, resolves every quote to sentence ids and checks every key. A lesson with any
// problem is left out and each problem is reported with its file and line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { resolveQuote, articleText, type ArticleText } from './anchors.ts';
import { ArticleError, buildArticle } from './article.ts';
import { articleFile, lessonFile, type LessonFile, type LessonGuide, type Quote, type Skill, type TeacherNotes } from './format.ts';
import { canonicalJson, sha256Hex } from './hash.ts';
import type { Article, Feedback, Guide, Lesson, Question } from './model.ts';
import { resolveQuestion, validateKey, type QuoteResolver } from './types/index.ts';

export interface Problem {
  file: string;
  line: number;
  message: string;
}
export interface LoadResult {
  lessons: Lesson[];
  problems: Problem[];
}

export const DEFAULT_CONTENT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'content');

type Path = (string | number)[];

/** A YAML file with what is needed to name the line of any path in it. */
class Source {
  readonly doc: Document;
  readonly data: unknown;
  private readonly lines = new LineCounter();

  constructor(readonly file: string, text: string) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: true });
    this.data = this.doc.errors.length ? undefined : this.doc.toJS();
  }

  yamlProblems(): Problem[] {
    return this.doc.errors.map((e) => ({ file: this.file, line: e.linePos?.[0]?.line ?? 1, message: e.message.split('\n')[0]! }));
  }

  /** The line of the node at path, or of its nearest ancestor that exists (a missing field). */
  line(path: Path): number {
    for (let n = path.length; n >= 0; n--) {
      const node = this.doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return this.lines.linePos(node.range[0]).line;
    }
    return 1;
  }

  problem(path: Path, message: string): Problem {
    return { file: this.file, line: this.line(path), message };
  }

  valueAt(path: Path): unknown {
    let value: unknown = this.data;
    for (const key of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key as string] : undefined;
    return value;
  }
}

/** Zod issues in the words of a lesson author. */
function describeIssue(source: Source, issue: z.core.$ZodIssue): string {
  const path = issue.path as Path;
  const field = path.length ? String(path[path.length - 1]) : '';
  const where = path.length ? `${path.join('.')}: ` : '';
  const missing = path.length > 0 && source.valueAt(path) === undefined && issue.code !== 'unrecognized_keys';
  if (missing && field === 'en') return `${where}missing English translation`;
  if (missing && field === 'nl') return `${where}missing Dutch text`;
  if (issue.code === 'invalid_union' && field === 'type' && !missing) {
    return `${where}unknown question type '${String(source.valueAt(path))}' (one of: ${((issue as { options?: string[] }).options ?? []).join(', ')})`;
  }
  if (missing) return `${where}missing ${field}`;
  return `${where}${issue.message}`;
}

function validate<T>(source: Source, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(source.data);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => source.problem(issue.path as Path, describeIssue(source, issue as z.core.$ZodIssue))),
  };
}

/** Resolves the quotes of one lesson file, collecting problems instead of stopping at the first. */
class Resolver implements QuoteResolver {
  readonly problems: Problem[] = [];
  private readonly text: ArticleText;
  private readonly position: Map<string, number>;
  readonly selectable: string[];

  constructor(private readonly source: Source, article: Article) {
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
      else this.problems.push(this.source.problem([...path, i, 'exact'], result.message));
    });
    return [...ids].sort((a, b) => this.position.get(a)! - this.position.get(b)!);
  }

  feedback<T extends { cites?: Quote[] }>(entry: T, path: Path): Omit<T, 'cites'> & Feedback {
    const { cites, ...rest } = entry;
    return cites ? { ...rest, cites: this.quotes(cites, [...path, 'cites']) } : rest;
  }
}

/** Questions a route takes from other lessons, and their answers and samples from those guides. */
interface Included {
  questions: Question[];
  answers: Guide['answers'];
  samples: Guide['samples'];
}

function lessonFrom(
  source: Source,
  file: LessonFile,
  article: Article,
  notes?: TeacherNotes,
  included?: Included,
): { lesson?: Lesson; problems: Problem[] } {
  const resolver = new Resolver(source, article);
  const problems: Problem[] = [];
  const seen = new Set<string>(included?.questions.map((q) => q.id));
  const own = file.questions.map((q, i) => {
    const path: Path = ['questions', i];
    if (seen.has(q.id)) problems.push(source.problem([...path, 'id'], `duplicate question id '${q.id}'`));
    seen.add(q.id);
    const resolved = resolveQuestion(q, resolver, path);
    for (const p of validateKey(resolved)) problems.push(source.problem([...path, ...p.path], p.message));
    return resolved;
  });
  const questions = [...(included?.questions ?? []), ...own];
  const guide = file.guide ? guideFrom(source, file.guide, questions, notes, included, problems) : undefined;
  problems.push(...resolver.problems);
  if (problems.length) return { problems: problems.sort((a, b) => a.line - b.line) };
  const content = {
    slug: file.slug,
    articleId: article.id,
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
  source: Source,
  guide: LessonGuide,
  questions: readonly Question[],
  notes: TeacherNotes | undefined,
  included: Included | undefined,
  problems: Problem[],
): Guide {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const answered = new Set(included?.answers.map((a) => a.question));
  guide.answers.forEach((a, i) => {
    const path = ['guide', 'answers', i, 'question'];
    if (!byId.has(a.question)) problems.push(source.problem(path, `guide: this lesson has no question '${a.question}'`));
    else if (answered.has(a.question)) problems.push(source.problem(path, `guide: question '${a.question}' is answered twice`));
    answered.add(a.question);
  });
  guide.samples.forEach((s, i) => {
    const q = byId.get(s.question);
    if (q?.type !== 'open') {
      problems.push(source.problem(['guide', 'samples', i, 'question'], `guide: '${s.question}' is not an open question of this lesson`));
      return;
    }
    const criteria = q.rubric.map((c) => c.id).sort().join(', ');
    const given = Object.keys(s.levels).sort().join(', ');
    if (criteria !== given) {
      problems.push(source.problem(['guide', 'samples', i, 'levels'], `guide: a sample gives levels for '${given}', the rubric of '${q.id}' has '${criteria}'`));
    }
  });
  const prompts = new Map((notes?.discussion ?? []).map((d) => [d.id, d]));
  const discussion = guide.discussion.flatMap((d, i) => {
    const prompt = prompts.get(d);
    if (!prompt) problems.push(source.problem(['guide', 'discussion', i], `guide: the article's teacherNotes have no discussion prompt '${d}'`));
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
function includedQuestions(source: Source, include: NonNullable<LessonFile['include']>, loaded: ReadonlyMap<string, Lesson>): Included & { problems: Problem[] } {
  const out: Included & { problems: Problem[] } = { questions: [], answers: [], samples: [], problems: [] };
  include.forEach((entry, i) => {
    const lesson = loaded.get(entry.lesson);
    if (!lesson) {
      out.problems.push(source.problem(['include', i, 'lesson'], `include: no lesson '${entry.lesson}' about this article loads without problems`));
      return;
    }
    entry.questions.forEach((qid, j) => {
      const question = lesson.questions.find((q) => q.id === qid);
      const id = `${entry.lesson}-${qid}`;
      if (!question) out.problems.push(source.problem(['include', i, 'questions', j], `include: lesson '${entry.lesson}' has no question '${qid}'`));
      else if (out.questions.some((q) => q.id === id)) out.problems.push(source.problem(['include', i, 'questions', j], `include: '${id}' is included twice`));
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

function readSource(path: string, root: string): Source {
  return new Source(relative(process.cwd(), path) || basename(root), readFileSync(path, 'utf8'));
}

function loadArticle(source: Source, folder: string): { article?: Article; notes?: TeacherNotes; problems: Problem[] } {
  if (source.doc.errors.length) return { problems: source.yamlProblems() };
  const checked = validate(source, articleFile);
  if (!checked.ok) return { problems: checked.problems };
  if (checked.value.id !== folder) {
    return { problems: [source.problem(['id'], `article id '${checked.value.id}' must equal its folder name '${folder}'`)] };
  }
  try {
    const { contextCard, teacherNotes } = checked.value;
    const article = buildArticle(checked.value);
    return { article: contextCard ? { ...article, contextCard } : article, notes: teacherNotes, problems: [] };
  } catch (error) {
    if (error instanceof ArticleError) return { problems: [source.problem(['translations'], error.message)] };
    throw error;
  }
}

/** Load every lesson under contentDir. Never throws for bad content: it reports problems. */
export function loadLessons(contentDir: string = DEFAULT_CONTENT_DIR): LoadResult {
  const root = resolve(contentDir);
  const lessons: Lesson[] = [];
  const problems: Problem[] = [];
  const slugs = new Map<string, string>();
  const folders = readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort();
  for (const folder of folders) {
    const dir = join(root, folder);
    const lessonFiles = readdirSync(dir)
      .filter((name) => name.endsWith('.yaml') && name !== 'article.yaml')
      .sort();
    const articlePath = join(dir, 'article.yaml');
    let articleSource: Source;
    try {
      articleSource = readSource(articlePath, root);
    } catch {
      problems.push({ file: relative(process.cwd(), articlePath), line: 1, message: 'article.yaml is missing' });
      continue;
    }
    const { article, notes, problems: articleProblems } = loadArticle(articleSource, folder);
    problems.push(...articleProblems);
    // Routes take questions from the other lessons, so they are built after them.
    const routes: { source: Source; file: LessonFile }[] = [];
    const loaded = new Map<string, Lesson>();
    for (const name of lessonFiles) {
      const source = readSource(join(dir, name), root);
      if (!article) {
        problems.push({ file: source.file, line: 1, message: `left out: its article ${articleSource.file} has problems` });
        continue;
      }
      if (source.doc.errors.length) {
        problems.push(...source.yamlProblems());
        continue;
      }
      const checked = validate(source, lessonFile);
      if (!checked.ok) {
        problems.push(...checked.problems);
        continue;
      }
      const other = slugs.get(checked.value.slug);
      if (other) {
        problems.push(source.problem(['slug'], `duplicate lesson slug '${checked.value.slug}' (also in ${other})`));
        continue;
      }
      slugs.set(checked.value.slug, source.file);
      if (checked.value.include) {
        routes.push({ source, file: checked.value });
        continue;
      }
      const result = lessonFrom(source, checked.value, article, notes);
      problems.push(...result.problems);
      if (result.lesson) {
        lessons.push(result.lesson);
        loaded.set(result.lesson.slug, result.lesson);
      }
    }
    for (const { source, file } of routes) {
      const included = includedQuestions(source, file.include!, loaded);
      if (included.problems.length) {
        problems.push(...included.problems);
        continue;
      }
      const result = lessonFrom(source, file, article!, notes, included);
      problems.push(...result.problems);
      if (result.lesson) lessons.push(result.lesson);
    }
  }
  return { lessons: lessons.sort(byCatalogOrder), problems };
}

/** Catalog order: by `order`, lessons without one after the numbered ones, then by slug. */
export function byCatalogOrder(a: Pick<Lesson, 'order' | 'slug'>, b: Pick<Lesson, 'order' | 'slug'>): number {
  const oa = a.order ?? Number.MAX_SAFE_INTEGER;
  const ob = b.order ?? Number.MAX_SAFE_INTEGER;
  return oa - ob || a.slug.localeCompare(b.slug);
}
