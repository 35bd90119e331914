import { describe, expect, it } from 'vitest';
import { POINTER_SPEED, PointerSpeed } from '@/utils/pointer-speed';

/** Samples every `every` ms from t = start, `step` px apart along x. */
function sweep(speed: PointerSpeed, { start = 0, count, every, step }: { start?: number; count: number; every: number; step: number }) {
  for (let i = 0; i < count; i++) speed.add(i * step, 0, start + i * every);
  return start + (count - 1) * every;
}

describe('PointerSpeed', () => {
  it('a sweep across the page is fast; a hand heading for a name is not', () => {
    const fast = new PointerSpeed();
    const end = sweep(fast, { count: 8, every: 16, step: 30 }); // ~1.9 px/ms
    // 7 steps of 30 px, over the window (the first sample is just before it).
    expect(fast.speed(end)).toBeCloseTo((7 * 30) / POINTER_SPEED.windowMs, 5);
    expect(fast.isFast(end)).toBe(true);
    const slow = new PointerSpeed();
    const last = sweep(slow, { count: 8, every: 16, step: 5 }); // ~0.3 px/ms
    expect(slow.isFast(last)).toBe(false);
  });

  it('a pointer that stops slows down as time passes, and is at rest after a whole window', () => {
    const speed = new PointerSpeed();
    const end = sweep(speed, { count: 8, every: 16, step: 30 });
    expect(speed.isFast(end + 20)).toBe(true);
    expect(speed.speed(end + 60)).toBeLessThan(speed.speed(end + 20));
    expect(speed.isFast(end + POINTER_SPEED.windowMs)).toBe(false);
    expect(speed.speed(end + POINTER_SPEED.windowMs + 1)).toBe(0);
  });

  it('a flick after a long rest is fast: the rest before the window does not dilute it', () => {
    const speed = new PointerSpeed();
    speed.add(0, 0, 0);
    const end = sweep(speed, { start: 5000, count: 4, every: 10, step: 60 });
    expect(speed.isFast(end)).toBe(true);
  });

  it('one sample, or none, is at rest; old samples beyond the kept ones are forgotten', () => {
    const speed = new PointerSpeed();
    expect(speed.speed(0)).toBe(0);
    speed.add(10, 10, 0);
    expect(speed.speed(5)).toBe(0);
    const bounded = new PointerSpeed({ ...POINTER_SPEED, maxSamples: 3, windowMs: 1000 });
    // A long fast stretch, then three slow samples: only those (and the path between them) count.
    const end = sweep(bounded, { count: 10, every: 10, step: 100 });
    bounded.add(900, 0, end + 100);
    bounded.add(901, 0, end + 200);
    bounded.add(902, 0, end + 300);
    expect(bounded.isFast(end + 300)).toBe(false);
    bounded.clear();
    expect(bounded.speed(end + 300)).toBe(0);
  });
});
