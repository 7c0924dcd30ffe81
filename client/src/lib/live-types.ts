// The live lesson's API shapes: a copy of server/live/types.ts as the live-server branch writes
// it (re-exported by server/api-types.ts once it lands on main; then this file re-exports those
// and the copy goes). Only the command union is the client's own: the server declares it as zod.
import type { Localized, Misconception } from '../../../server/api-types.ts';
import type { Answer, PublicQuestion } from '../../../server/api-types.ts';
import type { Question, Review } from '../../../lessons/model.ts';
import type { ArticleView } from '../../../server/api-types.ts';
export type LivePhaseView = 'lobby' | 'answering' | 'locked' | 'revealed' | 'ended';

/** The session's state as every screen sees it. */
export interface LiveStateView {
  /** The question on screen (lesson id); null in the lobby. */
  questionId: string | null;
  /** Its position in the lesson, 1-based; null in the lobby. */
  questionNumber: number | null;
  questionCount: number;
  round: number;
  /** The phase participants live: a timer that ran out shows as locked. */
  phase: LivePhaseView;
  showResults: boolean;
  /** ISO time the teacher's timer ends; null: no timer. */
  timerEndsAt: string | null;
  endedAt: string | null;
  /** Changes with every command and every answer: a screen can tell an update from a repeat. */
  version: string;
}

export interface LiveCounts {
  joined: number;
  /** Participants (not removed) with an answer in the current round of the current question. */
  answered: number;
}

/** One class of answer (an option, a category placement, a value...) and how many chose it. */
export interface LiveAnswerClass {
  value: string;
  label: Localized | string;
  count: number;
  /** Only after the reveal (and always on the teacher's screen). */
  correct?: boolean;
  misconception?: Misconception;
}

/** How the class answered the current question in one round. */
export interface LiveRoundResult {
  round: number;
  answered: number;
  /** Answers in the distribution's classes. */
  distribution: LiveAnswerClass[];
  /** Sentence id -> how many participants cited it in this round. */
  citations: Record<string, number>;
  /** Share fully right, 0..1; only after the reveal (and always on the teacher's screen). */
  right?: number | null;
}

export interface LiveSessionSummary {
  id: string;
  /** As shown on the projector (ABC-DEF); null once the session ended: the code no longer works. */
  code: string | null;
  lessonSlug: string;
  lessonTitle: Localized;
  classId: string | null;
  className: string | null;
  startedAt: string;
  endedAt: string | null;
}

export interface LiveParticipantView {
  id: string;
  name: string;
  /** Answered in the current round of the current question. */
  answered: boolean;
  removed: boolean;
}

/** GET /api/live/:id and its event stream: the teacher's control screen (names, key). */
export interface LiveTeacherView extends LiveSessionSummary {
  lesson: { slug: string; title: Localized; article: ArticleView; questions: Question[] };
  state: LiveStateView;
  /** ISO time the join window closes; null: closed. */
  joinOpenUntil: string | null;
  joinOpen: boolean;
  locked: boolean;
  participants: LiveParticipantView[];
  counts: LiveCounts;
  /** Every round of the current question so far, first round first. */
  rounds: LiveRoundResult[];
}

/** GET /api/live/:id/projector and its event stream: no names, ever. */
export interface LiveProjectorView {
  id: string;
  code: string | null;
  joinOpen: boolean;
  lessonTitle: Localized;
  article: ArticleView;
  state: LiveStateView;
  counts: LiveCounts;
  /** The current question as participants see it; null in the lobby. */
  question: PublicQuestion | null;
  /** Every round of the current question, once the teacher shows the results; else empty. */
  rounds: LiveRoundResult[];
  /** After the reveal: the key (in the projector's tokens), explanation and cited sentences. */
  review: Review | null;
}

/** GET /api/live/:id/me and its event stream: a participant's device. */
export interface LiveStudentView {
  sessionId: string;
  participantId: string;
  name: string;
  lessonTitle: Localized;
  article: ArticleView;
  state: LiveStateView;
  /** The current question in this participant's tokens, without key; null in the lobby. */
  question: PublicQuestion | null;
  /** Whether sentences may be marked as support with an answer to this question. */
  takesCites: boolean;
  /** This participant's saved answer of the current round, in their tokens. */
  answer: { answer: Answer; cites: string[] } | null;
  /** After the reveal only: the key, explanation, cited sentences and how the answer did. */
  review: (Review & { fraction: number | null }) | null;
}

/** PUT /api/live/:id/answers/:questionId */
export interface LiveAnswerSaved {
  saved: true;
  round: number;
  try: number;
  answer: Answer;
  cites: string[];
}

export interface LiveMover {
  participantId: string;
  name: string;
}

/** GET /api/live/:id/results: per question, round by round; names (teacher only). */
export interface LiveResults {
  session: LiveSessionSummary;
  participants: number;
  questions: {
    questionId: string;
    questionNumber: number;
    prompt: Localized;
    rounds: {
      round: number;
      answered: number;
      /** Share fully right among the answers, 0..1; null for teacher-graded (open) questions. */
      right: number | null;
      /** Mean score fraction, as lessons/scoring.ts scores the counting answers. */
      meanFraction: number | null;
      misconceptions: { tag: Misconception; count: number }[];
      citations: Record<string, number>;
      /** Against the round before (empty for round 1). */
      wrongToRight: LiveMover[];
      rightToWrong: LiveMover[];
    }[];
  }[];
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
