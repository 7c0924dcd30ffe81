// Open: the learner writes a short justification. It has no automatic grade: a teacher scores it
// with the analytic rubric (scoreOpen); the learner sees the model answer to compare with.
import { z } from 'zod';
import type { Open } from '../model.ts';
import { type KeyProblem, type QuestionTypeModule, duplicates, resolvedBase, fail, graded, parseShape, publicBase } from './common.ts';
import { openAnswer } from './answers/open.ts';

const answerSchema = z.object({ text: z.string().max(20_000) }).strict();

/** Thinking and writing a short justified answer (40-80 words) at a 15-year-old's pace. */
export const OPEN_MINUTES = 4;

export const open: QuestionTypeModule<'open'> = {
  ...openAnswer,
  type: 'open',
  workload: (q) => ({ shown: [], feedback: [q.modelAnswer], answerSeconds: OPEN_MINUTES * 60 }),
  answerSchema,
  resolve: (q, r, path) => resolvedBase(q, r, path),
  reviewExtras: (q) => ({ modelAnswer: q.modelAnswer }),
  // Free text has no classes to count: the teacher reads the answers in the grading queue.
  possibleResponses: () => [],
  classify: () => [],
  publicView: (q) => ({ ...publicBase(q), type: 'open', maxLength: q.maxLength }),
  parse(q, _seed, raw) {
    const shape = parseShape(answerSchema, raw);
    if (!shape.ok) return shape;
    const text = shape.answer.text.trim();
    if (!text) return fail([{ path: 'text', message: 'write an answer' }]);
    if (text.length > q.maxLength) return fail([{ path: 'text', message: `at most ${q.maxLength} characters` }]);
    return { ok: true, answer: { text } };
  },
  toPublic: (_q, _seed, a) => ({ text: a.text }),
  grade: (q) => graded(q, null, [{ text: q.modelAnswer, anchors: q.cites }]),
  key: () => null,
  validateKey(q) {
    const problems: KeyProblem[] = [];
    for (const id of duplicates(q.rubric.map((c) => c.id))) {
      problems.push({ path: ['rubric'], message: `duplicate criterion id '${id}'` });
    }
    q.rubric.forEach((criterion, i) => {
      const points = criterion.levels.map((l) => l.points);
      for (let p = 0; p <= 3; p++) {
        const n = points.filter((x) => x === p).length;
        if (n !== 1) problems.push({ path: ['rubric', i, 'levels'], message: n ? `level ${p} appears ${n} times` : `level ${p} is missing` });
      }
    });
    return problems;
  },
};

/** A teacher's rubric levels (criterion id -> 0..3) as a fraction; throws on a missing or
 * out-of-range level, which the server must have validated. */
export function scoreOpen(q: Open, levels: Record<string, number>): number {
  let total = 0;
  for (const criterion of q.rubric) {
    const level = levels[criterion.id];
    if (level === undefined || !Number.isInteger(level) || level < 0 || level > 3) {
      throw new RangeError(`criterion '${criterion.id}' needs a level from 0 to 3`);
    }
    total += level;
  }
  return total / (3 * q.rubric.length);
}
