// A live session's rows: its state read and written, teacher commands applied without losing a
// concurrent one, and the participants. Everything lives in the database (no state in this
// process), so any number of app processes serve one session; ./hub.ts tells streams of changes.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Client, Row } from '@libsql/client';
import { fastSqlOf, type Db } from '../../db/client.ts';
import { classes, liveParticipants, liveSessions, type LiveParticipant, type LiveSession } from '../../db/schema.ts';
import { liveTransition, type LiveCommand, type LiveState } from '../../lessons/index.ts';
import { conflict, notFound } from '../errors.ts';
import { windowUntil } from '../security/join-window.ts';
import { sessionAlive } from '../session.ts';
import type { WriteQueue } from '../write-queue.ts';
import { statementOf } from '../write-queue.ts';

/** A session takes at most this many participants: a code cannot fill the database. */
export const LIVE_PARTICIPANTS_MAX = 1000;


/** The teacher-paced part of the row, as the live behaviour reads it. */
export function liveStateOf(row: LiveSession): LiveState {
  return {
    questionId: row.currentQuestionId,
    round: row.round,
    phase: row.phase,
    questionStates: row.questionStates ?? {},
    showResults: row.showResults,
    timerEndsAt: row.timerEndsAt ? row.timerEndsAt.getTime() : null,
    ended: row.endedAt !== null,
  };
}

const SESSION_ROW_SQL = `SELECT id, teacher_id AS teacherId, class_id AS classId, lesson_slug AS lessonSlug, lesson_version AS lessonVersion, code,
  join_open_until AS joinOpenUntil, locked, current_question_id AS currentQuestionId, round, phase, question_states AS questionStates,
  show_results AS showResults, timer_ends_at AS timerEndsAt, state_version AS stateVersion, answers_version AS answersVersion,
  started_at AS startedAt, ended_at AS endedAt
  FROM live_sessions WHERE id = ?`;

const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(Number(v)));

/** The session's row as Drizzle would give it, read with one prepared statement (FastSql): the
 * live streams read it on every change, and Drizzle's query building cost more than the read. */
export async function liveSessionRow(client: Client, id: string): Promise<LiveSession | undefined> {
  const r = await fastSqlOf(client).get(SESSION_ROW_SQL, [id]);
  if (!r) return undefined;
  return {
    id: String(r.id),
    teacherId: String(r.teacherId),
    classId: r.classId === null ? null : String(r.classId),
    lessonSlug: String(r.lessonSlug),
    lessonVersion: String(r.lessonVersion),
    code: r.code === null ? null : String(r.code),
    joinOpenUntil: dateOrNull(r.joinOpenUntil),
    locked: Boolean(r.locked),
    currentQuestionId: r.currentQuestionId === null ? null : String(r.currentQuestionId),
    round: Number(r.round),
    phase: r.phase as LiveSession['phase'],
    questionStates: JSON.parse(String(r.questionStates)) as LiveSession['questionStates'],
    showResults: Boolean(r.showResults),
    timerEndsAt: dateOrNull(r.timerEndsAt),
    stateVersion: Number(r.stateVersion),
    answersVersion: Number(r.answersVersion),
    startedAt: new Date(Number(r.startedAt)),
    endedAt: dateOrNull(r.endedAt),
  };
}

const READER_SQL = 'SELECT teacher_id AS teacherId, last_seen_at AS lastSeenAt, expires_at AS expiresAt FROM sessions WHERE id = ?';

/** Whether a stream's reader still has a valid session (a teacher's, with `teacher`): asked by every
 * open stream every few seconds, so one prepared statement. */
export async function readerAlive(client: Client, sessionId: string, now: number, teacher: boolean): Promise<boolean> {
  const r = await fastSqlOf(client).get(READER_SQL, [sessionId]);
  if (!r || (teacher && r.teacherId === null)) return false;
  return sessionAlive({ teacherId: r.teacherId === null ? null : String(r.teacherId), lastSeenAt: new Date(Number(r.lastSeenAt)), expiresAt: new Date(Number(r.expiresAt)) }, now);
}

export async function liveSessionById(db: Db, id: string): Promise<LiveSession | undefined> {
  const [row] = await db.select().from(liveSessions).where(eq(liveSessions.id, id)).limit(1);
  return row;
}

/** The teacher's own session, with its class name; any other id is a 404, as if it did not exist. */
export async function ownLiveSession(db: Db, teacherId: string, id: string): Promise<{ session: LiveSession; className: string | null }> {
  const [row] = await db
    .select({ session: liveSessions, className: classes.name })
    .from(liveSessions)
    .leftJoin(classes, eq(classes.id, liveSessions.classId))
    .where(and(eq(liveSessions.id, id), eq(liveSessions.teacherId, teacherId)))
    .limit(1);
  if (!row) throw notFound('There is no such live session among yours.');
  return row;
}

const PARTICIPANT_SQL = `SELECT id, session_id AS sessionId, learner_id AS learnerId, display_name AS displayName, display_name_key AS displayNameKey,
  seed, removed_at AS removedAt, joined_at AS joinedAt FROM live_participants WHERE session_id = ? AND learner_id = ?`;

/** A participant's row as Drizzle would give it. */
export function participantFromRow(r: Row): LiveParticipant {
  return {
    id: String(r.id),
    sessionId: String(r.sessionId),
    learnerId: String(r.learnerId),
    displayName: String(r.displayName),
    displayNameKey: String(r.displayNameKey),
    seed: String(r.seed),
    removedAt: dateOrNull(r.removedAt),
    joinedAt: new Date(Number(r.joinedAt)),
  };
}

/** The learner's participation in a session (removed or not), or undefined: one prepared statement
 * (joining and opening a device's stream ask it, 30 devices a class at once). */
export async function participantOf(client: Client, sessionId: string, learnerId: string): Promise<LiveParticipant | undefined> {
  const r = await fastSqlOf(client).get(PARTICIPANT_SQL, [sessionId, learnerId]);
  return r && participantFromRow(r);
}

/** Everything a teacher's command may change on the session row, besides the behaviour's state. */
export type SessionCommand =
  | LiveCommand
  | { type: 'open-joining'; minutes?: number }
  | { type: 'close-joining' }
  | { type: 'lock-joining' }
  | { type: 'unlock-joining' }
  | { type: 'remove-participant'; participantId: string };

type RowChange = Partial<Pick<LiveSession, 'currentQuestionId' | 'round' | 'phase' | 'questionStates' | 'showResults' | 'timerEndsAt' | 'endedAt' | 'code' | 'joinOpenUntil' | 'locked'>>;

function change(row: LiveSession, command: SessionCommand, questionIds: readonly string[], now: Date): RowChange {
  switch (command.type) {
    case 'open-joining':
      if (row.endedAt) throw conflict('The session has ended.', 'session-ended');
      return { joinOpenUntil: windowUntil(now, command.minutes) };
    case 'close-joining':
      return { joinOpenUntil: null };
    case 'lock-joining':
      return { locked: true };
    case 'unlock-joining':
      if (row.endedAt) throw conflict('The session has ended.', 'session-ended');
      return { locked: false };
    case 'remove-participant':
      return {};
  }
  const next = liveTransition(liveStateOf(row), command, questionIds, now.getTime());
  if ('refused' in next) throw conflict(next.refused, 'live-command-refused');
  return {
    currentQuestionId: next.questionId,
    round: next.round,
    phase: next.phase,
    questionStates: next.questionStates,
    showResults: next.showResults,
    timerEndsAt: next.timerEndsAt === null ? null : new Date(next.timerEndsAt),
    // Ending frees the code: it stops working at once, and may be drawn again for another session.
    ...(next.ended && !row.endedAt ? { endedAt: now, code: null, joinOpenUntil: null } : {}),
  };
}

/**
 * Apply a teacher's command: computed from the row as read, stored only if no other command
 * (from this or another process) changed the state in between; else read again and retry.
 */
export async function applyCommand(db: Db, writes: WriteQueue, session: LiveSession, command: SessionCommand, questionIds: readonly string[], now: Date): Promise<LiveSession> {
  let row = session;
  for (let tries = 0; tries < 20; tries++) {
    const set = change(row, command, questionIds, now);
    const statements = [
      statementOf(
        db
          .update(liveSessions)
          .set({ ...set, stateVersion: row.stateVersion + 1 })
          .where(and(eq(liveSessions.id, row.id), eq(liveSessions.stateVersion, row.stateVersion))),
      ),
    ];
    if (command.type === 'remove-participant') {
      statements.push(
        statementOf(
          db
            .update(liveParticipants)
            .set({ removedAt: now })
            .where(and(eq(liveParticipants.id, command.participantId), eq(liveParticipants.sessionId, row.id))),
        ),
      );
    }
    const [updated] = await writes.run(statements);
    if (updated!.rowsAffected === 1) return (await liveSessionById(db, row.id))!;
    row = (await liveSessionById(db, row.id))!;
  }
  throw conflict('The session changed too often to apply this command; try again.', 'busy');
}

export const newSeed = () => randomUUID();

/** What answering needs of a session and a participant, read in one prepared statement. */
export interface AnswerContext {
  participant: { id: string; seed: string };
  lessonVersion: string;
  state: LiveState;
  currentQuestionId: string | null;
  round: number;
}

const ANSWER_CONTEXT_SQL = `SELECT p.id AS pId, p.seed AS pSeed, s.lesson_version AS version, s.current_question_id AS questionId, s.round AS round,
  s.phase AS phase, s.question_states AS questionStates, s.show_results AS showResults, s.timer_ends_at AS timerEndsAt, s.ended_at AS endedAt
  FROM live_participants p JOIN live_sessions s ON s.id = p.session_id
  WHERE p.session_id = ? AND p.learner_id = ? AND p.removed_at IS NULL`;

/** The hot path of a live session (an answer): the learner's participation, if not removed, and the
 * session's state, in one read through FastSql; undefined when they take no part. */
export async function answerContext(client: Client, sessionId: string, learnerId: string): Promise<AnswerContext | undefined> {
  const row = await fastSqlOf(client).get(ANSWER_CONTEXT_SQL, [sessionId, learnerId]);
  if (!row) return undefined;
  const questionId = (row.questionId as string | null) ?? null;
  const round = Number(row.round);
  return {
    participant: { id: String(row.pId), seed: String(row.pSeed) },
    lessonVersion: String(row.version),
    currentQuestionId: questionId,
    round,
    state: {
      questionId,
      round,
      phase: row.phase as LiveState['phase'],
      questionStates: JSON.parse(String(row.questionStates ?? '{}')) as LiveState['questionStates'],
      showResults: Boolean(row.showResults),
      timerEndsAt: row.timerEndsAt === null || row.timerEndsAt === undefined ? null : Number(row.timerEndsAt),
      ended: row.endedAt !== null && row.endedAt !== undefined,
    },
  };
}
