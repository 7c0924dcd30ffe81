import { describe, expect, it } from 'vitest';
import { defaultNorm, dutchGrade } from './dutch-grade.ts';

describe('dutchGrade', () => {
  it('gives 1 at or below the guess, 5.5 at the pass mark and 10 at the maximum', () => {
    const norm = { passMark: 12, guess: 5 };
    expect(dutchGrade(0, 20, norm)).toBe(1);
    expect(dutchGrade(5, 20, norm)).toBe(1);
    expect(dutchGrade(12, 20, norm)).toBe(5.5);
    expect(dutchGrade(20, 20, norm)).toBe(10);
    // halfway between guess and pass mark: 1 + 4.5 / 2
    expect(dutchGrade(8.5, 20, norm)).toBe(3.3);
    // halfway between pass mark and max: 5.5 + 4.5 / 2
    expect(dutchGrade(16, 20, norm)).toBe(7.8);
  });

  it('with the pass mark halfway is the standard 1 + 9 * (score - guess) / (max - guess)', () => {
    for (const [score, max, guess] of [[7, 12, 0], [3.2, 15, 0], [11, 20, 5], [19, 20, 4]] as const) {
      const want = Math.round((1 + (9 * (score - guess)) / (max - guess)) * 10) / 10;
      expect(dutchGrade(score, max, defaultNorm(max, guess))).toBe(want);
    }
  });

  it('refuses a norm that does not fit the test', () => {
    expect(dutchGrade(5, 10, { passMark: 10, guess: 0 })).toBeNull();
    expect(dutchGrade(5, 10, { passMark: 3, guess: 3 })).toBeNull();
    expect(dutchGrade(5, 10, { passMark: 6, guess: -1 })).toBeNull();
  });
});
