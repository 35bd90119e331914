import { describe, expect, it } from 'vitest';
import aliasIndex from '@/data/generated/alias-index.json';
import type { AliasIndex } from '@/data/schema';
import { createMatcher } from '@/utils/match/matcher';
import { resolveContextOf, resolveMentions } from '@/utils/match/resolve';
import { buildUserIndexes, EMPTY_USER_INDEXES, parseUserIndexes, withUserPeople } from '@/utils/people/user-index';
import { withSearchedForms } from '@/utils/match/matcher';
import type { PersonAdditionRecord, UserPersonRecord } from '@/utils/people/records';

const bundled = aliasIndex as AliasIndex;

const person = (over: Partial<UserPersonRecord> & Pick<UserPersonRecord, 'id' | 'name' | 'aliases'>): UserPersonRecord => ({
  facts: [{ id: 'f1', kind: 'role', text: 'a private fact', addedAt: 1 }],
  tags: ['private tag'],
  createdAt: 1,
  updatedAt: 1,
  revision: 1,
  ...over,
});

const pang = person({
  id: 'u-pang',
  name: { primary: 'Ruoming Pang', other: '庞若鸣' },
  aliases: [
    { text: '龐若鳴', kind: 'full' },
    { text: 'Pang', kind: 'surname' },
  ],
});
const gross = person({
  id: 'u-gross',
  name: { primary: 'Daniel Gross' },
  aliases: [{ text: 'Gross', kind: 'surname' }],
  visibility: 'find-only',
});
const addition: PersonAdditionRecord = {
  id: 'mark-chen',
  aliases: [{ text: 'Chen Xinhan', kind: 'full' }],
  facts: [],
  tags: [],
  createdAt: 1,
  updatedAt: 1,
  revision: 1,
};

/** Who the page's matcher and resolver name in a text, with the text each was found by. */
function found(index: AliasIndex, text: string): Array<[string, string]> {
  const hits = createMatcher(index).scan(text);
  return resolveMentions(
    hits.map((hit) => ({ ...hit, block: 0 })),
    resolveContextOf(index),
  ).map((m) => [index.people[m.person]!.id, text.slice(m.start, m.end)]);
}

describe('buildUserIndexes', () => {
  it('splits people by their visibility (or the default), and carries names only, never facts or tags', () => {
    const indexes = buildUserIndexes([pang, gross], [addition], 'mark', bundled.t2s);
    expect(indexes.marked.people).toEqual([
      { id: 'u-pang', en: 'Ruoming Pang', zh: '庞若鸣' },
      { id: 'mark-chen', en: 'mark-chen' },
    ]);
    expect(indexes.marked.aliases).toEqual([
      ['Ruoming Pang', 0, 0],
      ['庞若鸣', 0, 0],
      ['龐若鳴', 0, 0],
      ['Pang', 0, 1],
      ['Chen Xinhan', 1, 0],
    ]);
    expect(indexes.findOnly.people.map((p) => p.id)).toEqual(['u-gross']);
    expect(JSON.stringify(indexes)).not.toMatch(/private/);
    expect(buildUserIndexes([pang], [], 'find-only', bundled.t2s).marked.people).toEqual([]);
  });
});

describe('withUserPeople', () => {
  const merged = withUserPeople(bundled, buildUserIndexes([pang], [addition], 'mark', bundled.t2s).marked);

  it('finds the reader’s people by the same rules as bundled ones: a surname only once the full name is on the page', () => {
    expect(found(merged, 'Ruoming Pang left Apple for Meta. Pang will lead a team.')).toEqual([
      ['u-pang', 'Ruoming Pang'],
      ['u-pang', 'Pang'],
    ]);
    expect(found(merged, 'Pang will lead a team at Meta.')).toEqual([]);
    expect(found(merged, 'Pangolins are not people.')).toEqual([]);
  });

  it('finds either script of a Chinese name', () => {
    expect(found(merged, '苹果基础模型负责人庞若鸣离职。')).toEqual([['u-pang', '庞若鸣']]);
    expect(found(merged, '蘋果基礎模型負責人龐若鳴離職。')).toEqual([['u-pang', '龐若鳴']]);
  });

  it('puts an addition’s alias on the bundled person, and still finds every bundled person', () => {
    expect(found(merged, 'Chen Xinhan spoke.')).toEqual([['mark-chen', 'Chen Xinhan']]);
    expect(found(merged, 'Shengjia Zhao joined Meta.')).toEqual(found(bundled, 'Shengjia Zhao joined Meta.'));
    expect(merged.people.length).toBe(bundled.people.length + 1);
    expect(merged.forms).toHaveLength(merged.aliases.length);
  });

  it('carries the searched forms the background computed, the same the matcher would compute itself', () => {
    const { stream: _stream, forms: _forms, ...plain } = merged;
    expect(merged.forms).toEqual(withSearchedForms(plain).forms);
  });

  it('is the bundled index itself when the reader has nobody to mark', () => {
    expect(withUserPeople(bundled, { people: [], aliases: [], forms: [] })).toBe(bundled);
  });
});

describe('parseUserIndexes', () => {
  it('takes what the background stored, and anything malformed (another version, a broken write) as nobody', () => {
    const stored = buildUserIndexes([pang], [], 'mark', bundled.t2s);
    expect(parseUserIndexes(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
    for (const bad of [
      undefined,
      null,
      'x',
      { ...stored, version: 2 },
      { ...stored, marked: { ...stored.marked, forms: [] } },
      { ...stored, marked: { ...stored.marked, aliases: [['Pang', 7, 1]] } },
      { ...stored, findOnly: { people: [{ id: 1 }], aliases: [], forms: [] } },
    ]) {
      expect(parseUserIndexes(bad)).toBe(EMPTY_USER_INDEXES);
    }
  });
});
