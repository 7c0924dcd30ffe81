import { expect, test } from 'vitest';
import { newRowId } from './ids.ts';

test('row ids are UUIDv7: unique, and later ones sort after earlier ones (rows made together sit together in an index)', async () => {
  const first = Array.from({ length: 1000 }, newRowId);
  expect(new Set(first).size).toBe(1000);
  for (const id of first) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  await new Promise((resolve) => setTimeout(resolve, 5));
  const later = newRowId();
  expect(first.every((id) => id < later)).toBe(true);
});
