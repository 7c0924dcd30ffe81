// The shapes the server's routes declare they answer with (public API v1, ../shared/DESIGN.md), and
// the domain types they are built from. The client does not read answers through this file: it
// gets each route's answer type from hc<AppType> (client/src/lib/api.ts); from here it takes only
// domain types, Problem, the live view's events (server-sent, outside hc) and one role's shape.
import type { ArticleFile, Localized, Skill, QuestionType, Misconception, QuestionOf } from '../lessons/format.ts';
import type { Answer, Graded, Guide, PublicQuestion, Review } from '../lessons/model.ts';
import type { GradeNorm } from '../lessons/dutch-grade.ts';
import type { Analysis } from '../lessons/text/analysis.ts';

export type { GradeNorm };

export type { Guide, Localized, Skill, QuestionType, Misconception };
/** The question and answer shapes come from the lessons engine, which produces them: option and
 * item ids in a PublicQuestion are per-attempt tokens, so neither they nor their order reveal the key. */
export type { Answer, Graded, PublicQuestion } from '../lessons/model.ts';
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

import type { ArticleView } from './article-view.ts';
export type { ArticleView };
export interface LessonDetail extends LessonSummary {
  version: string;
  goals: Localized[];
  article: ArticleView;
  /** Translations of the article by language; paragraphs aligned with article.paragraphs by id. */
  translation?: Record<string, { title: string; paragraphs: { id: string; text: string }[] }>;
}

/** GET /api/lessons/:slug/guide, for teachers only: the guide with the questions it refers to. */
export interface LessonGuideView {
  slug: string;
  title: Localized;
  minutes: number;
  goals: Localized[];
  questions: { id: string; type: QuestionType; prompt: Localized; points: number }[];
  guide: Guide;
}

/** GET /api/lessons/:slug/preview, for teachers only: the lesson with every question and its key. */
export interface LessonPreview {
  lesson: LessonDetail;
  questions: { question: PublicQuestion; review: Review; points: number }[];
}

/** Practice mode: what the learner may read once a retry can no longer be spoiled by it. */
export interface PracticeReveal {
  explanation?: Localized;
  modelAnswer?: Localized;
}

export interface ResponseView extends Partial<Graded>, PracticeReveal {
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
  /** Scale questions: the whole accepted range (key.value is its middle). */
  accepted?: { min: number; max: number };
  /** The learner's answer that counts (practice: the first try), in this attempt's tokens; null when unanswered. */
  answer: Answer | null;
  /** scored; pending: waiting for the teacher's grade; unscored: no one grades it (self-study); unanswered. */
  state: 'scored' | 'pending' | 'unscored' | 'unanswered';
  /** Practice: the tries after the counting one, shown labelled; they do not count. */
  laterTries?: { try: number; answer: Answer; fraction: number | null }[];
  /** The teacher's comment on the counting answer, once graded. */
  teacherComment?: string | null;
  /** Open answers graded by rubric: the level the teacher gave per criterion, and what it means. */
  levels?: { criterion: Localized; level: number; max: number; description: Localized }[];
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
  /** The latest response per question, for the runner to resume with (the review names the counting one). */
  responses: ResponseView[];
  startedAt: string;
  finishedAt: string | null;
  /** Present once finished and the mode (or the teacher) allows feedback. */
  result?: FinishResult;
}

/** One of the current learner's attempts, as GET /api/attempts lists them. */
export interface AttemptSummary {
  id: string;
  lessonSlug: string;
  mode: Mode;
  status: AttemptStatus;
  assignmentId: string | null;
  startedAt: string;
  finishedAt: string | null;
  /** Questions with a saved answer. */
  answered: number;
}

export interface FinishResult {
  status: 'finished';
  /** Absent while a test's feedback is held back: comparing scores could reveal the key. */
  score?: Score;
  skills?: Partial<Record<Skill, Score>>;
  /** Ids of open questions still waiting for a teacher's grade: not yet in score or skills. */
  pending?: string[];
  /** Ids of questions no one will grade (open questions in self-study): never in score or skills. */
  unscored?: string[];
  /** Absent while a test's feedback is held back by the teacher. */
  review?: ReviewItem[];
  feedbackReleased: boolean;
}

export interface SaveResponseResult extends Partial<Graded>, PracticeReveal {
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
  /** The studio: a draft's problems at their paths (publish), or an import's at file and line. */
  problems?: ({ path: (string | number)[]; message: string } | { file: string; line: number; message: string })[];
}

export interface Me {
  role: 'teacher' | 'student' | 'learner' | null;
  id?: string;
  name?: string;
  email?: string;
  classId?: string;
  /** A student's class, by name. */
  className?: string;
}

// ---- Classes, assignments and reports (teachers and students in a class) ----

export type FeedbackRelease = 'on-finish' | 'manual';

export interface StudentRef {
  id: string;
  displayName: string;
}
export interface ClassView {
  id: string;
  name: string;
  joinCode: string;
  /** ISO time the join window closes (the code admits new students until then); null: closed. */
  joinOpenUntil: string | null;
  archived: boolean;
  createdAt: string;
  students: StudentRef[];
}
/** POST /api/auth/forgot-password: the same for every address. 'email': a link was mailed if the
 * address has an account; 'administrator': this server sends no mail, an administrator issues a code. */
export interface ForgotPasswordResult {
  delivery: 'email' | 'administrator';
}

/** A teacher reissued a student's resume code: shown once, the old one no longer works. */
export interface ReissuedResumeCode {
  studentId: string;
  displayName: string;
  resumeCode: string;
}

export interface JoinResult {
  displayName: string;
  /** Shown once: lets the student continue on another device. */
  resumeCode: string;
  classId: string;
  className: string;
}

export interface AssignmentView {
  id: string;
  classId: string;
  className: string;
  lessonSlug: string;
  lessonTitle: Localized;
  lessonVersion: string;
  mode: Mode;
  opensAt: string | null;
  dueAt: string | null;
  feedbackRelease: FeedbackRelease;
  feedbackReleasedAt: string | null;
  /** The teacher's name for it; null: it goes by the lesson's title. */
  title: string | null;
  /** When the teacher closed it: no starting or answering since; null while open. */
  closedAt: string | null;
  /** The teacher's norm for a Dutch 1-10 grade, in points (teachers only; null for students). */
  gradeNorm: GradeNorm | null;
  /** Open responses picked to discuss on the projector (teachers only; empty for students). */
  discussion: string[];
  createdAt: string;
}
/** What a student sees of their own assignments. */
export interface StudentAssignmentView extends AssignmentView {
  state: 'not-open' | 'to-do' | 'in-progress' | 'done' | 'closed';
  dueSoon: boolean;
  attemptId: string | null;
  /** Present once finished and feedback is released. */
  score?: Score;
}

export type CellState = 'not-started' | 'in-progress' | 'finished';
export interface ReportCell {
  questionId: string;
  /** Null when unanswered, or an open answer not yet graded. */
  fraction: number | null;
  answered: boolean;
  responseId: string | null;
}
export interface ReportStudent {
  id: string;
  displayName: string;
  state: CellState;
  attemptId: string | null;
  score: Score | null;
  skills: Partial<Record<Skill, Score>>;
  cells: ReportCell[];
}
export interface AnswerCount {
  /** An option, category, right-hand label, value or sentence id, as written in the lesson. */
  value: string;
  label: Localized | string;
  count: number;
  correct: boolean;
}
export interface ReportQuestion {
  id: string;
  type: QuestionType;
  skill: Skill;
  prompt: Localized;
  points: number;
  responses: number;
  /** Mean fraction of those who answered, 0..1 (Moodle's facility index). */
  facility: number | null;
  /** Correlation of this question's score with the rest of the attempt (Moodle's discrimination index), -1..1. */
  discrimination: number | null;
  /** One plain sentence for a teacher about what the two figures mean here. */
  facilityNote: Localized;
  discriminationNote: Localized;
  distribution: AnswerCount[];
  commonWrong: (AnswerCount & { misconception?: Misconception }) | null;
  misconceptions: { tag: Misconception; count: number }[];
  /** Open questions: the rubric the teacher grades by, with its example answers. */
  rubric?: RubricCriterion[];
  /** Open questions: what a strong answer says. */
  modelAnswer?: Localized;
}
/** One criterion of an open question's analytic rubric: four levels (0 to 3), each with an example. */
export type RubricCriterion = QuestionOf<'open'>['rubric'][number];
export interface OpenAnswerToGrade {
  responseId: string;
  questionId: string;
  studentId: string;
  displayName: string;
  text: string;
  points: number | null;
  comment: string | null;
  /** The rubric level per criterion id, when the teacher graded by criterion. */
  levels?: Record<string, number> | null;
}
export interface AssignmentReport {
  assignment: AssignmentView;
  students: ReportStudent[];
  questions: ReportQuestion[];
  skills: Partial<Record<Skill, Score>>;
  toGrade: OpenAnswerToGrade[];
  /** The projector view: the open answers the teacher picked to discuss, without names. */
  discussion?: DiscussionAnswer[];
}
/** An open answer on the projector: its question and its text, nothing that names the student. */
export interface DiscussionAnswer {
  questionId: string;
  text: string;
}
/** GET /api/assignments/:id/students/:studentId/answers: what the report's cells open. */
export interface StudentAnswers {
  studentId: string;
  displayName: string;
  state: CellState;
  questions: {
    questionId: string;
    prompt: Localized;
    answered: boolean;
    /** The counting answer as text, in both languages; null when unanswered. */
    answer: Localized | null;
    /** Null: unanswered, or an open answer waiting for a grade. */
    fraction: number | null;
    points: number;
    max: number;
    feedback: { text: Localized; misconception?: Misconception }[];
    teacherComment: string | null;
  }[];
}

/** One student's position, sent by GET /api/assignments/:id/live as server-sent events. */
export interface LiveStudent {
  id: string;
  displayName: string;
  state: CellState;
  /** 1-based number of the question the student is on, null before they start. */
  questionNumber: number | null;
  answered: number;
  total: number;
  updatedAt: string | null;
  /** A finished attempt's score (the teacher's screen only); null before finishing. */
  score: Score | null;
  /** Per question in lesson order: how the counting answer scored so far; null: not answered. */
  marks: LiveMark[];
}
/** right, partly right, wrong; pending: an open answer waiting for the teacher's grade. */
export type LiveMark = 'right' | 'partial' | 'wrong' | 'pending' | null;
export interface LiveSnapshot {
  assignmentId: string;
  students: LiveStudent[];
  at: string;
}
export type * from './live/types.ts';

// ---- The studio (issue 10): GET /api/studio and an article as the studio shows it.

export interface StudioOverview {
  articles: { id: string; title: string; updatedAt: string }[];
  lessons: { id: string; title: string; articleId: string; status: 'draft' | 'published'; version?: string; slug: string; updatedAt: string; shared: boolean }[];
  colleagues: { id: string; title: string; authorName: string; version: string; slug: string }[];
}

export interface StudioSentence {
  /** The sentence id quotes resolve to (lessons/article.ts). */
  id: string;
  /** Offsets in the article's text. */
  start: number;
  end: number;
  text: string;
  paragraph: number;
  kind: 'text' | 'heading';
}

export interface StudioArticleView {
  id: string;
  article: ArticleFile;
  sentences: StudioSentence[];
  analysis: Analysis;
  /** Hand-set breaks that change nothing (the text changed under them): the studio drops them. */
  unused: { split: number[]; join: number[] };
}
