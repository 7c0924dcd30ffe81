import type { AnswerModule } from './common.ts';
import { none, noParts } from './common.ts';

export const singleChoiceAnswer: AnswerModule<'single-choice'> = {
  teacherGraded: false,
  byPosition: false,
  isComplete: (a) => a.optionId !== '',
  initialAnswer: none,
  summarise(q, a, ctx) {
    const o = q.options.find((x) => x.id === a.optionId);
    return o ? [ctx.text(o.text)] : [];
  },
  wrongParts: noParts,
};
