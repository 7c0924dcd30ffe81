// The report of one assignment: students x questions, scores per student and skill, item
// analysis (facility, discrimination) with notes, answer distributions and misconceptions, and
// the open answers to grade. Three queries for the whole class, then pure computation.
import type { Client } from '@libsql/client';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { learners, type Assignment, type Attempt } from '../../db/schema.ts';
import { addScore, scoreAttempt, summarise, teacherGraded, textIn, type Answer, type GradeStep, type Lesson, type ResponseStep, type Skill } from '../../lessons/index.ts';
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

/** What the report reads of an attempt. */
type ReportAttempt = Pick<Attempt, 'id' | 'learnerId' | 'status' | 'mode'>;

export interface ReportData {
  students: { id: string; displayName: string | null }[];
  /** Oldest first: a student's latest attempt comes last. */
  attempts: ReportAttempt[];
  responses: ReportRow[];
}

/** A real as text that reads back to the same double (quote() writes enough digits; printf does not). */
const exact = (column: string) => `CASE WHEN ${column} IS NULL THEN NULL ELSE quote(${column}) END`;
const real = (text: string | null) => (text === null ? null : Number(text));

// The one query that grows with class x questions: one row per attempt carrying its responses
// (each with its latest grade) as JSON, which parses far faster than a row object per response
// (1,000 students x 12 answers: 12 ms against 76 ms for plain rows, even on the native driver).
// Reals go as exact text: SQLite's JSON writes them with 15 digits, and a fraction such as 2/3
// would no longer equal the one every other reader scores with. The attempt's own columns ride
// along, so the attempts need no query (and no drizzle row objects) of their own.
const ATTEMPTS_WITH_RESPONSES = `
  SELECT a.id, a.learner_id, a.status, a.mode,
         json_group_array(json_array(r.id, r.question_id, r.try, r.answer, ${exact('r.fraction')}, g.id, ${exact('g.points')}, g.comment, g.levels))
           FILTER (WHERE r.id IS NOT NULL)
    FROM attempts a
    LEFT JOIN responses r ON r.attempt_id = a.id
    LEFT JOIN grades g ON g.id = (SELECT max(id) FROM grades WHERE response_id = r.id)
   WHERE a.assignment_id = ?
   GROUP BY a.id
   ORDER BY a.started_at, a.id`;

type PackedResponse = [string, string, number, string, string | null, number | null, string | null, string | null, string | null];

/** Everything the report needs from the database: roster, attempts, responses with grades. */
export async function loadReportData(db: Db, client: Client, assignment: Pick<Assignment, 'id' | 'classId'>): Promise<ReportData> {
  const [students, raw] = await Promise.all([
    db
      .select({ id: learners.id, displayName: learners.displayName })
      .from(learners)
      .where(and(eq(learners.classId, assignment.classId), eq(learners.kind, 'student')))
      .orderBy(asc(learners.displayNameKey)),
    client.execute({ sql: ATTEMPTS_WITH_RESPONSES, args: [assignment.id] }),
  ]);
  const list: ReportAttempt[] = [];
  const rows: ReportRow[] = [];
  for (const row of raw.rows) {
    const attemptId = row[0] as string;
    list.push({ id: attemptId, learnerId: row[1] as string, status: row[2] as Attempt['status'], mode: row[3] as Attempt['mode'] });
    for (const r of JSON.parse(row[4] as string) as PackedResponse[]) {
      rows.push({ id: r[0], attemptId, questionId: r[1], try: r[2], answerJson: r[3], fraction: real(r[4]), gradeSeq: r[5], gradePoints: real(r[6]), gradeComment: r[7], gradeLevels: r[8] });
    }
  }
  return { students, attempts: list, responses: rows };
}

const gradesOf = (rows: readonly ReportRow[]): GradeStep[] =>
  rows.flatMap((r) => (r.gradeSeq === null || r.gradePoints === null ? [] : [{ responseId: r.id, seq: r.gradeSeq, points: r.gradePoints }]));

/** Names sort as a Dutch teacher expects ("IJsbrand" under I, "Émile" beside "Emile"). */
const byName = new Intl.Collator('nl');

/** Per question, what the class answered: the input of the item analysis. */
interface Tallies {
  /** Counting answers by their JSON text (for distributions). */
  answersOf: Map<string, Map<string, number>>;
  /** Graded fractions (for facility). */
  fractionsOf: Map<string, number[]>;
  /** Per finished attempt: points per question in lesson order (null: open answer not graded
   * yet), for discrimination. */
  finishedPoints: (number | null)[][];
}

interface ReportStudents {
  students: ReportStudent[];
  /** The class's skill bars: finished work only. */
  skills: Partial<Record<Skill, Score>>;
}

/**
 * The students' rows: each student's latest attempt, scored by lessons/scoring.ts. All the CSV
 * needs; the report adds the item analysis (tallies) and the open answers to grade.
 */
export function reportStudents(lesson: Lesson, data: ReportData): ReportStudents {
  return studentRows(lesson, data, null);
}

function studentRows(lesson: Lesson, data: ReportData, analysis: { tallies: Tallies; toGrade: OpenAnswerToGrade[] } | null): ReportStudents {
  // A student's latest attempt at this assignment is the one reported.
  const attemptOf = new Map<string, ReportAttempt>();
  for (const a of data.attempts) attemptOf.set(a.learnerId, a);
  const rowsOf = new Map<string, ReportRow[]>();
  for (const r of data.responses) {
    const list = rowsOf.get(r.attemptId);
    if (list) list.push(r);
    else rowsOf.set(r.attemptId, [r]);
  }
  const classSkills: Partial<Record<Skill, Score>> = {};
  const sentenceText = analysis && sentenceLookup(lesson);
  const students: ReportStudent[] = data.students.map((s) => {
    const attempt = attemptOf.get(s.id);
    const state: CellState = !attempt ? 'not-started' : attempt.status === 'finished' ? 'finished' : 'in-progress';
    if (!attempt) {
      const cells = lesson.questions.map((q) => ({ questionId: q.id, fraction: null, answered: false, responseId: null }));
      return { id: s.id, displayName: s.displayName ?? '', state, attemptId: null, score: null, skills: {}, cells };
    }
    const rows = rowsOf.get(attempt.id) ?? [];
    const scored = scoreAttempt(lesson, attempt.mode, rows, gradesOf(rows));
    const points: (number | null)[] = [];
    const cells = scored.questions.map(({ question: q, counting: r, fraction }) => {
      if (r && analysis) {
        const same = analysis.tallies.answersOf.get(q.id)!;
        same.set(r.answerJson, (same.get(r.answerJson) ?? 0) + 1);
        if (fraction !== null) analysis.tallies.fractionsOf.get(q.id)!.push(fraction);
        if (teacherGraded(q)) {
          analysis.toGrade.push({
            responseId: r.id,
            questionId: q.id,
            studentId: s.id,
            displayName: s.displayName ?? '',
            text: summarise(q, JSON.parse(r.answerJson) as Answer, { text: (l) => textIn(l, 'nl'), sentence: sentenceText! }).join('\n'),
            points: r.gradePoints,
            comment: r.gradeComment,
            levels: r.gradeLevels ? (JSON.parse(r.gradeLevels) as Record<string, number>) : null,
          });
        }
      }
      points.push(r ? (fraction === null ? null : fraction * q.points) : 0);
      return { questionId: q.id, fraction: r ? fraction : null, answered: r !== null, responseId: r?.id ?? null };
    });
    // The class's skill bars count finished work only: an attempt half done would pull them down.
    if (state === 'finished') {
      for (const [skill, s2] of Object.entries(scored.skills) as [Skill, Score][]) classSkills[skill] = addScore(classSkills[skill], s2);
      analysis?.tallies.finishedPoints.push(points);
    }
    return { id: s.id, displayName: s.displayName ?? '', state, attemptId: attempt.id, score: scored.score, skills: scored.skills, cells };
  });
  return { students, skills: classSkills };
}

/**
 * Build the report from loaded data. The lesson is the assignment's pinned version: attempts at an
 * assignment pin that same version. projector: the same figures without a name or id of a student.
 */
export function buildReport(
  view: AssignmentView,
  lesson: Lesson,
  data: ReportData,
  { projector = false }: { projector?: boolean } = {},
): AssignmentReport {
  const tallies: Tallies = {
    answersOf: new Map(lesson.questions.map((q) => [q.id, new Map()])),
    fractionsOf: new Map(lesson.questions.map((q) => [q.id, []])),
    finishedPoints: [],
  };
  const toGrade: OpenAnswerToGrade[] = [];
  const { students, skills: classSkills } = studentRows(lesson, data, { tallies, toGrade });
  const { answersOf, fractionsOf, finishedPoints } = tallies;
  const sentenceText = sentenceLookup(lesson);

  const questions: ReportQuestion[] = lesson.questions.map((q, index) => {
    const answers: AnswerGroup[] = [...answersOf.get(q.id)!].map(([json, count]) => ({ answer: JSON.parse(json) as Answer, count }));
    const facility = facilityIndex(fractionsOf.get(q.id)!);
    const rows: { item: number; rest: number }[] = [];
    for (const points of finishedPoints) {
      const item = points[index];
      if (item === null || item === undefined) continue;
      let rest = 0;
      for (let other = 0; other < points.length; other++) if (other !== index) rest += points[other] ?? 0;
      rows.push({ item, rest });
    }
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

  toGrade.sort((a, b) => Number(a.points !== null) - Number(b.points !== null) || byName.compare(a.displayName, b.displayName));
  return {
    assignment: view,
    students: projector ? [] : students,
    questions,
    skills: classSkills,
    toGrade: projector ? [] : toGrade,
  };
}
