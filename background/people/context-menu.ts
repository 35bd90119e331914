/**
 * "Track with Talent Lens" and "Add as a source for…" on a selection. A click opens the
 * add form (people.html) next to the tab, with the selection and its page handed over in
 * storage.session (utils/people/add-request.ts). The page's title comes from our content
 * script's report when it answers; the URL from the browser's account of the click.
 */
import type { Browser } from 'wxt/browser';
import { tabMessenger } from '@/utils/messaging';
import { putAddRequest, type AddRequest } from '@/utils/people/add-request';
import { t } from '@/utils/i18n';
import { logError } from '@/utils/log';

const MENU_TRACK = 'talent-lens-track';
const MENU_SOURCE = 'talent-lens-source';

type ClickInfo = Pick<Browser.contextMenus.OnClickData, 'menuItemId' | 'selectionText' | 'pageUrl' | 'frameId'>;
type ClickTab = { id?: number; index?: number; title?: string } | undefined;

/**
 * What a click on one of our items does. The end-to-end tests reach it through the browser's own
 * event (Chromium's `contextMenus.onClicked.dispatch`, in the service worker), so nothing test-only ships.
 */
async function onPeopleMenuClicked(info: ClickInfo, tab: ClickTab): Promise<void> {
  if (info.menuItemId !== MENU_TRACK && info.menuItemId !== MENU_SOURCE) return;
  const selection = (info.selectionText ?? '').trim();
  if (!selection) return;
  const report =
    tab?.id !== undefined
      ? await tabMessenger.sendMessage('listMentions', undefined, { tabId: tab.id, frameId: info.frameId ?? 0 }).catch(() => null)
      : null;
  const request: AddRequest = {
    mode: info.menuItemId === MENU_TRACK ? 'track' : 'source',
    selection,
    url: info.pageUrl ?? report?.url ?? '',
    title: report?.title ?? tab?.title ?? '',
  };
  const id = await putAddRequest(request);
  await browser.tabs.create({
    url: browser.runtime.getURL(`/people.html?request=${id}` as '/people.html'),
    ...(tab?.id !== undefined ? { openerTabId: tab.id, ...(tab.index !== undefined ? { index: tab.index + 1 } : {}) } : {}),
  });
}

export function registerPeopleMenu(): void {
  // Menus outlive the service worker; they are (re)made when the extension is installed or updated.
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({ id: MENU_TRACK, title: t('menuTrackPerson'), contexts: ['selection'] });
      browser.contextMenus.create({ id: MENU_SOURCE, title: t('menuAddSource'), contexts: ['selection'] });
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    onPeopleMenuClicked(info, tab).catch((cause) => logError('adding from the menu failed', cause));
  });
}
