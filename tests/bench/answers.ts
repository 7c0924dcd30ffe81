// Valid answers derived from a public question alone, as a learner's browser would build them:
// the bench never sees the key, so its answers are well formed but right only by chance.
import type { Answer, PublicQuestion } from '../../server/api-types.ts';

/** A well-formed answer to the question; `pick` (0..1) varies which option, item or value is chosen. */
export function answerFor(question: PublicQuestion, pick = Math.random()): Answer {
  const at = <T>(list: readonly T[]): T => list[Math.min(list.length - 1, Math.floor(pick * list.length))]!;
  switch (question.type) {
    case 'single-choice':
      return { optionId: at(question.options).id };
    case 'multiple-choice':
      return { optionIds: [at(question.options).id] };
    case 'highlight':
      return { sentenceIds: question.focus.length ? [at(question.focus)] : [] };
    case 'categorize':
      return { placements: Object.fromEntries(question.items.map((item) => [item.id, at(question.categories).id])) };
    case 'order': {
      const ids = question.items.map((item) => item.id);
      return { order: pick < 0.5 ? ids : [...ids].reverse() };
    }
    case 'match':
      return { pairs: Object.fromEntries(question.left.map((left) => [left.id, at(question.right).id])) };
    case 'scale':
      return { value: question.min + Math.floor(pick * (question.max - question.min + 1)) };
    case 'open':
      return { text: 'De bron is anoniem, dus ik zou eerst nagaan wie het zegt en waar het vandaan komt.'.slice(0, question.maxLength) };
  }
}
