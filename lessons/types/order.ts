// Order: the learner puts items in order (the chain of sources). Credit is the share of item
// pairs in the right relative order (Kendall), so it is exactly 1 only for the key order.
import { z } from 'zod';
import type { AnswerError, Order } from '../model.ts';
import type { Choice } from '../model.ts';
import { type QuestionTypeModule, type ResponseClass, ID_MAX, arrow, classesOf, noExtras, resolvedBase, resolvedOptions, duplicates, fail, graded, outcomeFeedback, ownFeedback, parseShape,
  publicBase, tokensOf, uniqueIdProblems, untoken, listWorkload, ITEM_SECONDS } from './common.ts';
import { orderAnswer } from './answers/order.ts';
import { seededRandom, shuffleWith } from '../shuffle.ts';

const answerSchema = z.object({ order: z.array(z.string().min(1).max(ID_MAX)).max(100) }).strict();

/** The shown order: shuffled, and never the key order (reshuffled with the same PRNG if it is). */
function shownItems(q: Order, seed: string) {
  const random = seededRandom(seed, q.id, 'items');
  const inKeyOrder = (items: typeof q.items) => items.every((item, i) => item.id === q.key[i]);
  let items = shuffleWith(q.items, random);
  for (let i = 0; i < 20 && inKeyOrder(items); i++) items = shuffleWith(q.items, random);
  // Vanishingly unlikely after 20 draws, but the rule must hold: rotate by one.
  if (inKeyOrder(items)) items = [...items.slice(1), items[0]!];
  return items;
}

export function pairsInOrder(answer: readonly string[], key: readonly string[]): number {
  const position = new Map(answer.map((id, i) => [id, i]));
  let right = 0;
  let total = 0;
  for (let i = 0; i < key.length; i++) {
    for (let j = i + 1; j < key.length; j++) {
      total++;
      if ((position.get(key[i]!) ?? Infinity) < (position.get(key[j]!) ?? Infinity)) right++;
    }
  }
  return total === 0 ? 1 : right / total;
}

export const order: QuestionTypeModule<'order'> = {
  ...orderAnswer,
  type: 'order',
  workload: (q) => listWorkload(q.items, 10 + ITEM_SECONDS * q.items.length),
  answerSchema,
  resolve: (q, r, path) => ({ ...resolvedBase(q, r, path), items: resolvedOptions(q.items, r, [...path, 'items']) }),
  reviewExtras: noExtras,
  // Per item and position: where a class puts each link of the chain of sources.
  possibleResponses: (q) =>
    q.items.flatMap((item) =>
      q.items.map((_, i): ResponseClass => {
        const correct = q.key[i] === item.id;
        const at = { nl: `positie ${i + 1}`, en: `position ${i + 1}` };
        return { value: `${item.id}@${i + 1}`, label: arrow(item.text, at), correct, ...(!correct && item.misconception ? { misconception: item.misconception } : {}) };
      }),
    ),
  classify(q, a) {
    return classesOf(q, () => this.possibleResponses(q, String), a.order.map((id, i) => `${id}@${i + 1}`));
  },
  publicView(q, seed) {
    const tokens = tokensOf(q.items, seed, q);
    const items: Choice[] = shownItems(q, seed).map((item) => ({ id: tokens.token(item.id), text: item.text }));
    return { ...publicBase(q), type: 'order', items };
  },
  parse(q, seed, raw) {
    const shape = parseShape(answerSchema, raw);
    if (!shape.ok) return shape;
    const errors: AnswerError[] = [];
    const ids = untoken(tokensOf(q.items, seed, q), shape.answer.order, 'order', 'item', errors);
    if (duplicates(shape.answer.order).length) errors.push({ path: 'order', message: 'an item appears twice' });
    else if (shape.answer.order.length !== q.items.length) {
      errors.push({ path: 'order', message: `order all ${q.items.length} items` });
    }
    return errors.length ? fail(errors) : { ok: true, answer: { order: ids } };
  },
  toPublic(q, seed, a) {
    const tokens = tokensOf(q.items, seed, q);
    return { order: a.order.map((id) => tokens.token(id)) };
  },
  grade(q, a) {
    const fraction = pairsInOrder(a.order, q.key);
    const misplaced = q.items.filter((item) => a.order.indexOf(item.id) !== q.key.indexOf(item.id));
    return graded(q, fraction, [outcomeFeedback(q.outcomes, fraction, []), ...misplaced.flatMap(ownFeedback)]);
  },
  key(q, seed) {
    const tokens = tokensOf(q.items, seed, q);
    return { order: q.key.map((id) => tokens.token(id)) };
  },
  validateKey(q) {
    const problems = uniqueIdProblems(q.items, 'items');
    const items = new Set(q.items.map((i) => i.id));
    q.key.forEach((id, i) => {
      if (!items.has(id)) problems.push({ path: ['key', i], message: `key names a missing item '${id}'` });
    });
    for (const id of duplicates(q.key)) problems.push({ path: ['key'], message: `key names item '${id}' twice` });
    for (const id of items) {
      if (!q.key.includes(id)) problems.push({ path: ['key'], message: `key leaves out item '${id}'` });
    }
    return problems;
  },
};
