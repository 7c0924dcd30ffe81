// The lessons package as the server uses it: load and check lessons, show questions to a
// learner, parse, grade, classify and summarise answers, review keys, the behaviours of the
// modes, and the one scoring function.
export { loadLessons, type Problem } from './loader.ts';
export {
  publicQuestion,
  parseAnswer,
  grade,
  gradeForLearner,
  review,
  toPublicAnswer,
  scoreOpen,
  teacherGraded,
  possibleResponses,
  classify,
  summarise,
} from './types/index.ts';
export { behaviourOf, type AttemptState, type Behaviour } from './behaviours/index.ts';
export {
  effectivePhase,
  initialLiveState,
  live,
  liveAttemptState,
  liveTransition,
  type LiveCommand,
  type LiveState,
} from './behaviours/index.ts';
export { scoreAttempt, addScore, type GradeStep, type ResponseStep, type Score } from './scoring.ts';
export { round2 } from './numbers.ts';
export { textIn } from './localized.ts';
export type * from './model.ts';
export { SKILLS, type Skill, type Misconception, type Localized } from './format.ts';
