import { describe, expect, it } from 'vitest';
import { planWindows, scanWindow } from '@/content/scan/text-windows';
import { createMatcher } from '@/utils/match/matcher';
import type { AliasIndex } from '@/data/schema';

const index: AliasIndex = {
  version: 1,
  people: [
    { id: 'mark-chen', en: 'Mark Chen' },
    { id: 'sam-altman', en: 'Sam Altman' },
  ],
  aliases: [
    ['Mark Chen', 0, 0],
    ['Chen', 0, 1],
    ['Sam Altman', 1, 0],
    ['萨姆·奥尔特曼', 1, 0],
    ['Altman', 1, 1],
  ],
  t2s: '',
};
const matcher = createMatcher(index);

function windowedScan(text: string, size: number) {
  const windows = planWindows(text.length, { size, longest: 40, context: 8 });
  return windows.flatMap((w) => scanWindow(text, w, (slice) => matcher.scan(slice)));
}

describe('planWindows', () => {
  it('owns the text in disjoint, adjacent spans and scans a margin around each', () => {
    const windows = planWindows(100, { size: 30, longest: 10, context: 2 });
    expect(windows.map((w) => [w.ownStart, w.ownEnd])).toEqual([
      [0, 30],
      [30, 60],
      [60, 90],
      [90, 100],
    ]);
    expect(windows[1]).toEqual({ ownStart: 30, ownEnd: 60, scanStart: 18, scanEnd: 72 });
    expect(windows[3]!.scanEnd).toBe(100);
  });

  it('gives one window for empty and short texts', () => {
    expect(planWindows(0, { size: 30, longest: 10, context: 2 })).toHaveLength(1);
    expect(planWindows(5, { size: 30, longest: 10, context: 2 })).toEqual([{ ownStart: 0, ownEnd: 5, scanStart: 0, scanEnd: 5 }]);
  });
});

describe('scanWindow', () => {
  const filler = 'lorem ipsum dolor sit amet, ';
  const text = `${filler.repeat(3)}Mark Chen said. ${filler}Sam Altman and 萨姆·奥尔特曼; Chenille, Altmann. ${filler.repeat(2)}Chen`;
  const whole = matcher.scan(text);

  it('finds exactly the hits of a whole-text scan at every window size, names across seams included', () => {
    expect(whole.map((h) => text.slice(h.start, h.end))).toEqual(['Mark Chen', 'Sam Altman', '萨姆·奥尔特曼', 'Chen']);
    for (let size = 1; size <= text.length + 1; size++) {
      expect(windowedScan(text, size), `window size ${size}`).toEqual(whole);
    }
  });

  it('does not report the tail of a name as a name of its own when a seam cuts it', () => {
    // Seams fall inside "Mark Chen": the window owning "Chen" must still see "Mark " and stay quiet,
    // even when the matcher needs only one character of context.
    const start = text.indexOf('Mark Chen');
    for (const seam of [start + 3, start + 5, start + 6]) {
      const windows = planWindows(text.length, { size: seam, longest: 12, context: 1 });
      const hits = windows.flatMap((w) => scanWindow(text, w, (slice) => matcher.scan(slice)));
      expect(hits.filter((h) => h.start > start && h.start < start + 9)).toEqual([]);
    }
  });
});
