import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import aliasIndex from '@/data/generated/alias-index.json';
import type { AliasIndex } from '@/data/schema';
import { findExistingPerson, suggestAliases } from '@/utils/people/suggestions';
import type { UserPersonRecord } from '@/utils/people/records';

const convert = {
  toTraditional: OpenCC.Converter({ from: 'cn', to: 'tw' }),
  toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }),
};
const index = aliasIndex as AliasIndex;
const texts = (name: string, options?: { chineseBorn?: boolean }) =>
  suggestAliases(name, convert, options).map((s) => [s.text, s.kind, s.reason]);

describe('suggestAliases', () => {
  it('offers the Traditional form of a Simplified name, and the Simplified form of a Traditional one', () => {
    expect(texts('庞若鸣')).toEqual([['龐若鳴', 'full', 'traditional']]);
    expect(texts('龐若鳴')).toEqual([['庞若鸣', 'full', 'simplified']]);
  });

  it('offers the last part of a transliterated Chinese name as a surname in both scripts, never a one-character surname', () => {
    expect(texts('丹尼尔·格罗斯')).toEqual([
      ['丹尼爾·格羅斯', 'full', 'traditional'],
      ['格罗斯', 'surname', 'surname'],
      ['格羅斯', 'surname', 'surname'],
    ]);
    expect(texts('马克·陈').filter(([, kind]) => kind === 'surname')).toEqual([]);
  });

  it("offers both orders of a Chinese-born person's Latin name and both surnames to choose from", () => {
    expect(texts('Ruoming Pang')).toEqual([
      ['Pang Ruoming', 'full', 'reversed'],
      ['Pang', 'surname', 'surname'],
      ['Ruoming', 'surname', 'surname'],
    ]);
    expect(texts('Jason Wei', { chineseBorn: true })[0]).toEqual(['Wei Jason', 'full', 'reversed']);
  });

  it('does not reverse a name that is not pinyin, and offers its last word as the surname', () => {
    expect(texts('Daniel Gross')).toEqual([['Gross', 'surname', 'surname']]);
    expect(texts('Nat Friedman')).toEqual([['Friedman', 'surname', 'surname']]);
    expect(texts('Madonna')).toEqual([]);
    expect(texts('   ')).toEqual([]);
  });
});

describe('findExistingPerson', () => {
  const mine: UserPersonRecord = {
    id: 'u-1',
    name: { primary: 'Ruoming Pang', other: '庞若鸣' },
    aliases: [{ text: 'Pang Ruoming', kind: 'full' }],
    facts: [],
    tags: [],
    createdAt: 1,
    updatedAt: 1,
    revision: 1,
  };

  it('offers a bundled person for any of their full names, in either script, case and dots aside', () => {
    expect(findExistingPerson(['shengjia zhao'], index, [])).toMatchObject({ kind: 'bundled', personId: 'shengjia-zhao' });
    expect(findExistingPerson(['趙晟佳'], index, [])).toMatchObject({ kind: 'bundled', personId: 'shengjia-zhao' });
  });

  it("offers the reader's own person, by name or full alias", () => {
    expect(findExistingPerson(['庞若鸣'], index, [mine])).toEqual({ kind: 'user', personId: 'u-1', name: 'Ruoming Pang' });
    expect(findExistingPerson(['pang ruoming'], index, [mine])).toMatchObject({ personId: 'u-1' });
  });

  it('finds nobody for a new name, and never takes a surname for a person', () => {
    expect(findExistingPerson(['Daniel Gross'], index, [mine])).toBeNull();
    expect(findExistingPerson(['Chen'], index, [mine])).toBeNull();
  });
});
