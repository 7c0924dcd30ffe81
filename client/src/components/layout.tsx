// The frame of every page: skip link, header with the app name, navigation and language switch.
// Exported pieces (Layout, PageTitle) are reused by the class and teacher pages.
import { A, type RouteSectionProps } from '@solidjs/router';
import { For, createEffect, type JSX } from 'solid-js';
import { LANGS, lang, setLang, t, type Lang } from '../i18n/index.ts';

const LANG_NAMES: Record<Lang, string> = { nl: 'Nederlands', en: 'English' };

export function LanguageSwitch() {
  return (
    <div class="lang-switch" role="group" aria-label={t('language')}>
      <For each={LANGS}>
        {(code) => (
          <button type="button" lang={code} aria-pressed={lang() === code} onClick={() => setLang(code)}>
            {LANG_NAMES[code]}
          </button>
        )}
      </For>
    </div>
  );
}

export function Header() {
  return (
    <header class="site-header">
      <div class="site-header-inner">
        <A href="/" class="brand" end>
          {t('appName')}
        </A>
        <nav aria-label={t('navLessons')} class="site-nav">
          <A href="/" end>
            {t('navLessons')}
          </A>
          <A href="/join">{t('navJoin')}</A>
          <A href="/teacher">{t('navTeacher')}</A>
        </nav>
        <LanguageSwitch />
      </div>
    </header>
  );
}

export function Layout(props: RouteSectionProps) {
  return (
    <>
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Header />
      <main id="main" tabindex="-1">
        {props.children}
      </main>
    </>
  );
}

/** The page's <h1>, also setting the document title (read by screen readers on navigation). */
export function PageTitle(props: { children: string; class?: string }): JSX.Element {
  createEffect(() => {
    document.title = `${props.children} · ${t('appName')}`;
  });
  return <h1 class={props.class}>{props.children}</h1>;
}
