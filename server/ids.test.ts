import { expect, test } from 'vitest';
import { newRowId } from './ids.ts';

test('row ids are UUIDv7: unique, and each sorts after the one made before it (rows made together sit together in an index)', async () => {
  const first = Array.from({ length: 10_000 }, newRowId);
  expect(new Set(first).size).toBe(10_000);
  for (const id of first) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  // Thousands of ids within one millisecond too: in the order they were made.
  expect([...first].sort()).toEqual(first);
  // Their random parts differ (the pool is not handed out twice).
  expect(new Set(first.map((id) => id.slice(-12))).size).toBe(10_000);
  await new Promise((resolve) => setTimeout(resolve, 5));
  const later = newRowId();
  expect(first.every((id) => id < later)).toBe(true);
});
