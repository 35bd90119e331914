/**
 * The background's "Not this person" handlers, gated like the notes
 * (sender-kind.ts). A content script runs beside a page that can drive it, so
 * it may read and add only its own site's rejections, and its site is what the
 * browser says the sender's URL is, never anything in the message: a page
 * cannot learn what the reader rejected elsewhere. Our top-level pages (the
 * notes page) list and delete them all.
 */
import { siteKey } from '@/utils/settings';
import type { NotesDatabase } from '@/utils/notes/db';
import { addRejection, deleteRejection, listRejections, listSiteRejections, type AddRejectionResult } from '@/utils/notes/rejection-store';
import type { Rejection, RejectionRecord, UndoneRejection } from '@/utils/notes/rejections';
import { gated, type MessageSenderLike, type OwnExtension } from '@/background/sender-kind';

/** The site a sender's page belongs to, by the browser's account of its URL; null when it has none. */
export function siteOfSender(sender: MessageSenderLike | undefined): string | null {
  if (typeof sender?.url !== 'string') return null;
  try {
    return siteKey(new URL(sender.url)) || null;
  } catch {
    return null;
  }
}

/**
 * Which tabs show which sites, in any of their frames, as their content scripts' own requests showed
 * (the extension has no `tabs` permission, so it cannot read tab URLs): an Undo is told only to the
 * tabs where its site was seen, never to a tab elsewhere. A tab is forgotten when it starts loading
 * another page or closes.
 */
export class SiteTabs {
  private readonly sites = new Map<number, Set<string>>();

  saw(sender: MessageSenderLike, site: string): void {
    const tabId = sender.tab?.id;
    if (typeof tabId !== 'number') return;
    this.sites.set(tabId, (this.sites.get(tabId) ?? new Set()).add(site));
  }

  forget(tabId: number): void {
    this.sites.delete(tabId);
  }

  tabsOf(site: string): number[] {
    return [...this.sites].flatMap(([tabId, sites]) => (sites.has(site) ? [tabId] : []));
  }
}

/**
 * An Undo, relayed to every frame of each tab where its site was seen (`send` without a frame id
 * reaches them all: the top frame and child frames alike). Each frame acts only if it is that site's
 * (entrypoints/content.ts), so a frame of another site in the same tab keeps its own choice of the
 * same name. Best effort: a tab the background does not know (it was restarted since) marks the name
 * again on its next load.
 */
export function relayUndo(tabs: SiteTabs, send: (tabId: number, undone: UndoneRejection) => Promise<unknown>) {
  return async ({ site, personId, aliasText }: RejectionRecord): Promise<void> => {
    await Promise.all(tabs.tabsOf(site).map((tabId) => send(tabId, { site, personId, aliasText }).catch(() => undefined)));
  };
}

export interface RejectionHandlerOptions {
  isKnownPerson(personId: string): boolean;
  /** Where the site's open tabs are; filled by the content scripts' requests. */
  tabs?: SiteTabs;
  /** After an Undo: the mark may come back on the site's open tabs. */
  onDeleted?(record: RejectionRecord): Promise<void>;
}

export function rejectionHandlers(db: NotesDatabase, own: OwnExtension, options: RejectionHandlerOptions) {
  const from = gated(own);
  return {
    // Whatever the message says, the answer is the sender's own site's.
    listSiteRejections: from<unknown, Rejection[]>(['content-script'], async (_data, sender) => {
      const site = siteOfSender(sender);
      if (!site) return [];
      options.tabs?.saw(sender, site);
      return listSiteRejections(db, site);
    }),
    addRejection: from<unknown, AddRejectionResult>(['content-script'], async (data, sender) => {
      const site = siteOfSender(sender);
      if (!site) return { ok: false, message: 'This page has no site.' };
      options.tabs?.saw(sender, site);
      return addRejection(db, site, data, options.isKnownPerson);
    }),
    listRejections: from<unknown, RejectionRecord[]>(['extension-page'], async () => listRejections(db)),
    deleteRejection: from<{ id: string }, RejectionRecord | null>(['extension-page'], async (data) => {
      const record = await deleteRejection(db, String(data?.id ?? ''));
      if (record) await options.onDeleted?.(record).catch(() => undefined);
      return record;
    }),
  };
}
