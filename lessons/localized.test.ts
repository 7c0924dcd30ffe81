// Picking a lesson text: the asked language when the text has it, else the one it has.
import { describe, expect, it } from 'vitest';
import { joinTexts, textIn } from './localized.ts';

describe('textIn', () => {
  it('gives the asked language, else Dutch, else English', () => {
    expect(textIn({ nl: 'Hallo', en: 'Hello' }, 'en')).toBe('Hello');
    expect(textIn({ nl: 'Hallo' }, 'en')).toBe('Hallo');
    expect(textIn({ en: 'Hello' }, 'nl')).toBe('Hello');
  });

  it('joins two texts in the languages both have', () => {
    expect(joinTexts({ nl: 'a', en: 'A' }, { nl: 'b', en: 'B' }, ' → ')).toEqual({ nl: 'a → b', en: 'A → B' });
    expect(joinTexts({ nl: 'a' }, { nl: 'b', en: 'B' }, ' → ')).toEqual({ nl: 'a → b' });
  });
});
