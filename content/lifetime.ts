/**
 * How long the content script works: until the extension's context is really gone (the extension
 * was reloaded, updated or removed, so `browser.runtime.id` disappears), and not a moment before.
 *
 * WXT's ContentScriptContext also ends when the document receives a CustomEvent named
 * `<runtime id>:content:wxt:content-script-started` from "a newer copy" of the script. In Firefox the
 * runtime id is the public add-on id, so any page can send that event and switch us off. This object
 * has no such signal: nothing the page can do ends it. Like WXT's context it checks the extension on
 * use (each timer, each listener call, each `alive` read) rather than polling.
 */
export interface Lifetime {
  /** Aborts when the lifetime ends; listeners added through `listen` go with it. */
  readonly signal: AbortSignal;
  /** Still running: checks the extension's context now, and ends the lifetime if it is gone. */
  readonly alive: boolean;
  /** Calls `callback` once when the lifetime ends; returns the function that unregisters it. */
  onEnded(callback: () => void): () => void;
  /** A timeout that never fires after the end (cleared by it). */
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(handle: number): void;
  /**
   * Adds a listener removed at the end, and called only while alive. `options.signal` (a caller's
   * own, e.g. to re-attach listeners) removes it earlier.
   */
  listen(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void;
  /** Ends it now (the extension context is gone; tests). */
  end(): void;
}

export interface LifetimeClock {
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(handle: number): void;
}

/**
 * `contextAlive`: whether the extension's context is still there (in the content script:
 * `browser.runtime?.id != null`, as WXT checks it).
 */
export function createLifetime(contextAlive: () => boolean, clock: LifetimeClock = globalThis): Lifetime {
  const controller = new AbortController();
  const { signal } = controller;
  // Timers still to fire, cleared together at the end (one abort listener for all, not one each:
  // the page layer's debounce sets and clears timers all the time).
  const timers = new Set<number>();
  signal.addEventListener(
    'abort',
    () => {
      for (const handle of timers) clock.clearTimeout(handle);
      timers.clear();
    },
    { once: true },
  );
  const end = () => {
    if (!signal.aborted) controller.abort();
  };
  const alive = () => {
    if (signal.aborted) return false;
    let there = false;
    try {
      there = contextAlive();
    } catch {
      // Reading runtime after the extension went away may throw: that is the answer too.
    }
    if (!there) end();
    return !signal.aborted;
  };
  return {
    signal,
    get alive() {
      return alive();
    },
    onEnded(callback) {
      if (signal.aborted) {
        callback();
        return () => {};
      }
      const run = () => callback();
      signal.addEventListener('abort', run, { once: true });
      return () => signal.removeEventListener('abort', run);
    },
    setTimeout(handler, ms) {
      if (signal.aborted) return 0;
      const handle = clock.setTimeout(() => {
        timers.delete(handle);
        if (alive()) handler();
      }, ms);
      timers.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      timers.delete(handle);
      clock.clearTimeout(handle);
    },
    listen(target, type, handler, options = {}) {
      const { signal: own, ...rest } = options;
      if (signal.aborted || own?.aborted) return;
      const listener = (event: Event) => {
        if (alive()) handler(event);
      };
      target.addEventListener(type, listener, { ...rest, signal });
      own?.addEventListener('abort', () => target.removeEventListener(type, listener, rest), { once: true });
    },
    end,
  };
}
