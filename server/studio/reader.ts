// Who may read a published studio lesson outside the studio (GET /api/lessons/:slug, the page a
// student's runner reads the article from), and which version: its author and, once shared, every
// teacher get the latest publication; a student gets the version their class's assignment (or
// their own attempt) pins. Self-study learners and anyone else: as if it did not exist.
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assignments, attempts } from '../../db/schema.ts';
import type { Lesson } from '../../lessons/index.ts';
import type { LessonStore } from '../lesson-store.ts';
import type { CurrentSession } from '../session.ts';

export async function readableStudioLesson(db: Db, store: LessonStore, session: CurrentSession | null, slug: string): Promise<Lesson | undefined> {
  if (!session) return undefined;
  const published = await store.published(slug);
  if (!published) return undefined;
  if (session.teacherId) return published.teacherId === session.teacherId || published.shared ? published.lesson : undefined;
  const learner = session.learner;
  if (!learner?.classId) return undefined;
  const [attempt] = await db
    .select({ version: attempts.lessonVersion })
    .from(attempts)
    .innerJoin(assignments, eq(assignments.id, attempts.assignmentId))
    .where(and(eq(attempts.learnerId, learner.id), eq(attempts.lessonSlug, slug), eq(assignments.classId, learner.classId)))
    .orderBy(desc(attempts.startedAt))
    .limit(1);
  const [assignment] = attempt
    ? [attempt]
    : await db
        .select({ version: assignments.lessonVersion })
        .from(assignments)
        .where(and(eq(assignments.classId, learner.classId), eq(assignments.lessonSlug, slug)))
        .orderBy(desc(assignments.createdAt))
        .limit(1);
  return assignment ? store.version(assignment.version) : undefined;
}
