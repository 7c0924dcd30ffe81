// The lessons package as the server uses it: load and check lessons, show questions to a
// learner, parse and grade answers, review keys, and the rules of the modes.
export { loadLessons, lessonVersion, DEFAULT_CONTENT_DIR, type LoadResult, type Problem } from './loader.ts';
export {
  publicQuestion,
  parseAnswer,
  grade,
  review,
  toPublicAnswer,
  validateKey,
  scoreOpen,
  questionTypes,
  type KeyProblem,
  type QuestionTypeModule,
} from './types/index.ts';
export {
  feedbackVisible,
  canAnswer,
  countingResponse,
  scoreAttempt,
  MODES,
  type Mode,
  type ReleasePolicy,
  type AttemptState,
  type AttemptScore,
  type Score,
} from './modes.ts';
export { buildArticle, splitSentences, splitParagraphs, normalizeText, sentenceIds } from './article.ts';
export { resolveQuote, articleText, type AnchorResult } from './anchors.ts';
export type * from './model.ts';
export { SKILLS, QUESTION_TYPES, MISCONCEPTIONS, type Skill, type QuestionType, type Misconception, type Localized } from './format.ts';
