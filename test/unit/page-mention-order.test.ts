import { describe, expect, it } from 'vitest';
import { nextMentionIndex } from '@/content/navigation/mention-order';

describe('nextMentionIndex', () => {
  it('has nowhere to go on a page without mentions', () => {
    expect(nextMentionIndex(0, null, 1)).toBeNull();
    expect(nextMentionIndex(0, 3, -1)).toBeNull();
  });

  it('cycles forward and back, wrapping at both ends', () => {
    expect(nextMentionIndex(3, 0, 1)).toBe(1);
    expect(nextMentionIndex(3, 2, 1)).toBe(0);
    expect(nextMentionIndex(3, 0, -1)).toBe(2);
    expect(nextMentionIndex(3, 1, -1)).toBe(0);
    expect(nextMentionIndex(1, 0, 1)).toBe(0);
  });

  it('starts at the first or last mention without a current one and without positions', () => {
    expect(nextMentionIndex(4, null, 1)).toBe(0);
    expect(nextMentionIndex(4, null, -1)).toBe(3);
    // A current index that no longer exists (the mention was re-rendered away) counts as none.
    expect(nextMentionIndex(4, 9, 1)).toBe(0);
  });

  it('starts from the viewport: forward at the first mention not above it, back at the last not below it', () => {
    const tops = [-900, -20, 150, 700, 1600];
    expect(nextMentionIndex(5, null, 1, tops, 800)).toBe(2);
    expect(nextMentionIndex(5, null, -1, tops, 800)).toBe(3);
    // Scrolled past every mention: forward wraps to the first.
    expect(nextMentionIndex(2, null, 1, [-500, -100], 800)).toBe(0);
    // Every mention below the viewport: back goes to the last.
    expect(nextMentionIndex(2, null, -1, [900, 1200], 800)).toBe(1);
  });
});
