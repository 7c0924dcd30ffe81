// The one page title helper: the document title (read by screen readers on navigation, shown in
// the tab) follows the page, and goes back to what it was when the page closes.
import { createEffect, onCleanup, type JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';

/** Sets the document title to `title() · Bronwijs` while the calling component lives. */
export function useTitle(title: () => string): void {
  const before = document.title;
  createEffect(() => {
    document.title = `${title()} · ${t('appName')}`;
  });
  onCleanup(() => {
    document.title = before;
  });
}

/** The page's <h1>, also the document title. */
export function PageTitle(props: { children: string; class?: string }): JSX.Element {
  useTitle(() => props.children);
  return <h1 class={props.class}>{props.children}</h1>;
}
