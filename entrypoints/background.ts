import { backgroundMessenger, tabMessenger } from '@/utils/messaging';
import { displayNames, personCard } from '@/utils/dataset/person-card';
import details from '@/data/generated/details.json';
import type { DatasetDetails } from '@/data/schema';
import { registerNotesHandlers } from '@/utils/notes/handlers';

export default defineBackground(() => {
  const dataset = details as DatasetDetails;

  backgroundMessenger.onMessage('ping', () => ({ version: browser.runtime.getManifest().version }));
  backgroundMessenger.onMessage('getPersonCard', ({ data }) => personCard(dataset, data));
  backgroundMessenger.onMessage('getDisplayNames', ({ data }) => displayNames(dataset, data ?? {}));
  registerNotesHandlers((id) => Object.hasOwn(dataset.people, id));
  // The card's links: a content script cannot open extension pages itself reliably.
  backgroundMessenger.onMessage('openExtensionPage', async ({ data, sender }) => {
    const base = data.page === 'notes' ? browser.runtime.getURL('/notes.html') : browser.runtime.getURL('/popup.html');
    const query = data.personId ? `?person=${encodeURIComponent(data.personId)}` : '';
    const opener = sender.tab;
    await browser.tabs.create({ url: base + query, ...(opener?.id !== undefined ? { openerTabId: opener.id, index: opener.index + 1 } : {}) });
  });
  // The `next-mention` shortcut is a browser command: it reaches the background, which hands it to the tab's content script.
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'next-mention') return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    // A page without our content script (browser pages, the store) has nobody to answer.
    await tabMessenger.sendMessage('focusNextMention', { direction: 1 }, tabId).catch(() => undefined);
  });
});
