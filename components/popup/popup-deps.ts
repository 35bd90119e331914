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
import type { ScriptConverters } from '@/utils/people/suggestions';
import { loadScriptConverters } from '@/utils/people/script-converters';
import { loadSettings, setGlobalEnabled, setSiteEnabled, watchSettings, type Settings } from '@/utils/settings';
import { mergeFrameReports, TOP_FRAME_ID, type FrameReport } from '@/utils/frames';

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
  /** OpenCC's converters, loaded only when the reader has a Chinese name to find in the other script. */
  loadScriptConverters(): Promise<ScriptConverters>;
}

async function openPage(page: ExtensionPageTarget): Promise<void> {
  if (page === 'options') return browser.runtime.openOptionsPage();
  // WXT types getURL's argument as the built files' paths; these are ours.
  await browser.tabs.create({ url: browser.runtime.getURL(extensionPagePath(page) as '/notes.html') });
}

/**
 * The tab's "On this page", every frame's: the top frame's report, joined with those of the frames the
 * background knows to have marks. A frame that does not answer (gone since) is left out; the top frame
 * must answer (no content script there: a browser page, the store).
 */
async function listTabMentions(tabId: number): Promise<MentionsReport> {
  const frames = await backgroundMessenger.sendMessage('listMentionFrames', { tabId }).catch(() => [TOP_FRAME_ID]);
  const reports = await Promise.all(
    frames.map((frameId) =>
      tabMessenger.sendMessage('listMentions', undefined, { tabId, frameId }).then(
        (report): FrameReport => ({ frameId, report }),
        (cause: unknown) => {
          if (frameId === TOP_FRAME_ID) throw cause;
          return null;
        },
      ),
    ),
  );
  const merged = mergeFrameReports(reports.filter((r): r is FrameReport => r !== null));
  if (!merged) throw new Error('the page did not answer');
  return merged;
}

/** "Show on page": the frames that may hold the person are asked in frame order, the top frame first; the first to show them wins. */
async function revealInTab(tabId: number, personId: string): Promise<boolean> {
  const frames = await backgroundMessenger.sendMessage('listMentionFrames', { tabId }).catch(() => [TOP_FRAME_ID]);
  for (const frameId of frames) {
    const shown = await tabMessenger.sendMessage('revealMention', { personId }, { tabId, frameId }).catch(() => false);
    if (shown) return true;
  }
  return false;
}

export const defaultPopupDeps: PopupDeps = {
  ping: async () => (await backgroundMessenger.sendMessage('ping', undefined)).version,
  notes: messengerNotesClient,
  targetTabId: () => targetTabId(),
  listMentions: listTabMentions,
  revealMention: revealInTab,
  loadSettings,
  setSiteEnabled,
  setGlobalEnabled,
  watchSettings,
  openNotesPage: () => openPage('notes'),
  openPage,
  closePopup: () => window.close(),
  listUserLayer: () => backgroundMessenger.sendMessage('listUserLayer', undefined),
  loadScriptConverters,
};
