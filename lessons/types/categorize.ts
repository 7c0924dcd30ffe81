// Categorize: the learner puts each statement in a category (fact, claim, opinion, prediction).
// Credit is the share of items placed right; an item left unplaced counts as wrong.
import { z } from 'zod';
import type { AnswerError, Categorize } from '../model.ts';
import { type QuestionTypeModule, type ResponseClass, ID_MAX, arrow, classesOf, noExtras, resolvedBase, resolvedOptions, fail, gradeAssignments, parseShape, publicBase,
  publicChoices, tokensOf, uniqueIdProblems, listWorkload, ITEM_SECONDS } from './common.ts';
import { categorizeAnswer } from './answers/categorize.ts';

const answerSchema = z
  .object({ placements: z.record(z.string().min(1).max(ID_MAX), z.string().min(1).max(ID_MAX)) })
  .strict();

export const categorize: QuestionTypeModule<'categorize'> = {
  ...categorizeAnswer,
  type: 'categorize',
  workload: (q) => listWorkload(q.items, 10 + ITEM_SECONDS * q.items.length, q.categories.map((c) => c.label)),
  answerSchema,
  resolve: (q, r, path) => ({ ...resolvedBase(q, r, path), items: resolvedOptions(q.items, r, [...path, 'items']) }),
  reviewExtras: noExtras,
  possibleResponses: (q) =>
    q.items.flatMap((item) =>
      q.categories.map((c): ResponseClass => {
        const correct = q.key[item.id] === c.id;
        return { value: `${item.id}=${c.id}`, label: arrow(item.text, c.label), correct, ...(!correct && item.misconception ? { misconception: item.misconception } : {}) };
      }),
    ),
  classify(q, a) {
    return classesOf(q, () => this.possibleResponses(q, String), Object.entries(a.placements).map(([item, c]) => `${item}=${c}`));
  },
  publicView: (q, seed) => ({
    ...publicBase(q),
    type: 'categorize',
    // Categories are the same for every item and say nothing about the key: shown as written.
    categories: q.categories.map((c) => ({ id: c.id, label: c.label })),
    items: publicChoices(q.items, seed, q, 'items'),
  }),
  parse(q, seed, raw) {
    const shape = parseShape(answerSchema, raw);
    if (!shape.ok) return shape;
    const tokens = tokensOf(q.items, seed, q);
    const categories = new Set(q.categories.map((c) => c.id));
    const errors: AnswerError[] = [];
    const placements: Record<string, string> = {};
    for (const [token, category] of Object.entries(shape.answer.placements)) {
      const item = tokens.id(token);
      if (item === undefined) errors.push({ path: `placements.${token}`, message: 'unknown item' });
      else if (!categories.has(category)) errors.push({ path: `placements.${token}`, message: 'unknown category' });
      else placements[item] = category;
    }
    return errors.length ? fail(errors) : { ok: true, answer: { placements } };
  },
  toPublic(q, seed, a) {
    const tokens = tokensOf(q.items, seed, q);
    return { placements: Object.fromEntries(Object.entries(a.placements).map(([id, c]) => [tokens.token(id), c])) };
  },
  grade: (q, a) => gradeAssignments(q, q.items, a.placements, q.key),
  key(q, seed) {
    const tokens = tokensOf(q.items, seed, q);
    return { placements: Object.fromEntries(q.items.map((item) => [tokens.token(item.id), q.key[item.id]!])) };
  },
  validateKey(q) {
    const problems = [...uniqueIdProblems(q.categories, 'categories'), ...uniqueIdProblems(q.items, 'items')];
    const items = new Set(q.items.map((i) => i.id));
    const categories = new Set(q.categories.map((c) => c.id));
    for (const [item, category] of Object.entries(q.key)) {
      if (!items.has(item)) problems.push({ path: ['key', item], message: `key names a missing item '${item}'` });
      if (!categories.has(category)) problems.push({ path: ['key', item], message: `key names a missing category '${category}'` });
    }
    for (const item of items) {
      if (!Object.hasOwn(q.key, item)) problems.push({ path: ['key'], message: `key gives no category for item '${item}'` });
    }
    return problems;
  },
};
