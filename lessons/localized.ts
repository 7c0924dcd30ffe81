// Picking a lesson text in a language. A lesson declares its languages and has every text in
// each of them; a text missing the asked language is shown in the one it has (Dutch first), so a
// Dutch-only lesson reads in Dutch under an English interface. Imports nothing: the client uses it.
import type { Localized } from './format.ts';

export function textIn(text: Localized, language: 'nl' | 'en'): string {
  return text[language] ?? text.nl ?? text.en ?? '';
}

/** The same composition in every language the two texts share. */
export function joinTexts(a: Localized, b: Localized, separator: string): Localized {
  const out: Localized = {};
  if (a.nl !== undefined && b.nl !== undefined) out.nl = `${a.nl}${separator}${b.nl}`;
  if (a.en !== undefined && b.en !== undefined) out.en = `${a.en}${separator}${b.en}`;
  if (out.nl === undefined && out.en === undefined) out.nl = `${textIn(a, 'nl')}${separator}${textIn(b, 'nl')}`;
  return out;
}
