/**
 * The evidence model (utils/match/resolve.ts, evidence.ts, word-boundary.ts) on the real dataset:
 * one test per rule, with its negative.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import type { AliasIndex } from '@/data/schema';
import { createMatcher } from '@/utils/match/matcher';
import { emptyEvidence, EvidenceScanner } from '@/utils/match/evidence';
import { PageResolver, resolveContextOf } from '@/utils/match/resolve';
import { scanTexts } from '@/content/scan/scan-document';
import { onWordBoundaries } from '@/utils/match/word-boundary';

const index = JSON.parse(readFileSync(new URL('../../data/generated/alias-index.json', import.meta.url), 'utf8')) as AliasIndex;
const matcher = createMatcher(index);
const id = (person: number) => index.people[person]!.id;

/** Mentions of a page as [text, person id, confidence]. */
function page(...blocks: string[]): Array<[string, string, string]> {
  return scanTexts(blocks, matcher, index).map((m) => [blocks[m.block]!.slice(m.start, m.end), id(m.person), m.explanation.confidence]);
}

describe('unique aliases mark alone', () => {
  it('a unique surname counts without the full name (扎克伯格, 小扎, 祖克柏)', () => {
    expect(page('据报道，扎克伯格亲自打电话。', '他说小扎真的很拼。', '祖克柏週一宣布。')).toEqual([
      ['扎克伯格', 'mark-zuckerberg', 'marked'],
      ['小扎', 'mark-zuckerberg', 'marked'],
      ['祖克柏', 'mark-zuckerberg', 'marked'],
    ]);
  });
  it('a full name explains itself as full-name', () => {
    const [m] = scanTexts(['Shengjia Zhao joined Meta.'], matcher, index);
    expect(m!.explanation).toEqual({ confidence: 'marked', why: { kind: 'full-name' } });
  });
  it('a partial surname still needs its person (Brockman alone: nothing)', () => {
    expect(page('Brockman said so.')).toEqual([]);
  });
});

describe('shared aliases need evidence', () => {
  it('alone, with no evidence: nothing (汪滔 at DJI, Mark Chen the chemist, 奥特曼 the TV hero)', () => {
    expect(page('大疆创始人汪滔很少露面。')).toEqual([]);
    expect(page('Mark Chen, a professor of chemistry, found a catalyst.')).toEqual([]);
    expect(page('孩子们爱看奥特曼打怪兽。')).toEqual([]);
  });
  it('with one of their organizations on the page: marked, explained by context', () => {
    const mentions = scanTexts(['Mark Chen leads research.', 'He joined OpenAI in 2018.'], matcher, index);
    expect(mentions).toHaveLength(1);
    expect(mentions[0]!.explanation).toEqual({ confidence: 'marked', why: { kind: 'context', organizations: ['openai'], people: [] } });
  });
  it('with one other dataset person: possible; the topic alone: nothing', () => {
    expect(page('Sam Altman and Mark Chen spoke.')).toEqual([
      ['Sam Altman', 'sam-altman', 'marked'],
      ['Mark Chen', 'mark-chen', 'possible'],
    ]);
    expect(page('Nvidia ships Blackwell chips for AI models and machine learning.')).toEqual([]);
  });
  it('other dataset people vote only when they share an organization with the person', () => {
    // Zuckerberg and Altman say nothing about a 陈钢 or a 王亮 (MIT, CAS): a talent-war page with a composer and a byline.
    expect(page('扎克伯格和山姆·奥特曼都在抢人。', '作曲家陈钢出席音乐会。', '本报记者王亮报道。')).toEqual([
      ['扎克伯格', 'mark-zuckerberg', 'marked'],
      ['山姆·奥特曼', 'sam-altman', 'marked'],
    ]);
    // Two colleagues at OpenAI do vote for Mark Chen, and are the people the explanation names.
    const mentions = scanTexts(['Mark Chen spoke.', 'Jakub Pachocki and Greg Brockman listened; Mark Zuckerberg did not.'], matcher, index);
    const chen = mentions.find((m) => id(m.person) === 'mark-chen')!;
    expect(chen.explanation).toEqual({
      confidence: 'marked',
      why: { kind: 'context', organizations: [], people: ['jakub-pachocki', 'greg-brockman'] },
    });
  });
  it('with a unique name of the same person: marked as named in full', () => {
    const mentions = scanTexts(['Sam Altman spoke.', '奥特曼表示……'], matcher, index);
    expect(mentions[1]!.explanation).toEqual({ confidence: 'marked', why: { kind: 'named-in-full', fullName: 'Sam Altman' } });
  });
  it('a shared surname next to another name is someone else (Robert Altman), even with evidence', () => {
    expect(page('Robert Altman made films; OpenAI makes models.')).toEqual([]);
  });
});

describe('partial aliases follow their person', () => {
  it('a surname is possible where its person is only possibly established', () => {
    expect(page('Sam Altman and Mark Chen spoke.', 'Chen said more.')).toContainEqual(['Chen', 'mark-chen', 'possible']);
  });
  it('"Mark" goes to the one Mark the page names, or to nobody', () => {
    expect(page('Mark Zuckerberg spoke.', 'Mark said more.')).toContainEqual(['Mark', 'mark-zuckerberg', 'marked']);
    const both = page('Mark Zuckerberg spoke.', 'OpenAI research chief Mark Chen replied.', 'Mark said more.');
    expect(both.filter(([text]) => text === 'Mark')).toEqual([]);
  });
  it('Barret, a shared given name, counts with OpenAI or Thinking Machines on the page', () => {
    expect(page('Barret 目前在 Thinking Machines。')).toEqual([['Barret', 'barret-zoph', 'marked']]);
    expect(page('Barret is a small town.')).toEqual([]);
  });
});

describe('Chinese word edges (Intl.Segmenter)', () => {
  it('a name cut out of a longer word is not found: 王亮 in 王亮相, 陈钢 in 陈钢铁', () => {
    expect(onWordBoundaries('新机皇王亮相', 3, 5)).toBe(false);
    expect(onWordBoundaries('陈钢铁公司', 0, 2)).toBe(false);
    expect(matcher.scan('新机皇王亮相发布会')).toEqual([]);
    expect(matcher.scan('陈钢铁公司扩产')).toEqual([]);
  });
  it('a name between words is found: 作曲家陈钢的, 王亮是, a bidi mark around it', () => {
    expect(onWordBoundaries('作曲家陈钢的作品', 3, 5)).toBe(true);
    expect(matcher.scan('研究员王亮是')).toHaveLength(1);
    expect(onWordBoundaries('\u200e陳鋼\u200e', 1, 3)).toBe(true);
  });
  it('unique names skip the check', () => {
    expect(matcher.scan('他说小扎真的很拼')).toHaveLength(1);
  });
  it('is cheap per candidate (micro-benchmark, printed)', () => {
    const text = '昨晚的发布会上，新机皇王亮相，搭载更大的电池。'.repeat(4);
    onWordBoundaries(text, 11, 13);
    const runs = 2000;
    const began = performance.now();
    for (let i = 0; i < runs; i++) onWordBoundaries(text, 11, 13);
    const perCall = (performance.now() - began) / runs;
    console.log(`onWordBoundaries: ${(perCall * 1000).toFixed(1)} µs per candidate`);
    expect(perCall).toBeLessThan(1);
  });
});

describe('PageResolver keeps evidence incremental', () => {
  it('a block with the organization added, then removed, promotes then demotes the shared name', () => {
    const resolver = new PageResolver<string>(resolveContextOf(index));
    const scanner = EvidenceScanner.build(index, matcher.folding)!;
    const texts = new Map<string, string>();
    const update = () => {
      const evidence = emptyEvidence();
      for (const text of texts.values()) scanner.collect(text, evidence);
      resolver.setEvidence(evidence);
      return resolver.flush();
    };
    const set = (key: string, text: string) => {
      texts.set(key, text);
      resolver.set(key, matcher.scan(text));
    };
    set('a', '汪滔加入 Meta 超级智能实验室。');
    set('b', '汪滔说……');
    expect(resolver.needsEvidence).toBe(true);
    let changes = update();
    expect([...changes.values()].flat().map((m) => m.explanation.confidence)).toEqual(['marked', 'marked']);
    texts.delete('a');
    resolver.delete('a');
    changes = update();
    expect(changes.get('b')).toEqual([]);
    set('c', 'Scale AI 的创始人');
    changes = update();
    expect(changes.get('b')!.map((m) => m.explanation.confidence)).toEqual(['marked']);
  });
  it('the evidence scanner respects Latin word edges ("AI" not in "said", Meta not in Metallica)', () => {
    const scanner = EvidenceScanner.build(index, matcher.folding)!;
    const evidence = emptyEvidence();
    scanner.collect('he said Metallica played', evidence);
    expect(evidence.organizations.size + evidence.topics.size).toBe(0);
    scanner.collect('Meta and OpenAI build AI models with machine learning', evidence);
    expect(evidence.organizations.size).toBe(2);
    expect(evidence.topics.size).toBeGreaterThanOrEqual(2);
  });
});
