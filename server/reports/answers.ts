// Open answers and one student's answers for the teacher's report: the answers a teacher picked to
// discuss on the projector (text only, no name, no id), and a student's answers to every question
// with the feedback grading gave, for the report's cell that opens them. Scores by lessons/scoring.ts.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { attempts, grades, learners, responses, type Assignment } from '../../db/schema.ts';
import { grade, scoreAttempt, summarise, type Answer, type GradeStep, type Lesson, type Localized } from '../../lessons/index.ts';
import type { DiscussionAnswer, StudentAnswers } from '../api-types.ts';
import { sentenceLookup } from './distribution.ts';
import { textIn } from '../../lessons/localized.ts';

const nlOf = (l: Localized) => textIn(l, 'nl');
const enOf = (l: Localized) => textIn(l, 'en');
const both = (lines: (pick: (l: Localized) => string) => string[]): Localized => ({ nl: lines(nlOf).join('\n'), en: lines(enOf).join('\n') });

/** The picked open answers of this assignment, in the teacher's order, as text only. */
export async function discussionAnswers(db: Db, assignment: Pick<Assignment, 'id' | 'discussion'>, lesson: Lesson): Promise<DiscussionAnswer[]> {
  const ids = assignment.discussion ?? [];
  if (!ids.length) return [];
  const rows = await db
    .select({ id: responses.id, questionId: responses.questionId, answer: responses.answer })
    .from(responses)
    .innerJoin(attempts, eq(attempts.id, responses.attemptId))
    .where(and(eq(attempts.assignmentId, assignment.id), inArray(responses.id, ids)));
  const sentence = sentenceLookup(lesson);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    const q = r && lesson.questions.find((x) => x.id === r.questionId);
    if (!r || !q) return []; // its student was deleted since: nothing to show
    return [{ questionId: q.id, text: summarise(q, r.answer as Answer, { text: nlOf, sentence }).join('\n') }];
  });
}

/** A student's latest attempt at the assignment: every question with the counting answer, its score and feedback. */
export async function studentAnswers(db: Db, assignment: Pick<Assignment, 'id' | 'classId'>, lesson: Lesson, studentId: string): Promise<StudentAnswers | null> {
  const [student] = await db
    .select({ id: learners.id, displayName: learners.displayName })
    .from(learners)
    .where(and(eq(learners.id, studentId), eq(learners.classId, assignment.classId), eq(learners.kind, 'student')))
    .limit(1);
  if (!student) return null;
  const [attempt] = await db
    .select()
    .from(attempts)
    .where(and(eq(attempts.assignmentId, assignment.id), eq(attempts.learnerId, student.id)))
    .orderBy(desc(attempts.startedAt))
    .limit(1);
  const base = { studentId: student.id, displayName: student.displayName ?? '' };
  if (!attempt) return { ...base, state: 'not-started', questions: [] };
  const rows = await db
    .select({ id: responses.id, questionId: responses.questionId, try: responses.try, answer: responses.answer, fraction: responses.fraction })
    .from(responses)
    .where(eq(responses.attemptId, attempt.id));
  const given = rows.length
    ? await db.select().from(grades).where(inArray(grades.responseId, rows.map((r) => r.id)))
    : [];
  const steps: GradeStep[] = given.map((g) => ({ responseId: g.responseId, seq: g.id, points: g.points }));
  const scored = scoreAttempt(lesson, attempt.mode, rows, steps);
  const commentOf = new Map(given.sort((a, b) => a.id - b.id).map((g) => [g.responseId, g.comment]));
  const sentence = sentenceLookup(lesson);
  return {
    ...base,
    state: attempt.status === 'finished' ? 'finished' : 'in-progress',
    questions: scored.questions.map(({ question: q, counting, fraction, points, max }) => {
      if (!counting) return { questionId: q.id, prompt: q.prompt, answered: false, answer: null, fraction: null, points: 0, max, feedback: [], teacherComment: null };
      const answer = counting.answer as Answer;
      return {
        questionId: q.id,
        prompt: q.prompt,
        answered: true,
        answer: both((text) => summarise(q, answer, { text, sentence })),
        fraction,
        points,
        max,
        feedback: grade(q, answer).feedback.map((f) => ({ text: f.text, ...(f.misconception ? { misconception: f.misconception } : {}) })),
        teacherComment: commentOf.get(counting.id) ?? null,
      };
    }),
  };
}
