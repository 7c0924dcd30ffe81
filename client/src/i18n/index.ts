// The current interface language (nl by default, en at a switch): remembered in localStorage,
// reflected in <html lang>. `t` reads interface words, `pick` chooses from lesson text.
import { createSignal } from 'solid-js';
import type { Localized, Skill } from '../../../server/api-types.ts';
import { messages, misconceptionNames, skillNames, type Messages } from './messages.ts';

export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];
const STORAGE_KEY = 'bronwijs:lang';

function storedLang(): Lang {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' || value === 'nl' ? value : 'nl';
  } catch {
    return 'nl'; // storage can be blocked (private mode); the default is fine
  }
}

const [lang, setLangSignal] = createSignal<Lang>(storedLang());
document.documentElement.lang = lang();

export { lang };

export function setLang(next: Lang): void {
  setLangSignal(next);
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    /* not remembered, but the switch still works for this page */
  }
}

/** The interface text for `key` in the current language; a function for texts with numbers. */
export function t<K extends keyof Messages>(key: K): Messages[K] {
  return messages[lang()][key];
}

/** Lesson text in the current language. */
export function pick(text: Localized): string {
  return text[lang()];
}

export function skillName(skill: Skill): string {
  return skillNames[lang()][skill];
}

export function misconceptionName(tag: string): string {
  return misconceptionNames[lang()][tag] ?? tag;
}

export type { Messages };
