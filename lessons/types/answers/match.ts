import type { AnswerModule } from './common.ts';
import { none } from './common.ts';

export const matchAnswer: AnswerModule<'match'> = {
  teacherGraded: false,
  byPosition: false,
  isComplete: (a) => Object.keys(a.pairs).length > 0,
  initialAnswer: none,
  summarise: (q, a, ctx) =>
    q.left.map((left) => {
      const r = q.right.find((x) => x.id === a.pairs[left.id]);
      return `${ctx.text(left.text)} → ${r ? ctx.text(r.label) : '—'}`;
    }),
  // the left items paired otherwise than the key (an unpaired one too)
  wrongParts: (a, key) => Object.keys(key.pairs).filter((left) => a.pairs[left] !== key.pairs[left]),
};
