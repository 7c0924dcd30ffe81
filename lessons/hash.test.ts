// sha256 from @noble/hashes (so the studio hashes in the browser) equals node:crypto's, so ids
// and versions computed before the switch, and on the server, stay what they were.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from './hash.ts';

describe('hash', () => {
  it('gives node:crypto sha256 for ASCII, Dutch accents, quotes, emoji and long text', () => {
    for (const text of ['', 'abc', 'Beïnvloeding „zou” ‘kan’ – café', '🙂 x\u0000y', 'zin. '.repeat(5000)]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });

  it('sorts keys at every level and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: undefined, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"x":2,"z":1}]},"b":1}');
  });
});
