/**
 * UI strings come from _locales through browser.i18n, so the UI follows the
 * browser's language (English, Simplified or Traditional Chinese), unless the
 * reader chose one in the options page: then extension pages load that
 * language's bundled catalogue first (utils/ui-language.ts) and `t()` reads it.
 * `t()` stays the one entry point either way.
 */
import type { Catalogue } from '@/utils/traditional-locale';
import { catalogueMessage } from '@/utils/i18n-catalogue';

export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');

/** The chosen language's catalogue; null: the browser's language, through browser.i18n. */
let chosen: Catalogue | null = null;

/** Makes `t()` read `catalogue` (null: back to the browser's language). */
export function setCatalogue(catalogue: Catalogue | null): void {
  chosen = catalogue;
}

export function t(key: MessageKey, substitutions?: string | string[]): string {
  return (chosen && catalogueMessage(chosen, key, substitutions)) || browser.i18n.getMessage(key, substitutions) || key;
}
