// Multiple choice: the learner picks all options that apply. Credit is hits/|key| minus
// falsePicks/|others|, floored at 0, so picking everything does not pay.
import { z } from 'zod';
import type { AnswerError, MultipleChoice } from '../model.ts';
import { type QuestionTypeModule, type ResponseClass, ID_MAX, classesOf, noExtras, resolvedBase, resolvedOptions, duplicates, fail, graded, ownFeedback, parseShape, publicBase,
  publicChoices, tokensOf, uniqueIdProblems, untoken, listWorkload } from './common.ts';
import { multipleChoiceAnswer } from './answers/multiple-choice.ts';

const answerSchema = z.object({ optionIds: z.array(z.string().min(1).max(ID_MAX)).max(100) }).strict();

export const multipleChoice: QuestionTypeModule<'multiple-choice'> = {
  ...multipleChoiceAnswer,
  type: 'multiple-choice',
  workload: (q) => listWorkload(q.options, 40),
  answerSchema,
  resolve: (q, r, path) => ({ ...resolvedBase(q, r, path), options: resolvedOptions(q.options, r, [...path, 'options']) }),
  reviewExtras: noExtras,
  possibleResponses: (q) => q.options.map((o): ResponseClass => ({ value: o.id, label: o.text, correct: q.key.includes(o.id), ...(o.misconception ? { misconception: o.misconception } : {}) })),
  classify(q, a) {
    return classesOf(q, () => this.possibleResponses(q, String), a.optionIds);
  },
  publicView: (q, seed) => ({ ...publicBase(q), type: 'multiple-choice', options: publicChoices(q.options, seed, q, 'options') }),
  parse(q, seed, raw) {
    const shape = parseShape(answerSchema, raw);
    if (!shape.ok) return shape;
    const errors: AnswerError[] = [];
    const optionIds = untoken(tokensOf(q.options, seed, q), shape.answer.optionIds, 'optionIds', 'option', errors);
    if (duplicates(shape.answer.optionIds).length) errors.push({ path: 'optionIds', message: 'an option is picked twice' });
    return errors.length ? fail(errors) : { ok: true, answer: { optionIds } };
  },
  toPublic(q, seed, a) {
    const tokens = tokensOf(q.options, seed, q);
    return { optionIds: a.optionIds.map((id) => tokens.token(id)) };
  },
  grade(q, a) {
    const key = new Set(q.key);
    const picked = new Set(a.optionIds);
    const hits = [...picked].filter((id) => key.has(id)).length;
    const falsePicks = [...picked].filter((id) => !key.has(id)).length;
    const others = q.options.length - key.size;
    const fraction = hits / key.size - (others > 0 ? falsePicks / others : 0);
    // Feedback where the learner erred: a wrong pick, or a key option left out.
    const erred = q.options.filter((o) => picked.has(o.id) !== key.has(o.id));
    return graded(q, Math.max(0, fraction), erred.flatMap(ownFeedback));
  },
  key(q, seed) {
    const tokens = tokensOf(q.options, seed, q);
    return { optionIds: q.key.map((id) => tokens.token(id)) };
  },
  validateKey(q) {
    const problems = uniqueIdProblems(q.options, 'options');
    q.key.forEach((id, i) => {
      if (!q.options.some((o) => o.id === id)) problems.push({ path: ['key', i], message: `key names a missing option '${id}'` });
    });
    for (const id of duplicates(q.key)) problems.push({ path: ['key'], message: `key names option '${id}' twice` });
    return problems;
  },
};
