// An answer (the learner's or the key) as plain lines of text, for the results review: each
// question type summarises its own answers (lessons/types/answers/), here in the page's language.
import { summarise } from '../../../lessons/types/answers/index.ts';
import type { Answer, PublicQuestion } from '../../../server/api-types.ts';
import { pick } from '../i18n/index.ts';
import type { ArticleView } from '../lib/api.ts';

export function describeAnswer(q: PublicQuestion, answer: Answer | null | undefined, article: ArticleView): string[] {
  const sentences = new Map(article.paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s.text] as const)));
  return summarise(q, answer, { text: pick, sentence: (id) => sentences.get(id) });
}

/** The parts grading found wrong (Graded.wrong: item, left-item or sentence ids) as text. */
export function describeWrong(q: PublicQuestion, wrong: readonly string[] | undefined, article: ArticleView): string[] {
  if (!wrong?.length) return [];
  const sentences = new Map(article.paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s.text] as const)));
  const items = new Map<string, string>(
    q.type === 'categorize' || q.type === 'order' ? q.items.map((i) => [i.id, pick(i.text)]) : q.type === 'match' ? q.left.map((l) => [l.id, pick(l.text)]) : [],
  );
  return wrong.flatMap((id) => {
    const text = q.type === 'highlight' ? sentences.get(id) : items.get(id);
    return text === undefined ? [] : [q.type === 'highlight' ? `“${text}”` : text];
  });
}
