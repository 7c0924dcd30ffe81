// Scale: the learner rates the strength of evidence on a labelled scale. Any value in the
// accepted range earns full credit, one step outside half, further away none.
import { z } from 'zod';
import type { Scale } from '../model.ts';
import { type KeyProblem, type QuestionTypeModule, type ResponseClass, classesOf, fail, resolvedBase, graded, ownFeedback, parseShape, publicBase } from './common.ts';
import { scaleAnswer } from './answers/scale.ts';

const answerSchema = z.object({ value: z.number().int() }).strict();

export const scale: QuestionTypeModule<'scale'> = {
  ...scaleAnswer,
  type: 'scale',
  workload: (q) => ({ shown: q.labels.map((l) => l.label), feedback: q.bands.map((b) => b.feedback), answerSeconds: 20 }),
  answerSchema,
  resolve: (q, r, path) => ({ ...resolvedBase(q, r, path), bands: q.bands.map((b, i) => r.feedback(b, [...path, 'bands', i])) }),
  reviewExtras: (q) => ({ accepted: { min: q.key.min, max: q.key.max } }),
  possibleResponses: (q) =>
    [...q.labels]
      .sort((x, y) => x.value - y.value)
      .map((l): ResponseClass => {
        const band = q.bands.find((b) => b.from <= l.value && l.value <= b.to);
        const correct = q.key.min <= l.value && l.value <= q.key.max;
        return { value: String(l.value), label: l.label, correct, ...(!correct && band?.misconception ? { misconception: band.misconception } : {}) };
      }),
  classify(q, a) {
    return classesOf(q, () => this.possibleResponses(q, String), [String(a.value)]);
  },
  publicView: (q) => ({
    ...publicBase(q),
    type: 'scale',
    min: q.min,
    max: q.max,
    labels: [...q.labels].sort((a, b) => a.value - b.value).map((l) => ({ value: l.value, label: l.label })),
  }),
  parse(q, _seed, raw) {
    const shape = parseShape(answerSchema, raw);
    if (!shape.ok) return shape;
    const { value } = shape.answer;
    if (value < q.min || value > q.max) return fail([{ path: 'value', message: `choose a value from ${q.min} to ${q.max}` }]);
    return shape;
  },
  toPublic: (_q, _seed, a) => ({ value: a.value }),
  grade(q, a) {
    const distance = a.value < q.key.min ? q.key.min - a.value : a.value > q.key.max ? a.value - q.key.max : 0;
    const fraction = distance === 0 ? 1 : distance === 1 ? 0.5 : 0;
    const band = q.bands.find((b) => b.from <= a.value && a.value <= b.to);
    return graded(q, fraction, ownFeedback(band));
  },
  // The answer shape holds one value: the middle of the accepted range (the review also gets the range).
  key: (q) => ({ value: Math.round((q.key.min + q.key.max) / 2) }),
  validateKey(q) {
    const problems: KeyProblem[] = [];
    if (q.min >= q.max) problems.push({ path: ['max'], message: 'max must be greater than min' });
    if (q.key.min > q.key.max) problems.push({ path: ['key'], message: 'key.min is greater than key.max' });
    if (q.key.min < q.min || q.key.max > q.max) problems.push({ path: ['key'], message: `key range lies outside ${q.min}..${q.max}` });
    const values = q.labels.map((l) => l.value);
    for (let v = q.min; v <= q.max; v++) {
      const n = values.filter((x) => x === v).length;
      if (n !== 1) problems.push({ path: ['labels'], message: n ? `value ${v} has ${n} labels` : `value ${v} has no label` });
    }
    q.labels.forEach((l, i) => {
      if (l.value < q.min || l.value > q.max) problems.push({ path: ['labels', i, 'value'], message: `label value ${l.value} lies outside ${q.min}..${q.max}` });
    });
    q.bands.forEach((b, i) => {
      if (b.from > b.to) problems.push({ path: ['bands', i], message: 'band from is greater than to' });
    });
    for (let v = q.min; v <= q.max; v++) {
      const n = q.bands.filter((b) => b.from <= v && v <= b.to).length;
      if (n !== 1) problems.push({ path: ['bands'], message: n ? `value ${v} lies in ${n} bands` : `value ${v} lies in no band` });
    }
    return problems;
  },
};
