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
