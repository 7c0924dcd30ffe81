// The "class" namespace for the pages that need it (joining, a student's assignments, the
// teacher's pages): importing this module adds its words to the catalog, so `t('class.key')`
// works there. Also formats dates and percentages the way the reader's language writes them.
import { addNamespace, lang } from './index.ts';
import { classMessages, formatNumber } from './class-messages.ts';

export { pick, skillName, misconceptionName, t } from './index.ts';

addNamespace('class', classMessages);

const locales = { nl: 'nl-NL', en: 'en-GB' } as const;

/** A date and time such as "di 3 jun 14:05"; the empty string for null. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleString(locales[lang()], { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString(locales[lang()], { hour: '2-digit', minute: '2-digit' });
}

/** A 0..1 fraction as a whole percentage. */
export function percent(fraction: number): number {
  return Math.round(fraction * 100);
}

/** A number in the reader's language with one decimal at most: nl "3,2", en "3.2". */
export function num(n: number): string {
  return formatNumber(n, lang());
}
