import { describe, expect, it, vi } from 'vitest';
import { createLifetime } from '@/content/lifetime';

describe('createLifetime', () => {
  it('ends only when the extension context is gone, checked on use', () => {
    let there = true;
    const lifetime = createLifetime(() => there);
    const ended = vi.fn();
    lifetime.onEnded(ended);
    expect(lifetime.alive).toBe(true);
    expect(ended).not.toHaveBeenCalled();
    there = false;
    expect(lifetime.alive).toBe(false);
    expect(lifetime.signal.aborted).toBe(true);
    expect(ended).toHaveBeenCalledTimes(1);
    // Coming back does not revive it (a new copy of the script would start instead).
    there = true;
    expect(lifetime.alive).toBe(false);
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('a probe that throws (runtime torn down) counts as gone', () => {
    const lifetime = createLifetime(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(lifetime.alive).toBe(false);
  });

  it("ignores WXT's content-script-started event, whoever sends it", () => {
    const lifetime = createLifetime(() => true);
    const type = 'talent-lens@talent-lens.dev:content:wxt:content-script-started';
    const target = new EventTarget();
    const handler = vi.fn();
    lifetime.listen(target, 'ping', handler);
    target.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
    target.dispatchEvent(new Event('ping'));
    expect(lifetime.alive).toBe(true);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('listeners: called while alive, removed at the end or by their own signal', () => {
    let there = true;
    const lifetime = createLifetime(() => there);
    const target = new EventTarget();
    const kept = vi.fn();
    const dropped = vi.fn();
    const own = new AbortController();
    lifetime.listen(target, 'ping', kept);
    lifetime.listen(target, 'ping', dropped, { signal: own.signal });
    target.dispatchEvent(new Event('ping'));
    own.abort();
    target.dispatchEvent(new Event('ping'));
    expect(kept).toHaveBeenCalledTimes(2);
    expect(dropped).toHaveBeenCalledTimes(1);
    // The context goes: the next event finds it gone and the handler is not called, nor ever again.
    there = false;
    target.dispatchEvent(new Event('ping'));
    there = true;
    target.dispatchEvent(new Event('ping'));
    expect(kept).toHaveBeenCalledTimes(2);
    // Nothing is added after the end.
    const late = vi.fn();
    lifetime.listen(target, 'ping', late);
    target.dispatchEvent(new Event('ping'));
    expect(late).not.toHaveBeenCalled();
  });

  it('timers: fire while alive, not after the context went, all cleared at the end', () => {
    vi.useFakeTimers();
    try {
      let there = true;
      const lifetime = createLifetime(() => there);
      const first = vi.fn();
      const cleared = vi.fn();
      lifetime.setTimeout(first, 10);
      const handle = lifetime.setTimeout(cleared, 10);
      lifetime.clearTimeout(handle);
      vi.advanceTimersByTime(10);
      expect(first).toHaveBeenCalledTimes(1);
      expect(cleared).not.toHaveBeenCalled();

      const afterGone = vi.fn();
      lifetime.setTimeout(afterGone, 10);
      there = false;
      vi.advanceTimersByTime(10);
      expect(afterGone).not.toHaveBeenCalled();

      const pending = vi.fn();
      const other = createLifetime(() => true);
      other.setTimeout(pending, 10);
      other.end();
      expect(vi.getTimerCount()).toBe(0);
      vi.advanceTimersByTime(10);
      expect(pending).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('onEnded after the end runs at once; its remover unregisters', () => {
    const lifetime = createLifetime(() => true);
    const removed = vi.fn();
    lifetime.onEnded(removed)();
    lifetime.end();
    expect(removed).not.toHaveBeenCalled();
    const late = vi.fn();
    lifetime.onEnded(late);
    expect(late).toHaveBeenCalledTimes(1);
  });
});
