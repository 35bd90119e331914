import type { Timers } from '@/content/scheduling';

/**
 * A debouncer with a ceiling: calls `run` once `wait` ms pass without a new
 * trigger, but never later than `maxWait` ms after the first trigger of a burst
 * (a page that mutates every 100 ms forever would otherwise never be rescanned).
 *
 * With `leading`, the first change after a quiet period runs at once (on a 0 ms
 * timer, so the changes of one task still batch): a page that re-renders a
 * paragraph now and then gets its marks back within a frame, not after `wait`.
 *
 * Timers and the clock are injected so the logic is unit-tested without a page
 * and the content script can pass WXT's context-bound timers.
 */
export interface DebounceTimers extends Timers {
  now(): number;
}

export interface Debouncer {
  /** Something changed: schedule a run. */
  trigger(): void;
  /** Run now if a run is pending. */
  flush(): void;
  /** Drop a pending run. */
  cancel(): void;
  readonly pending: boolean;
}

export function createDebouncer(
  run: () => void,
  options: { wait: number; maxWait: number; leading?: boolean },
  timers: DebounceTimers,
): Debouncer {
  let handle: unknown = null;
  let firstTrigger: number | null = null;
  let lastRun = -Infinity;
  /** The pending run is a leading one: later triggers join it. */
  let leadingPending = false;

  const fire = () => {
    handle = null;
    leadingPending = false;
    firstTrigger = null;
    lastRun = timers.now();
    run();
  };

  const schedule = () => {
    const now = timers.now();
    if (leadingPending) return;
    if (handle === null && options.leading && now - lastRun >= options.wait) {
      leadingPending = true;
      handle = timers.setTimeout(fire, 0);
      return;
    }
    if (handle !== null) timers.clearTimeout(handle);
    firstTrigger ??= now;
    const untilCeiling = firstTrigger + options.maxWait - now;
    handle = timers.setTimeout(fire, Math.max(0, Math.min(options.wait, untilCeiling)));
  };

  return {
    trigger: schedule,
    flush() {
      if (handle === null) return;
      timers.clearTimeout(handle);
      fire();
    },
    cancel() {
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
      firstTrigger = null;
      leadingPending = false;
    },
    get pending() {
      return handle !== null;
    },
  };
}
