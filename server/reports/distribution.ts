// How a class answered one question: counts per option, category placement, pair, position,
// value or sentence; the most chosen wrong answer with the misconception it reveals; and the
// misconceptions that grading named (DESIGN.md rule 2: reports count them).
import { classify, grade, possibleResponses, type Answer, type Lesson, type Misconception, type Question } from '../../lessons/index.ts';
import type { AnswerCount } from '../api-types.ts';

interface Entry extends AnswerCount {
  misconception?: Misconception;
}

/** Identical answers counted once with their number: a class gives few distinct answers, and
 * grading each distinct one once keeps a report of 1,000 students fast. */
export interface AnswerGroup {
  answer: Answer;
  count: number;
}

/** Every class of answer to this question (its type lists and classifies them), each with how
 * often it was given. */
export function distribution(q: Question, answers: readonly AnswerGroup[], sentenceText: (id: string) => string): Entry[] {
  const entries = new Map<string, Entry>();
  const add = (c: Entry) => {
    if (!entries.has(c.value)) entries.set(c.value, { ...c, count: 0 });
    return entries.get(c.value)!;
  };
  for (const c of possibleResponses(q, sentenceText)) add({ ...c, count: 0 });
  for (const g of answers) {
    for (const c of classify(q, g.answer, sentenceText)) add({ ...c, count: 0 }).count += g.count;
  }
  return [...entries.values()];
}

/** The wrong answer chosen most often (ties: the first in lesson order); null when none was. */
export function commonWrong(entries: readonly Entry[]): Entry | null {
  let best: Entry | null = null;
  for (const e of entries) if (!e.correct && e.count > 0 && (!best || e.count > best.count)) best = e;
  return best;
}

/** How many answers revealed each misconception, as grading names it; most frequent first. */
export function misconceptionCounts(q: Question, answers: readonly AnswerGroup[]): { tag: Misconception; count: number }[] {
  const counts = new Map<Misconception, number>();
  for (const { answer, count } of answers) {
    const tags = new Set(grade(q, answer).feedback.flatMap((f) => (f.misconception ? [f.misconception] : [])));
    for (const tag of tags) counts.set(tag, (counts.get(tag) ?? 0) + count);
  }
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** Sentence id -> text of the lesson's article. */
export function sentenceLookup(lesson: Pick<Lesson, 'article'>): (id: string) => string {
  const texts = new Map(lesson.article.paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s.text] as const)));
  return (id) => texts.get(id) ?? id;
}
