import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import aliasIndex from '@/data/generated/alias-index.json';
import type { AliasIndex } from '@/data/schema';
import { createMatcher, createPrefilter, indexFingerprint, type MatcherTables } from '@/utils/match/matcher';
import { resolveContextOf, resolveMentions } from '@/utils/match/resolve';
import {
  buildUserIndexes,
  EMPTY_USER_INDEXES,
  markingIndex,
  parseUserIndexes,
  withPrebuiltTables,
  withUserPeople,
  type UserIndexes,
} from '@/utils/people/user-index';
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

describe('tables built by the background, revived in a page', () => {
  // Many people of every shape: Latin names in both orders, Chinese names in both scripts (two
  // characters with a one-character surname too), surnames, an addition to a bundled person.
  const SURNAMES = ['Wang', 'Li', 'Zhang', 'Chen', 'Liu'];
  const many = Array.from({ length: 40 }, (_, i) =>
    person({
      id: `u-${i}`,
      name: { primary: `Jia${i % 7}hui ${SURNAMES[i % 5]}`, other: `${'王李张陈刘'[i % 5]}${'嘉佳家'[i % 3]}${i < 20 ? '' : '辉'}` },
      aliases: [
        { text: `${SURNAMES[i % 5]} Jia${i % 7}hui`, kind: 'full' },
        { text: SURNAMES[i % 5]!, kind: 'surname' },
        // A two-character given name: the short-Chinese-alias rule applies to it.
        ...(i >= 20 ? [{ text: `${'嘉佳家'[i % 3]}辉`, kind: 'given' as const }] : []),
      ],
    }),
  );
  const indexes = buildUserIndexes([pang, gross, ...many], [addition], 'mark', bundled.t2s);
  /** What the background stores and a page reads back: through JSON, as storage.local keeps it. */
  const stored = (value: UserIndexes): UserIndexes => parseUserIndexes(JSON.parse(JSON.stringify(value)));
  const pages = path.resolve(import.meta.dirname, '../fixtures/pages');
  const texts = [
    ...readdirSync(pages)
      .filter((name) => name.endsWith('.html'))
      .map((name) => readFileSync(path.join(pages, name), 'utf8').replace(/<[^>]+>/g, ' ')),
    'Ruoming Pang left Apple. Pang, Wang and Jia3hui Chen met Jia1hui Li; Li Jia1hui said Chen Xinhan would come.',
    '苹果的庞若鸣和王嘉、李佳辉、陈家见面，張嘉說。刘嘉辉表示，王嘉辉在OpenAI。赵胜嘉与余佳辉同行。王晟佳明说，晟佳表示，新嘉辉明天来，嘉辉说。',
  ];

  it('match exactly as tables built in place, with the same candidates', () => {
    const revived = markingIndex(bundled, stored(withPrebuiltTables(indexes, bundled)));
    expect(revived.tables).toBeDefined();
    const inPlace = withUserPeople(bundled, indexes.marked);
    const built = createMatcher(inPlace, { prefilter: createPrefilter(inPlace) });
    const fromTables = createMatcher(revived.index, { prefilter: createPrefilter(revived.index), tables: revived.tables! });
    const piecewise = createMatcher(revived.index, { tables: revived.tables!, alwaysPiecewise: true });
    let hits = 0;
    for (const text of texts) {
      const expected = built.scan(text);
      hits += expected.length;
      expect(fromTables.scan(text)).toEqual(expected);
      expect(piecewise.scan(text)).toEqual(expected);
      expect(fromTables.prefilter.candidates(text)).toEqual(built.prefilter.candidates(text));
    }
    // The texts do name people: the comparison is not of two empty lists.
    expect(hits).toBeGreaterThan(50);
    expect(found(revived.index, texts.at(-2)!)).toEqual(found(inPlace, texts.at(-2)!));
  });

  it('are used only over the bundled index they were built with, and only when whole', () => {
    const tables = withPrebuiltTables(indexes, bundled).tables!;
    const otherBundled: AliasIndex = { ...bundled, aliases: bundled.aliases.slice(1), forms: bundled.forms!.slice(1) };
    expect(indexFingerprint(otherBundled)).not.toBe(tables.bundled);
    expect(markingIndex(otherBundled, { ...indexes, tables }).tables).toBeUndefined();
    const broken = (matcher: Partial<MatcherTables>) =>
      markingIndex(bundled, { ...indexes, tables: { ...tables, matcher: { ...tables.matcher, ...matcher } } });
    const rows = [...tables.matcher.rows];
    rows[1] = 100_000; // a person the index does not have
    for (const matcher of [
      { rows },
      { rows: rows.slice(1) },
      { shapes: [] },
      { texts: [1 as unknown as string] },
      { near: [[1e9, 'x']] as Array<[number, string]> },
    ]) {
      const result = broken(matcher);
      expect(result.tables).toBeUndefined();
      expect(result.index).toEqual(withUserPeople(bundled, indexes.marked));
    }
    expect(
      parseUserIndexes({ ...JSON.parse(JSON.stringify(withPrebuiltTables(indexes, bundled))), tables: { ...tables, format: 0 } }).tables,
    ).toBeUndefined();
  });

  it('are not built for nobody to mark, and leave the bundled index as it is', () => {
    expect(withPrebuiltTables(EMPTY_USER_INDEXES, bundled)).toBe(EMPTY_USER_INDEXES);
    expect(markingIndex(bundled, EMPTY_USER_INDEXES)).toEqual({ index: bundled });
  });
});
