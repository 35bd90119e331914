/**
 * The card's UI language, in the card's own code (card-ui.js has its own copy of utils/i18n, so the
 * content script hands the chosen catalogue over here as well; see content/ui-language.ts).
 */
import { setCatalogue } from '@/utils/i18n';
import { uiScriptOf, type DataScript } from '@/utils/data-script';
import type { UiLanguage } from '@/utils/i18n-catalogue';
import type { Catalogue } from '@/utils/traditional-locale';

let chosen: UiLanguage = 'browser';

/** The card's text from now on comes from `catalogue` (null: the browser's language). */
export function useUiLanguage(language: UiLanguage, catalogue: Catalogue | null): void {
  chosen = catalogue ? language : 'browser';
  setCatalogue(catalogue);
}

/** The script of the reader's UI language: the card's Chinese on a page that gives no hint of its own. */
export function uiDataScript(): DataScript {
  return uiScriptOf(chosen, browser.i18n.getUILanguage());
}
