import type { AnswerModule } from './common.ts';
import { none } from './common.ts';

export const categorizeAnswer: AnswerModule<'categorize'> = {
  teacherGraded: false,
  byPosition: false,
  isComplete: (a) => Object.keys(a.placements).length > 0,
  initialAnswer: none,
  summarise: (q, a, ctx) =>
    q.items.map((item) => {
      const c = q.categories.find((x) => x.id === a.placements[item.id]);
      return `${ctx.text(item.text)} → ${c ? ctx.text(c.label) : '—'}`;
    }),
  // the items placed otherwise than the key (an unplaced item too)
  wrongParts: (a, key) => Object.keys(key.placements).filter((item) => a.placements[item] !== key.placements[item]),
};
