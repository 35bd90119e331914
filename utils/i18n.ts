/**
 * UI strings come from _locales through browser.i18n, so the UI follows the
 * browser's language (English or Simplified Chinese).
 */
export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');

export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
