import type { AnswerModule } from './common.ts';
import { none, noParts } from './common.ts';

export const multipleChoiceAnswer: AnswerModule<'multiple-choice'> = {
  teacherGraded: false,
  byPosition: false,
  isComplete: (a) => a.optionIds.length > 0,
  initialAnswer: none,
  summarise(q, a, ctx) {
    const ids = new Set(a.optionIds);
    return q.options.filter((o) => ids.has(o.id)).map((o) => ctx.text(o.text));
  },
  wrongParts: noParts,
};
