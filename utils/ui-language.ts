/**
 * Applies the UI language chosen in the options page to an extension page, before it
 * renders: loads that language's catalogue from the package (an extension page may read
 * its own files; nothing leaves the machine) and hands it to `t()`. The content script gets
 * the same catalogue from the background (content/ui-language.ts).
 */
import { setCatalogue } from '@/utils/i18n';
import { htmlLang, type CatalogueLanguage } from '@/utils/i18n-catalogue';
import { loadSettings } from '@/utils/settings';
import type { Catalogue } from '@/utils/traditional-locale';
import { logError } from '@/utils/log';

/** A catalogue from our own package (extension pages and the background; content scripts ask the background). */
export async function loadCatalogue(language: CatalogueLanguage): Promise<Catalogue> {
  // WXT types getURL's argument as its list of built files, which does not include public/_locales.
  const response = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json` as '/popup.html'));
  if (!response.ok) throw new Error(`catalogue ${language}: HTTP ${response.status}`);
  return (await response.json()) as Catalogue;
}

/** Reads the setting and applies it; on any failure the page keeps the browser's language. */
export async function applyUiLanguage(): Promise<void> {
  try {
    const { language } = await loadSettings();
    if (language === 'browser') {
      setCatalogue(null);
      document.documentElement.lang = browser.i18n.getUILanguage();
      return;
    }
    setCatalogue(await loadCatalogue(language));
    document.documentElement.lang = htmlLang(language);
  } catch (cause) {
    logError('UI language', cause);
    setCatalogue(null);
  }
}
