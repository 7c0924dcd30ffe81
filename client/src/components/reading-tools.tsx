// Reading supports for the lesson pages: a larger text size, a dark theme (both remembered per
// device and applied while a reading page is open), and reading the article or the current question
// aloud through the browser's own speech synthesis, with a Dutch voice where the device has one.
import { For, Show, createSignal, onCleanup, type JSX } from 'solid-js';
import { t } from '../i18n/study.ts';
import type { ArticleView } from '../lib/api.ts';

const SIZE_KEY = 'bronwijs:text-size';
const THEME_KEY = 'bronwijs:theme';
/** Text sizes as a share of the browser's own size. */
export const TEXT_SIZES = [100, 115, 130, 150] as const;

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* this page still follows the choice */
  }
}

/** Reading pages mounted now: going from one to the next must not drop the theme in between. */
let readingPages = 0;

/** The reading preferences of this device, applied to the page while the caller is mounted. */
export function useReadingPrefs() {
  const initialSize = Number(stored(SIZE_KEY));
  const [size, setSize] = createSignal<number>((TEXT_SIZES as readonly number[]).includes(initialSize) ? initialSize : 100);
  const [dark, setDark] = createSignal(stored(THEME_KEY) === 'dark');
  const root = document.documentElement;
  const apply = () => {
    root.style.fontSize = size() === 100 ? '' : `${size()}%`;
    if (dark()) root.dataset.theme = 'dark';
    else delete root.dataset.theme;
  };
  apply();
  readingPages++;
  onCleanup(() => {
    if (--readingPages > 0) return;
    root.style.fontSize = '';
    delete root.dataset.theme;
  });
  return {
    size,
    dark,
    step(by: 1 | -1) {
      const i = TEXT_SIZES.indexOf(size() as (typeof TEXT_SIZES)[number]);
      const next = TEXT_SIZES[Math.min(TEXT_SIZES.length - 1, Math.max(0, i + by))]!;
      setSize(next);
      store(SIZE_KEY, String(next));
      apply();
    },
    toggleDark() {
      setDark(!dark());
      store(THEME_KEY, dark() ? 'dark' : 'light');
      apply();
    },
  };
}

/** The voice for a language: the device's own voice for it where there is one (Dutch for the article). */
export function voiceFor(lang: string, voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | undefined {
  const wanted = lang.toLowerCase();
  const matching = voices.filter((v) => v.lang.toLowerCase().replace('_', '-').startsWith(wanted));
  return matching.find((v) => v.localService) ?? matching[0];
}

const LOCALES: Record<string, string> = { nl: 'nl-NL', en: 'en-GB' };

/** Reads texts aloud one by one (a paragraph each, so long articles are not cut off). */
export function useReadAloud() {
  const synth = typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
  const [speaking, setSpeaking] = createSignal<'article' | 'question' | null>(null);
  const stop = () => {
    synth?.cancel();
    setSpeaking(null);
  };
  onCleanup(stop);
  return {
    available: !!synth && typeof SpeechSynthesisUtterance !== 'undefined',
    speaking,
    stop,
    read(what: 'article' | 'question', texts: readonly string[], lang: string) {
      if (!synth) return;
      synth.cancel();
      const voice = voiceFor(lang, synth.getVoices());
      const parts = texts.map((s) => s.trim()).filter(Boolean);
      if (!parts.length) return;
      setSpeaking(what);
      parts.forEach((text, i) => {
        const u = new SpeechSynthesisUtterance(text);
        u.lang = voice?.lang ?? LOCALES[lang] ?? lang;
        if (voice) u.voice = voice;
        if (i === parts.length - 1) u.onend = () => setSpeaking((s) => (s === what ? null : s));
        synth.speak(u);
      });
    },
  };
}

/** The question on screen as the texts to read: its number, prompt, hints and choices (not the passage). */
export function questionTexts(pane: ParentNode | null): string[] {
  if (!pane) return [];
  const parts = pane.querySelectorAll('.question-number, .question-intro, fieldset.question legend, fieldset.question > .hint, .choice, .order-text, .match-row label, .field-label');
  return [...parts].map((el) => el.textContent ?? '');
}

/** The article's title and paragraphs as the texts to read. */
export function articleTexts(article: ArticleView): string[] {
  return [article.title, ...article.paragraphs.map((p) => p.sentences.map((s) => s.text).join(' '))];
}

export function ReadingTools(props: {
  article: ArticleView;
  /** The current question as text (prompt and choices), in the interface language; none on a page without one. */
  question?: () => string[];
  questionLang?: string;
}): JSX.Element {
  const prefs = useReadingPrefs();
  const voice = useReadAloud();
  const toggleRead = (what: 'article' | 'question') => {
    if (voice.speaking() === what) return voice.stop();
    if (what === 'article') voice.read('article', articleTexts(props.article), props.article.language);
    else voice.read('question', props.question?.() ?? [], props.questionLang ?? 'nl');
  };
  return (
    <details class="reading-tools">
      <summary>{t('study.readingTools')}</summary>
      <div class="reading-tools-body">
        <div class="reading-tool" role="group" aria-label={t('study.textSize')}>
          <span aria-hidden="true">{t('study.textSize')}</span>
          <button type="button" class="secondary small" disabled={prefs.size() === TEXT_SIZES[0]} onClick={() => prefs.step(-1)}>
            <span aria-hidden="true">A−</span>
            <span class="visually-hidden">{t('study.textSmaller')}</span>
          </button>
          <span class="text-size-value" aria-live="polite">
            {prefs.size()}%
          </span>
          <button type="button" class="secondary small" disabled={prefs.size() === TEXT_SIZES.at(-1)} onClick={() => prefs.step(1)}>
            <span aria-hidden="true">A+</span>
            <span class="visually-hidden">{t('study.textLarger')}</span>
          </button>
        </div>
        <div class="reading-tool">
          <button type="button" class="secondary small" aria-pressed={prefs.dark()} onClick={() => prefs.toggleDark()}>
            {t('study.darkTheme')}
          </button>
        </div>
        <Show when={voice.available}>
          <div class="reading-tool">
            <For each={[...(props.question ? (['question'] as const) : []), 'article'] as const}>
              {(what) => (
                <button type="button" class="secondary small" onClick={() => toggleRead(what)}>
                  {voice.speaking() === what ? t('study.stopReading') : what === 'article' ? t('study.readAloudArticle') : t('study.readAloudQuestion')}
                </button>
              )}
            </For>
          </div>
        </Show>
      </div>
    </details>
  );
}
