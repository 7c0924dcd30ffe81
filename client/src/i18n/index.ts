// The current interface language (nl by default, en at a switch): remembered in localStorage,
// reflected in <html lang>. `t` reads interface words from the one catalog, `pick` chooses from
// lesson text. The catalog has namespaces: the lesson path's words (`t('key')`, always loaded) and
// "class" (`t('class.key')`: joining, a student's assignments, the teacher's pages), which its
// pages load with them through ./class.ts so the student's first page stays small; "teach"
// (`t('teach.key')`: the teacher's first-week tools, issue 14) through ./teach.ts; and "studio"
// (`t('studio.key')`: writing lessons, issue 10) through ./studio.ts.
// (`t('teach.key')`: the teacher's first-week tools, issue 14) through ./teach.ts; and "live"
// (`t('live.key')`: the live lesson, issue 11) through ./live.ts.
import { createSignal } from 'solid-js';
import type { Localized, Skill } from '../../../server/api-types.ts';
import { textIn } from '../../../lessons/localized.ts';
import type { ClassMessages } from './class-messages.ts';
import type { TeachMessages } from './teach-messages.ts';
import type { StudyMessages } from './study-messages.ts';
import type { StudioMessages } from './studio-messages.ts';
import type { LiveMessages } from './live-messages.ts';
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

interface Namespaces {
  class: ClassMessages;
  teach: TeachMessages;
  study: StudyMessages;
  studio: StudioMessages;
  live: LiveMessages;
}
type Namespace = keyof Namespaces;

/** A key of the catalog: a lesson path word, or `namespace.key`. */
export type MessageKey = keyof Messages | { [N in Namespace]: `${N}.${keyof Namespaces[N] & string}` }[Namespace];
type MessageOf<K extends MessageKey> = K extends keyof Messages
  ? Messages[K]
  : K extends `${infer N extends Namespace}.${infer R}`
    ? R extends keyof Namespaces[N]
      ? Namespaces[N][R]
      : never
    : never;

const namespaces: { [N in Namespace]?: Record<Lang, Namespaces[N]> } = {};

/** Adds a namespace's words to the catalog; its module calls this when it loads. */
export function addNamespace<N extends Namespace>(name: N, catalog: Record<Lang, Namespaces[N]>): void {
  namespaces[name] = catalog as (typeof namespaces)[N];
}

/** The interface text for `key` in the current language; a function for texts with numbers. */
export function t<K extends MessageKey>(key: K): MessageOf<K> {
  const dot = key.indexOf('.');
  if (dot < 0) return messages[lang()][key as keyof Messages] as MessageOf<K>;
  const catalog = namespaces[key.slice(0, dot) as Namespace];
  if (!catalog) throw new Error(`i18n: namespace of "${key}" not loaded (import i18n/${key.slice(0, dot)}.ts)`);
  return (catalog[lang()] as unknown as Record<string, unknown>)[key.slice(dot + 1)] as MessageOf<K>;
}

/** Lesson text in the current language. */
export function pick(text: Localized): string {
  return textIn(text, lang());
}

export function skillName(skill: Skill): string {
  return skillNames[lang()][skill];
}

export function misconceptionName(tag: string): string {
  return misconceptionNames[lang()][tag] ?? tag;
}

export type { Messages };
