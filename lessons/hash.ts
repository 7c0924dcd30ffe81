// Hashing helpers shared by the article model, the loader and the question types: sha256 in hex
// and a canonical JSON (sorted keys) so equal content hashes equally. sha256 is node:crypto's on
// the server and @noble/hashes' in the browser (the studio builds articles and lesson versions
// there): "#sha256" in package.json picks one by the bundler's conditions; both give the same hashes.
export { sha256Hex } from '#sha256';

/** JSON with object keys sorted at every level; undefined fields are dropped, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}
