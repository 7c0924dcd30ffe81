import type { AnswerModule } from './common.ts';
import { none, noParts } from './common.ts';

export const scaleAnswer: AnswerModule<'scale'> = {
  teacherGraded: false,
  byPosition: false,
  isComplete: (a) => typeof a.value === 'number',
  initialAnswer: none,
  summarise(q, a, ctx) {
    const label = q.labels.find((l) => l.value === a.value);
    return [label ? `${a.value} – ${ctx.text(label.label)}` : String(a.value)];
  },
  wrongParts: noParts,
};
