import { describe, expect, it } from 'vitest';
import { mentionsInScope } from '@/utils/mark-style';
import { DEFAULT_SETTINGS, parseSettings } from '@/utils/settings';

const at = (person: number, start: number) => ({ person, start });

describe('mentionsInScope', () => {
  const paragraph = [at(0, 0), at(1, 10), at(0, 20), at(2, 30), at(1, 40)];

  it('keeps every mention under "all", as the same list', () => {
    expect(mentionsInScope(paragraph, 'all')).toBe(paragraph);
  });

  it('keeps each person’s first mention under "first", in the paragraph’s order', () => {
    expect(mentionsInScope(paragraph, 'first')).toEqual([at(0, 0), at(1, 10), at(2, 30)]);
  });

  it('takes the earliest by position whatever order the mentions come in', () => {
    expect(mentionsInScope([at(0, 20), at(1, 5), at(0, 3)], 'first')).toEqual([at(1, 5), at(0, 3)]);
  });

  it('changes nothing where each person is named once', () => {
    const once = [at(0, 0), at(1, 8)];
    expect(mentionsInScope(once, 'first')).toBe(once);
    expect(mentionsInScope([], 'first')).toEqual([]);
  });
});

describe('mark style and card delay settings', () => {
  it('default to every mention, filled, and a 500 ms card', () => {
    expect(parseSettings(undefined)).toMatchObject({ markScope: 'all', markLook: 'fill', cardDelayMs: 500 });
  });

  it('keep valid choices and repair anything else to the default', () => {
    expect(parseSettings({ markScope: 'first', markLook: 'underline', cardDelayMs: 1200 })).toMatchObject({
      markScope: 'first',
      markLook: 'underline',
      cardDelayMs: 1200,
    });
    expect(parseSettings({ markScope: 'most', markLook: 'neon', cardDelayMs: 3 })).toMatchObject({
      markScope: DEFAULT_SETTINGS.markScope,
      markLook: DEFAULT_SETTINGS.markLook,
      cardDelayMs: DEFAULT_SETTINGS.cardDelayMs,
    });
    expect(parseSettings({ cardDelayMs: '800' }).cardDelayMs).toBe(DEFAULT_SETTINGS.cardDelayMs);
  });
});
