// sha256 in hex on the server: node:crypto, two to four times faster than the JavaScript one the
// browser build uses (lessons/sha256.browser.ts); the same hashes (lessons/hash.test.ts). Chosen by
// the "#sha256" import in package.json: its "browser" condition for vite, this one elsewhere.
import { hash } from 'node:crypto';

export function sha256Hex(text: string): string {
  // The one-shot hash: no Hash object per call (a lesson's view hashes once per option).
  return hash('sha256', text, 'hex');
}
