// The shapes of the public API (v1) as the client sees them. Types only: the client imports
// this module, never the server's code. See ../shared/DESIGN.md "Public API".
import type { Localized, Skill, QuestionType, Misconception } from '../lessons/format.ts';

export type { Localized, Skill, QuestionType, Misconception };
export type Mode = 'practice' | 'test';
export type AttemptStatus = 'in-progress' | 'finished';

export interface LessonSummary {
  slug: string;
  title: Localized;
  summary: Localized;
  language: string;
  minutes: number;
  skills: Skill[];
  questionCount: number;
}

export interface Sentence {
  id: string;
  text: string;
}
export interface Paragraph {
  id: string;
  kind: 'text' | 'heading';
  sentences: Sentence[];
}
export interface ArticleView {
  title: string;
  language: string;
  source: { name: string; url: string; published: string };
  credit: Localized;
  paragraphs: Paragraph[];
}
export interface LessonDetail extends LessonSummary {
  version: string;
  goals: Localized[];
  article: ArticleView;
  /** Translations of the article by language; paragraphs aligned with article.paragraphs by id. */
  translation?: Record<string, { title: string; paragraphs: { id: string; text: string }[] }>;
}

/** Ids of options and items are per-attempt tokens: neither they nor their order reveal the key. */
export interface Choice {
  id: string;
  text: Localized;
}
export interface Label {
  id: string;
  label: Localized;
}
interface PublicBase {
  id: string;
  skill: Skill;
  prompt: Localized;
  /** Sentence ids of the passage the question is about. */
  focus: string[];
  points: number;
}
export type PublicQuestion =
  | (PublicBase & { type: 'single-choice'; options: Choice[] })
  | (PublicBase & { type: 'multiple-choice'; options: Choice[] })
  | (PublicBase & { type: 'highlight' })
  | (PublicBase & { type: 'categorize'; categories: Label[]; items: Choice[] })
  | (PublicBase & { type: 'order'; items: Choice[] })
  | (PublicBase & { type: 'match'; left: Choice[]; right: Label[] })
  | (PublicBase & { type: 'scale'; min: number; max: number; labels: { value: number; label: Localized }[] })
  | (PublicBase & { type: 'open'; maxLength: number });

export type Answer =
  | { optionId: string }
  | { optionIds: string[] }
  | { sentenceIds: string[] }
  | { placements: Record<string, string> }
  | { order: string[] }
  | { pairs: Record<string, string> }
  | { value: number }
  | { text: string };

export interface FeedbackItem {
  text: Localized;
  misconception?: Misconception;
  /** Sentence ids this feedback cites. */
  anchors: string[];
}

/** What grading says about one answer; only sent when the mode allows it. */
export interface Graded {
  /** 0..1; null for an open answer not yet scored by a teacher. */
  fraction: number | null;
  feedback: FeedbackItem[];
  /** Every sentence id cited by the feedback and the explanation: highlighted in the reader. */
  anchors: string[];
}

export interface ResponseView extends Partial<Graded> {
  questionId: string;
  answer: Answer;
  try: number;
  savedAt: string;
  /** Teacher's points and comment for an open answer, once graded and released. */
  teacherPoints?: number | null;
  teacherComment?: string | null;
}

/** The key and explanation of one question, in this attempt's tokens, once the mode allows. */
export interface ReviewItem extends Graded {
  questionId: string;
  points: number;
  max: number;
  explanation: Localized;
  /** The correct answer in the same shape a learner submits. Open: the model answer instead. */
  key: Answer | null;
  modelAnswer?: Localized;
}

export interface Score {
  points: number;
  max: number;
}

export interface AttemptView {
  id: string;
  lessonSlug: string;
  lessonVersion: string;
  mode: Mode;
  status: AttemptStatus;
  assignmentId: string | null;
  questions: PublicQuestion[];
  /** The latest response per question (practice: the first try is the one that counts). */
  responses: ResponseView[];
  startedAt: string;
  finishedAt: string | null;
  /** Present once finished and the mode (or the teacher) allows feedback. */
  result?: FinishResult;
}

export interface FinishResult {
  status: 'finished';
  score: Score;
  skills: Partial<Record<Skill, Score>>;
  /** Absent while a test's feedback is held back by the teacher. */
  review?: ReviewItem[];
  feedbackReleased: boolean;
}

export interface SaveResponseResult extends Partial<Graded> {
  saved: true;
  questionId: string;
  try: number;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

export interface Me {
  role: 'teacher' | 'student' | 'learner' | null;
  id?: string;
  name?: string;
  email?: string;
  classId?: string;
}
