// Practice (Moodle's immediate feedback with tries): each answer is graded as it is saved, the
// learner may try again until finishing, and the first try counts, so retrying teaches without
// inflating the score. The review shows the first try, then the later ones, labelled.
import { review } from '../types/index.ts';
import type { Question } from '../model.ts';
import { byTry, type Behaviour, type Reveal } from './behaviour.ts';

/**
 * The explanation (and an open question's model answer) comes once it can no longer spoil a
 * retry: after a fully right answer, from the second try on, or at once for a question without an
 * automatic grade (open), whose learner compares their own text with the model answer.
 */
function reveal(q: Question, fraction: number | null, tryNumber: number, seed: string): Reveal {
  if (fraction !== null && fraction !== 1 && tryNumber < 2) return {};
  const r = review(q, seed);
  return { explanation: r.explanation, ...(r.modelAnswer ? { modelAnswer: r.modelAnswer } : {}) };
}

export const practice: Behaviour = {
  mode: 'practice',
  mayAnswer: ({ finished, closed = false }) => !finished && !closed,
  shown(q, graded, tryNumber, seed) {
    const more = reveal(q, graded.fraction, tryNumber, seed);
    if (more.explanation) return { ...graded, ...more };
    // Until the explanation may be read, the reader highlights only what the feedback itself
    // cites: the explanation's sentences (for a highlight question, the key) would give it away.
    return { ...graded, anchors: [...new Set(graded.feedback.flatMap((f) => f.anchors))] };
  },
  counting: (tries) => byTry(tries)[0],
  alsoShown: (tries, counting) => byTry(tries).filter((r) => r.try > counting.try),
  // Feedback is shown at every answer: the review holds nothing back.
  reviewVisible: () => true,
  holdsKey: false,
  releasable: false,
};
