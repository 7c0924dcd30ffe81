// A teacher scores an open answer: points, or a level per rubric criterion, and a comment. Each
// grading appends a step to `grades` (the latest counts); responses are never updated. The
// student's score follows through lessons/scoring.ts: the grade takes the place of the automatic
// grade an open answer lacks. Only open answers are graded by a teacher.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { assignments, attempts, classes, grades, responses } from '../../db/schema.ts';
import { round2, scoreOpen } from '../../lessons/index.ts';
import { factory } from '../env.ts';
import { invalid, notFound, validate } from '../errors.ts';
import { requireTeacher } from '../guards.ts';

const gradeBody = z.union([
  z.object({ points: z.number().finite().min(0), comment: z.string().trim().max(2000).optional() }).strict(),
  z.object({ levels: z.record(z.string(), z.number().int().min(0).max(3)), comment: z.string().trim().max(2000).optional() }).strict(),
]);

export const gradeRoutes = factory.createApp().put('/:id/grade', requireTeacher, validate('json', gradeBody), async (c) => {
  const { db } = c.var;
  const [row] = await db
    .select({ response: responses, attempt: attempts, teacherId: classes.teacherId })
    .from(responses)
    .innerJoin(attempts, eq(attempts.id, responses.attemptId))
    .innerJoin(assignments, eq(assignments.id, attempts.assignmentId))
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .where(eq(responses.id, c.req.param('id')))
    .limit(1);
  // Someone else's student's answer is as absent as a made-up id.
  if (!row || row.teacherId !== c.var.teacherId) throw notFound('There is no such answer in your classes.');
  const lesson = await c.var.lessons.version(row.attempt.lessonVersion);
  const question = lesson?.questions.find((q) => q.id === row.response.questionId);
  if (!question) throw notFound('The question of this answer no longer exists.');
  if (question.type !== 'open') {
    throw invalid('Only open answers are scored by the teacher; the others are graded automatically.', [{ path: '', message: 'not an open answer' }]);
  }
  const body = c.req.valid('json');
  let points: number;
  let levels: Record<string, number> | null = null;
  if ('levels' in body) {
    const known = new Set(question.rubric.map((r) => r.id));
    const errors = [
      ...question.rubric.filter((r) => body.levels[r.id] === undefined).map((r) => ({ path: `levels.${r.id}`, message: 'give a level from 0 to 3' })),
      ...Object.keys(body.levels).filter((id) => !known.has(id)).map((id) => ({ path: `levels.${id}`, message: 'no such criterion' })),
    ];
    if (errors.length) throw invalid('Score every criterion of the rubric.', errors);
    levels = body.levels;
    points = round2(scoreOpen(question, levels) * question.points);
  } else {
    if (body.points > question.points) throw invalid(`This question is worth at most ${question.points} point(s).`, [{ path: 'points', message: `at most ${question.points}` }]);
    points = body.points;
  }
  const comment = body.comment ? body.comment : null;
  const fraction = points / question.points;
  const now = c.var.now();
  await db.insert(grades).values({ responseId: row.response.id, teacherId: c.var.teacherId, points, levels, comment, gradedAt: now });
  return c.json({ responseId: row.response.id, points, max: question.points, fraction, levels, comment, gradedAt: now.toISOString() }, 200);
});
