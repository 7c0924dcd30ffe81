// What the editor's empty inputs leave behind is not content: an empty text, an object whose every
// field is empty. They are dropped before the draft is checked or saved, so a blank optional field
// (an intro, a partial-credit text) is simply absent, and a blank required one is reported missing.

/** A copy without empty or blank strings, undefined values and objects left empty; arrays keep their length. */
export function pruneEmpty<T>(value: T): T | undefined {
  if (typeof value === 'string') return (value.trim() === '' ? undefined : value) as T | undefined;
  if (Array.isArray(value)) return value.map((v) => pruneEmpty(v) ?? {}) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const kept = pruneEmpty(v);
      if (kept !== undefined) out[k] = kept;
    }
    return (Object.keys(out).length ? out : undefined) as T | undefined;
  }
  return value ?? undefined;
}
