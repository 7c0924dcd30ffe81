// Ids of the rows learners write most (learners, attempts, responses): UUIDv7 (RFC 9562), whose
// first 48 bits are the time. Rows made close together get ids close together, so the indexes on
// them (the primary key, and responses' (attempt_id, ...) indexes) grow at a few pages instead
// of one random page per row: a group commit writes and syncs fewer pages. 74 random bits remain;
// ids were never secrets (every object is checked for who may see it), and the time they carry is
// stored beside them anyway (created_at, started_at).
import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

// The random bytes come from a pool filled 4 KB at a time: uuid's own source asks Web Crypto for
// 16 bytes per id, which cost more than the rest of making it (2.5% of a worker answering).
const pool = new Uint8Array(4096);
let used = pool.length;
function random16(): Uint8Array {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += 16;
  return pool.subarray(used - 16, used);
}

// Monotonic within a millisecond as uuid's own v7 keeps it: a random 31-bit counter per
// millisecond, counted up for each further id in it.
let lastMs = -Infinity;
let seq = 0;

export function newRowId(): string {
  const random = random16();
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    seq = (seq + 1) | 0;
    if (seq === 0) lastMs++;
  }
  return v7({ random, msecs: lastMs, seq });
}
