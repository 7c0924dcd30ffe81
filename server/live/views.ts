// What each screen of a live session sees, computed from one read of the session (./snapshot):
// the teacher's control screen (names, key, every round), the projector (no names; the answer
// split and the cited sentences only when the teacher shows them; the key after the reveal) and a
// participant's device (their question and answer; the key only after the reveal, as the live
// behaviour says). Pure functions: every process computes the same views from the same rows.
import type { Client } from '@libsql/client';
import { fastSqlOf } from '../../db/client.ts';
import type { LiveParticipant, LiveSession } from '../../db/schema.ts';
import {
  effectivePhase,
  grade,
  live,
  liveAttemptState,
  publicQuestion,
  review,
  toPublicAnswer,
  type Answer,
  type Lesson,
  type PublicQuestion,
  type Question,
} from '../../lessons/index.ts';
import { lessonDetail } from '../routes/lessons.ts';
import { distribution, sentenceLookup, type AnswerGroup } from '../reports/distribution.ts';
import { formatJoinCode } from '../security/codes.ts';
import { windowOpen } from '../security/join-window.ts';
import { liveStateOf, participantFromRow } from './store.ts';
import type {
  LiveAnswerClass,
  LiveCounts,
  LiveParticipantView,
  LiveProjectorView,
  LiveRoundResult,
  LiveSessionSummary,
  LiveStateView,
  LiveStudentView,
  LiveTeacherView,
} from './types.ts';

/** A stored answer as the views read it. */
export interface AnswerRow {
  participantId: string;
  round: number;
  try: number;
  answer: Answer;
  cites: string[];
  fraction: number | null;
}

/** One read of a session: its row, participants, and every answer to the current question. */
export interface Snapshot {
  session: LiveSession;
  lesson: Lesson;
  /** In the order of their names, removed ones too. */
  participants: LiveParticipant[];
  /** The same, by learner: a device's stream finds its reader here instead of reading it again. */
  byLearner: Map<string, LiveParticipant>;
  /** Per round of the current question: each participant's counting answer (the live behaviour's). */
  rounds: Map<number, Map<string, AnswerRow>>;
  /** The question these answers are to, every try of every round, and the largest rowid among
   * them: the next snapshot of the same question reads only what came after. */
  questionId: string | null;
  answers: readonly AnswerRow[];
  lastRowid: number;
}

/** The counting answer of each participant, per round: the behaviour picks it from the tries. */
export function countingByRound(rows: readonly AnswerRow[]): Map<number, Map<string, AnswerRow>> {
  const tries = new Map<string, AnswerRow[]>();
  for (const r of rows) {
    const key = `${r.round}\u0000${r.participantId}`;
    const list = tries.get(key);
    if (list) list.push(r);
    else tries.set(key, [r]);
  }
  const rounds = new Map<number, Map<string, AnswerRow>>();
  for (const list of tries.values()) {
    const counting = live.counting(list)!;
    let round = rounds.get(counting.round);
    if (!round) rounds.set(counting.round, (round = new Map()));
    round.set(counting.participantId, counting);
  }
  return rounds;
}

// Prepared statements (FastSql): a snapshot is read on every change of a session that streams watch.
const PARTICIPANTS_SQL = `SELECT id, session_id AS sessionId, learner_id AS learnerId, display_name AS displayName, display_name_key AS displayNameKey,
  seed, removed_at AS removedAt, joined_at AS joinedAt FROM live_participants WHERE session_id = ? ORDER BY display_name_key`;
const ANSWERS_SQL = `SELECT rowid AS r, participant_id AS participantId, round, try, answer, cites, fraction FROM live_answers
  WHERE session_id = ? AND question_id = ? AND rowid > ?`;

/**
 * Read a session's snapshot. With `before`, a snapshot of the same question, only the answers
 * stored since are read (rows are appended, and a later commit gets a larger rowid), unless a
 * participant of `before` is gone: answers are deleted only with their participant, and a deleted
 * last row could let a new answer take a rowid already passed, so then everything is read again.
 */
export async function loadSnapshot(client: Client, session: LiveSession, lesson: Lesson, before?: Snapshot | null): Promise<Snapshot> {
  // One after the other: the native reader answers at once, and the client path gains nothing from overlap.
  const sql = fastSqlOf(client);
  const participants = (await sql.all(PARTICIPANTS_SQL, [session.id])).map(participantFromRow);
  const questionId = session.currentQuestionId;
  const byId = new Set(participants.map((p) => p.id));
  const from = before && questionId !== null && before.questionId === questionId && before.participants.every((p) => byId.has(p.id)) ? before : null;
  let answers: readonly AnswerRow[] = from ? from.answers : [];
  let lastRowid = from ? from.lastRowid : 0;
  if (questionId !== null) {
    const rows = await sql.all(ANSWERS_SQL, [session.id, questionId, lastRowid]);
    if (rows.length > 0) {
      answers = answers.concat(
        rows.map(
          (r): AnswerRow => ({
            participantId: String(r.participantId),
            round: Number(r.round),
            try: Number(r.try),
            answer: JSON.parse(String(r.answer)) as Answer,
            cites: JSON.parse(String(r.cites)) as string[],
            fraction: r.fraction === null ? null : Number(r.fraction),
          }),
        ),
      );
      for (const r of rows) lastRowid = Math.max(lastRowid, Number(r.r));
    }
  }
  return {
    session,
    lesson,
    participants,
    byLearner: new Map(participants.map((p) => [p.learnerId, p])),
    rounds: from && answers === from.answers ? from.rounds : countingByRound(answers),
    questionId,
    answers,
    lastRowid,
  };
}

/**
 * The latest snapshot of each session in this process, shared by all its screens (teacher,
 * projector, every device): read once per change, not once per stream, and from the one before
 * (loadSnapshot). A request for older versions gets the newer snapshot (its row is newer too, and
 * the views read the row from it).
 */
const snapshots = new Map<string, { stateVersion: number; answersVersion: number; endedAt: number | null; read: Promise<Snapshot> }>();
const SESSIONS_KEPT = 500;
export function sharedSnapshot(client: Client, session: LiveSession, lesson: Lesson): Promise<Snapshot> {
  const found = snapshots.get(session.id);
  const endedAt = session.endedAt?.getTime() ?? null;
  if (found && found.stateVersion >= session.stateVersion && found.answersVersion >= session.answersVersion && (endedAt === null || found.endedAt !== null)) {
    return found.read;
  }
  const previous = found?.read;
  const read = (async () => loadSnapshot(client, session, lesson, previous ? await previous.catch(() => null) : null))();
  const entry = { stateVersion: session.stateVersion, answersVersion: session.answersVersion, endedAt, read };
  snapshots.delete(session.id);
  snapshots.set(session.id, entry);
  read.catch(() => {
    if (snapshots.get(session.id) === entry) snapshots.delete(session.id);
  });
  if (snapshots.size > SESSIONS_KEPT) snapshots.delete(snapshots.keys().next().value!);
  return read;
}

const questionOf = (lesson: Lesson, id: string | null): Question | null => (id === null ? null : (lesson.questions.find((q) => q.id === id) ?? null));

export function summaryOf(session: LiveSession, lesson: Pick<Lesson, 'title'>, className: string | null): LiveSessionSummary {
  return {
    id: session.id,
    code: session.code ? formatJoinCode(session.code) : null,
    lessonSlug: session.lessonSlug,
    lessonTitle: lesson.title,
    classId: session.classId,
    className,
    startedAt: session.startedAt.toISOString(),
    endedAt: session.endedAt ? session.endedAt.toISOString() : null,
  };
}

export function stateView(session: LiveSession, lesson: Lesson, now: Date): LiveStateView {
  const state = liveStateOf(session);
  const index = state.questionId === null ? -1 : lesson.questions.findIndex((q) => q.id === state.questionId);
  const phase = state.ended ? 'ended' : state.questionId === null ? 'lobby' : effectivePhase(state, now.getTime());
  return {
    questionId: state.questionId,
    questionNumber: index < 0 ? null : index + 1,
    questionCount: lesson.questions.length,
    round: state.round,
    phase,
    showResults: state.showResults,
    timerEndsAt: state.timerEndsAt === null ? null : new Date(state.timerEndsAt).toISOString(),
    endedAt: session.endedAt ? session.endedAt.toISOString() : null,
    version: `${session.stateVersion}.${session.answersVersion}`,
  };
}

const active = (s: Snapshot) => s.participants.filter((p) => p.removedAt === null);

function counts(s: Snapshot): LiveCounts {
  const current = s.rounds.get(s.session.round);
  const present = active(s);
  return { joined: present.length, answered: current ? present.filter((p) => current.has(p.id)).length : 0 };
}

/** Each round of the current question: the answer split and the cited sentences; the key's part
 * (correct, misconception, the share right) only with `withKey`. Removed participants do not count. */
function roundResults(s: Snapshot, q: Question, withKey: boolean): LiveRoundResult[] {
  const present = new Set(active(s).map((p) => p.id));
  const text = sentencesOf(s.lesson);
  return [...s.rounds.keys()]
    .sort((a, b) => a - b)
    .map((round) => {
      const answers = [...s.rounds.get(round)!.values()].filter((a) => present.has(a.participantId));
      const groups = new Map<string, AnswerGroup>();
      const citations: Record<string, number> = {};
      let right = 0;
      for (const a of answers) {
        const key = JSON.stringify(a.answer);
        const g = groups.get(key);
        if (g) g.count++;
        else groups.set(key, { answer: a.answer, count: 1 });
        for (const id of new Set(a.cites)) citations[id] = (citations[id] ?? 0) + 1;
        if (a.fraction === 1) right++;
      }
      const split: LiveAnswerClass[] = distribution(q, [...groups.values()], text).map((e) =>
        withKey
          ? { value: e.value, label: e.label, count: e.count, correct: e.correct, ...(e.misconception ? { misconception: e.misconception } : {}) }
          : { value: e.value, label: e.label, count: e.count },
      );
      const gradedAtOnce = answers.every((a) => a.fraction !== null);
      return {
        round,
        answered: answers.length,
        distribution: split,
        citations,
        ...(withKey ? { right: answers.length === 0 || !gradedAtOnce ? null : right / answers.length } : {}),
      };
    });
}

const sentenceTexts = new WeakMap<Lesson, (id: string) => string>();
function sentencesOf(lesson: Lesson): (id: string) => string {
  let text = sentenceTexts.get(lesson);
  if (!text) sentenceTexts.set(lesson, (text = sentenceLookup(lesson)));
  return text;
}

/** A question in one reader's tokens (their options shuffled by their seed): the same on every
 * update of their screen, so made once. At most SEEDS_KEPT per question are kept. */
const publicViews = new WeakMap<Question, Map<string, PublicQuestion>>();
const SEEDS_KEPT = 2000;
function seenAs(q: Question, seed: string): PublicQuestion {
  let bySeed = publicViews.get(q);
  if (!bySeed) publicViews.set(q, (bySeed = new Map()));
  let view = bySeed.get(seed);
  if (!view) {
    if (bySeed.size >= SEEDS_KEPT) bySeed.clear();
    bySeed.set(seed, (view = publicQuestion(q, seed)));
  }
  return view;
}

/** The teacher's copy of the lesson (article, questions with their keys): one object per lesson,
 * so a stream serializes it once (server/live/stream.ts, viewJson). */
const lessonParts = new WeakMap<Lesson, LiveTeacherView['lesson']>();
function lessonPart(lesson: Lesson): LiveTeacherView['lesson'] {
  let part = lessonParts.get(lesson);
  if (!part) lessonParts.set(lesson, (part = { slug: lesson.slug, title: lesson.title, article: article(lesson), questions: lesson.questions }));
  return part;
}

const articles = new WeakMap<Lesson, ReturnType<typeof lessonDetail>['article']>();
function article(lesson: Lesson) {
  let a = articles.get(lesson);
  if (!a) articles.set(lesson, (a = lessonDetail(lesson).article));
  return a;
}

export function teacherView(s: Snapshot, className: string | null, now: Date): LiveTeacherView {
  const { session, lesson } = s;
  const q = questionOf(lesson, session.currentQuestionId);
  const current = s.rounds.get(session.round);
  return {
    ...summaryOf(session, lesson, className),
    lesson: lessonPart(lesson),
    state: stateView(session, lesson, now),
    joinOpenUntil: session.joinOpenUntil ? session.joinOpenUntil.toISOString() : null,
    joinOpen: session.endedAt === null && windowOpen(session.joinOpenUntil, now),
    locked: session.locked,
    participants: s.participants.map((p): LiveParticipantView => ({ id: p.id, name: p.displayName, answered: current?.has(p.id) ?? false, removed: p.removedAt !== null })),
    counts: counts(s),
    rounds: q ? roundResults(s, q, true) : [],
  };
}

/** The projector's own seed: its option order, like any participant's, says nothing of the key. */
const projectorSeed = (session: LiveSession) => `projector:${session.id}`;

export function projectorView(s: Snapshot, now: Date): LiveProjectorView {
  const { session, lesson } = s;
  const q = questionOf(lesson, session.currentQuestionId);
  const state = stateView(session, lesson, now);
  const revealed = state.phase === 'revealed';
  return {
    id: session.id,
    code: session.code ? formatJoinCode(session.code) : null,
    joinOpen: session.endedAt === null && !session.locked && windowOpen(session.joinOpenUntil, now),
    lessonTitle: lesson.title,
    article: article(lesson),
    state,
    counts: counts(s),
    question: q ? seenAs(q, projectorSeed(session)) : null,
    rounds: q && session.showResults ? roundResults(s, q, revealed) : [],
    review: q && revealed ? review(q, projectorSeed(session)) : null,
  };
}

export function studentView(s: Snapshot, participant: LiveParticipant, now: Date): LiveStudentView {
  const { session, lesson } = s;
  const q = questionOf(lesson, session.currentQuestionId);
  const mine = s.rounds.get(session.round)?.get(participant.id) ?? null;
  const rules = q ? liveAttemptState(liveStateOf(session), q.id, session.round, now.getTime()) : null;
  const shown = q && rules && mine ? live.shown(q, grade(q, mine.answer), mine.try, participant.seed, rules) : null;
  const visible = q && rules ? live.reviewVisible(rules) : false;
  return {
    sessionId: session.id,
    participantId: participant.id,
    name: participant.displayName,
    lessonTitle: lesson.title,
    article: article(lesson),
    state: stateView(session, lesson, now),
    question: q ? seenAs(q, participant.seed) : null,
    takesCites: q ? live.takesCites(q) : false,
    answer: q && mine ? { answer: toPublicAnswer(q, participant.seed, mine.answer), cites: mine.cites } : null,
    ...(q && visible ? { review: { ...review(q, participant.seed), fraction: shown?.fraction ?? null } } : {}),
  };
}
