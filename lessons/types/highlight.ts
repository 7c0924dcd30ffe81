// Highlight: the learner selects sentences of the article. Credit is (right picks - wrong
// picks)/|key|, floored at 0, so selecting the whole article does not pay.
import { z } from 'zod';
import type { AnswerError, Highlight } from '../model.ts';
import {
  type QuestionTypeModule, type ResponseClass, duplicates, noExtras, resolvedBase, fail, graded, outcomeFeedback, ownFeedback, parseShape, publicBase,
} from './common.ts';
import { highlightAnswer } from './answers/highlight.ts';

const answerSchema = z.object({ sentenceIds: z.array(z.string().min(1).max(40)).max(1000) }).strict();

export const highlight: QuestionTypeModule<'highlight'> = {
  ...highlightAnswer,
  type: 'highlight',
  workload: () => ({ shown: [], feedback: [], answerSeconds: 60 }),
  answerSchema,
  resolve: (q, r, path) => ({
    ...resolvedBase(q, r, path),
    key: r.quotes(q.key, [...path, 'key']),
    distractors: (q.distractors ?? []).map((d, i) => {
      const { quote, ...rest } = r.feedback(d, [...path, 'distractors', i]);
      return { ...rest, sentenceIds: r.quotes([quote], [...path, 'distractors', i, 'quote']) };
    }),
    selectable: r.selectable,
  }),
  reviewExtras: noExtras,
  // The key's sentences are listed even when no one picked them; other sentences once picked.
  possibleResponses: (q, sentenceText) => q.key.map((id): ResponseClass => ({ value: id, label: sentenceText(id), correct: true })),
  classify: (q, a, sentenceText) =>
    a.sentenceIds.map((id): ResponseClass => {
      const misconception = q.distractors.find((d) => d.sentenceIds.includes(id))?.misconception;
      return { value: id, label: sentenceText(id), correct: q.key.includes(id), ...(misconception ? { misconception } : {}) };
    }),
  // Sentence ids are public (the reader shows them); nothing else is needed to answer.
  publicView: (q) => ({ ...publicBase(q), type: 'highlight' }),
  parse(q, _seed, raw) {
    const shape = parseShape(answerSchema, raw);
    if (!shape.ok) return shape;
    const selectable = new Set(q.selectable);
    const errors: AnswerError[] = [];
    shape.answer.sentenceIds.forEach((id, i) => {
      if (!selectable.has(id)) errors.push({ path: `sentenceIds.${i}`, message: 'unknown sentence' });
    });
    if (duplicates(shape.answer.sentenceIds).length) errors.push({ path: 'sentenceIds', message: 'a sentence is selected twice' });
    return errors.length ? fail(errors) : shape;
  },
  toPublic: (_q, _seed, a) => ({ sentenceIds: [...a.sentenceIds] }),
  grade(q, a) {
    const key = new Set(q.key);
    const picked = new Set(a.sentenceIds);
    const right = [...picked].filter((id) => key.has(id)).length;
    const wrong = picked.size - right;
    const fraction = Math.max(0, (right - wrong) / key.size);
    const tempted = q.distractors.filter((d) => d.sentenceIds.some((id) => picked.has(id) && !key.has(id)));
    return graded(q, fraction, [outcomeFeedback(q.outcomes, fraction, fraction >= 1 ? q.key : []), ...tempted.flatMap(ownFeedback)]);
  },
  key: (q) => ({ sentenceIds: [...q.key] }),
  validateKey(q) {
    const key = new Set(q.key);
    const problems = [];
    if (key.size === 0) problems.push({ path: ['key'], message: 'the key selects no sentence' });
    // A focus made only of key sentences would highlight the answer while the question is shown.
    if (q.focus.length > 0 && q.focus.every((id) => key.has(id))) {
      problems.push({ path: ['focus'], message: 'the focus quotes only sentences of the key: it would give the answer away' });
    }
    q.distractors.forEach((d, i) => {
      if (d.sentenceIds.every((id) => key.has(id))) {
        problems.push({ path: ['distractors', i, 'quote'], message: 'a distractor quotes only sentences of the key' });
      }
    });
    return problems;
  },
};
