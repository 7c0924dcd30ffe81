// How long a lesson takes a 15-year-old (havo/vwo 3-4): reading plus answering, from the text
// itself. The checker compares each lesson's `minutes` with this estimate and warns when they
// drift apart, so the catalog's times follow the content instead of a guess.
//
// The model, per lesson:
//   reading  = (article words + every question's shown words) / READING_WPM
//     shown words = intro + prompt + options/items/labels (what is on screen before answering)
//                   + explanation + the average feedback or outcome text (one is shown after)
//   answering = sum over questions of the seconds its type module gives (`workload`: a base per
//               type, plus ITEM_SECONDS per item for the sorting types; an open question 4 minutes),
//               or the question's own `minutes` when it gives one (a search task outside the app)
//   minutes  = ceil(reading + answering)
// READING_WPM: silent reading with comprehension in grade 9-10 is about 200-215 words a minute
// (Taylor's norms, 1965; adults read non-fiction at about 240, Brysbaert 2019). Reading to answer
// questions, with glances back at the cited sentences, is slower: we take 180, about 10% below.
import type { Localized } from './format.ts';
import { textIn } from './localized.ts';
import type { Lesson, Question } from './model.ts';
import { workload } from './types/index.ts';

export const READING_WPM = 180;

const words = (text: string | undefined) => (text ? text.split(/\s+/).filter(Boolean).length : 0);
const nl = (t: Localized | undefined) => words(t && textIn(t, 'nl'));
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function shownWords(q: Question): number {
  const own = workload(q);
  const before = nl(q.intro) + nl(q.prompt) + sum(own.shown.map(nl));
  const feedbacks = own.feedback.filter((f) => f !== undefined).map(nl);
  if ('outcomes' in q) feedbacks.push(nl(q.outcomes.full), nl(q.outcomes.none));
  const feedback = feedbacks.length ? sum(feedbacks) / feedbacks.length : 0;
  return before + nl(q.explanation) + feedback;
}

const answerMinutes = (q: Question) => q.minutes ?? workload(q).answerSeconds / 60;

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
