// The loader: reads lessons/content/<article>/article.yaml and the lesson files beside it,
// validates them, resolves every quote to sentence ids and checks every key (lessons/build.ts,
// shared with the studio's checker). A lesson with any problem is left out and each problem is
// reported with its file and line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { articleFrom, checkLessonFile, includedQuestions, lessonFrom, type Path, type PathProblem } from './build.ts';
import type { LessonFile, TeacherNotes } from './format.ts';
import type { Article, Lesson } from './model.ts';

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

/** A YAML file with what is needed to name the line of any path in it. */
export class Source {
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

  /** Problems with paths into this file, at their lines, in line order. */
  at(problems: readonly PathProblem[]): Problem[] {
    return problems.map((p) => this.problem(p.path, p.message)).sort((a, b) => a.line - b.line);
  }
}

function readSource(path: string, root: string): Source {
  return new Source(relative(process.cwd(), path) || basename(root), readFileSync(path, 'utf8'));
}

/** The article of article.yaml, checked; `folder` is the name its id must have, if any. */
export function loadArticle(source: Source, folder?: string): { article?: Article; notes?: TeacherNotes; problems: Problem[] } {
  if (source.doc.errors.length) return { problems: source.yamlProblems() };
  const { file, article, notes, problems } = articleFrom(source.data);
  if (!article || !file) return { problems: source.at(problems) };
  if (folder !== undefined && file.id !== folder) {
    return { problems: [source.problem(['id'], `article id '${file.id}' must equal its folder name '${folder}'`)] };
  }
  return { article, notes, problems: [] };
}

/** A checked lesson file of one article, or the problems that keep it out. */
export function loadLessonFile(source: Source): { file?: LessonFile; problems: Problem[] } {
  if (source.doc.errors.length) return { problems: source.yamlProblems() };
  const checked = checkLessonFile(source.data);
  return checked.ok ? { file: checked.value, problems: [] } : { problems: source.at(checked.problems) };
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
      const { file, problems: fileProblems } = loadLessonFile(source);
      if (!file) {
        problems.push(...fileProblems);
        continue;
      }
      const other = slugs.get(file.slug);
      if (other) {
        problems.push(source.problem(['slug'], `duplicate lesson slug '${file.slug}' (also in ${other})`));
        continue;
      }
      slugs.set(file.slug, source.file);
      if (file.include) {
        routes.push({ source, file });
        continue;
      }
      const result = lessonFrom(file, article, notes);
      problems.push(...source.at(result.problems));
      if (result.lesson) {
        lessons.push(result.lesson);
        loaded.set(result.lesson.slug, result.lesson);
      }
    }
    for (const { source, file } of routes) {
      const included = includedQuestions(file.include!, loaded);
      if (included.problems.length) {
        problems.push(...source.at(included.problems));
        continue;
      }
      const result = lessonFrom(file, article!, notes, included);
      problems.push(...source.at(result.problems));
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
