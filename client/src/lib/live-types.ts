// The live lesson's views as the contract (/work/wt/live-contract.md) describes them. The pages
// are built against these until the server's own types land in server/api-types.ts; then this
// file re-exports those and the compiler shows where the two differ.
import type { Answer, Localized, PublicQuestion, QuestionType, Skill } from '../../../server/api-types.ts';
import type { AnswerCount, ArticleView } from './api.ts';

export type LivePhase = 'answering' | 'locked' | 'revealed';

export interface LiveState {
  questionId: string | null;
  /** 0-based position of the current question in the lesson; null in the lobby. */
  questionIndex: number | null;
  round: number;
  phase: LivePhase;
  showResults: boolean;
  timerEndsAt: string | null;
  endedAt: string | null;
}

/** One round of the current question, as the class answered it (no names). */
export interface LiveRound {
  round: number;
  answered: number;
  /** Answers fully right; counted only once revealed (0 before). */
  right: number;
  answers: AnswerCount[];
  cites: { sentenceId: string; count: number }[];
}

/** What the key of a question looks like once revealed. */
export interface LiveReveal {
  key: Answer | null;
  explanation: Localized;
  anchors: string[];
}

export interface LiveCounts {
  joined: number;
  answered: number;
}

export interface LiveParticipant {
  id: string;
  name: string;
  answered: boolean;
  removed: boolean;
}

export interface LiveTeacherQuestion {
  id: string;
  type: QuestionType;
  skill: Skill;
  prompt: Localized;
  /** The question as students see it, for the teacher's preview. */
  public: PublicQuestion;
  reveal: LiveReveal;
}

export interface LiveTeacherView {
  id: string;
  code: string;
  lessonSlug: string;
  lessonTitle: Localized;
  className: string | null;
  article: ArticleView;
  questions: LiveTeacherQuestion[];
  state: LiveState;
  joinOpenUntil: string | null;
  locked: boolean;
  participants: LiveParticipant[];
  counts: LiveCounts;
  rounds: LiveRound[];
}

export interface LiveProjectorView {
  id: string;
  code: string;
  lessonTitle: Localized;
  article: ArticleView;
  question: PublicQuestion | null;
  questionNumber: number | null;
  questionCount: number;
  state: LiveState;
  joinOpenUntil: string | null;
  locked: boolean;
  counts: LiveCounts;
  /** Only while the teacher shows the results. */
  rounds?: LiveRound[];
  /** Only after the teacher revealed the key. */
  reveal?: LiveReveal;
}

export interface LiveStudentView {
  sessionId: string;
  lessonTitle: Localized;
  article: ArticleView;
  question: PublicQuestion | null;
  questionNumber: number | null;
  questionCount: number;
  /** Whether this question takes cites (closed types). */
  citable: boolean;
  state: LiveState;
  removed?: boolean;
  /** This participant's saved answer of the current round. */
  mine: { answer: Answer; cites: string[]; savedAt: string } | null;
  reveal?: LiveReveal & { fraction?: number | null };
}

export interface LiveSessionSummary {
  id: string;
  code: string;
  lessonTitle: Localized;
  className?: string | null;
  startedAt: string;
  endedAt?: string | null;
}

export interface LiveResultsQuestion {
  id: string;
  type: QuestionType;
  prompt: Localized;
  rounds: { round: number; answered: number; right: number; misconceptions: { tag: string; count: number }[] }[];
  /** Names (teacher only) of those who moved between the first and the last round. */
  wrongToRight: string[];
  rightToWrong: string[];
}

export interface LiveResults {
  id: string;
  lessonTitle: Localized;
  className: string | null;
  startedAt: string;
  endedAt: string | null;
  questions: LiveResultsQuestion[];
}

export type LiveCommand =
  | { type: 'show-question'; questionId: string }
  | { type: 'lock' }
  | { type: 'unlock' }
  | { type: 'reveal' }
  | { type: 'new-round' }
  | { type: 'show-results'; show: boolean }
  | { type: 'start-timer'; seconds: number }
  | { type: 'stop-timer' }
  | { type: 'open-joining'; minutes?: number }
  | { type: 'close-joining' }
  | { type: 'lock-joining' }
  | { type: 'unlock-joining' }
  | { type: 'remove-participant'; participantId: string }
  | { type: 'end' };
