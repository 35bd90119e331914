/**
 * Homophones of a Chinese-born person's own name (utils/match/homophones.ts, the table from
 * utils/dataset/homophones.ts), on the real dataset: found with the same sound, counted only with
 * evidence, explained as written.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AliasIndex } from '@/data/schema';
import { buildHomophones, homophoneEligible } from '@/utils/dataset/homophones';
import { createMatcher } from '@/utils/match/matcher';
import { homophonePrefixes } from '@/utils/match/homophones';
import { scanTexts } from '@/content/scan/scan-document';

const index = JSON.parse(readFileSync(new URL('../../data/generated/alias-index.json', import.meta.url), 'utf8')) as AliasIndex;
const matcher = createMatcher(index);

/** Mentions of a page as [text, person id, confidence, why]. */
function page(...blocks: string[]) {
  return scanTexts(blocks, matcher, index).map((m) => [
    blocks[m.block]!.slice(m.start, m.end),
    index.people[m.person]!.id,
    m.explanation.confidence,
    m.explanation.why,
  ]);
}

describe('the homophone table (data build)', () => {
  it('keeps, per given-name syllable, the common characters that can read so, and the surname as written', () => {
    const table = buildHomophones([{ person: 3, alias: 7, text: '余家辉' }])!;
    expect(table.names).toEqual([[3, 7, '余', 0, 1]]);
    expect(table.syllables[0]).toContain('佳');
    expect(table.syllables[0]).toContain('嘉');
    expect(table.syllables[1]).toContain('辉');
    expect(table.syllables[1]).toContain('慧');
    expect(table.syllables[1]).not.toContain('佳');
  });
  it('reads a polyphone as a name reads it (晟 in 赵晟佳 is sheng)', () => {
    const table = buildHomophones([{ person: 0, alias: 0, text: '赵晟佳' }])!;
    expect(table.syllables[0]).toContain('胜');
    expect(table.syllables[0]).not.toContain('成');
  });
  it('applies to three-character Han names only', () => {
    expect(homophoneEligible('余家辉')).toBe(true);
    expect(homophoneEligible('王亮')).toBe(false);
    expect(homophoneEligible('亚历山大·王')).toBe(false);
    expect(buildHomophones([{ person: 0, alias: 0, text: 'Mark Chen' }])).toBeUndefined();
  });
  it('is in the shipped index, with the prefixes the page gate looks for', () => {
    expect(index.homophones?.names.map(([, , surname]) => surname)).toEqual(expect.arrayContaining(['余', '任', '赵']));
    expect(homophonePrefixes(index)).toEqual(expect.arrayContaining(['余佳', '任弘', '赵胜']));
  });
});

describe('homophones on a page', () => {
  it('are found with evidence, and say how they were written (余佳辉, 任弘宇, 赵胜嘉)', () => {
    expect(page('据报道，OpenAI 研究员余佳辉、任弘宇和赵胜嘉已加入 Meta。')).toEqual([
      ['余佳辉', 'jiahui-yu', 'marked', { kind: 'variant', written: '余佳辉', of: '余家辉' }],
      ['任弘宇', 'hongyu-ren', 'marked', { kind: 'variant', written: '任弘宇', of: '任泓宇' }],
      ['赵胜嘉', 'shengjia-zhao', 'marked', { kind: 'variant', written: '赵胜嘉', of: '赵晟佳' }],
    ]);
  });
  it('are found in Traditional characters too (趙勝嘉)', () => {
    expect(page('OpenAI 研究員趙勝嘉表示。')).toEqual([
      ['趙勝嘉', 'shengjia-zhao', 'marked', { kind: 'variant', written: '趙勝嘉', of: '赵晟佳' }],
    ]);
  });
  it('count for nothing without evidence: another 余佳辉 is just as likely', () => {
    expect(page('校运会上，余佳辉夺得男子百米冠军。')).toEqual([]);
  });
  it('leave the name as the data writes it to the name itself', () => {
    expect(page('余家辉加入 Meta。')).toEqual([['余家辉', 'jiahui-yu', 'marked', { kind: 'full-name' }]]);
  });
  it('need another surname: 徐佳辉 is not 余家辉', () => {
    expect(page('OpenAI 研究员徐佳辉表示。')).toEqual([]);
  });
  it('are not cut out of longer words or longer names', () => {
    // 剩余 is a word: its 余 starts no name.
    expect(page('OpenAI 的剩余家会也取消了。')).toEqual([]);
    expect(page('OpenAI 的某·余佳辉说。')).toEqual([]);
  });
});
