// The registry of behaviours, one per mode: practice, test, and live (teacher-paced rounds).
import type { Behaviour, Mode } from './behaviour.ts';
import { live } from './live.ts';
import { practice } from './practice.ts';
import { test } from './test.ts';

export type { AttemptState, Behaviour, Mode } from './behaviour.ts';

export const behaviours: { [M in Mode]: Behaviour } = { practice, test, live };

export function behaviourOf(mode: Mode): Behaviour {
  const b = behaviours[mode];
  if (!b) throw new Error(`unknown mode '${String(mode)}'`);
  return b;
}
export { effectivePhase, initialLiveState, liveAttemptState, liveTransition, type LiveCommand, type LiveState } from './live.ts';
export { live } from './live.ts';
