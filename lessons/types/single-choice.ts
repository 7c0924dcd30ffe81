// Single choice: the learner picks one option; full credit for the key, none otherwise.
import { z } from 'zod';
import type { SingleChoice } from '../model.ts';
import { type QuestionTypeModule, type ResponseClass, ID_MAX, classesOf, noExtras, resolvedBase, resolvedOptions, fail, graded, ownFeedback, parseShape, publicBase, publicChoices,
  tokensOf, uniqueIdProblems, listWorkload } from './common.ts';
import { singleChoiceAnswer } from './answers/single-choice.ts';

const answerSchema = z.object({ optionId: z.string().min(1).max(ID_MAX) }).strict();

export const singleChoice: QuestionTypeModule<'single-choice'> = {
  ...singleChoiceAnswer,
  type: 'single-choice',
  workload: (q) => listWorkload(q.options, 20),
  answerSchema,
  resolve: (q, r, path) => ({ ...resolvedBase(q, r, path), options: resolvedOptions(q.options, r, [...path, 'options']) }),
  reviewExtras: noExtras,
  possibleResponses: (q) => q.options.map((o): ResponseClass => ({ value: o.id, label: o.text, correct: o.id === q.key, ...(o.misconception ? { misconception: o.misconception } : {}) })),
  classify(q, a) {
    return classesOf(q, () => this.possibleResponses(q, String), [a.optionId]);
  },
  publicView: (q, seed) => ({ ...publicBase(q), type: 'single-choice', options: publicChoices(q.options, seed, q, 'options') }),
  parse(q, seed, raw) {
    const shape = parseShape(answerSchema, raw);
    if (!shape.ok) return shape;
    const optionId = tokensOf(q.options, seed, q).id(shape.answer.optionId);
    if (optionId === undefined) return fail([{ path: 'optionId', message: 'unknown option' }]);
    return { ok: true, answer: { optionId } };
  },
  toPublic: (q, seed, a) => ({ optionId: tokensOf(q.options, seed, q).token(a.optionId) }),
  grade(q, a) {
    const picked = q.options.find((o) => o.id === a.optionId);
    return graded(q, a.optionId === q.key ? 1 : 0, ownFeedback(picked));
  },
  key: (q, seed) => ({ optionId: tokensOf(q.options, seed, q).token(q.key) }),
  validateKey(q) {
    const problems = uniqueIdProblems(q.options, 'options');
    if (!q.options.some((o) => o.id === q.key)) problems.push({ path: ['key'], message: `key names a missing option '${q.key}'` });
    return problems;
  },
};
