// The report of one assignment: students x questions, scores per student and skill, item
// analysis (facility, discrimination) with notes, answer distributions and misconceptions, and
// the open answers to grade. Three queries for the whole class, then pure computation.
import type { Client } from '@libsql/client';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { attempts, learners, type Assignment, type Attempt, type Class } from '../../db/schema.ts';
import { addScore, scoreAttempt, summarise, teacherGraded, type Answer, type GradeStep, type Lesson, type ResponseStep, type Skill } from '../../lessons/index.ts';
import type { AssignmentReport, AssignmentView, CellState, OpenAnswerToGrade, ReportQuestion, ReportStudent, Score } from '../api-types.ts';
import { commonWrong, distribution, type AnswerGroup, misconceptionCounts, sentenceLookup } from './distribution.ts';
import { discriminationIndex, discriminationNote, facilityIndex, facilityNote } from './item-analysis.ts';

export interface ReportRow extends ResponseStep {
  attemptId: string;
  /** The answer as stored (JSON text): equal answers group by it before they are parsed. */
  answerJson: string;
  /** The response's latest grade (its id is the grading order), when a teacher gave one. */
  gradeSeq: number | null;
  gradePoints: number | null;
  gradeComment: string | null;
  /** The rubric levels of the teacher's grade, as stored (JSON text), when graded by criterion. */
  gradeLevels: string | null;
}

export interface ReportData {
  students: { id: string; displayName: string | null }[];
  attempts: Attempt[];
  responses: ReportRow[];
}

/** A real as text that reads back to the same double (quote() writes enough digits; printf does not). */
const exact = (column: string) => `CASE WHEN ${column} IS NULL THEN NULL ELSE quote(${column}) END`;
const real = (text: string | null) => (text === null ? null : Number(text));

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
    // (each with its latest grade) as JSON, which parses far faster than a row object per response.
    client.execute({
      // Reals go as exact text: SQLite's JSON writes them with 15 digits, and a fraction such as
      // 2/3 would no longer equal the one every other reader scores with.
      sql: `SELECT json_group_array(json_array(r.id, r.attempt_id, r.question_id, r.try, r.answer, ${exact('r.fraction')}, g.id, ${exact('g.points')}, g.comment, g.levels))
              FROM responses r JOIN attempts a ON a.id = r.attempt_id
              LEFT JOIN grades g ON g.id = (SELECT max(id) FROM grades WHERE response_id = r.id)
             WHERE a.assignment_id = ?
             GROUP BY r.attempt_id`,
      args: [assignment.id],
    }),
  ]);
  const rows: ReportRow[] = [];
  for (const packed of raw.rows) {
    for (const r of JSON.parse(packed[0] as string) as [string, string, string, number, string, string | null, number | null, string | null, string | null, string | null][]) {
      rows.push({ id: r[0], attemptId: r[1], questionId: r[2], try: r[3], answerJson: r[4], fraction: real(r[5]), gradeSeq: r[6], gradePoints: real(r[7]), gradeComment: r[8], gradeLevels: r[9] });
    }
  }
  return { students, attempts: list, responses: rows };
}

const gradesOf = (rows: readonly ReportRow[]): GradeStep[] =>
  rows.flatMap((r) => (r.gradeSeq === null || r.gradePoints === null ? [] : [{ responseId: r.id, seq: r.gradeSeq, points: r.gradePoints }]));

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

  const sentenceText = sentenceLookup(lesson);
  const students: ReportStudent[] = data.students.map((s) => {
    const attempt = attemptOf.get(s.id);
    const state: CellState = !attempt ? 'not-started' : attempt.status === 'finished' ? 'finished' : 'in-progress';
    if (!attempt) {
      const cells = lesson.questions.map((q) => ({ questionId: q.id, fraction: null, answered: false, responseId: null }));
      return { id: s.id, displayName: s.displayName ?? '', state, attemptId: null, score: null, skills: {}, cells };
    }
    const rows = rowsOf.get(attempt.id) ?? [];
    const scored = scoreAttempt(lesson, attempt.mode, rows, gradesOf(rows));
    const points = new Map<string, number | null>();
    const cells = scored.questions.map(({ question: q, counting: r, fraction }) => {
      if (r) {
        const same = answersOf.get(q.id)!;
        same.set(r.answerJson, (same.get(r.answerJson) ?? 0) + 1);
        if (fraction !== null) fractionsOf.get(q.id)!.push(fraction);
        if (teacherGraded(q)) {
          toGrade.push({
            responseId: r.id,
            questionId: q.id,
            studentId: s.id,
            displayName: s.displayName ?? '',
            text: summarise(q, JSON.parse(r.answerJson) as Answer, { text: (l) => l.nl, sentence: sentenceText }).join('\n'),
            points: r.gradePoints,
            comment: r.gradeComment,
            levels: r.gradeLevels ? (JSON.parse(r.gradeLevels) as Record<string, number>) : null,
          });
        }
      }
      points.set(q.id, r ? (fraction === null ? null : fraction * q.points) : 0);
      return { questionId: q.id, fraction: r ? fraction : null, answered: r !== null, responseId: r?.id ?? null };
    });
    // The class's skill bars count finished work only: an attempt half done would pull them down.
    if (state === 'finished') {
      for (const [skill, s2] of Object.entries(scored.skills) as [Skill, Score][]) classSkills[skill] = addScore(classSkills[skill], s2);
      finishedPoints.push(points);
    }
    return { id: s.id, displayName: s.displayName ?? '', state, attemptId: attempt.id, score: scored.score, skills: scored.skills, cells };
  });

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
      ...('rubric' in q ? { rubric: q.rubric, modelAnswer: q.modelAnswer } : {}),
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
