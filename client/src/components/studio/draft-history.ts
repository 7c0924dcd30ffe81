// The studio's undo: a history of whole drafts (drafts are plain JSON, a few kilobytes), where a run
// of edits to one field within a moment counts as one step, so undo takes back a word typed, not a
// letter. Pure, apart from the clock it is given.

export interface HistoryOptions {
  /** Steps kept; older ones are dropped. */
  limit?: number;
  /** Edits to the same field within this many milliseconds of the last one join its step. */
  joinMs?: number;
  now?: () => number;
}

export class DraftHistory<T> {
  private past: T[] = [];
  private future: T[] = [];
  private lastKey: string | null = null;
  private lastAt = 0;
  private readonly limit: number;
  private readonly joinMs: number;
  private readonly now: () => number;

  constructor(
    public current: T,
    { limit = 100, joinMs = 1000, now = () => Date.now() }: HistoryOptions = {},
  ) {
    this.limit = limit;
    this.joinMs = joinMs;
    this.now = now;
  }

  /** A new state after an edit of the field named `key` (any string; null never joins). */
  change(next: T, key: string | null = null): void {
    const at = this.now();
    const joins = key !== null && key === this.lastKey && at - this.lastAt <= this.joinMs && this.past.length > 0;
    if (!joins) {
      this.past.push(this.current);
      if (this.past.length > this.limit) this.past.shift();
    }
    this.current = next;
    this.future = [];
    this.lastKey = key;
    this.lastAt = at;
  }

  /** Starts over from a state read from the server (a reload, another tab's version). */
  reset(state: T): void {
    this.current = state;
    this.past = [];
    this.future = [];
    this.lastKey = null;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }
  get canRedo(): boolean {
    return this.future.length > 0;
  }

  undo(): T | undefined {
    const previous = this.past.pop();
    if (previous === undefined) return undefined;
    this.future.push(this.current);
    this.current = previous;
    this.lastKey = null;
    return previous;
  }

  redo(): T | undefined {
    const next = this.future.pop();
    if (next === undefined) return undefined;
    this.past.push(this.current);
    this.current = next;
    this.lastKey = null;
    return next;
  }
}

/** A copy of `value` with `path` set to `next`; objects and arrays along the path are copied, the rest shared. */
export function setIn<T>(value: T, path: readonly (string | number)[], next: unknown): T {
  if (path.length === 0) return next as T;
  const [head, ...rest] = path;
  const container: unknown = value ?? (typeof head === 'number' ? [] : {});
  const child = (container as Record<string | number, unknown>)[head!];
  const updated = setIn(child, rest, next);
  if (Array.isArray(container)) {
    const copy = [...container];
    copy[head as number] = updated;
    return copy as T;
  }
  const copy = { ...(container as Record<string, unknown>) };
  if (updated === undefined) delete copy[head as string];
  else copy[head as string] = updated;
  return copy as T;
}

/** The value at `path`, or undefined where the path leads nowhere. */
export function getIn(value: unknown, path: readonly (string | number)[]): unknown {
  let at = value;
  for (const step of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[step];
  }
  return at;
}
