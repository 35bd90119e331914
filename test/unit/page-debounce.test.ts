import { describe, expect, it } from 'vitest';
import { createDebouncer, type DebounceTimers } from '@/content/scan/debounce';

/** A manual clock: timers fire only when `advance` passes their due time. */
function fakeTimers() {
  let now = 0;
  let nextId = 1;
  const due = new Map<number, { at: number; fn: () => void }>();
  const timers: DebounceTimers = {
    setTimeout: (fn, ms) => {
      const id = nextId++;
      due.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (id) => void due.delete(id as number),
    now: () => now,
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const next = [...due.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      due.delete(next[0]);
      now = next[1].at;
      next[1].fn();
    }
    now = until;
  };
  return { timers, advance };
}

describe('createDebouncer', () => {
  it('runs once after a quiet period, however many triggers came before', () => {
    const { timers, advance } = fakeTimers();
    let runs = 0;
    const d = createDebouncer(() => runs++, { wait: 200, maxWait: 1000 }, timers);
    d.trigger();
    advance(100);
    d.trigger();
    advance(100);
    d.trigger();
    advance(199);
    expect(runs).toBe(0);
    advance(1);
    expect(runs).toBe(1);
    advance(5000);
    expect(runs).toBe(1);
  });

  it('runs by maxWait while triggers keep coming faster than wait', () => {
    const { timers, advance } = fakeTimers();
    const runsAt: number[] = [];
    let clock = 0;
    const d = createDebouncer(() => runsAt.push(clock), { wait: 200, maxWait: 1000 }, timers);
    for (clock = 0; clock <= 2500; clock += 100) {
      d.trigger();
      advance(100);
    }
    // Triggers every 100 ms never leave 200 ms of quiet: only the ceiling makes it run.
    expect(runsAt.length).toBe(2);
    expect(runsAt[0]).toBeGreaterThanOrEqual(900);
    expect(runsAt[0]).toBeLessThanOrEqual(1000);
  });

  it('flush runs a pending call now and cancel drops it', () => {
    const { timers, advance } = fakeTimers();
    let runs = 0;
    const d = createDebouncer(() => runs++, { wait: 200, maxWait: 1000 }, timers);
    d.flush();
    expect(runs).toBe(0);
    d.trigger();
    expect(d.pending).toBe(true);
    d.flush();
    expect(runs).toBe(1);
    expect(d.pending).toBe(false);
    d.trigger();
    d.cancel();
    advance(2000);
    expect(runs).toBe(1);
  });
});

describe('createDebouncer with leading', () => {
  it('runs the first change after a quiet period at once, then debounces the burst', () => {
    const { timers, advance } = fakeTimers();
    let runs = 0;
    const d = createDebouncer(() => runs++, { wait: 200, maxWait: 1000, leading: true }, timers);
    d.trigger();
    d.trigger();
    advance(0);
    expect(runs).toBe(1);
    // Within `wait` of that run: a trailing run after the quiet period.
    advance(50);
    d.trigger();
    advance(199);
    expect(runs).toBe(1);
    advance(1);
    expect(runs).toBe(2);
    // A change long after: leading again.
    advance(300);
    d.trigger();
    advance(0);
    expect(runs).toBe(3);
  });

  it('a re-render every 300 ms is handled right after each re-render', () => {
    const { timers, advance } = fakeTimers();
    let runs = 0;
    const d = createDebouncer(() => runs++, { wait: 200, maxWait: 1000, leading: true }, timers);
    for (let i = 1; i <= 5; i++) {
      d.trigger();
      advance(1);
      expect(runs).toBe(i);
      advance(299);
    }
  });
});
