// The two pieces of arithmetic every score shares, written once.

/** A fraction of credit kept within 0..1. */
export const clampFraction = (x: number): number => Math.min(1, Math.max(0, x));

/** Two decimals, which is what a score shows: 1/3 of a point is 0.33, not 0.3333333. */
export const round2 = (x: number): number => Math.round(x * 100) / 100;
