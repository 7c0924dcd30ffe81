// An answer (the learner's or the key) as plain lines of text, for the results review.
import type { Answer, PublicQuestion } from '../../../server/api-types.ts';
import { pick } from '../i18n/index.ts';
import type { ArticleView } from '../lib/api.ts';

export function describeAnswer(q: PublicQuestion, answer: Answer | null | undefined, article: ArticleView): string[] {
  if (!answer) return [];
  const a = answer as Partial<Record<string, unknown>> & Answer;
  switch (q.type) {
    case 'single-choice': {
      const o = q.options.find((x) => x.id === (a as { optionId: string }).optionId);
      return o ? [pick(o.text)] : [];
    }
    case 'multiple-choice': {
      const ids = new Set((a as { optionIds: string[] }).optionIds ?? []);
      return q.options.filter((o) => ids.has(o.id)).map((o) => pick(o.text));
    }
    case 'highlight': {
      const ids = new Set((a as { sentenceIds: string[] }).sentenceIds ?? []);
      return article.paragraphs.flatMap((p) => p.sentences).filter((s) => ids.has(s.id)).map((s) => `“${s.text}”`);
    }
    case 'categorize': {
      const placements = (a as { placements: Record<string, string> }).placements ?? {};
      return q.items.map((item) => {
        const c = q.categories.find((x) => x.id === placements[item.id]);
        return `${pick(item.text)} → ${c ? pick(c.label) : '—'}`;
      });
    }
    case 'order': {
      const order = (a as { order: string[] }).order ?? [];
      return order.map((id, i) => {
        const item = q.items.find((x) => x.id === id);
        return `${i + 1}. ${item ? pick(item.text) : '?'}`;
      });
    }
    case 'match': {
      const pairs = (a as { pairs: Record<string, string> }).pairs ?? {};
      return q.left.map((left) => {
        const r = q.right.find((x) => x.id === pairs[left.id]);
        return `${pick(left.text)} → ${r ? pick(r.label) : '—'}`;
      });
    }
    case 'scale': {
      const value = (a as { value: number }).value;
      const label = q.labels.find((l) => l.value === value);
      return [label ? `${value} – ${pick(label.label)}` : String(value)];
    }
    case 'open':
      return [(a as { text: string }).text ?? ''];
  }
}
