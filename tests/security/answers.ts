// Well-formed answers built from what a student is shown (the public question), for suites that
// need many valid submissions: durability, concurrency, fuzzing and the answer-leak walk.
import type { Answer, PublicQuestion } from '../../server/api-types.ts';

/** A deterministic pseudo-random choice source, so a failing run can be repeated. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)]!;

function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * An answer of the right shape for the question, chosen at random among what the student could
 * send. `sentenceIds` are the article's sentences (a highlight question may select any of them).
 */
export function someAnswer(q: PublicQuestion, sentenceIds: readonly string[], random: () => number = Math.random): Answer {
  switch (q.type) {
    case 'single-choice':
      return { optionId: pick(q.options, random).id };
    case 'multiple-choice':
      return { optionIds: q.options.filter((_, i) => i === 0 || random() < 0.5).map((o) => o.id) };
    case 'highlight': {
      const pool = q.focus.length ? q.focus : sentenceIds;
      return { sentenceIds: [pick(pool, random)] };
    }
    case 'categorize':
      return { placements: Object.fromEntries(q.items.map((item) => [item.id, pick(q.categories, random).id])) };
    case 'order':
      return { order: shuffled(q.items.map((i) => i.id), random) };
    case 'match':
      return { pairs: Object.fromEntries(q.left.map((l) => [l.id, pick(q.right, random).id])) };
    case 'scale':
      return { value: q.min + Math.floor(random() * (q.max - q.min + 1)) };
    case 'open':
      return { text: `Omdat de bron anoniem is, ${Math.floor(random() * 1e6)}.` };
  }
}

/** Every sentence id of a lesson detail's article, in reading order. */
export function articleSentenceIds(detail: { article: { paragraphs: { sentences: { id: string }[] }[] } }): string[] {
  return detail.article.paragraphs.flatMap((p) => p.sentences.map((s) => s.id));
}
