// Export and import in the repository's own format: a zip of article.yaml and the lesson's
// <slug>.yaml, as they sit in lessons/content/<article>/. Import checks both files with the
// loader's checks and names each problem by file and line; export then import gives the same
// lesson, and so the same version hash, where the article id and slug are free.
import { unzipSync, zipSync, type UnzipFileInfo } from 'fflate';
import { stringify } from 'yaml';
import { checkArticle, checkDraft } from '../../lessons/authoring.ts';
import type { ArticleFile, LessonFile } from '../../lessons/format.ts';
import type { Lesson, Problem } from '../../lessons/index.ts';
import { Source } from '../../lessons/loader.ts';

/** Largest file inside an uploaded zip, and how many entries it may have: an article is at most
 * 20,000 characters and a lesson 60 questions, far below these. */
export const MAX_ENTRY_BYTES = 1024 * 1024;
const MAX_ENTRIES = 20;

const yaml = (value: unknown, what: string) =>
  `# ${what}, exported from a Bronwijs studio in the format of lessons/content/<article>/.\n${stringify(value, { lineWidth: 0 })}`;

/** The zip of one lesson and its article. */
export function exportZip(article: ArticleFile, lesson: LessonFile): Uint8Array {
  return zipSync(
    {
      'article.yaml': new TextEncoder().encode(yaml(article, 'The article')),
      [`${lesson.slug}.yaml`]: new TextEncoder().encode(yaml(lesson, 'A lesson about it')),
    },
    { level: 6 },
  );
}

export type Imported = { ok: true; article: ArticleFile; draft: LessonFile; lesson: Lesson } | { ok: false; problems: Problem[] };

const UPLOAD = 'upload.zip';
const refuse = (file: string, message: string, line = 1): Imported => ({ ok: false, problems: [{ file, line, message }] });

/** The article and lesson of an uploaded zip, checked, or every problem with its file and line. */
export function importZip(bytes: Uint8Array): Imported {
  let files: Record<string, Uint8Array>;
  let entries = 0;
  let tooLarge: string | undefined;
  try {
    files = unzipSync(bytes, {
      // Sizes are read from the zip's directory before anything is inflated: no zip bomb gets far.
      filter: (f: UnzipFileInfo) => {
        entries++;
        if (f.originalSize > MAX_ENTRY_BYTES) tooLarge ??= f.name;
        return entries <= MAX_ENTRIES && f.originalSize <= MAX_ENTRY_BYTES && !f.name.endsWith('/') && !f.name.startsWith('__MACOSX/');
      },
    });
  } catch {
    return refuse(UPLOAD, 'this is not a zip file (export a lesson from the studio, or zip article.yaml with one lesson file)');
  }
  if (entries > MAX_ENTRIES) return refuse(UPLOAD, `the zip holds ${entries} entries; a lesson export holds article.yaml and one lesson file`);
  if (tooLarge) return refuse(tooLarge, `larger than ${MAX_ENTRY_BYTES / 1024} KiB: an article or a lesson file is far smaller`);
  const yamlFiles = Object.keys(files).filter((name) => /\.ya?ml$/i.test(name));
  const articleName = yamlFiles.find((name) => name.split('/').pop() === 'article.yaml');
  const lessonNames = yamlFiles.filter((name) => name !== articleName);
  if (!articleName) return refuse(UPLOAD, 'the zip has no article.yaml');
  if (lessonNames.length !== 1) {
    return refuse(UPLOAD, lessonNames.length ? `the zip holds ${lessonNames.length} lesson files (${lessonNames.join(', ')}); import one at a time` : 'the zip has no lesson file beside article.yaml');
  }
  const lessonName = lessonNames[0]!;
  const sources: Source[] = [];
  for (const name of [articleName, lessonName]) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(files[name]!);
    } catch {
      return refuse(name, 'not UTF-8 text');
    }
    sources.push(new Source(name, text));
  }
  const [articleSource, lessonSource] = sources as [Source, Source];
  const yamlProblems = [...articleSource.yamlProblems(), ...lessonSource.yamlProblems()];
  if (yamlProblems.length) return { ok: false, problems: yamlProblems };
  const article = checkArticle(articleSource.data);
  if (!article.file) return { ok: false, problems: articleSource.at(article.problems) };
  const checked = checkDraft(articleSource.data, lessonSource.data);
  if (!checked.lesson) {
    const problems = checked.problems.map((p) =>
      p.path[0] === 'article' ? articleSource.problem(p.path.slice(1), p.message) : lessonSource.problem(p.path.slice(1), p.message),
    );
    return { ok: false, problems: problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line) };
  }
  return { ok: true, article: article.file, draft: lessonSource.data as LessonFile, lesson: checked.lesson };
}
