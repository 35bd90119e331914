/**
 * The UI language the reader chose in Settings, for what the content script shows in the page (the
 * card, its notices, the screen-reader announcements). A content script cannot read our package's
 * catalogues (they are not web-accessible, and must not be: a page could then fingerprint us), so
 * the background hands over the chosen one. Asked only once the page has a mention, and again when
 * the setting changes; "follow the browser" needs no catalogue at all (browser.i18n answers).
 */
import type { CatalogueLanguage, UiLanguage } from '@/utils/i18n-catalogue';
import type { Catalogue } from '@/utils/traditional-locale';
import { logError } from '@/utils/log';

export type ApplyUiLanguage = (language: UiLanguage, catalogue: Catalogue | null) => void;

export class UiLanguageFollower {
  /** The language last asked for (null: none yet); a later choice wins over an answer still on its way. */
  private wanted: UiLanguage | null = null;
  private applied: Promise<void> = Promise.resolve();

  constructor(
    private readonly fetchCatalogue: (language: CatalogueLanguage) => Promise<Catalogue | null>,
    private readonly apply: ApplyUiLanguage,
  ) {}

  /** Applies `language` (a no-op when it is the one applied or on its way); resolves once it is applied or failed. */
  follow(language: UiLanguage): Promise<void> {
    if (language === this.wanted) return this.applied;
    this.wanted = language;
    this.applied = (async () => {
      let catalogue: Catalogue | null = null;
      if (language !== 'browser') {
        try {
          catalogue = await this.fetchCatalogue(language);
        } catch (cause) {
          // The browser's language, then: better than no text.
          logError('UI language', cause);
        }
      }
      if (this.wanted === language) this.apply(language, catalogue);
    })();
    return this.applied;
  }
}
