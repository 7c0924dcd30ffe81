// Sessions of every role (teacher, student, self-study learner), kept in the database so any app
// instance can serve any request. The cookie holds a random token; the database only its sha256.
// The lifecycle lives here: read, start, end. Guards: ./guards.ts; new learners: ./learners.ts.
import { hash, randomBytes } from 'node:crypto';
import { eq, and, ne } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { parse as parseCookie } from 'hono/utils/cookie';
import { fastSqlOf } from '../db/client.ts';
import { learners, sessions, type Assignment, type Attempt, type Learner } from '../db/schema.ts';
import type { AppEnv } from './env.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Idle and absolute timeouts. Teachers see every student's work: short. Learners keep working
 * on their own device for a school year: long. */
export const SESSION_LIMITS = {
  teacher: { idleMs: 2 * HOUR, absoluteMs: 12 * HOUR },
  learner: { idleMs: 90 * DAY, absoluteMs: 365 * DAY },
} as const;
/** last_seen_at is written at most this often: a read-mostly request should not always write. */
export const LAST_SEEN_RESOLUTION_MS = MINUTE;

export type Role = 'teacher' | 'student' | 'learner';

/** Whether a stored session is live at `now` (ms): before its absolute end, and used within its
 * role's idle timeout. The one place the timeouts are applied. */
export function sessionAlive(row: { teacherId: string | null; lastSeenAt: Date; expiresAt: Date }, now: number): boolean {
  const limits = row.teacherId ? SESSION_LIMITS.teacher : SESSION_LIMITS.learner;
  return now < row.expiresAt.getTime() && now - row.lastSeenAt.getTime() < limits.idleMs;
}

export interface CurrentSession {
  /** sha256 of the cookie's token (the row id). */
  id: string;
  role: Role;
  teacherId: string | null;
  learnerId: string | null;
  /** The learner row for students and self-study learners. */
  learner: Learner | null;
  lastSeenAt: Date;
  expiresAt: Date;
}

export function sessionCookieName(secure: boolean): string {
  // __Host- binds the cookie to this exact origin over https (no Domain, Path=/, Secure).
  return secure ? '__Host-bronwijs-session' : 'bronwijs-session';
}

const hashToken = (token: string) => hash('sha256', token, 'hex');

// The session id the request's cookie names, once per request: an answer that misses the worker's
// memory (recallAnswering) reads its session with the same id.
const cookieIds = new WeakMap<Context, string | null>();
function cookieSessionId<E extends AppEnv>(c: Ctx<E>): string | null {
  let id = cookieIds.get(c);
  if (id === undefined) {
    id = sessionIdOfCookie(c.req.header('Cookie'), c.get('config').secureCookies);
    cookieIds.set(c, id);
  }
  return id;
}

/** The id of the session a Cookie header names (as hono's getCookie reads it), or null. */
export function sessionIdOfCookie(header: string | undefined, secure: boolean): string | null {
  if (!header) return null;
  const name = sessionCookieName(secure);
  const token = parseCookie(header, name)[name];
  return !token || token.length > 200 ? null : hashToken(token);
}

// One lookup per request, shared by every caller; a promise so concurrent callers share it too.
const cache = new WeakMap<Context, Promise<CurrentSession | null>>();

// Generic in the env: handlers after a guard have a wider env than AppEnv, and pass their context.
// c.get(name), not c.var.name: Hono builds a fresh object of all variables on every c.var.
type Ctx<E extends AppEnv> = Context<E>;

/** The request's live session, or null (none, unknown, or past a timeout: then it is deleted). */
export function getSession<E extends AppEnv>(c: Ctx<E>): Promise<CurrentSession | null> {
  let pending = cache.get(c);
  if (!pending) {
    pending = loadSession(c);
    cache.set(c, pending);
  }
  return pending;
}

// One statement, prepared once (db/client.ts FastSql): the session and its learner, and with
// withAttempt also the attempt the request is about (only if it is this learner's) and its
// assignment, so an answer costs one read before its write.
const SESSION_COLUMNS = `s.teacher_id AS teacherId, s.learner_id AS learnerId, s.last_seen_at AS lastSeenAt, s.expires_at AS expiresAt,
  l.id AS lId, l.kind AS lKind, l.class_id AS lClassId, l.display_name AS lDisplayName, l.display_name_key AS lDisplayNameKey,
  l.resume_code_hash AS lResumeCodeHash, l.created_at AS lCreatedAt`;
const SESSION_SQL = `SELECT ${SESSION_COLUMNS} FROM sessions s LEFT JOIN learners l ON l.id = s.learner_id WHERE s.id = ?`;
const SESSION_ATTEMPT_SQL = `SELECT ${SESSION_COLUMNS},
  a.id AS aId, a.lesson_slug AS aLessonSlug, a.lesson_version AS aLessonVersion, a.mode AS aMode, a.assignment_id AS aAssignmentId,
  a.seed AS aSeed, a.status AS aStatus, a.current_question_id AS aCurrentQuestionId, a.started_at AS aStartedAt,
  a.updated_at AS aUpdatedAt, a.finished_at AS aFinishedAt,
  g.id AS gId, g.class_id AS gClassId, g.lesson_slug AS gLessonSlug, g.lesson_version AS gLessonVersion, g.mode AS gMode,
  g.opens_at AS gOpensAt, g.due_at AS gDueAt, g.feedback_release AS gFeedbackRelease, g.feedback_released_at AS gFeedbackReleasedAt,
  g.created_at AS gCreatedAt, g.title AS gTitle, g.closed_at AS gClosedAt
  FROM sessions s LEFT JOIN learners l ON l.id = s.learner_id
  LEFT JOIN attempts a ON a.id = ? AND a.learner_id = s.learner_id
  LEFT JOIN assignments g ON g.id = a.assignment_id
  WHERE s.id = ?`;

type SqlRow = Record<string, unknown>;
const dateOf = (v: unknown) => new Date(Number(v));
const dateOrNull = (v: unknown) => (v === null || v === undefined ? null : dateOf(v));

/** The attempt (and its assignment) read with the session by getSessionWithAttempt. */
export interface SessionAttempt {
  attempt: Attempt | null;
  assignment: Assignment | null;
}
const attemptCache = new WeakMap<Context, { id: string; found: SessionAttempt }>();

/**
 * The session, and the attempt `attemptId` if it belongs to the session's learner (with its
 * assignment), in one read. Later getSession calls of the request reuse the session.
 */
export async function getSessionWithAttempt<E extends AppEnv>(c: Ctx<E>, attemptId: string): Promise<{ session: CurrentSession | null } & SessionAttempt> {
  const cached = attemptCache.get(c);
  if (cached?.id === attemptId) return { session: await getSession(c), ...cached.found };
  let found: SessionAttempt = { attempt: null, assignment: null };
  const pending = loadSession(c, attemptId, (row) => {
    found = attemptFromRow(row);
  });
  cache.set(c, pending);
  const session = await pending;
  attemptCache.set(c, { id: attemptId, found });
  return { session, ...found };
}

// ---------- answering without reading the session first ----------

/** What a worker remembers of a session answering in one of its learner's attempts. */
export interface Answering {
  session: CurrentSession;
  attempt: Attempt;
  assignment: Assignment | null;
}
/** Per worker and database: some 8 classes answering at once (the least recent go first; an answer
 * without an entry is read as before). An entry costs a worker about 4 KB of RSS (the session,
 * learner, attempt and assignment as read; measured in scenario 5, whose memory budget this is:
 * tests/bench/NOTES.md). */
const ANSWERING_MAX = 256;
const answeringBy = new WeakMap<object, Map<string, Answering>>();
const answeringKey = (sessionId: string, attemptId: string) => `${sessionId} ${attemptId}`;
/** The memory of the worker's connection `client` (the app's c.var.client). */
const answeringIn = (client: object): Map<string, Answering> => {
  let found = answeringBy.get(client);
  if (!found) answeringBy.set(client, (found = new Map()));
  return found;
};
const answeringOf = <E extends AppEnv>(c: Ctx<E>) => answeringIn(c.get('client'));

/**
 * An answer is the hottest request, and reading its session, attempt and assignment first was a
 * tenth to a quarter of its cost (scenario 3a, tests/bench/NOTES.md). So once a session has saved
 * an answer in an attempt, the worker remembers them (rememberAnswering), and the next answer in
 * that attempt only *tries* its write with them: the write checks in its transaction all that can
 * change meanwhile (the session's end and timeouts, the attempt's status, the assignment's closing
 * and due date: see the answer route). Anything but a saved answer forgets the entry and starts
 * over from a fresh read (forgetAnswering), so refusals and replays are what a read gives. The
 * answer's write also keeps the session's last_seen_at, as a read would.
 */
export function recallAnswering<E extends AppEnv>(c: Ctx<E>, attemptId: string): Answering | null {
  const found = recalled(c.get('client'), cookieSessionId(c), attemptId);
  if (!found) return null;
  // The rest of the request reads these, not the database.
  cache.set(c, Promise.resolve(found.session));
  attemptCache.set(c, { id: attemptId, found: { attempt: found.attempt, assignment: found.assignment } });
  return found;
}

/** What the worker of connection `client` remembers of session `sessionId` answering in attempt
 * `attemptId` (recallAnswering's, and the front's: server/front.ts). */
export function recalled(client: object, sessionId: string | null, attemptId: string): Answering | null {
  return sessionId === null ? null : (answeringIn(client).get(answeringKey(sessionId, attemptId)) ?? null);
}

/** After an answer was saved: remember the session and attempt, for the attempt's next answer (the
 * entry used longest ago goes when the worker remembers ANSWERING_MAX). */
export function rememberAnswering(client: object, answering: Answering): void {
  const memory = answeringIn(client);
  const key = answeringKey(answering.session.id, answering.attempt.id);
  // Deleted and set again: a Map keeps insertion order, so the first key is the least recent.
  memory.delete(key);
  if (memory.size >= ANSWERING_MAX) memory.delete(memory.keys().next().value!);
  memory.set(key, answering);
}

/** The entry did not save an answer, or its attempt is finished: drop it, and this request's
 * copies of it. */
export function forgetAnswering<E extends AppEnv>(c: Ctx<E>, sessionId: string, attemptId: string): void {
  answeringOf(c).delete(answeringKey(sessionId, attemptId));
  cache.delete(c);
  attemptCache.delete(c);
}

function attemptFromRow(row: SqlRow): SessionAttempt {
  if (row.aId === null || row.aId === undefined) return { attempt: null, assignment: null };
  const attempt: Attempt = {
    id: row.aId as string,
    learnerId: row.learnerId as string,
    lessonSlug: row.aLessonSlug as string,
    lessonVersion: row.aLessonVersion as string,
    mode: row.aMode as Attempt['mode'],
    assignmentId: (row.aAssignmentId as string | null) ?? null,
    seed: row.aSeed as string,
    status: row.aStatus as Attempt['status'],
    currentQuestionId: (row.aCurrentQuestionId as string | null) ?? null,
    startedAt: dateOf(row.aStartedAt),
    updatedAt: dateOf(row.aUpdatedAt),
    finishedAt: dateOrNull(row.aFinishedAt),
  };
  const assignment: Assignment | null =
    row.gId === null || row.gId === undefined
      ? null
      : {
          id: row.gId as string,
          classId: row.gClassId as string,
          lessonSlug: row.gLessonSlug as string,
          lessonVersion: row.gLessonVersion as string,
          mode: row.gMode as Assignment['mode'],
          opensAt: dateOrNull(row.gOpensAt),
          dueAt: dateOrNull(row.gDueAt),
          feedbackRelease: row.gFeedbackRelease as Assignment['feedbackRelease'],
          feedbackReleasedAt: dateOrNull(row.gFeedbackReleasedAt),
          createdAt: dateOf(row.gCreatedAt),
          title: (row.gTitle as string | null) ?? null,
          closedAt: dateOrNull(row.gClosedAt),
          // Not read on the answering path; the teacher's routes load the whole row.
          gradeNorm: null,
          discussion: null,
        };
  return { attempt, assignment };
}

async function loadSession<E extends AppEnv>(c: Ctx<E>, attemptId?: string, onRow?: (row: SqlRow) => void): Promise<CurrentSession | null> {
  const id = cookieSessionId(c);
  if (id === null) return null;
  const db = c.get('db'), client = c.get('client');
  const sql = fastSqlOf(client);
  const row = attemptId === undefined ? await sql.get(SESSION_SQL, [id]) : await sql.get(SESSION_ATTEMPT_SQL, [attemptId, id]);
  if (!row) {
    clearCookie(c);
    return null;
  }
  const teacherId = (row.teacherId as string | null) ?? null;
  const learner: Learner | null =
    row.lId === null || row.lId === undefined
      ? null
      : {
          id: row.lId as string,
          kind: row.lKind as Learner['kind'],
          classId: (row.lClassId as string | null) ?? null,
          displayName: (row.lDisplayName as string | null) ?? null,
          displayNameKey: (row.lDisplayNameKey as string | null) ?? null,
          resumeCodeHash: (row.lResumeCodeHash as string | null) ?? null,
          createdAt: dateOf(row.lCreatedAt),
        };
  const session = { teacherId, learnerId: (row.learnerId as string | null) ?? null, lastSeenAt: dateOf(row.lastSeenAt), expiresAt: dateOf(row.expiresAt) };
  const now = c.get('now')().getTime();
  const ended = !sessionAlive(session, now) || (!session.teacherId && !learner);
  if (ended) {
    await db.delete(sessions).where(eq(sessions.id, id));
    clearCookie(c);
    return null;
  }
  onRow?.(row);
  let lastSeenAt = session.lastSeenAt;
  if (now - lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    lastSeenAt = new Date(now);
    await db.update(sessions).set({ lastSeenAt }).where(eq(sessions.id, id));
  }
  return {
    id,
    role: session.teacherId ? 'teacher' : learner?.kind === 'student' ? 'student' : 'learner',
    teacherId: session.teacherId,
    learnerId: session.learnerId,
    learner: session.teacherId ? null : learner,
    lastSeenAt,
    expiresAt: session.expiresAt,
  };
}

/** A session made but not yet stored: the caller writes `row`, then calls `begin()`. */
export interface NewSession {
  session: CurrentSession;
  row: typeof sessions.$inferInsert;
  /** Sets the cookie and makes the session this request's. */
  begin(): void;
}

/**
 * A new session for a teacher or a learner, always with a new id. Stored by the caller: on its
 * own (startSession) or in one group commit with the learner it belongs to (./learners.ts).
 */
export function newSession<E extends AppEnv>(c: Ctx<E>, who: { teacherId: string } | { learner: Learner }): NewSession {
  const token = randomBytes(32).toString('base64url');
  const now = c.get('now')();
  const isTeacher = 'teacherId' in who;
  const limits = isTeacher ? SESSION_LIMITS.teacher : SESSION_LIMITS.learner;
  const session: CurrentSession = {
    id: hashToken(token),
    role: isTeacher ? 'teacher' : who.learner.kind === 'student' ? 'student' : 'learner',
    teacherId: isTeacher ? who.teacherId : null,
    learnerId: isTeacher ? null : who.learner.id,
    learner: isTeacher ? null : who.learner,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + limits.absoluteMs),
  };
  return {
    session,
    row: { id: session.id, teacherId: session.teacherId, learnerId: session.learnerId, createdAt: now, lastSeenAt: now, expiresAt: session.expiresAt },
    begin() {
      setSessionCookie(c, token, limits.absoluteMs);
      cache.set(c, Promise.resolve(session));
    },
  };
}

/**
 * Start a session for a teacher (at login) or a learner (joining a class, resuming). Always a new
 * id: the current session, if any, is deleted (rotation at login, so a planted cookie never
 * becomes a signed-in one).
 */
export async function startSession<E extends AppEnv>(c: Ctx<E>, who: { teacherId: string } | { learnerId: string }): Promise<CurrentSession> {
  const db = c.get('db');
  const current = await getSession(c);
  if (current) await db.delete(sessions).where(eq(sessions.id, current.id));
  let started: NewSession;
  if ('teacherId' in who) {
    started = newSession(c, who);
  } else {
    const [learner] = await db.select().from(learners).where(eq(learners.id, who.learnerId)).limit(1);
    if (!learner) throw new Error(`startSession: no learner ${who.learnerId}`);
    started = newSession(c, { learner });
  }
  await db.insert(sessions).values(started.row);
  started.begin();
  return started.session;
}

function setSessionCookie<E extends AppEnv>(c: Ctx<E>, token: string, absoluteMs: number): void {
  setCookie(c, sessionCookieName(c.get('config').secureCookies), token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: c.get('config').secureCookies,
    maxAge: Math.floor(absoluteMs / 1000),
  });
}

/** Sign out: delete the session and its cookie. */
export async function endSession<E extends AppEnv>(c: Ctx<E>): Promise<void> {
  const current = await getSession(c);
  if (current) await c.get('db').delete(sessions).where(eq(sessions.id, current.id));
  clearCookie(c);
  cache.set(c, Promise.resolve(null));
}

/** End every session of a teacher (password change, account removal), optionally but one. */
export async function endSessionsOfTeacher<E extends AppEnv>(c: Ctx<E>, teacherId: string, exceptSessionId?: string): Promise<void> {
  const where = exceptSessionId
    ? and(eq(sessions.teacherId, teacherId), ne(sessions.id, exceptSessionId))
    : eq(sessions.teacherId, teacherId);
  await c.get('db').delete(sessions).where(where);
}

function clearCookie<E extends AppEnv>(c: Ctx<E>): void {
  const secure = c.get('config').secureCookies;
  if (getCookie(c, sessionCookieName(secure)) === undefined) return;
  deleteCookie(c, sessionCookieName(secure), { path: '/', secure, httpOnly: true, sameSite: 'Lax' });
}
