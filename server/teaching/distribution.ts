// How a class answered one question: counts per option, category placement, pair, position,
// value or sentence; the most chosen wrong answer with the misconception it reveals; and the
// misconceptions that grading named (DESIGN.md rule 2: reports count them).
import { grade, type Answer, type Lesson, type Localized, type Misconception, type Question } from '../../lessons/index.ts';
import type { AnswerCount } from '../api-types.ts';

interface Entry extends AnswerCount {
  misconception?: Misconception;
}

const arrow = (a: Localized, b: Localized): Localized => ({ nl: `${a.nl} → ${b.nl}`, en: `${a.en} → ${b.en}` });

/** Identical answers counted once with their number: a class gives few distinct answers, and
 * grading each distinct one once keeps a report of 1,000 students fast. */
export interface AnswerGroup {
  answer: Answer;
  count: number;
}

/** Every answer a learner could give to this question, each with how often it was given. */
export function distribution(q: Question, answers: readonly AnswerGroup[], sentenceText: (id: string) => string): Entry[] {
  const entries = new Map<string, Entry>();
  const add = (value: string, label: Localized | string, correct: boolean, misconception?: Misconception) => {
    if (!entries.has(value)) entries.set(value, { value, label, count: 0, correct, ...(misconception ? { misconception } : {}) });
  };
  let n = 1;
  const count = (value: string) => {
    const entry = entries.get(value);
    if (entry) entry.count += n;
  };
  // Calls fn with each distinct answer; count() inside it adds as many as gave that answer.
  const each = (fn: (a: Answer) => void) => {
    for (const g of answers) {
      n = g.count;
      fn(g.answer);
    }
  };
  switch (q.type) {
    case 'single-choice':
      for (const o of q.options) add(o.id, o.text, o.id === q.key, o.misconception);
      each((a) => count((a as { optionId: string }).optionId));
      break;
    case 'multiple-choice':
      for (const o of q.options) add(o.id, o.text, q.key.includes(o.id), o.misconception);
      each((a) => { for (const id of (a as { optionIds: string[] }).optionIds) count(id); });
      break;
    case 'highlight': {
      const misconceptionOf = (id: string) => q.distractors.find((d) => d.sentenceIds.includes(id))?.misconception;
      for (const id of q.key) add(id, sentenceText(id), true);
      each((a) => {
        for (const id of (a as { sentenceIds: string[] }).sentenceIds) {
          add(id, sentenceText(id), q.key.includes(id), misconceptionOf(id));
          count(id);
        }
      });
      break;
    }
    case 'categorize':
      for (const item of q.items) {
        for (const c of q.categories) add(`${item.id}=${c.id}`, arrow(item.text, c.label), q.key[item.id] === c.id, q.key[item.id] === c.id ? undefined : item.misconception);
      }
      each((a) => { for (const [item, c] of Object.entries((a as { placements: Record<string, string> }).placements)) count(`${item}=${c}`); });
      break;
    case 'match':
      for (const left of q.left) {
        for (const r of q.right) add(`${left.id}=${r.id}`, arrow(left.text, r.label), q.key[left.id] === r.id, q.key[left.id] === r.id ? undefined : left.misconception);
      }
      each((a) => { for (const [left, r] of Object.entries((a as { pairs: Record<string, string> }).pairs)) count(`${left}=${r}`); });
      break;
    case 'order':
      // Per item and position: where a class puts each link of the chain of sources.
      q.items.forEach((item) => {
        q.items.forEach((_, i) => {
          const at = { nl: `positie ${i + 1}`, en: `position ${i + 1}` };
          add(`${item.id}@${i + 1}`, arrow(item.text, at), q.key[i] === item.id, q.key[i] === item.id ? undefined : item.misconception);
        });
      });
      each((a) => { (a as { order: string[] }).order.forEach((id, i) => count(`${id}@${i + 1}`)); });
      break;
    case 'scale':
      for (const l of [...q.labels].sort((x, y) => x.value - y.value)) {
        const band = q.bands.find((b) => b.from <= l.value && l.value <= b.to);
        const correct = q.key.min <= l.value && l.value <= q.key.max;
        add(String(l.value), l.label, correct, correct ? undefined : band?.misconception);
      }
      each((a) => count(String((a as { value: number }).value)));
      break;
    case 'open':
      // Free text has no categories to count: the teacher reads the answers in the grading queue.
      break;
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
  if (q.type === 'open') return [];
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
