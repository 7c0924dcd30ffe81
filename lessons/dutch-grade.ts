// The Dutch 1-10 grade (cijfer) from a score, by the teacher's norm: the points that give a 5.5
// (the pass mark, "cesuur") and the points a student gets by guessing alone (the guessing
// correction, "gokkans"). The formula, as Dutch schools use it:
//
//   score <= guess          cijfer = 1
//   guess < score < pass    cijfer = 1   + 4.5 * (score - guess) / (pass - guess)
//   score >= pass           cijfer = 5.5 + 4.5 * (score - pass)  / (max - pass)
//
// linear from 1 to 5.5 below the pass mark and from 5.5 to 10 above it (the "cesuur" method,
// as cijferrekenaar.nl describes it). With the pass mark halfway between guess and max it is the
// standard formula cijfer = 1 + 9 * (score - guess) / (max - guess); that is the default norm.
// Rounded to one decimal, as report cards show it.

export interface GradeNorm {
  /** Points that give exactly a 5.5. */
  passMark: number;
  /** Points a guesser scores; 0 when there is nothing to guess. */
  guess: number;
}

/** The standard norm: no guessing correction, the pass mark halfway (cijfer = 1 + 9 * score / max). */
export function defaultNorm(max: number, guess = 0): GradeNorm {
  return { passMark: guess + (max - guess) / 2, guess };
}

/** Whether the norm fits a test of `max` points: 0 <= guess < passMark < max. */
export function validNorm(norm: GradeNorm, max: number): boolean {
  return norm.guess >= 0 && norm.guess < norm.passMark && norm.passMark < max;
}

/** The grade for `score` out of `max` points, 1.0 to 10.0 with one decimal; null when the norm does not fit. */
export function dutchGrade(score: number, max: number, norm: GradeNorm): number | null {
  if (!validNorm(norm, max)) return null;
  const { passMark: pass, guess } = norm;
  const raw = score <= guess ? 1 : score < pass ? 1 + (4.5 * (score - guess)) / (pass - guess) : 5.5 + (4.5 * (score - pass)) / (max - pass);
  return Math.round(Math.min(10, Math.max(1, raw)) * 10) / 10;
}
