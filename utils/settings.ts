import { isUiLanguage, type UiLanguage } from '@/utils/i18n-catalogue';
import type { Visibility } from '@/utils/people/records';
import { DEFAULT_MARK_STYLE, isMarkLook, isMarkScope, type MarkLook, type MarkScope } from '@/utils/mark-style';

/**
 * User settings in browser.storage.local (the extension's own storage, not the
 * page's): a global switch, per-site switches and the extension pages' UI language. Content scripts watch them so
 * a change takes effect on open tabs without a reload.
 */
export interface Settings {
  /** Marks on every site unless switched off here. */
  enabled: boolean;
  /** Sites (siteKey) where marks are switched off. */
  disabledSites: string[];
  /** The extension pages' UI language (utils/ui-language.ts); `browser` follows the browser. */
  language: UiLanguage;
  /** Whether the reader's own people are marked on pages or found only in the popup, unless a person says otherwise. */
  peopleVisibility: Visibility;
  /** Which mentions are drawn: all, or each person's first per paragraph (utils/mark-style.ts). */
  markScope: MarkScope;
  /** How a mark looks: a tint and an underline, or the underline alone. */
  markLook: MarkLook;
  /** How long the pointer rests on a mention before its card shows (one of CARD_DELAYS_MS). */
  cardDelayMs: number;
}

/** The card delays Settings offers; 500 ms is the default, as Wikipedia's Page Previews wait (content/card/hover-intent.ts). */
export const CARD_DELAYS_MS = [250, 500, 800, 1200] as const;

/**
 * The key of a page's per-site switch: its host, or for pages without one (file://, and any other
 * scheme with an empty host) the scheme as `file://`. An empty key would be dropped when settings
 * are read back (parseSettings), so "turn off on this site" would never stick there. The content
 * script, the card and the popup (through the content script's report) all use this one key.
 */
export function siteKey(location: { protocol: string; host: string }): string {
  return location.host || `${location.protocol}//`;
}

/** False for an about:blank, about:srcdoc or blob: address: the document's site is its creator's, not the address's. */
export function addressNamesSite(location: { protocol: string; host: string }): boolean {
  return location.host !== '' || (location.protocol !== 'about:' && location.protocol !== 'blob:');
}

/**
 * The site of a document: its address's (siteKey), or for a frame whose address names no site
 * (about:blank, about:srcdoc and blob: frames, which take their creator's origin) that origin's, so such
 * a frame follows its page's switch.
 */
export function documentSiteKey(location: { protocol: string; host: string }, origin: string): string {
  if (addressNamesSite(location)) return siteKey(location);
  try {
    const owner = new URL(origin);
    return owner.host ? siteKey(owner) : siteKey(location);
  } catch {
    return siteKey(location);
  }
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  language: 'browser',
  peopleVisibility: 'mark',
  markScope: DEFAULT_MARK_STYLE.scope,
  markLook: DEFAULT_MARK_STYLE.look,
  cardDelayMs: 500,
};
const KEY = 'settings';

/** Reads stored settings, repairing anything malformed (e.g. written by an older version) to defaults. */
export function parseSettings(raw: unknown): Settings {
  const value = (raw ?? {}) as Partial<Record<keyof Settings, unknown>>;
  return {
    enabled: typeof value.enabled === 'boolean' ? value.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: Array.isArray(value.disabledSites)
      ? [...new Set(value.disabledSites.filter((s): s is string => typeof s === 'string' && s.length > 0))]
      : [],
    language: isUiLanguage(value.language) ? value.language : DEFAULT_SETTINGS.language,
    peopleVisibility: value.peopleVisibility === 'find-only' ? 'find-only' : DEFAULT_SETTINGS.peopleVisibility,
    markScope: isMarkScope(value.markScope) ? value.markScope : DEFAULT_SETTINGS.markScope,
    markLook: isMarkLook(value.markLook) ? value.markLook : DEFAULT_SETTINGS.markLook,
    cardDelayMs: (CARD_DELAYS_MS as readonly unknown[]).includes(value.cardDelayMs)
      ? (value.cardDelayMs as number)
      : DEFAULT_SETTINGS.cardDelayMs,
  };
}

export function isEnabledFor(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(host);
}

export function withSite(settings: Settings, host: string, enabled: boolean): Settings {
  const others = settings.disabledSites.filter((s) => s !== host);
  return { ...settings, disabledSites: enabled ? others : [...others, host] };
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return parseSettings(stored[KEY]);
}

async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: settings });
}

/**
 * Settings are one stored object, and the options page, the popup, the notes page and the background each
 * change it by reading, changing and writing it back: two changes at once (a card delay still being saved
 * by a closing options page while another page sets the language) would let the later write undo the
 * earlier. The extension's contexts share one origin, so a Web Lock of that origin puts the changes in line.
 * A content script writes none: its Web Locks would be the page's, which could hold ours or list it, so
 * the card's "Turn off on this site" asks the background (background/site-switch.ts). A context without
 * the API (Node) puts its own changes in line.
 */
const SETTINGS_LOCK = 'talent-lens:settings';
const inPage = () => {
  if (globalThis.location === undefined) return false;
  const own = new URL(browser.runtime.getURL('/'));
  return location.protocol !== own.protocol || location.host !== own.host;
};
let inContext: Promise<unknown> = Promise.resolve();

async function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  if (inPage()) throw new Error('Talent Lens settings are changed by the extension’s own pages and background, not from a web page.');
  const apply = async () => {
    const next = change(await loadSettings());
    await saveSettings(next);
    return next;
  };
  const locks = globalThis.navigator?.locks;
  if (locks) return locks.request(SETTINGS_LOCK, apply);
  const queued = inContext.then(apply, apply);
  inContext = queued.catch(() => undefined);
  return queued;
}

export function setSiteEnabled(host: string, enabled: boolean): Promise<Settings> {
  return updateSettings((settings) => withSite(settings, host, enabled));
}

export function setGlobalEnabled(enabled: boolean): Promise<Settings> {
  return updateSettings((settings) => ({ ...settings, enabled }));
}

export function setPeopleVisibility(peopleVisibility: Visibility): Promise<Settings> {
  return updateSettings((settings) => ({ ...settings, peopleVisibility }));
}

export function setLanguage(language: UiLanguage): Promise<Settings> {
  return updateSettings((settings) => ({ ...settings, language }));
}

/** How marks look and when the card shows (Settings); every open tab follows at once. */
export function setReadingPreferences(change: Partial<Pick<Settings, 'markScope' | 'markLook' | 'cardDelayMs'>>): Promise<Settings> {
  return updateSettings((settings) => parseSettings({ ...settings, ...change }));
}

/** Calls `listener` whenever settings change in any context. Returns the unsubscribe function. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) listener(parseSettings(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
