/**
 * The frames of each tab that have marks, told by the content script in each child frame
 * (`frameHasMentions`), with the frame and tab taken from the browser's account of the sender. The
 * popup asks for them to count every frame (`listMentionFrames`), and the next-mention shortcut moves
 * from frame to frame through them (`stepAcrossFrames`). Without the webNavigation permission the
 * background has no other way to know a tab's frames, and needs none: a frame without marks has
 * nothing to count or visit.
 *
 * Kept in memory and mirrored to `storage.session`, so a stopped service worker still knows them; a
 * tab's entry goes when the tab navigates or closes.
 */
import { backgroundMessenger, tabMessenger } from '@/utils/messaging';
import { framesAfter, frameOrder, TOP_FRAME_ID } from '@/utils/frames';
import { gated, senderFrame, type MessageSenderLike, type OwnExtension } from '@/background/sender-kind';
import { addressNamesSite, setSiteEnabled, siteKey } from '@/utils/settings';
import { switchReaderSite } from '@/background/site-switch';
import { logError } from '@/utils/log';

const STORE_KEY = 'mentionFrames';

/**
 * The site the reader sees from a sender in a tab: its tab's top-level page's, from the browser's
 * account of the sender (its tab's URL where the browser gives it; else the tab's top frame, which
 * the browser reaches by the sender's tab id, says its own), never from anything in the message.
 */
export async function readerSiteOf(sender: MessageSenderLike, askTopFrame: (tabId: number) => Promise<unknown>): Promise<string | null> {
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number') return null;
  const url = sender.tab?.url;
  if (url) {
    try {
      const address = new URL(url);
      // A top-level about:blank or blob: page's site is its creator's, which only the page knows (documentSiteKey).
      if (addressNamesSite(address)) return siteKey(address);
    } catch {
      // Not a URL: the top frame is asked.
    }
  }
  const answer = await askTopFrame(tabId).catch(() => null);
  return typeof answer === 'string' && answer !== '' ? answer : null;
}

export function registerFrameHandlers(own: OwnExtension): void {
  const frames = new Map<number, Set<number>>();
  const store = browser.storage.session;
  const restored: Promise<void> = store
    ? store.get(STORE_KEY).then(
        (stored) => {
          const saved = stored[STORE_KEY] as Record<string, number[]> | undefined;
          for (const [tabId, ids] of Object.entries(saved ?? {})) {
            if (Array.isArray(ids)) frames.set(Number(tabId), new Set(ids.filter((id) => Number.isInteger(id))));
          }
        },
        () => undefined,
      )
    : Promise.resolve();
  const persist = () => {
    const snapshot = Object.fromEntries([...frames].map(([tabId, ids]) => [tabId, [...ids]]));
    store?.set({ [STORE_KEY]: snapshot }).catch((cause: unknown) => logError('keeping the frames with marks', cause));
  };
  const forget = (tabId: number) => {
    if (frames.delete(tabId)) persist();
  };
  browser.tabs.onRemoved.addListener(forget);
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') forget(tabId);
  });

  const from = gated(own);
  backgroundMessenger.onMessage(
    'frameHasMentions',
    from<unknown, void>(['content-script'], async (_data, sender) => {
      await restored;
      const frame = senderFrame(sender);
      if (!frame || frame.frameId === TOP_FRAME_ID) return;
      const known = frames.get(frame.tabId) ?? new Set<number>();
      if (known.has(frame.frameId)) return;
      frames.set(frame.tabId, known.add(frame.frameId));
      persist();
    }),
  );
  backgroundMessenger.onMessage(
    'listMentionFrames',
    from<{ tabId: number }, number[]>(['extension-page'], async (data) => {
      await restored;
      return frameOrder(typeof data?.tabId === 'number' ? (frames.get(data.tabId) ?? []) : []);
    }),
  );
  const readerSite = (sender: MessageSenderLike) =>
    readerSiteOf(sender, (tabId) => tabMessenger.sendMessage('pageSite', undefined, { tabId, frameId: TOP_FRAME_ID }));
  backgroundMessenger.onMessage(
    'readerSite',
    from<unknown, string | null>(['content-script'], async (_data, sender) => readerSite(sender)),
  );
  backgroundMessenger.onMessage('switchReaderSite', from(['content-script'], switchReaderSite(readerSite, setSiteEnabled)));
  backgroundMessenger.onMessage(
    'stepAcrossFrames',
    from<{ direction: 1 | -1 }, boolean>(['content-script'], async (data, sender) => {
      await restored;
      const frame = senderFrame(sender);
      if (!frame) return false;
      const direction = data?.direction === -1 ? -1 : 1;
      for (const frameId of framesAfter(frameOrder(frames.get(frame.tabId) ?? []), frame.frameId, direction)) {
        // A frame that went away (or has no content script) does not answer: the next one is asked.
        const took = await tabMessenger
          .sendMessage('focusNextMention', { direction, enter: true }, { tabId: frame.tabId, frameId })
          .catch(() => false);
        if (took) return true;
      }
      return false;
    }),
  );
}
