// POST /api/join: students enter a class with its join code and a display name of their choice (no
// email, no other personal data). They continue on another device with ./resume.ts.
import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { classes, learners } from '../../db/schema.ts';
import type { JoinResult } from '../api-types.ts';
import { factory } from '../env.ts';
import { conflict, forbidden, notFound, problem, validate } from '../errors.ts';
import { getSession, startSession } from '../session.ts';
import { hashResumeCode, newResumeCode, normalizeJoinCode, normalizeResumeCode } from '../security/codes.ts';
import { refuseAsWrongCode, windowOpen } from '../security/join-window.ts';
import { newRowId } from '../ids.ts';

export const DISPLAY_NAME_MAX = 40;
/** A class takes at most this many students: a join code cannot fill the database. */
export const CLASS_SIZE_MAX = 1000;

/**
 * Why a display name (already cleaned by `cleanDisplayName`) cannot be used, or null. Names are
 * shown on rosters, reports, CSV files and the projector: no invisible or direction-changing
 * characters (control, format, private use, unassigned, lone surrogates: Unicode's \p{C}), and at
 * least one letter or digit, so every name can be told apart from another by looking at it.
 */
export function displayNameProblem(name: string): string | null {
  if (name.length === 0) return 'choose a name';
  if ([...name].length > DISPLAY_NAME_MAX) return `at most ${DISPLAY_NAME_MAX} characters`;
  if (/\p{Cs}/u.test(name)) return 'the name contains a broken character; type it again';
  if (/\p{C}/u.test(name)) return 'use letters, digits, spaces and punctuation only: no invisible, control or private-use characters';
  if (!/[\p{L}\p{N}]/u.test(name)) return 'the name needs at least one letter or digit';
  return null;
}

/** NFC (one encoding for "é" whatever the keyboard sent), trimmed, runs of white space (tabs and
 * line breaks too) one space: "Sam  B" and "Sam B" are the same name on a roster. */
export const cleanDisplayName = (raw: string): string => raw.normalize('NFC').trim().replace(/\s+/g, ' ');

/** A display name as typed: cleaned, then checked (shared with joining a live session). */
export const displayNameField = z
  .string()
  .max(10 * DISPLAY_NAME_MAX, `at most ${DISPLAY_NAME_MAX} characters`)
  .transform(cleanDisplayName)
  .superRefine((name, ctx) => {
    const why = displayNameProblem(name);
    if (why) ctx.addIssue({ code: 'custom', message: why });
  });

const joinBody = z.object({ joinCode: z.string().max(40), displayName: displayNameField });

/**
 * What must be unique in a class: the name compatibility-normalized (NFKC: full-width "Ｓａｍ" is
 * "Sam", the "Ĳ" ligature is "IJ") and case-folded (upper then lower case, so "ß" and "ss", "Σ"
 * and final "ς" match too), locale-independent.
 */
export const displayNameKey = (name: string) => name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');

const NO_CLASS = 'There is no class with this join code. Check the code with your teacher.';
const noClass = () => notFound(NO_CLASS);

export const joinRoutes = factory.createApp().post('/', validate('json', joinBody), async (c) => {
    const { joinCode, displayName } = c.req.valid('json');
    const session = await getSession(c);
    if (session?.teacherId) {
      throw forbidden('You are signed in as a teacher. Use a private window to try joining as a student.', 'teacher-not-learner');
    }
    const code = normalizeJoinCode(joinCode);
    // A malformed code can never match: refused without a lookup and not counted.
    if (!code) throw noClass();
    const { db, client } = c.var;
    // The lookup comes first: the right code at an open door always works, however many wrong
    // ones others tried. Only unknown codes, and right codes outside the class's join window, are
    // counted and limited, over the whole server, and refused alike (security/join-window.ts).
    const [klass] = await db.select().from(classes).where(eq(classes.joinCode, code)).limit(1);
    if (!klass || !windowOpen(klass.joinOpenUntil, c.var.now())) return refuseAsWrongCode(c, NO_CLASS);
    if (klass.archivedAt) throw problem(410, 'This class has been archived: it takes no new students.', { type: 'class-archived' });

    const resumeCode = newResumeCode();
    const id = newRowId();
    // One statement: the size check and the insert cannot be split by a concurrent join.
    const inserted = await client.execute({
      sql: `INSERT INTO learners (id, kind, class_id, display_name, display_name_key, resume_code_hash)
            SELECT ?, 'student', ?, ?, ?, ? WHERE (SELECT count(*) FROM learners WHERE class_id = ?) < ?
            ON CONFLICT DO NOTHING`,
      args: [id, klass.id, displayName, displayNameKey(displayName), hashResumeCode(normalizeResumeCode(resumeCode)!), klass.id, CLASS_SIZE_MAX],
    });
    if (inserted.rowsAffected === 0) {
      const [size] = await db.select({ n: count() }).from(learners).where(eq(learners.classId, klass.id));
      if ((size?.n ?? 0) >= CLASS_SIZE_MAX) {
        throw conflict(`This class is full: it has ${CLASS_SIZE_MAX} students. Ask your teacher.`, 'class-full');
      }
      // No more than before: the name is taken. Whoever it is continues with her personal code.
      throw conflict(`Someone in this class already uses the name "${displayName}". Is that you? Continue with your personal code. Otherwise choose another name.`, 'name-taken');
    }
    await startSession(c, { learnerId: id });
    const result: JoinResult = { displayName, resumeCode, classId: klass.id, className: klass.name };
    return c.json(result, 201);
  });
