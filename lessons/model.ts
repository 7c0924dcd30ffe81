// The resolved, JSON-serializable forms the server stores and serves: the article model, the
// lesson with its quotes replaced by sentence ids, and the shapes of answers, public questions
// and grades. server/api-types.ts re-exports them for the client; lessons/ imports nothing from server/.
import type { Competence, ContextCard, Language, Localized, Misconception, QuestionOf, QuestionType, Skill } from './format.ts';

export interface Sentence {
  id: string;
  text: string;
}
export interface Paragraph {
  id: string;
  kind: 'text' | 'heading';
  sentences: Sentence[];
}
export interface Translation {
  title: string;
  /** Aligned with the article's paragraphs by id. */
  paragraphs: { id: string; text: string }[];
}
export interface Article {
  id: string;
  title: string;
  language: string;
  source: { name: string; url: string; published: string };
  credit: Localized;
  paragraphs: Paragraph[];
  translations: Record<string, Translation>;
  /** Background for the learner, read before the article. */
  contextCard?: ContextCard;
}

/** Feedback fields of an option, item, distractor or band, with its quotes resolved. */
export interface Feedback {
  feedback?: Localized;
  misconception?: Misconception;
  cites?: string[];
}
export interface Option extends Feedback {
  id: string;
  text: Localized;
}
interface Base {
  id: string;
  skill: Skill;
  prompt: Localized;
  /** Sentence ids of the passage the question is about. */
  focus: string[];
  explanation: Localized;
  /** Sentence ids the explanation cites. */
  cites: string[];
  points: number;
  /** Shown to the learner before the prompt. */
  intro?: Localized;
  /** Suggested minutes for a longer question. */
  minutes?: number;
}
type Fields<T extends QuestionType, Drop extends string = never> = Omit<
  QuestionOf<T>,
  keyof Base | 'options' | 'items' | 'left' | Drop
>;

export type SingleChoice = Base & Fields<'single-choice'> & { options: Option[] };
export type MultipleChoice = Base & Fields<'multiple-choice'> & { options: Option[] };
export type Highlight = Base &
  Fields<'highlight', 'key' | 'distractors'> & {
    /** Sentence ids to select. */
    key: string[];
    distractors: (Feedback & { sentenceIds: string[] })[];
    /** Every sentence id of the article: what a learner may select. */
    selectable: string[];
  };
export type Categorize = Base & Fields<'categorize'> & { items: Option[] };
export type Order = Base & Fields<'order'> & { items: Option[] };
export type Match = Base & Fields<'match'> & { left: Option[] };
export type Scale = Base & Fields<'scale', 'bands'> & { bands: (Feedback & { from: number; to: number })[] };
export type Open = Base & Fields<'open'>;

export type Question = SingleChoice | MultipleChoice | Highlight | Categorize | Order | Match | Scale | Open;
export type QuestionOfType<T extends Question['type']> = Extract<Question, { type: T }>;

export interface Lesson {
  slug: string;
  articleId: string;
  /** First 16 hex of sha256 of the canonical JSON of everything else: equal content, equal version. */
  version: string;
  /** Every learner-facing text exists in each of these. */
  languages: Language[];
  title: Localized;
  summary: Localized;
  /** Catalog position (1 first); absent = after the numbered lessons. */
  order?: number;
  minutes: number;
  goals: Localized[];
  /** Distinct skills, in question order. */
  skills: Skill[];
  questions: Question[];
  article: Article;
  /** For the teacher only: never part of what a learner is sent. */
  guide?: Guide;
  /** A route: its questions are taken from other lessons (ids `<lesson>-<question>`). */
  route?: true;
}

/** A lesson's teacher's guide, with the article's discussion prompts and balance note resolved. */
export interface Guide {
  goals: { goal: Localized; competences: Competence[] }[];
  plan: { minutes: number; activity: Localized }[];
  answers: { question: string; answer: Localized; mistakes: Localized }[];
  samples: { question: string; levels: Record<string, number>; text: Localized; why: Localized }[];
  discussion: { id: string; prompt: Localized; note: Localized }[];
  balance?: Localized;
}

/** The answer shape of each question type, as a learner submits it (public: ids are per-attempt
 * tokens). Canonical answers have the same shapes with the lesson's own ids. */
export interface AnswerByType {
  'single-choice': { optionId: string };
  'multiple-choice': { optionIds: string[] };
  highlight: { sentenceIds: string[] };
  categorize: { placements: Record<string, string> };
  order: { order: string[] };
  match: { pairs: Record<string, string> };
  scale: { value: number };
  open: { text: string };
}
export type AnswerOf<T extends QuestionType> = AnswerByType[T];
/** An answer to some question: stored answers are parsed for their question before they are kept. */
export type Answer = AnswerOf<QuestionType>;

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
  focus: string[];
  points: number;
  /** Shown before the prompt (e.g. what SIFT is); only present when the question has one. */
  intro?: Localized;
}
export type PublicQuestionOf<T extends QuestionType> = Extract<PublicQuestion, { type: T }>;
export type PublicQuestion =
  | (PublicBase & { type: 'single-choice'; options: Choice[] })
  | (PublicBase & { type: 'multiple-choice'; options: Choice[] })
  | (PublicBase & { type: 'highlight' })
  | (PublicBase & { type: 'categorize'; categories: Label[]; items: Choice[] })
  | (PublicBase & { type: 'order'; items: Choice[] })
  | (PublicBase & { type: 'match'; left: Choice[]; right: Label[] })
  | (PublicBase & { type: 'scale'; min: number; max: number; labels: { value: number; label: Localized }[] })
  | (PublicBase & { type: 'open'; maxLength: number });

export interface FeedbackItem {
  text: Localized;
  misconception?: Misconception;
  /** Sentence ids this feedback cites. */
  anchors: string[];
}
export interface Graded {
  /** 0..1; null for an open answer not yet scored by a teacher. */
  fraction: number | null;
  feedback: FeedbackItem[];
  /** Every sentence id cited by the feedback and the explanation. */
  anchors: string[];
  /** What a learner is shown of a partly right answer: its parts the key disagrees with, in the
   *  attempt's tokens (items, left items, chosen sentences). Set by gradeForLearner, not by grade. */
  wrong?: string[];
}

/** An invalid answer is a state, not an exception: the fields at fault. */
export interface AnswerError {
  path: string;
  message: string;
}
export type ParseResult<A> = { ok: true; answer: A } | { ok: false; errors: AnswerError[] };

/** The key of a question, in this attempt's tokens, for the review after grading. */
export interface Review {
  questionId: string;
  explanation: Localized;
  /** Sentence ids the explanation cites. */
  anchors: string[];
  /** The correct answer in the shape a learner submits; null for open questions. */
  key: Answer | null;
  /** Scale: the accepted range (key.value is its middle). */
  accepted?: { min: number; max: number };
  /** Open: what a strong answer says. */
  modelAnswer?: Localized;
}
