// Match: the learner pairs each claim (left) with its source (right); the right list may hold
// distractors. Credit is the share of left items paired right; an unpaired item counts as wrong.
import { z } from 'zod';
import type { AnswerError, Match } from '../model.ts';
import { shuffled } from '../shuffle.ts';
import { type QuestionTypeModule, type ResponseClass, ID_MAX, arrow, classesOf, noExtras, resolvedBase, resolvedOptions, fail, gradeAssignments, parseShape, publicBase,
  publicChoices, tokensOf, uniqueIdProblems, listWorkload, ITEM_SECONDS } from './common.ts';
import { matchAnswer } from './answers/match.ts';

const answerSchema = z
  .object({ pairs: z.record(z.string().min(1).max(ID_MAX), z.string().min(1).max(ID_MAX)) })
  .strict();

export const match: QuestionTypeModule<'match'> = {
  ...matchAnswer,
  type: 'match',
  workload: (q) => listWorkload(q.left, 10 + ITEM_SECONDS * q.left.length, q.right.map((r) => r.label)),
  answerSchema,
  resolve: (q, r, path) => ({ ...resolvedBase(q, r, path), left: resolvedOptions(q.left, r, [...path, 'left']) }),
  reviewExtras: noExtras,
  possibleResponses: (q) =>
    q.left.flatMap((left) =>
      q.right.map((right): ResponseClass => {
        const correct = q.key[left.id] === right.id;
        return { value: `${left.id}=${right.id}`, label: arrow(left.text, right.label), correct, ...(!correct && left.misconception ? { misconception: left.misconception } : {}) };
      }),
    ),
  classify(q, a) {
    return classesOf(q, () => this.possibleResponses(q, String), Object.entries(a.pairs).map(([left, right]) => `${left}=${right}`));
  },
  publicView(q, seed) {
    const right = tokensOf(q.right, seed, q);
    return {
      ...publicBase(q),
      type: 'match',
      left: publicChoices(q.left, seed, q, 'left'),
      right: shuffled(q.right, seed, q.id, 'right').map((r) => ({ id: right.token(r.id), label: r.label })),
    };
  },
  parse(q, seed, raw) {
    const shape = parseShape(answerSchema, raw);
    if (!shape.ok) return shape;
    const left = tokensOf(q.left, seed, q);
    const right = tokensOf(q.right, seed, q);
    const errors: AnswerError[] = [];
    const pairs: Record<string, string> = {};
    for (const [l, r] of Object.entries(shape.answer.pairs)) {
      const leftId = left.id(l);
      const rightId = right.id(r);
      if (leftId === undefined) errors.push({ path: `pairs.${l}`, message: 'unknown item' });
      else if (rightId === undefined) errors.push({ path: `pairs.${l}`, message: 'unknown match' });
      else pairs[leftId] = rightId;
    }
    return errors.length ? fail(errors) : { ok: true, answer: { pairs } };
  },
  toPublic(q, seed, a) {
    const left = tokensOf(q.left, seed, q);
    const right = tokensOf(q.right, seed, q);
    return { pairs: Object.fromEntries(Object.entries(a.pairs).map(([l, r]) => [left.token(l), right.token(r)])) };
  },
  grade: (q, a) => gradeAssignments(q, q.left, a.pairs, q.key),
  key(q, seed) {
    const left = tokensOf(q.left, seed, q);
    const right = tokensOf(q.right, seed, q);
    return { pairs: Object.fromEntries(q.left.map((item) => [left.token(item.id), right.token(q.key[item.id]!)])) };
  },
  validateKey(q) {
    const problems = [...uniqueIdProblems(q.left, 'left'), ...uniqueIdProblems(q.right, 'right')];
    const left = new Set(q.left.map((i) => i.id));
    const right = new Set(q.right.map((r) => r.id));
    for (const [l, r] of Object.entries(q.key)) {
      if (!left.has(l)) problems.push({ path: ['key', l], message: `key names a missing item '${l}'` });
      if (!right.has(r)) problems.push({ path: ['key', l], message: `key names a missing match '${r}'` });
    }
    for (const l of left) if (!Object.hasOwn(q.key, l)) problems.push({ path: ['key'], message: `key gives no match for item '${l}'` });
    return problems;
  },
};
