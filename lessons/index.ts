// The lessons package as the server uses it: load and check lessons, show questions to a
// learner, parse and grade answers, review keys, and the rules of the modes.
export { loadLessons, type Problem } from './loader.ts';
export { publicQuestion, parseAnswer, grade, review, toPublicAnswer, scoreOpen } from './types/index.ts';
export { feedbackVisible, countingResponse, scoreAttempt, type Mode, type AttemptScore } from './modes.ts';
export type * from './model.ts';
export type { Skill, Misconception, Localized } from './format.ts';
