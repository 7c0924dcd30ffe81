// The browser's sha256 (@noble/hashes, so the studio hashes there) and the server's (node:crypto)
// give the same hashes, so ids and versions agree wherever they were computed.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from './hash.ts';
import { sha256Hex as browserSha256Hex } from './sha256.browser.ts';
import { sha256Hex as nodeSha256Hex } from './sha256.node.ts';

describe('hash', () => {
  it('gives the same sha256 in the browser and on the server for ASCII, Dutch accents, quotes, emoji and long text', () => {
    for (const text of ['', 'abc', 'Beïnvloeding „zou” ‘kan’ – café', '🙂 x\u0000y', 'zin. '.repeat(5000)]) {
      const expected = createHash('sha256').update(text, 'utf8').digest('hex');
      expect(browserSha256Hex(text)).toBe(expected);
      expect(nodeSha256Hex(text)).toBe(expected);
      expect(sha256Hex(text)).toBe(expected);
    }
  });

  it('sorts keys at every level and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: undefined, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"x":2,"z":1}]},"b":1}');
  });
});
