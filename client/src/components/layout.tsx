// The frame of every page: skip link, header with the app name, navigation and language switch.
import { A, createAsync, useLocation, type RouteSectionProps } from '@solidjs/router';
import { For, Show, createEffect, createSignal, on } from 'solid-js';
import { LANGS, lang, setLang, t, type Lang } from '../i18n/index.ts';
import { getMeOrNull } from '../lib/queries.ts';

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

/** Whether the visitor is a student in a class (then the header links to their assignments). */
function useIsStudent(): () => boolean {
  // joining a class, a resume code, logging in or out reload it (lib/queries.ts)
  const me = createAsync(() => getMeOrNull());
  return () => me.latest?.role === 'student';
}

export function Header() {
  const location = useLocation();
  const isStudent = useIsStudent();
  const [open, setOpen] = createSignal(false);
  let menuButton: HTMLButtonElement | undefined;
  // a chosen page closes the menu on a phone
  createEffect(on(() => location.pathname, () => setOpen(false), { defer: true }));
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open()) {
      setOpen(false);
      menuButton?.focus();
    }
  };
  return (
    <header class="site-header">
      <div class="site-header-inner" onKeyDown={onKeyDown}>
        <A href="/" class="brand" end>
          {t('appName')}
        </A>
        <button
          type="button"
          class="menu-button"
          aria-expanded={open()}
          aria-controls="site-menu"
          ref={menuButton}
          onClick={() => setOpen(!open())}
        >
          <span aria-hidden="true" class="menu-icon">
            {open() ? '✕' : '☰'}
          </span>{' '}
          {t('menu')}
        </button>
        <div id="site-menu" class="site-menu" classList={{ open: open() }}>
          <nav aria-label={t('navMain')} class="site-nav">
            <A href="/" end>
              {t('navLessons')}
            </A>
            <Show when={isStudent()}>
              <A href="/me">{t('navMyAssignments')}</A>
            </Show>
            <A href="/join">{t('navJoin')}</A>
            <A href="/teacher">{t('navTeacher')}</A>
          </nav>
          <LanguageSwitch />
        </div>
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
