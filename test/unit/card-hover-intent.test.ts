import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createHoverIntent, HOVER_TIMINGS, hoverTimingsFor, type HoverIntent, type HoverTimings } from '@/content/card/hover-intent';

interface Target {
  id: string;
}

const timers = {
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

describe('hover intent', () => {
  let effects: { load: Mock<(target: Target) => void>; show: Mock<(target: Target, viaKeyboard: boolean) => void>; hide: Mock<() => void> };
  let intent: HoverIntent<Target>;
  const a: Target = { id: 'a' };
  const b: Target = { id: 'b' };

  beforeEach(() => {
    vi.useFakeTimers();
    effects = { load: vi.fn(), show: vi.fn(), hide: vi.fn() };
    intent = createHoverIntent<Target>(effects, timers, { isSame: (x, y) => x.id === y.id });
  });

  it('starts loading at 150 ms and shows at 500 ms, not before', () => {
    intent.enterMention(a);
    vi.advanceTimersByTime(149);
    expect(effects.load).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(effects.load).toHaveBeenCalledWith(a);
    vi.advanceTimersByTime(349);
    expect(effects.show).not.toHaveBeenCalled();
    expect(intent.phase).toBe('pending');
    vi.advanceTimersByTime(1);
    expect(effects.show).toHaveBeenCalledWith(a, false);
    expect(intent.phase).toBe('shown');
    expect(HOVER_TIMINGS).toEqual({ loadAfter: 150, showAfter: 500, closeGrace: 300 });
  });

  it('reads timings given as a function at each hover: a card delay changed in Settings applies to the next hover', () => {
    let timings: HoverTimings = hoverTimingsFor(1200);
    const live = createHoverIntent<Target>(effects, timers, { isSame: (x, y) => x.id === y.id, timings: () => timings });
    live.enterMention(a);
    vi.advanceTimersByTime(1199);
    expect(effects.show).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(effects.show).toHaveBeenCalledWith(a, false);
    live.close();
    timings = hoverTimingsFor(250);
    live.enterMention(b);
    vi.advanceTimersByTime(150);
    expect(effects.load).toHaveBeenLastCalledWith(b);
    vi.advanceTimersByTime(100);
    expect(effects.show).toHaveBeenLastCalledWith(b, false);
  });

  it('a card delay shorter than the load delay loads the details with the card', () => {
    expect(hoverTimingsFor(500)).toEqual(HOVER_TIMINGS);
    expect(hoverTimingsFor(100)).toEqual({ loadAfter: 100, showAfter: 100, closeGrace: HOVER_TIMINGS.closeGrace });
    expect(hoverTimingsFor(1200)).toEqual({ loadAfter: 150, showAfter: 1200, closeGrace: HOVER_TIMINGS.closeGrace });
  });

  it('leaving before 500 ms cancels the card (and a load not yet started)', () => {
    intent.enterMention(a);
    vi.advanceTimersByTime(100);
    intent.leaveMention();
    vi.advanceTimersByTime(1000);
    expect(effects.load).not.toHaveBeenCalled();
    expect(effects.show).not.toHaveBeenCalled();
    expect(effects.hide).not.toHaveBeenCalled();
    expect(intent.phase).toBe('idle');

    intent.enterMention(a);
    vi.advanceTimersByTime(300);
    intent.leaveMention();
    vi.advanceTimersByTime(1000);
    expect(effects.load).toHaveBeenCalledTimes(1);
    expect(effects.show).not.toHaveBeenCalled();
  });

  it('leaving after the card shows closes it after a 300 ms grace period', () => {
    intent.enterMention(a);
    vi.advanceTimersByTime(500);
    intent.leaveMention();
    vi.advanceTimersByTime(299);
    expect(effects.hide).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(effects.hide).toHaveBeenCalledTimes(1);
    expect(intent.phase).toBe('idle');
  });

  it('entering the card during the grace period keeps it open; leaving the card closes it 300 ms later', () => {
    intent.enterMention(a);
    vi.advanceTimersByTime(500);
    intent.leaveMention();
    vi.advanceTimersByTime(200);
    intent.enterCard();
    vi.advanceTimersByTime(5000);
    expect(effects.hide).not.toHaveBeenCalled();
    intent.leaveCard();
    vi.advanceTimersByTime(299);
    expect(effects.hide).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(effects.hide).toHaveBeenCalledTimes(1);
  });

  it('a mention leave reported after the pointer already reached the card does not close it', () => {
    intent.enterMention(a);
    vi.advanceTimersByTime(500);
    intent.enterCard();
    intent.leaveMention();
    vi.advanceTimersByTime(5000);
    expect(effects.hide).not.toHaveBeenCalled();
    intent.leaveCard();
    vi.advanceTimersByTime(300);
    expect(effects.hide).toHaveBeenCalledOnce();
  });

  it('coming back to the same mention during the grace period keeps the card and does not restart', () => {
    intent.enterMention(a);
    vi.advanceTimersByTime(500);
    intent.leaveMention();
    vi.advanceTimersByTime(200);
    intent.enterMention({ id: 'a' });
    vi.advanceTimersByTime(5000);
    expect(effects.hide).not.toHaveBeenCalled();
    expect(effects.show).toHaveBeenCalledTimes(1);
  });

  it('entering another mention switches: the open card goes, the new one follows the same timings', () => {
    intent.enterMention(a);
    vi.advanceTimersByTime(500);
    intent.leaveMention();
    intent.enterMention(b);
    expect(effects.hide).toHaveBeenCalledTimes(1);
    expect(intent.target).toBe(b);
    vi.advanceTimersByTime(150);
    expect(effects.load).toHaveBeenLastCalledWith(b);
    vi.advanceTimersByTime(349);
    expect(effects.show).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(effects.show).toHaveBeenLastCalledWith(b, false);
    // The old grace timer must not close the new card.
    vi.advanceTimersByTime(1000);
    expect(effects.hide).toHaveBeenCalledTimes(1);
  });

  it('a pending hover on one mention is replaced by a hover on another', () => {
    intent.enterMention(a);
    vi.advanceTimersByTime(400);
    intent.enterMention(b);
    vi.advanceTimersByTime(499);
    expect(effects.show).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(effects.show).toHaveBeenCalledOnce();
    expect(effects.show).toHaveBeenCalledWith(b, false);
  });

  it('a keyboard open is immediate and pointer movement does not close it', () => {
    intent.openNow(a, true);
    expect(effects.load).toHaveBeenCalledWith(a);
    expect(effects.show).toHaveBeenCalledWith(a, true);
    intent.leaveMention();
    intent.leaveCard();
    vi.advanceTimersByTime(5000);
    expect(effects.hide).not.toHaveBeenCalled();
    intent.close();
    expect(effects.hide).toHaveBeenCalledOnce();
    expect(intent.phase).toBe('idle');
  });

  it('opening at once replaces a pending or shown card: one card at a time', () => {
    intent.enterMention(a);
    vi.advanceTimersByTime(500);
    intent.openNow(b, true);
    expect(effects.hide).toHaveBeenCalledOnce();
    expect(effects.show).toHaveBeenLastCalledWith(b, true);
    intent.enterMention(a);
    vi.advanceTimersByTime(200);
    intent.openNow(b, false);
    vi.advanceTimersByTime(1000);
    expect(effects.show).toHaveBeenCalledTimes(3);
    expect(effects.show).toHaveBeenLastCalledWith(b, false);
  });

  it('pinning (focus in the card) stops the grace period and later pointer exits', () => {
    intent.enterMention(a);
    vi.advanceTimersByTime(500);
    intent.leaveMention();
    intent.pin();
    intent.leaveCard();
    vi.advanceTimersByTime(5000);
    expect(effects.hide).not.toHaveBeenCalled();
  });

  it('close cancels everything and is harmless when idle', () => {
    intent.close();
    expect(effects.hide).not.toHaveBeenCalled();
    intent.enterMention(a);
    vi.advanceTimersByTime(200);
    intent.close();
    vi.advanceTimersByTime(1000);
    expect(effects.show).not.toHaveBeenCalled();
    expect(effects.hide).not.toHaveBeenCalled();
  });
});
