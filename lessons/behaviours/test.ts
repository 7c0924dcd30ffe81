// Test (Moodle's deferred feedback): answers are saved, not judged, and may change until the
// attempt is finished; the latest counts. Score, feedback and key show after finishing, or, when
// the teacher holds them back, once released: comparing even scores could reveal the key.
import { byTry, type Behaviour } from './behaviour.ts';

export const test: Behaviour = {
  mode: 'test',
  mayAnswer: ({ finished, closed = false }) => !finished && !closed,
  shown(_q, graded, _try, _seed, state) {
    return test.reviewVisible(state) ? graded : null;
  },
  counting: (tries) => byTry(tries).at(-1),
  // Earlier versions of a test answer were changes, not tries: only the final one is shown.
  alsoShown: () => [],
  reviewVisible: ({ finished, release = 'on-finish', released = false }) => finished && (release === 'on-finish' || released),
  holdsKey: true,
  releasable: true,
};
