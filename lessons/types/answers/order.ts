import type { AnswerModule } from './common.ts';

export const orderAnswer: AnswerModule<'order'> = {
  teacherGraded: false,
  byPosition: true,
  isComplete: (a) => a.order.length > 0,
  // The items as shown are already an order: the learner may keep it.
  initialAnswer: (q) => ({ order: q.items.map((i) => i.id) }),
  summarise: (q, a, ctx) =>
    a.order.map((id, i) => {
      const item = q.items.find((x) => x.id === id);
      return `${i + 1}. ${item ? ctx.text(item.text) : '?'}`;
    }),
  // the items that do not stand where the key puts them
  wrongParts: (a, key) => key.order.filter((id, i) => a.order.indexOf(id) !== i),
};
