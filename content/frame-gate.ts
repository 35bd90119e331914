/**
 * Whether this frame is read at all. The content script runs in every frame of a page, and most child
 * frames of a news page are ads, trackers and 1×1 pixels: such a frame is judged by its own viewport
 * size before any of its text is touched, and waits, costing one resize listener, in case it grows.
 */
import { frameWorthReading } from '@/utils/frames';
import { documentSiteKey } from '@/utils/settings';

/** The top-level document: the page itself, always read. */
export function isTopFrame(): boolean {
  return window === window.top;
}

/**
 * Resolves once this frame is worth reading: at once for the top frame and a frame of an article's
 * size, else when a resize makes it one. The size is read from the browser, never from the event.
 */
export function whenWorthReading(
  listen: (target: Window, type: 'resize', handler: () => void, options: AddEventListenerOptions) => void,
): Promise<void> {
  const fits = () => frameWorthReading(window.innerWidth, window.innerHeight);
  if (isTopFrame() || fits()) return Promise.resolve();
  return new Promise((resolve) => {
    const waiting = new AbortController();
    listen(
      window,
      'resize',
      () => {
        if (!fits()) return;
        waiting.abort();
        resolve();
      },
      { passive: true, signal: waiting.signal },
    );
  });
}

/** This document's site switch key: its creator's site for about:blank, srcdoc and blob: frames (documentSiteKey). */
export function pageSiteKey(): string {
  // The document's origin, inherited by those frames; not every DOM implementation has it (tests).
  const own = (globalThis as { origin?: unknown }).origin;
  return documentSiteKey(location, typeof own === 'string' ? own : location.origin);
}
