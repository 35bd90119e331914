import { describe, expect, it } from 'vitest';
import { formatPartialDate, stripEmphasis } from '@/components/card/text';
import { roleAsOf } from '@/utils/dataset/person-card';
import { personCard } from './card-fixtures';

describe('stripEmphasis', () => {
  it('drops paired bold and italic markers, in Chinese and English text', () => {
    expect(stripEmphasis('公司优化的目标不是用户使用时长，而是**长期留存率**')).toBe('公司优化的目标不是用户使用时长，而是长期留存率');
    expect(stripEmphasis('a **bold** and *italic* and __also bold__ and _this_')).toBe('a bold and italic and also bold and this');
    expect(stripEmphasis('**通用性**与**实用性**')).toBe('通用性与实用性');
  });

  it('leaves lone or spaced asterisks and underscores inside words alone', () => {
    expect(stripEmphasis('5 * 3 = 15')).toBe('5 * 3 = 15');
    expect(stripEmphasis('a * b * c')).toBe('a * b * c');
    expect(stripEmphasis('snake_case_name')).toBe('snake_case_name');
    expect(stripEmphasis('no markers here')).toBe('no markers here');
  });
});

describe('formatPartialDate', () => {
  it('keeps the precision the source states, in English', () => {
    expect(formatPartialDate('2025', 'en')).toBe('2025');
    expect(formatPartialDate('2025-06', 'en')).toBe('June 2025');
    expect(formatPartialDate('2025-07-02', 'en')).toBe('July 2, 2025');
  });

  it('keeps the precision the source states, in Chinese', () => {
    expect(formatPartialDate('2025', 'zh')).toBe('2025年');
    expect(formatPartialDate('2025-06', 'zh')).toBe('2025年6月');
    expect(formatPartialDate('2025-07-02', 'zh')).toBe('2025年7月2日');
  });

  it('does not shift a first or last day with the time zone', () => {
    expect(formatPartialDate('2025-01-01', 'en')).toBe('January 1, 2025');
    expect(formatPartialDate('2024-12-31', 'en')).toBe('December 31, 2024');
  });
});

describe('roleAsOf', () => {
  it('is the newest date among the role sources, ignoring undated ones', () => {
    const card = personCard();
    card.sources.s004 = { id: 's004', file: '004_531c2599e4544a32.txt', title: 'T', titleEn: 'T', language: 'zh-Hans', date: '2025-07-02' };
    card.person.roleSources = [{ source: 's002' }, { source: 's004' }, { source: 's001' }];
    expect(roleAsOf(card)).toBe('2025-07-02');
  });

  it('is undefined when no role source is dated', () => {
    const card = personCard();
    card.person.roleSources = [{ source: 's002' }, { source: 's003' }];
    expect(roleAsOf(card)).toBeUndefined();
  });
});
