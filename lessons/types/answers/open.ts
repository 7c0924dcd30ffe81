import type { AnswerModule } from './common.ts';
import { none, noParts } from './common.ts';

export const openAnswer: AnswerModule<'open'> = {
  teacherGraded: true,
  byPosition: false,
  isComplete: (a) => a.text.trim().length > 0,
  initialAnswer: none,
  summarise: (_q, a) => [a.text],
  wrongParts: noParts,
};
