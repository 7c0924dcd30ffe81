// The report of one assignment: students x questions, scores per student and skill, item
// analysis (facility, discrimination) with notes, answer distributions and misconceptions, and
// the open answers to grade. Three queries for the whole class, then pure computation.
import type { Client } from '@libsql/client';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { attempts, learners, type Assignment, type Attempt, type Class } from '../../db/schema.ts';
import type { Answer, Lesson, Skill } from '../../lessons/index.ts';
import type { AssignmentReport, AssignmentView, CellState, OpenAnswerToGrade, ReportQuestion, ReportStudent, Score } from '../api-types.ts';
import { commonWrong, distribution, type AnswerGroup, misconceptionCounts, sentenceLookup } from './distribution.ts';
import { discriminationIndex, discriminationNote, facilityIndex, facilityNote } from './item-analysis.ts';
import { countingByQuestion, fractionOf, scoreFromResponses, type StoredResponse } from './scoring.ts';

export interface ReportRow extends StoredResponse {
  /** The answer as stored (JSON text): equal answers group by it before they are parsed. */
  answerJson: string;
  gradeComment: string | null;
  /** The rubric levels of the teacher's grade, as stored (JSON text), when graded by criterion. */
  gradeLevels: string | null;
}

export interface ReportData {
  students: { id: string; displayName: string | null }[];
  attempts: Attempt[];
  responses: ReportRow[];
}

/** Everything the report needs from the database: roster, attempts, responses with grades. */
export async function loadReportData(db: Db, client: Client, assignment: Pick<Assignment, 'id' | 'classId'>): Promise<ReportData> {
  const [students, list, raw] = await Promise.all([
    db
      .select({ id: learners.id, displayName: learners.displayName })
      .from(learners)
      .where(and(eq(learners.classId, assignment.classId), eq(learners.kind, 'student')))
      .orderBy(asc(learners.displayNameKey)),
    db.select().from(attempts).where(eq(attempts.assignmentId, assignment.id)).orderBy(asc(attempts.startedAt)),
    // The one query that grows with class x questions: one row per attempt carrying its responses
    // as JSON, which parses far faster than building a row object per response.
    client.execute({
      sql: `SELECT json_group_array(json_array(r.id, r.attempt_id, r.question_id, r.try, r.answer, r.fraction, g.points, g.comment, g.levels))
              FROM responses r JOIN attempts a ON a.id = r.attempt_id LEFT JOIN grades g ON g.response_id = r.id
             WHERE a.assignment_id = ?
             GROUP BY r.attempt_id`,
      args: [assignment.id],
    }),
  ]);
  const rows: ReportRow[] = [];
  for (const packed of raw.rows) {
    for (const r of JSON.parse(packed[0] as string) as [string, string, string, number, string, number | null, number | null, string | null, string | null][]) {
      rows.push({ id: r[0], attemptId: r[1], questionId: r[2], try: r[3], answerJson: r[4], fraction: r[5], gradePoints: r[6], gradeComment: r[7], gradeLevels: r[8] });
    }
  }
  return { students, attempts: list, responses: rows };
}

const add = (into: Partial<Record<Skill, Score>>, skill: Skill, s: Score) => {
  const total = (into[skill] ??= { points: 0, max: 0 });
  total.points = Math.round((total.points + s.points) * 100) / 100;
  total.max += s.max;
};

/**
 * Build the report from loaded data. The lesson is the assignment's pinned version: attempts at an
 * assignment pin that same version. projector: the same figures without a name or id of a student.
 */
export function buildReport(
  view: AssignmentView,
  assignment: Pick<Assignment, 'mode'>,
  lesson: Lesson,
  data: ReportData,
  { projector = false }: { projector?: boolean } = {},
): AssignmentReport {
  // A student's latest attempt at this assignment is the one reported.
  const attemptOf = new Map<string, Attempt>();
  for (const a of data.attempts) attemptOf.set(a.learnerId, a);
  const rowsOf = new Map<string, ReportRow[]>();
  for (const r of data.responses) {
    const list = rowsOf.get(r.attemptId);
    if (list) list.push(r);
    else rowsOf.set(r.attemptId, [r]);
  }

  const classSkills: Partial<Record<Skill, Score>> = {};
  const toGrade: OpenAnswerToGrade[] = [];
  // Per question: counting answers (for distributions) and graded fractions (for facility).
  const answersOf = new Map<string, Map<string, number>>(lesson.questions.map((q) => [q.id, new Map()]));
  const fractionsOf = new Map<string, number[]>(lesson.questions.map((q) => [q.id, []]));
  // Per finished attempt: points per question (null: open answer not graded yet), for discrimination.
  const finishedPoints: Map<string, number | null>[] = [];

  const students: ReportStudent[] = data.students.map((s) => {
    const attempt = attemptOf.get(s.id);
    const counting = attempt ? countingByQuestion(attempt.mode, rowsOf.get(attempt.id) ?? []) : new Map<string, ReportRow>();
    const state: CellState = !attempt ? 'not-started' : attempt.status === 'finished' ? 'finished' : 'in-progress';
    const points = new Map<string, number | null>();
    const cells = lesson.questions.map((q) => {
      const r = counting.get(q.id);
      const fraction = r ? fractionOf(q, r) : null;
      if (r) {
        const same = answersOf.get(q.id)!;
        same.set(r.answerJson, (same.get(r.answerJson) ?? 0) + 1);
        if (fraction !== null) fractionsOf.get(q.id)!.push(fraction);
        if (q.type === 'open') {
          toGrade.push({
            responseId: r.id,
            questionId: q.id,
            studentId: s.id,
            displayName: s.displayName ?? '',
            text: (JSON.parse(r.answerJson) as { text?: string }).text ?? '',
            points: r.gradePoints,
            comment: r.gradeComment,
            levels: r.gradeLevels ? (JSON.parse(r.gradeLevels) as Record<string, number>) : null,
          });
        }
      }
      points.set(q.id, r ? (fraction === null ? null : fraction * q.points) : 0);
      return { questionId: q.id, fraction, answered: r !== undefined, responseId: r?.id ?? null };
    });
    let score: Score | null = null;
    let skills: Partial<Record<Skill, Score>> = {};
    if (attempt) {
      const scored = scoreFromResponses(lesson, counting);
      score = scored.score;
      skills = scored.skills;
      // The class's skill bars count finished work only: an attempt half done would pull them down.
      if (state === 'finished') {
        for (const [skill, s2] of Object.entries(scored.skills) as [Skill, Score][]) add(classSkills, skill, s2);
        finishedPoints.push(points);
      }
    }
    return { id: s.id, displayName: s.displayName ?? '', state, attemptId: attempt?.id ?? null, score, skills, cells };
  });

  const sentenceText = sentenceLookup(lesson);
  const questions: ReportQuestion[] = lesson.questions.map((q) => {
    const answers: AnswerGroup[] = [...answersOf.get(q.id)!].map(([json, count]) => ({ answer: JSON.parse(json) as Answer, count }));
    const facility = facilityIndex(fractionsOf.get(q.id)!);
    const rows = finishedPoints.flatMap((points) => {
      const item = points.get(q.id);
      if (item === null || item === undefined) return [];
      let rest = 0;
      for (const [id, p] of points) if (id !== q.id) rest += p ?? 0;
      return [{ item, rest }];
    });
    const discrimination = discriminationIndex(rows);
    const counts = distribution(q, answers, sentenceText);
    const wrong = commonWrong(counts);
    return {
      id: q.id,
      type: q.type,
      skill: q.skill,
      prompt: q.prompt,
      points: q.points,
      responses: answers.reduce((n, g) => n + g.count, 0),
      facility,
      discrimination,
      facilityNote: facilityNote(facility, fractionsOf.get(q.id)!.length),
      discriminationNote: discriminationNote(discrimination),
      distribution: counts.map(({ misconception: _m, ...c }) => c),
      commonWrong: wrong,
      misconceptions: misconceptionCounts(q, answers),
      // The teacher grades open answers with the rubric and its example answers.
      ...(q.type === 'open' ? { rubric: q.rubric, modelAnswer: q.modelAnswer } : {}),
    };
  });

  toGrade.sort((a, b) => Number(a.points !== null) - Number(b.points !== null) || a.displayName.localeCompare(b.displayName, 'nl'));
  return {
    assignment: view,
    students: projector ? [] : students,
    questions,
    skills: classSkills,
    toGrade: projector ? [] : toGrade,
  };
}
