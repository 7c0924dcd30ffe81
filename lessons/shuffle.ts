// Per-attempt presentation of a question: a seeded shuffle and opaque tokens for option and
// item ids, so that neither the order nor the ids a learner sees reveal the key.
import { sha256Hex } from './hash.ts';

/** A deterministic PRNG (sfc32) seeded from sha256(seed, questionId): same attempt, same order. */
export function seededRandom(seed: string, questionId: string, salt = ''): () => number {
  const hex = sha256Hex(`${seed}\u0000${questionId}\u0000${salt}`);
  let a = parseInt(hex.slice(0, 8), 16) | 0;
  let b = parseInt(hex.slice(8, 16), 16) | 0;
  let c = parseInt(hex.slice(16, 24), 16) | 0;
  let d = parseInt(hex.slice(24, 32), 16) | 0;
  const next = () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Discard the first outputs: sfc32 needs a few rounds to mix its state.
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** Fisher-Yates with the given PRNG; returns a new array. */
export function shuffleWith<T>(items: readonly T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The order in which a question's list (options, items, left, right) is shown in this attempt. */
export function shuffled<T>(items: readonly T[], seed: string, questionId: string, list: string): T[] {
  return shuffleWith(items, seededRandom(seed, questionId, list));
}

/** The opaque per-attempt token that stands for an option or item id. */
export function tokenFor(seed: string, questionId: string, id: string): string {
  return 't' + sha256Hex(`${seed}\u0000${questionId}\u0000${id}`).slice(0, 10);
}

// A learner answers the same questions of one attempt again and again: its tokens are the same
// each time (a hash per option), so the last few thousand lists are kept: enough for every list
// of 200 learners answering a lesson of 14 questions at once (scenario 3 of the bench). An entry is
// about 450 bytes (the ids, the tokens and a short key; two Maps per entry made it 1 KB), so the
// whole memory is about 2 MB a process. Tokens never change.
const TOKENS_KEPT = 4096;
const recentTokens = new Map<string, Tokens>();

/** The tokens of one list of a question in one attempt, computed once while recently used. */
export function tokensFor(seed: string, questionId: string, ids: readonly string[]): Tokens {
  // The first id tells a question's lists apart (ids are unique within a question); the entry
  // holds all of them, so a list that differs after its first id (another version of the lesson,
  // seen with the same seed in a teacher's preview) is not taken for it.
  const key = `${seed}\u0000${questionId}\u0000${ids[0] ?? ''}`;
  let tokens = recentTokens.get(key);
  if (tokens === undefined || !tokens.isFor(ids)) {
    tokens = new Tokens(seed, questionId, ids);
    if (recentTokens.size >= TOKENS_KEPT) recentTokens.clear();
    recentTokens.set(key, tokens);
  }
  return tokens;
}

/** Token <-> id for one list of a question in one attempt. A list has a few options or items:
 * looking one up in two short arrays is as quick as in a Map, and takes a third of the memory. */
export class Tokens {
  private readonly ids: readonly string[];
  private readonly tokens: readonly string[];

  constructor(seed: string, questionId: string, ids: readonly string[]) {
    const tokens = ids.map((id) => tokenFor(seed, questionId, id));
    // 40 bits per token: a clash within one question is a programming error, not a state.
    if (new Set(tokens).size !== tokens.length) throw new Error(`token clash in question ${questionId}`);
    this.ids = ids;
    this.tokens = tokens;
  }

  /** Whether these are the tokens of exactly this list of ids. */
  isFor(ids: readonly string[]): boolean {
    return ids.length === this.ids.length && ids.every((id, i) => id === this.ids[i]);
  }

  token(id: string): string {
    const at = this.ids.indexOf(id);
    if (at < 0) throw new Error(`unknown id ${id}`);
    return this.tokens[at]!;
  }

  id(token: string): string | undefined {
    const at = this.tokens.indexOf(token);
    return at < 0 ? undefined : this.ids[at];
  }
}
