import { backgroundMessenger, tabMessenger } from '@/utils/messaging';
import { displayNames, personCard } from '@/utils/dataset/person-card';
import details from '@/data/generated/details.json';
import detailsHant from '@/data/generated/details-hant.json';
import aliasIndex from '@/data/generated/alias-index.json';
import type { AliasIndex, DatasetDetails } from '@/data/schema';
import { registerNotesHandlers } from '@/background/notes/handlers';
import { registerPeopleHandlers } from '@/background/people/handlers';
import { registerPeopleMenu } from '@/background/people/context-menu';
import { extensionPagePath, opensWelcome } from '@/utils/extension-pages';
import { logError } from '@/utils/log';
import { isUiLanguage } from '@/utils/i18n-catalogue';
import { loadCatalogue } from '@/utils/ui-language';
import { NotesDatabase } from '@/utils/notes/db';
import { registerSync } from '@/background/sync';
import { registerFrameHandlers } from '@/background/frames';
import { NOTE_FRAME_PATH } from '@/utils/notes/note-frame';

export default defineBackground(() => {
  const dataset = details as DatasetDetails;
  const datasetHant = detailsHant as DatasetDetails;

  backgroundMessenger.onMessage('ping', () => ({ version: browser.runtime.getManifest().version }));
  // Anything but an exact 'Hant' gets the Simplified data; an id that is not a string finds nobody.
  backgroundMessenger.onMessage('getPersonCard', ({ data }) =>
    typeof data?.personId === 'string' ? personCard(data.script === 'Hant' ? datasetHant : dataset, data.personId) : null,
  );
  backgroundMessenger.onMessage('getDisplayNames', ({ data }) => displayNames(dataset, data ?? {}));
  backgroundMessenger.onMessage('getUiCatalogue', ({ data }) => {
    // Checked, not trusted: any content script may ask, and only a catalogue we ship is read.
    const language: unknown = data?.language;
    return isUiLanguage(language) && language !== 'browser' ? loadCatalogue(language) : null;
  });
  const db = new NotesDatabase();
  const isBundledPerson = (id: string) => Object.hasOwn(dataset.people, id);
  const isUserPerson = registerPeopleHandlers(db, isBundledPerson, aliasIndex as AliasIndex);
  registerNotesHandlers((id) => isBundledPerson(id) || isUserPerson(id), db);
  registerPeopleMenu();
  registerSync(db);
  registerFrameHandlers({ id: browser.runtime.id, noteFramePath: NOTE_FRAME_PATH });
  // The card's links: a content script cannot open extension pages itself reliably.
  backgroundMessenger.onMessage('openExtensionPage', async ({ data, sender }) => {
    // WXT types getURL's argument as the built files' paths, which a query string is not part of.
    const url = browser.runtime.getURL(extensionPagePath(data.page, data.personId) as '/notes.html');
    const opener = sender.tab;
    await browser.tabs.create({ url, ...(opener?.id !== undefined ? { openerTabId: opener.id, index: opener.index + 1 } : {}) });
  });
  // The `next-mention` shortcut is a browser command: it reaches the background, which hands it to the tab's
  // content scripts, every frame's; the frame with the reader's focus takes it (entrypoints/content.ts).
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'next-mention') return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    // A page without our content script (browser pages, the store) has nobody to answer.
    await tabMessenger.sendMessage('focusNextMention', { direction: 1 }, tabId).catch(() => undefined);
  });
  // The welcome page on a first install only: not on updates, nor when the browser itself updates.
  browser.runtime.onInstalled.addListener((details) => {
    if (!opensWelcome(details)) return;
    browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch((cause) => logError('welcome page', cause));
  });
});
