/**
 * Near transliterations of foreign names written in Chinese (穆拉迪 for 穆拉提, 亚历山德 for 亚历山大):
 * the rule (utils/dataset/near-transliterations.ts), the forms the data build generates into the
 * shipped index, and what the matcher and resolver make of them on a page (at most "possible",
 * only with evidence, explained as "close to").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AliasIndex } from '@/data/schema';
import {
  buildNearForms,
  isNearTransliteration,
  nearSyllables,
  readName,
  readsAsWords,
  splitSyllable,
} from '@/utils/dataset/near-transliterations';
import { createMatcher } from '@/utils/match/matcher';
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

const near = (a: string, b: string) => isNearTransliteration(a, b, readName);

describe('the rule', () => {
  it('splits a syllable into initial and final', () => {
    expect(splitSyllable('zhuo')).toEqual({ initial: 'zh', final: 'uo' });
    expect(splitSyllable('ao')).toEqual({ initial: '', final: 'ao' });
    expect(splitSyllable('er')).toEqual({ initial: '', final: 'er' });
  });
  it('lets the initial differ by aspiration alone, anywhere in the name', () => {
    for (const [a, b] of [
      ['di', 'ti'],
      ['ba', 'pa'],
      ['ge', 'ke'],
      ['zi', 'ci'],
      ['zha', 'cha'],
      ['ji', 'qi'],
    ])
      expect([a, b, nearSyllables(a!, b!, false)]).toEqual([a, b, true]);
  });
  it('refuses other initials: l/n, s/sh, d/g, m/n', () => {
    for (const [a, b] of [
      ['la', 'na'],
      ['si', 'shi'],
      ['de', 'ge'],
      ['man', 'nan'],
    ])
      expect([a, b, nearSyllables(a!, b!, true)]).toEqual([a, b, false]);
  });
  it('lets the final differ by a reduced vowel only in the last syllable of a part', () => {
    expect(nearSyllables('da', 'de', true)).toBe(true);
    expect(nearSyllables('man', 'men', true)).toBe(true);
    expect(nearSyllables('li', 'lei', true)).toBe(true);
    expect(nearSyllables('da', 'de', false)).toBe(false);
    expect(nearSyllables('la', 'lo', true)).toBe(false);
    expect(nearSyllables('lu', 'lv', true)).toBe(false);
  });
  it('does not change two things at once, nor count the same syllable as a variant', () => {
    expect(nearSyllables('da', 'te', true)).toBe(false);
    expect(nearSyllables('luo', 'luo', true)).toBe(false);
  });
  it('finds 穆拉蒂/穆拉提 and 亚历山大/亚历山德 (also within a full name)', () => {
    expect(near('穆拉蒂', '穆拉提')).toBe(true);
    expect(near('穆拉提', '穆拉迪')).toBe(true);
    expect(near('亚历山大', '亚历山德')).toBe(true);
    expect(near('亚历山大·王', '亚历山德·王')).toBe(true);
    expect(near('萨姆·奥尔特曼', '萨姆·奥尔德曼')).toBe(true);
  });
  it('refuses two-syllable names and two-syllable parts', () => {
    expect(near('马克', '马格')).toBe(false);
    expect(near('马克·陈', '马格·陈')).toBe(false);
  });
  it('refuses names that differ in two syllables, or in length', () => {
    expect(near('穆拉蒂', '穆勒提')).toBe(false);
    expect(near('奥特曼', '奥尔特曼')).toBe(false);
  });
  it('refuses a non-aspiration initial (穆拉蒂/穆纳蒂: l/n) and a final in the middle of a name (亚历山大/亚雷山大)', () => {
    expect(near('穆拉蒂', '穆纳蒂')).toBe(false);
    expect(near('亚历山大', '亚雷山大')).toBe(false);
  });
});

describe('generated forms', () => {
  it('are made only with the transliteration characters given', () => {
    expect(buildNearForms([{ person: 0, alias: 4, text: '穆拉提' }], { characters: '迪蒂德', taken: new Set() })).toEqual([
      ['穆拉迪', 4],
      ['穆拉蒂', 4],
    ]);
  });
  it('drop a form that is another alias or evidence term', () => {
    const forms = buildNearForms([{ person: 0, alias: 4, text: '穆拉提' }], { characters: '迪蒂', taken: new Set(['穆拉蒂']) });
    expect(forms).toEqual([['穆拉迪', 4]]);
  });
  it("drop a form near to two people's names (it would name neither)", () => {
    const forms = buildNearForms(
      [
        { person: 0, alias: 0, text: '巴雷特' },
        { person: 1, alias: 1, text: '帕雷德' },
      ],
      { characters: '帕特德', taken: new Set() },
    );
    // 帕雷特 is near to both 巴雷特 (b/p) and 帕雷德 (d/t).
    expect(forms.map(([text]) => text)).not.toContain('帕雷特');
    expect(forms).toContainEqual(['巴雷德', 0]);
  });
  it('drop a form that reads as a common word (麦格风 → 麦克风 is a microphone)', () => {
    expect(readsAsWords('麦格风', '麦克风', 1)).toBe(true);
    expect(readsAsWords('穆拉蒂', '穆拉提', 2)).toBe(false);
    expect(buildNearForms([{ person: 0, alias: 0, text: '麦格风' }], { characters: '克', taken: new Set() })).toEqual([]);
  });
});

describe('in the shipped index', () => {
  const rows = index.near ?? [];
  const formsOf = (name: string) => rows.filter(([, alias]) => index.aliases[alias]![0] === name).map(([text]) => text);
  it('has the near forms of foreign names', () => {
    expect(formsOf('亚历山大·王')).toContain('亚历山德·王');
    expect(formsOf('穆拉提')).toContain('穆拉迪');
    expect(formsOf('奥尔特曼')).toContain('奥尔德曼');
  });
  it("has none of a Chinese-born person's own name (that is the homophones' job)", () => {
    for (const name of ['赵晟佳', '余家辉', '任泓宇', '汪滔', '陈信翰', '毕树超', '毕淑超', '翟晓华', '李飞飞', '王亮', '陈钢'])
      expect([name, formsOf(name)]).toEqual([name, []]);
  });
  it('never equals an alias of anyone, and never names two people', () => {
    const aliases = new Set(index.aliases.map(([text]) => text));
    for (const [text] of rows) expect(aliases.has(text)).toBe(false);
    expect(new Set(rows.map(([text]) => text)).size).toBe(rows.length);
  });
});

describe('near forms on a page', () => {
  it('are possible matches with evidence, and say what they are close to', () => {
    expect(page('Thinking Machines 创始人米拉·穆拉迪表示，OpenAI 的前同事仍是朋友。')).toEqual([
      ['米拉·穆拉迪', 'mira-murati', 'possible', { kind: 'variant', written: '米拉·穆拉迪', of: '米拉·穆拉提', near: true }],
    ]);
  });
  it('are found in Traditional characters (亞歷山德·王)', () => {
    expect(page('Scale AI 創辦人亞歷山德·王加入 Meta。')).toEqual([
      ['亞歷山德·王', 'alexandr-wang', 'possible', { kind: 'variant', written: '亞歷山德·王', of: '亚历山大·王', near: true }],
    ]);
  });
  it('count for nothing without evidence: a footballer 亚历山德·王 is not Alexandr Wang', () => {
    expect(page('前锋亚历山德·王在第七十分钟扳平比分。')).toEqual([]);
  });
  it('stay possible where the page names the person in full, and do not raise the surname they lend', () => {
    expect(page('米拉·穆拉蒂离开 OpenAI 后创业。', '有媒体把她写作穆拉迪。')).toEqual([
      ['米拉·穆拉蒂', 'mira-murati', 'marked', { kind: 'full-name' }],
      ['穆拉迪', 'mira-murati', 'possible', { kind: 'variant', written: '穆拉迪', of: '穆拉提', near: true }],
    ]);
  });
  it("make a person they alone name at most possible: the surname's mark is possible too", () => {
    const found = page('OpenAI 前首席技术官米拉·穆拉迪创办了新公司。', '穆拉提表示，团队仍在招聘。');
    expect(found.map(([text, , confidence]) => [text, confidence])).toEqual([
      ['米拉·穆拉迪', 'possible'],
      ['穆拉提', 'possible'],
    ]);
  });
  it('stand on word edges, and are not part of a longer name', () => {
    expect(page('OpenAI 的某·奥尔德曼说。')).toEqual([]);
  });
});
