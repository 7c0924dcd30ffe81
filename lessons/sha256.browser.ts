// sha256 in hex in the browser (the studio builds articles and lesson versions there): @noble/hashes,
// with the same hashes as lessons/sha256.node.ts on the server (lessons/hash.test.ts).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
