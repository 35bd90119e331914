import { render, type ComponentChild } from 'preact';
import { applyUiLanguage } from '@/utils/ui-language';

/**
 * Starts one of our top-level extension pages: its styles, then the reader's chosen UI
 * language (loaded before the first render, so no text flashes in the other language),
 * then the page itself, built by `page` only once the language is known.
 */
export function mountPage(css: string, page: () => ComponentChild): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  void applyUiLanguage().then(() => render(page(), document.getElementById('app')!));
}
