/**
 * What the popup needs from the browser, injected so component tests can hand
 * it fakes. `defaultPopupDeps` is the real thing: typed messages to the
 * background and to the target tab's content script, and the settings store.
 */
import { backgroundMessenger, tabMessenger } from '@/utils/messaging';
import { targetTabId } from '@/utils/active-tab';
import { extensionPagePath, type ExtensionPageTarget } from '@/utils/extension-pages';
import { messengerNotesClient, type NotesClient } from '@/utils/notes/client';
import type { MentionsReport } from '@/content/navigation/mentions-report';
import type { UserLayerSnapshot } from '@/utils/people/store';
import { loadSettings, setGlobalEnabled, setSiteEnabled, watchSettings, type Settings } from '@/utils/settings';

export interface PopupDeps {
  /** The background's version: shows the worker answers. */
  ping(): Promise<string>;
  notes: NotesClient;
  targetTabId(): Promise<number | undefined>;
  listMentions(tabId: number): Promise<MentionsReport>;
  revealMention(tabId: number, personId: string): Promise<boolean>;
  loadSettings(): Promise<Settings>;
  setSiteEnabled(host: string, enabled: boolean): Promise<Settings>;
  setGlobalEnabled(enabled: boolean): Promise<Settings>;
  watchSettings(listener: (settings: Settings) => void): () => void;
  openNotesPage(): Promise<void>;
  /** Opens one of our pages in a tab (the options page through the browser's own options UI). */
  openPage(page: ExtensionPageTarget): Promise<void>;
  closePopup(): void;
  /** The reader's own people and additions (searched with the bundled people). */
  listUserLayer(): Promise<UserLayerSnapshot>;
}

async function openPage(page: ExtensionPageTarget): Promise<void> {
  if (page === 'options') return browser.runtime.openOptionsPage();
  // WXT types getURL's argument as the built files' paths; these are ours.
  await browser.tabs.create({ url: browser.runtime.getURL(extensionPagePath(page) as '/notes.html') });
}

export const defaultPopupDeps: PopupDeps = {
  ping: async () => (await backgroundMessenger.sendMessage('ping', undefined)).version,
  notes: messengerNotesClient,
  targetTabId: () => targetTabId(),
  listMentions: (tabId) => tabMessenger.sendMessage('listMentions', undefined, tabId),
  revealMention: (tabId, personId) => tabMessenger.sendMessage('revealMention', { personId }, tabId),
  loadSettings,
  setSiteEnabled,
  setGlobalEnabled,
  watchSettings,
  openNotesPage: () => openPage('notes'),
  openPage,
  closePopup: () => window.close(),
  listUserLayer: () => backgroundMessenger.sendMessage('listUserLayer', undefined),
};
