/**
 * Reading a message from a bundled _locales catalogue the way browser.i18n does, for
 * extension pages whose reader chose a UI language other than the browser's (the
 * browser's API answers only in the browser's). Pure.
 */
import type { Catalogue } from '@/utils/traditional-locale';

/** The UI languages a reader can choose in the options page; `browser` follows the browser. */
export const UI_LANGUAGES = ['browser', 'en', 'zh_CN', 'zh_TW'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
/** A language with a catalogue of its own in public/_locales. */
export type CatalogueLanguage = Exclude<UiLanguage, 'browser'>;

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/**
 * A message with its placeholders filled: `$NAME$` is looked up (case-insensitively, as
 * Chrome does) in the entry's placeholders, whose `$1`…`$9` take the substitutions. An
 * unknown key gives '' like browser.i18n.getMessage, so the caller's fallback applies.
 */
export function catalogueMessage(catalogue: Catalogue, key: string, substitutions?: string | string[]): string {
  const entry = Object.hasOwn(catalogue, key) ? catalogue[key] : undefined;
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$(\w+)\$/g, (_, name: string) => fill(entry.placeholders?.[name.toLowerCase()]?.content ?? ''))
    .replace(/\$\$/g, '$');
}

/** The document's `lang` for a catalogue language, so CJK text gets CJK fonts and line breaking. */
export function htmlLang(language: CatalogueLanguage): string {
  return language.replace('_', '-');
}
