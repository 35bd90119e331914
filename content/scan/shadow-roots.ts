/**
 * The open shadow roots the scanner reads, and the custom elements that may still attach one.
 *
 * A MutationObserver on the document sees nothing inside a shadow root, so each open root the
 * walks meet is observed on its own. A root attached to an element already on the page (a custom
 * element upgraded once its definition loads, then rendering into its root) comes with no change
 * the observer could see: the custom elements the walks met without a root are looked at again
 * when the page next changes, and a few times after a scan, ever less often (a bounded list, a
 * property read per element). A root attached later to an element that is not a custom element,
 * with no change to the page around it, is not seen. Closed roots cannot be read at all.
 */
import type { Timers } from '@/content/scheduling';
import { composedParent } from './text-walk';

/** Custom elements kept to look at again; beyond this a page's others wait for a change of their own. */
const MAX_WAITING = 2_000;
/** After a scan met custom elements without a root, they are looked at again this long after it, then twice as long… */
const RECHECK_FIRST_MS = 250;
/** …up to this long. */
const RECHECK_LAST_MS = 8_000;

export interface ShadowRootsOptions {
  /** A root was found for the first time: follow its changes. */
  observe(root: ShadowRoot): void;
  /** An element on the page now has an open root it did not have: read it. */
  attached(host: Element): void;
  timers: Timers;
}

export class ShadowRoots {
  private readonly known = new Set<ShadowRoot>();
  private readonly waiting = new Set<Element>();
  private timer: unknown = null;
  private delay = RECHECK_FIRST_MS;

  constructor(private readonly options: ShadowRootsOptions) {}

  /** A walk met this open root: observed once. */
  add(root: ShadowRoot): void {
    if (this.known.has(root)) return;
    this.known.add(root);
    this.waiting.delete(root.host);
    this.options.observe(root);
  }

  /** A walk met a custom element without a root. */
  wait(element: Element): void {
    if (this.waiting.size >= MAX_WAITING || this.waiting.has(element)) return;
    this.waiting.add(element);
    if (this.timer === null) this.schedule(RECHECK_FIRST_MS);
  }

  /** Looks at the waiting elements again (the page changed, or a timer): a new root is read. */
  recheck(): void {
    for (const element of this.waiting) {
      if (!element.isConnected) {
        this.waiting.delete(element);
        continue;
      }
      const root = element.shadowRoot;
      if (!root) continue;
      this.add(root);
      this.options.attached(element);
    }
  }

  /** The roots read so far whose host is `container` or inside it (composed: through other roots). */
  *under(container: Element): Generator<ShadowRoot> {
    for (const root of this.roots()) {
      for (let at: Node | null = root.host; at; at = composedParent(at)) {
        if (at === container) {
          yield root;
          break;
        }
      }
    }
  }

  /** The roots read so far that are still on the page (those that left are forgotten). */
  *roots(): Generator<ShadowRoot> {
    for (const root of this.known) {
      if (root.host.isConnected) yield root;
      else this.known.delete(root);
    }
  }

  clear(): void {
    this.known.clear();
    this.waiting.clear();
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.timer = null;
    this.delay = RECHECK_FIRST_MS;
  }

  private schedule(ms: number): void {
    this.delay = ms;
    this.timer = this.options.timers.setTimeout(() => {
      this.timer = null;
      this.recheck();
      if (this.waiting.size > 0 && this.delay < RECHECK_LAST_MS) this.schedule(this.delay * 2);
    }, ms);
  }
}
