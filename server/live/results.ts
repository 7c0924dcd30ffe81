// After (or during) a live session: per question, round by round, the share right, the mean score,
// the misconceptions the answers revealed, the sentences cited, and who moved from wrong to right
// and from right to wrong against the round before (names: teacher only). Scores come from the one
// scoring function (lessons/scoring.ts) with the live behaviour picking each round's answer.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { liveAnswers, liveParticipants, type LiveSession } from '../../db/schema.ts';
import { live, round2, scoreAttempt, type Answer, type Lesson } from '../../lessons/index.ts';
import { misconceptionCounts, type AnswerGroup } from '../reports/distribution.ts';
import { toCsv, type Separator } from '../reports/csv.ts';
import type { LiveMover, LiveResults, LiveSessionSummary } from './types.ts';

interface Row {
  id: string;
  participantId: string;
  questionId: string;
  round: number;
  try: number;
  answer: Answer;
  cites: string[];
  fraction: number | null;
}

export async function liveResults(db: Db, session: LiveSession, lesson: Lesson, summary: LiveSessionSummary): Promise<LiveResults> {
  const [participants, rows] = await Promise.all([
    db.select().from(liveParticipants).where(eq(liveParticipants.sessionId, session.id)).orderBy(asc(liveParticipants.displayNameKey)),
    db
      .select({ id: liveAnswers.id, participantId: liveAnswers.participantId, questionId: liveAnswers.questionId, round: liveAnswers.round, try: liveAnswers.try, answer: liveAnswers.answer, cites: liveAnswers.cites, fraction: liveAnswers.fraction })
      .from(liveAnswers)
      .where(eq(liveAnswers.sessionId, session.id)) as Promise<Row[]>,
  ]);
  // Removed participants (a teacher's decision) count nowhere.
  const present = new Map(participants.filter((p) => p.removedAt === null).map((p) => [p.id, p]));
  const byQuestion = new Map<string, Row[]>();
  for (const r of rows) {
    if (!present.has(r.participantId)) continue;
    const list = byQuestion.get(r.questionId);
    if (list) list.push(r);
    else byQuestion.set(r.questionId, [r]);
  }
  const questions: LiveResults['questions'] = [];
  lesson.questions.forEach((q, index) => {
    const answers = byQuestion.get(q.id);
    if (!answers) return;
    const rounds = [...new Set(answers.map((a) => a.round))].sort((a, b) => a - b);
    // Per round, per participant: the counting answer and its score, as lessons/scoring.ts gives it.
    const scored = new Map<number, Map<string, { row: Row; fraction: number | null }>>();
    for (const round of rounds) {
      const tries = new Map<string, Row[]>();
      for (const a of answers) if (a.round === round) tries.set(a.participantId, [...(tries.get(a.participantId) ?? []), a]);
      const out = new Map<string, { row: Row; fraction: number | null }>();
      for (const [pid, list] of tries) {
        const s = scoreAttempt({ questions: [q] }, live, list).questions[0]!;
        out.set(pid, { row: s.counting!, fraction: s.fraction });
      }
      scored.set(round, out);
    }
    const mover = (pid: string): LiveMover => ({ participantId: pid, name: present.get(pid)!.displayName });
    questions.push({
      questionId: q.id,
      questionNumber: index + 1,
      prompt: q.prompt,
      rounds: rounds.map((round, i) => {
        const now = scored.get(round)!;
        const before = i > 0 ? scored.get(rounds[i - 1]!)! : null;
        const list = [...now.values()];
        const graded = list.every((a) => a.fraction !== null);
        const groups = new Map<string, AnswerGroup>();
        const citations: Record<string, number> = {};
        for (const { row } of list) {
          const key = JSON.stringify(row.answer);
          const g = groups.get(key);
          if (g) g.count++;
          else groups.set(key, { answer: row.answer, count: 1 });
          for (const id of new Set(row.cites)) citations[id] = (citations[id] ?? 0) + 1;
        }
        const wrongToRight: LiveMover[] = [];
        const rightToWrong: LiveMover[] = [];
        if (before && graded) {
          for (const [pid, a] of now) {
            const b = before.get(pid);
            if (!b || b.fraction === null) continue;
            if (b.fraction < 1 && a.fraction === 1) wrongToRight.push(mover(pid));
            if (b.fraction === 1 && a.fraction !== null && a.fraction < 1) rightToWrong.push(mover(pid));
          }
        }
        return {
          round,
          answered: list.length,
          right: graded && list.length ? round2(list.filter((a) => a.fraction === 1).length / list.length) : null,
          meanFraction: graded && list.length ? round2(list.reduce((sum, a) => sum + a.fraction!, 0) / list.length) : null,
          misconceptions: misconceptionCounts(q, [...groups.values()]),
          citations,
          wrongToRight,
          rightToWrong,
        };
      }),
    });
  });
  return { session: summary, participants: present.size, questions };
}

/**
 * One row per participant, one column per question and round (the score of the answer that
 * counted, 0..1; empty when not answered), like the assignment report's CSV; then one row per
 * question and round with the share right.
 */
export async function liveResultsCsv(db: Db, session: LiveSession, lesson: Lesson, results: LiveResults, separator: Separator): Promise<string> {
  const columns = results.questions.flatMap((q) => q.rounds.map((r) => ({ q, round: r.round })));
  const [participants, rows] = await Promise.all([
    db.select().from(liveParticipants).where(eq(liveParticipants.sessionId, session.id)).orderBy(asc(liveParticipants.displayNameKey)),
    db
      .select({ id: liveAnswers.id, participantId: liveAnswers.participantId, questionId: liveAnswers.questionId, round: liveAnswers.round, try: liveAnswers.try, fraction: liveAnswers.fraction })
      .from(liveAnswers)
      .where(eq(liveAnswers.sessionId, session.id)),
  ]);
  const questionById = new Map(lesson.questions.map((q) => [q.id, q]));
  const triesOf = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.participantId}|${r.questionId}|${r.round}`;
    triesOf.set(key, [...(triesOf.get(key) ?? []), r]);
  }
  const cell = (pid: string, questionId: string, round: number): number | null => {
    const tries = triesOf.get(`${pid}|${questionId}|${round}`);
    if (!tries) return null;
    return scoreAttempt({ questions: [questionById.get(questionId)!] }, live, tries).questions[0]!.fraction;
  };
  const header = ['name', ...columns.map(({ q, round }) => `Q${q.questionNumber} ${q.questionId} round ${round}`)];
  const people = participants.filter((p) => p.removedAt === null).map((p) => [p.displayName, ...columns.map(({ q, round }) => cell(p.id, q.questionId, round))]);
  const shares = ['share right', ...columns.map(({ q, round }) => q.rounds.find((r) => r.round === round)!.right)];
  return toCsv([header, ...people, shares], separator);
}
