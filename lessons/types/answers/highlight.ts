import type { AnswerModule } from './common.ts';
import { none } from './common.ts';

export const highlightAnswer: AnswerModule<'highlight'> = {
  teacherGraded: false,
  byPosition: false,
  isComplete: (a) => a.sentenceIds.length > 0,
  initialAnswer: none,
  // In reading order, as the learner saw them in the article.
  summarise: (_q, a, ctx) => a.sentenceIds.flatMap((id) => {
    const text = ctx.sentence(id);
    return text === undefined ? [] : [`“${text}”`];
  }),
  // the chosen sentences the key does not have (the missed ones stay unnamed: they would be the key)
  wrongParts: (a, key) => a.sentenceIds.filter((id) => !key.sentenceIds.includes(id)),
};
