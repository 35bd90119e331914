import { describe, expect, it } from 'vitest';
import { keyScrollTop, LINE_PX } from '@/utils/scroll-keys';

const box = { scrollTop: 100, scrollHeight: 1000, clientHeight: 300 };

describe('keyScrollTop', () => {
  it('moves a line for the arrows and a page less a line for Page Up/Down', () => {
    expect(keyScrollTop('ArrowDown', box)).toBe(100 + LINE_PX);
    expect(keyScrollTop('ArrowUp', box)).toBe(100 - LINE_PX);
    expect(keyScrollTop('PageDown', box)).toBe(100 + 300 - LINE_PX);
    expect(keyScrollTop('PageUp', box)).toBe(0);
  });

  it('goes to either end with Home and End, and never past them', () => {
    expect(keyScrollTop('Home', box)).toBe(0);
    expect(keyScrollTop('End', box)).toBe(700);
    expect(keyScrollTop('PageDown', { ...box, scrollTop: 650 })).toBe(700);
    expect(keyScrollTop('ArrowUp', { ...box, scrollTop: 10 })).toBe(0);
  });

  it('stays put in a body with nothing to scroll, and moves at least a line in a very short one', () => {
    expect(keyScrollTop('PageDown', { scrollTop: 0, scrollHeight: 200, clientHeight: 300 })).toBe(0);
    expect(keyScrollTop('PageDown', { scrollTop: 0, scrollHeight: 500, clientHeight: 30 })).toBe(LINE_PX);
  });

  it('ignores keys that do not scroll', () => {
    for (const key of ['Tab', 'Enter', ' ', 'ArrowLeft', 'a', 'Escape']) expect(keyScrollTop(key, box)).toBeNull();
  });
});
