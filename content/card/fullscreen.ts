/**
 * Our card in fullscreen. While an element is fullscreen only its subtree is drawn (it is in the
 * top layer), so a card host under the document element would open unseen behind it: the host
 * moves into the fullscreen element, and back when fullscreen ends. An element whose children are
 * never drawn (a video, a frame, a canvas) cannot hold it: the card then stays where it was, and
 * the mentions behind the fullscreen element are out of sight anyway.
 *
 * Only the browser's own fullscreenchange counts (a page cannot make a trusted one).
 */
import { onlyTrusted } from '@/content/trusted';
import { logError } from '@/utils/log';

/** Elements whose children are never drawn: a host inside one would not show. */
const NO_CHILDREN_DRAWN = new Set(['video', 'audio', 'iframe', 'frame', 'object', 'embed', 'canvas', 'img']);

/** Where our host belongs now: the fullscreen element that can show it, else the document element. */
export function hostContainer(doc: Document = document): Element {
  const full = doc.fullscreenElement;
  return full && !NO_CHILDREN_DRAWN.has(full.localName) ? full : doc.documentElement;
}

/** Whether `node` is inside `container`, through the shadow roots around it. */
export function holds(container: Element, node: Node): boolean {
  for (let at: Node | null = node; at;) {
    if (container.contains(at)) return true;
    const root = at.getRootNode();
    at = 'host' in root ? (root as ShadowRoot).host : null;
  }
  return false;
}

/**
 * Keeps `host()` in its container as fullscreen starts and ends; `moved(container)` is told after each
 * move. Returns what stops it.
 */
export function followFullscreen(
  host: () => HTMLElement | null,
  moved: (container: Element) => void,
  doc: Document = document,
): () => void {
  const onChange = onlyTrusted(() => {
    try {
      const element = host();
      if (!element) return;
      const container = hostContainer(doc);
      if (element.parentNode !== container) container.append(element);
      moved(container);
    } catch (cause) {
      logError('following fullscreen failed', cause);
    }
  });
  doc.addEventListener('fullscreenchange', onChange);
  return () => doc.removeEventListener('fullscreenchange', onChange);
}
