/**
 * The card's "Turn off on this site" and its Undo, done by the background: the site is the one the
 * reader sees (the sender's tab's top-level page, `readerSiteOf`), so a card in an embedded frame turns
 * off the page around it, and a page that drives its content script can switch only its own tab's site.
 * Settings are written here, under the lock every extension context shares (utils/settings.ts), never
 * from a page's content script.
 */
import type { MessageSenderLike } from '@/background/sender-kind';

export function switchReaderSite(
  readerSite: (sender: MessageSenderLike) => Promise<string | null>,
  setSiteEnabled: (site: string, enabled: boolean) => Promise<unknown>,
) {
  return async (data: unknown, sender: MessageSenderLike): Promise<void> => {
    const on = (data as { on?: unknown } | null)?.on;
    if (typeof on !== 'boolean') throw new Error('Talent Lens could not switch this site: the request did not say on or off.');
    const site = await readerSite(sender);
    if (!site) throw new Error('Talent Lens could not switch this site: the browser did not say which page this is.');
    await setSiteEnabled(site, on);
  };
}
