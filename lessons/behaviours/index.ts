// The registry of behaviours, one per mode. A live, teacher-paced mode will be a third entry.
import type { Behaviour, Mode } from './behaviour.ts';
import { practice } from './practice.ts';
import { test } from './test.ts';

export type { AttemptState, Behaviour, Mode } from './behaviour.ts';

export const behaviours: { [M in Mode]: Behaviour } = { practice, test };

export function behaviourOf(mode: Mode): Behaviour {
  const b = behaviours[mode];
  if (!b) throw new Error(`unknown mode '${String(mode)}'`);
  return b;
}
