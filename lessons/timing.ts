// How long a lesson takes a 15-year-old (havo/vwo 3-4): reading plus answering, from the text
// itself. The checker compares each lesson's `minutes` with this estimate and warns when they
// drift apart, so the catalog's times follow the content instead of a guess.
//
// The model, per lesson:
//   reading  = (article words + every question's shown words) / READING_WPM
//     shown words = intro + prompt + options/items/labels (what is on screen before answering)
//                   + explanation + the average feedback or outcome text (one is shown after)
//   answering = sum over questions of ANSWER_SECONDS[type] (+ per item for the sorting types);
//               an open question takes OPEN_MINUTES, or its own `minutes` when it gives one
//               (a search task outside the app)
//   minutes  = ceil(reading + answering)
// READING_WPM: silent reading with comprehension in grade 9-10 is about 200-215 words a minute
// (Taylor's norms, 1965; adults read non-fiction at about 240, Brysbaert 2019). Reading to answer
// questions, with glances back at the cited sentences, is slower: we take 180, about 10% below.
import type { QuestionType } from './format.ts';
import type { Lesson, Question } from './model.ts';

export const READING_WPM = 180;
/** Seconds to decide and answer, before reading the feedback (reading is counted separately). */
export const ANSWER_SECONDS: Record<Exclude<QuestionType, 'open'>, number> = {
  'single-choice': 20,
  'multiple-choice': 40,
  highlight: 60,
  scale: 20,
  categorize: 10, // plus ITEM_SECONDS per item
  order: 10, // plus ITEM_SECONDS per item
  match: 10, // plus ITEM_SECONDS per left item
};
export const ITEM_SECONDS = 12;
/** Thinking and writing a short justified answer (40-80 words) at a 15-year-old's pace. */
export const OPEN_MINUTES = 4;

const words = (text: string | undefined) => (text ? text.split(/\s+/).filter(Boolean).length : 0);
const nl = (t: { nl: string } | undefined) => words(t?.nl);

function shownWords(q: Question): number {
  let before = nl(q.intro) + nl(q.prompt);
  const feedbacks: number[] = [];
  const list = 'options' in q ? q.options : 'items' in q ? q.items : 'left' in q ? q.left : [];
  for (const o of list) {
    before += nl(o.text);
    if (o.feedback) feedbacks.push(nl(o.feedback));
  }
  if (q.type === 'categorize') before += q.categories.reduce((n, c) => n + nl(c.label), 0);
  if (q.type === 'match') before += q.right.reduce((n, r) => n + nl(r.label), 0);
  if (q.type === 'scale') {
    before += q.labels.reduce((n, l) => n + nl(l.label), 0);
    for (const b of q.bands) if (b.feedback) feedbacks.push(nl(b.feedback));
  }
  if ('outcomes' in q) feedbacks.push(nl(q.outcomes.full), nl(q.outcomes.none));
  if (q.type === 'open') feedbacks.push(nl(q.modelAnswer));
  const feedback = feedbacks.length ? feedbacks.reduce((a, b) => a + b, 0) / feedbacks.length : 0;
  return before + nl(q.explanation) + feedback;
}

function answerMinutes(q: Question): number {
  if (q.minutes !== undefined) return q.minutes;
  if (q.type === 'open') return OPEN_MINUTES;
  const items = q.type === 'categorize' || q.type === 'order' ? q.items.length : q.type === 'match' ? q.left.length : 0;
  return (ANSWER_SECONDS[q.type] + items * ITEM_SECONDS) / 60;
}

export interface TimeEstimate {
  minutes: number;
  readingMinutes: number;
  answeringMinutes: number;
  words: number;
}

/** The estimated minutes of a lesson (see the model at the top of this file). */
export function estimateMinutes(lesson: Pick<Lesson, 'questions' | 'article'>): TimeEstimate {
  const articleWords = lesson.article.paragraphs.reduce(
    (n, p) => n + p.sentences.reduce((m, s) => m + words(s.text), 0),
    0,
  );
  const questionWords = lesson.questions.reduce((n, q) => n + shownWords(q), 0);
  const total = articleWords + questionWords;
  const readingMinutes = total / READING_WPM;
  const answeringMinutes = lesson.questions.reduce((n, q) => n + answerMinutes(q), 0);
  return {
    minutes: Math.ceil(readingMinutes + answeringMinutes),
    readingMinutes,
    answeringMinutes,
    words: Math.round(total),
  };
}

/** A lesson's stated minutes may differ from the estimate by this much before the checker warns. */
export function minutesTolerance(estimate: number): number {
  return Math.max(2, Math.round(estimate * 0.1));
}
