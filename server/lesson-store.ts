// The lessons the server serves: the built-in ones loaded once at start (broken files are left out
// and named in the log), each current version stored in lesson_versions, and any pinned version
// fetched by hash; beside them the lessons teachers publish in the studio, read from the database
// by slug (latest publication) and stored in lesson_versions like the built-in ones.
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { authoredLessons, lessonPublications, lessonVersions } from '../db/schema.ts';
import { loadLessons, type Lesson, type Problem } from '../lessons/index.ts';
import type { Logger } from './log.ts';

export interface LessonStore {
  /** The current lessons, in catalog order. */
  list(): readonly Lesson[];
  /** The current version of a lesson, or undefined for an unknown slug. */
  current(slug: string): Lesson | undefined;
  /** A pinned version by its hash: current versions from memory, older ones from the database. */
  version(version: string): Promise<Lesson | undefined>;
  /** A version an attempt or assignment pins: stored when it was made, so its absence is a
   * broken database and throws. */
  pinned(version: string): Promise<Lesson>;
  /** What the loader refused, with file and line. */
  readonly problems: readonly Problem[];
  /** The latest published version of a lesson written in the studio, with its author and whether
   * it is shared; undefined for a built-in slug or one never published. */
  published(slug: string): Promise<PublishedLesson | undefined>;
  /** A lesson this teacher may assign: a built-in one, or a published studio lesson of their own
   * or shared with every teacher. Students reach studio lessons only through assignments. */
  assignable(slug: string, teacherId: string): Promise<Lesson | undefined>;
  /** Store a version a teacher publishes (kept forever: attempts may pin it). */
  store(lesson: Lesson): Promise<void>;
}

export interface PublishedLesson {
  lesson: Lesson;
  lessonId: string;
  teacherId: string;
  shared: boolean;
}

/** Load the lessons from contentDir, log every problem, and store current versions. */
export async function createLessonStore(db: Db, contentDir: string, log: Logger): Promise<LessonStore> {
  const { lessons, problems } = loadLessons(contentDir);
  for (const p of problems) log.error('lesson file refused', { file: p.file, line: p.line, problem: p.message });
  log.info('lessons loaded', { lessons: lessons.length, refused: problems.length });
  await storeVersions(db, lessons);
  return lessonStoreOf(db, lessons, problems);
}

/** A store over already loaded lessons (tests use a fixture); stores their versions too. */
export async function lessonStoreFrom(db: Db, lessons: readonly Lesson[]): Promise<LessonStore> {
  await storeVersions(db, lessons);
  return lessonStoreOf(db, lessons, []);
}

async function storeVersions(db: Db, lessons: readonly Lesson[]): Promise<void> {
  if (lessons.length === 0) return;
  // A version is a hash of its content: an existing row holds the same content, so keep it.
  await db
    .insert(lessonVersions)
    .values(lessons.map((l) => ({ version: l.version, slug: l.slug, content: l })))
    .onConflictDoNothing();
}

function lessonStoreOf(db: Db, lessons: readonly Lesson[], problems: readonly Problem[]): LessonStore {
  const bySlug = new Map(lessons.map((l) => [l.slug, l]));
  // Versions never change once stored, so caching them forever is safe; the map only grows by
  // versions that attempts actually pin.
  const byVersion = new Map<string, Lesson>(lessons.map((l) => [l.version, l]));
  async function version(v: string): Promise<Lesson | undefined> {
    const cached = byVersion.get(v);
    if (cached) return cached;
    const [row] = await db.select().from(lessonVersions).where(eq(lessonVersions.version, v)).limit(1);
    if (!row) return undefined;
    const stored = row.content as Lesson;
    // Versions stored before lessons declared languages were all Dutch and English.
    const lesson = stored.languages ? stored : { ...stored, languages: ['nl', 'en'] as Lesson['languages'] };
    byVersion.set(v, lesson);
    return lesson;
  }
  async function published(slug: string): Promise<PublishedLesson | undefined> {
    if (bySlug.has(slug)) return undefined;
    const [row] = await db
      .select({ version: lessonPublications.version, lessonId: authoredLessons.id, teacherId: authoredLessons.teacherId, shared: authoredLessons.shared })
      .from(lessonPublications)
      .innerJoin(authoredLessons, eq(authoredLessons.id, lessonPublications.lessonId))
      .where(eq(lessonPublications.slug, slug))
      .orderBy(desc(lessonPublications.id))
      .limit(1);
    if (!row) return undefined;
    const lesson = await version(row.version);
    return lesson && { lesson, lessonId: row.lessonId, teacherId: row.teacherId, shared: row.shared };
  }
  return {
    problems,
    list: () => lessons,
    current: (slug) => bySlug.get(slug),
    published,
    async assignable(slug, teacherId) {
      const builtIn = bySlug.get(slug);
      if (builtIn) return builtIn;
      const found = await published(slug);
      return found && (found.teacherId === teacherId || found.shared) ? found.lesson : undefined;
    },
    async store(lesson) {
      await storeVersions(db, [lesson]);
      byVersion.set(lesson.version, lesson);
    },
    version,
    async pinned(v) {
      const lesson = await version(v);
      if (!lesson) throw new Error(`lesson version ${v} is missing from lesson_versions`);
      return lesson;
    },
  };
}
