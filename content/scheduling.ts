/**
 * Cooperative scheduling for work on the page's main thread: long jobs check a
 * time budget as they go and give the thread back (so input, rendering and the
 * page's own scripts run) before any single task gets near 50 ms.
 */

/**
 * Timers injected into the page layer's state machines, so their timings are
 * unit-tested with fake clocks and the content script passes WXT's
 * context-bound timers (cleared when the extension is reloaded).
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Returns control to the event loop; continues in a new task. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  // A message posted to a channel runs as a new task without setTimeout's 4 ms clamp
  // or its throttling in background tabs.
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A time budget for one task: `spent()` tells a loop to yield, checking the clock only every `every` calls. */
export class TaskBudget {
  private started: number;
  private calls = 0;
  /** The longest stretch between yields so far, in ms (diagnostics). */
  longest = 0;

  constructor(
    private readonly budgetMs = 10,
    private readonly every = 16,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  spent(): boolean {
    if (++this.calls % this.every !== 0) return false;
    return this.now() - this.started >= this.budgetMs;
  }

  /** Whether the budget is used up, checking the clock now (before one expensive step). */
  spentNow(): boolean {
    return this.now() - this.started >= this.budgetMs;
  }

  /** Closes the current stretch (for `longest`) without yielding. */
  finish(): void {
    this.longest = Math.max(this.longest, this.now() - this.started);
  }

  /**
   * Waits for something outside this thread (a message's answer): the stretch so far ends here and
   * a fresh budget starts after, so the wait is not counted as work.
   */
  async wait<T>(promise: Promise<T>): Promise<T> {
    this.finish();
    try {
      return await promise;
    } finally {
      this.started = this.now();
      this.calls = 0;
    }
  }

  /** Yields to the event loop and starts a fresh budget. */
  async yield(): Promise<void> {
    this.longest = Math.max(this.longest, this.now() - this.started);
    await yieldToMain();
    this.started = this.now();
    this.calls = 0;
  }
}

/** Runs `callback` once the page is idle, but no later than `timeout` ms. */
export function whenIdle(timeout: number, setTimer: (cb: () => void, ms: number) => unknown): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimer(resolve, 1);
  });
}
