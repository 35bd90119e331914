import { describe, expect, it } from 'vitest';
import details from '@/data/generated/details.json';
import index from '@/data/generated/alias-index.json';
import type { AliasIndex, DatasetDetails } from '@/data/schema';
import { buildSearchEntries, createPeopleSearch } from '@/utils/search/people-search';

const dataset = details as DatasetDetails;
const aliasIndex = index as AliasIndex;
const search = createPeopleSearch(dataset, aliasIndex);
const top = (query: string) => search.search(query)[0]?.person.id;
const ids = (query: string) => search.search(query).map((hit) => hit.person.id);

describe('people search over the generated dataset', () => {
  it.each([
    ['Kolesnikof', 'alexander-kolesnikov'],
    ['Bansl', 'trapit-bansal'],
    ['Altmann', 'sam-altman'],
    ['Karpaty', 'andrej-karpathy'],
  ])('finds a name with a typo: %s → %s', (query, id) => {
    expect(top(query)).toBe(id);
  });

  it.each([
    ['奥特曼', 'sam-altman'],
    ['晟佳', 'shengjia-zhao'],
    ['李飞飞', 'fei-fei-li'],
    ['萨姆奥特曼', 'sam-altman'],
  ])('finds a partial or dotless Chinese name: %s → %s', (query, id) => {
    expect(top(query)).toBe(id);
  });

  it('finds Traditional Chinese forms', () => {
    const traditional = aliasIndex.aliases.find(([text]) => text === '奧特曼' || text === '薩姆·奧特曼');
    expect(traditional, 'the alias index should carry Traditional variants').toBeDefined();
    expect(top('奧特曼')).toBe('sam-altman');
  });

  it('finds pinyin written either way round', () => {
    expect(top('Zhao Shengjia')).toBe('shengjia-zhao');
    expect(top('shengjia')).toBe('shengjia-zhao');
  });

  it('finds people by organization and by role', () => {
    expect(ids('Thinking Machines')).toEqual(expect.arrayContaining(['mira-murati']));
    expect(top('Safe Superintelligence')).toBe('ilya-sutskever');
    const openai = ids('OpenAI');
    expect(openai.length).toBeGreaterThan(3);
    expect(openai).toContain('sam-altman');
  });

  it('ranks a name match above people whose role merely mentions the word', () => {
    expect(top('Sam Altman')).toBe('sam-altman');
    expect(top('Musk')).toBe('elon-musk');
  });

  it('returns nothing for an empty query or gibberish', () => {
    expect(search.search('   ')).toEqual([]);
    expect(search.search('xyzzyq')).toEqual([]);
  });

  it('honours the result limit', () => {
    expect(search.search('a', 3)).toHaveLength(3);
  });

  it('indexes aliases from the alias index and dotless Chinese names', () => {
    const sam = buildSearchEntries(dataset, aliasIndex).find((e) => e.id === 'sam-altman')!;
    expect(sam.names).toEqual(expect.arrayContaining(['Sam Altman', '萨姆·奥尔特曼', '萨姆奥尔特曼']));
    expect(sam.aliases).toContain('Altman');
    expect(sam.orgs).toContain('OpenAI');
  });
});
