import { describe, expect, it } from 'vitest';
import type { AliasIndex } from '@/data/schema';
import { createMatcher } from '@/utils/match/matcher';

const SAM = 0;
const MARK = 1;
const ALEXANDR = 2;
const SHENGJIA = 3;
const JASON = 4;
const LUKASZ = 5;

const index: AliasIndex = {
  version: 1,
  people: [
    { id: 'sam-altman', en: 'Sam Altman', zh: '萨姆·奥尔特曼' },
    { id: 'mark-chen', en: 'Mark Chen', zh: '马克·陈' },
    { id: 'alexandr-wang', en: 'Alexandr Wang', zh: '亚历山大·王' },
    { id: 'shengjia-zhao', en: 'Shengjia Zhao', zh: '赵晟佳' },
    { id: 'jason-wang', en: 'Jason Wang' },
    { id: 'lukasz-kaiser', en: 'Łukasz Kaiser' },
  ],
  aliases: [
    ['Sam Altman', SAM, 0],
    ['萨姆·奥尔特曼', SAM, 0],
    ['薩姆·奧爾特曼', SAM, 0],
    ['山姆·奥特曼', SAM, 0],
    ['奥特曼', SAM, 1],
    ['奧特曼', SAM, 1],
    ['Altman', SAM, 1],
    ['Sam', SAM, 1],
    ['Mark Chen', MARK, 0],
    ['马克·陈', MARK, 0],
    ['Chen', MARK, 1],
    ['Alexandr Wang', ALEXANDR, 0],
    ['亚历山大·王', ALEXANDR, 0],
    ['汪滔', ALEXANDR, 0],
    ['Wang', ALEXANDR, 1],
    ['Shengjia Zhao', SHENGJIA, 0],
    ['Zhao Shengjia', SHENGJIA, 0],
    ['赵晟佳', SHENGJIA, 0],
    ['趙晟佳', SHENGJIA, 0],
    ['Zhao', SHENGJIA, 1],
    ['Mr Zhao', SHENGJIA, 1],
    ['晟佳', SHENGJIA, 1],
    ['Jason Wang', JASON, 0],
    ['Wang', JASON, 1],
    ['Łukasz Kaiser', LUKASZ, 0],
    [' · ', SAM, 1],
    ['--', SAM, 1],
  ],
  t2s: '薩萨奧奥爾尔趙赵',
};

const matcher = createMatcher(index);

/** Each hit as "surface:person/safety". */
function found(text: string): string[] {
  return matcher.scan(text).map((h) => `${text.slice(h.start, h.end)}:${h.person}/${h.safety}`);
}

describe('createMatcher: leftmost-longest', () => {
  it('prefers the full name over the aliases inside it', () => {
    expect(found('Sam Altman spoke.')).toEqual([`Sam Altman:${SAM}/0`]);
    expect(found('马克·陈表示')).toEqual([`马克·陈:${MARK}/0`]);
    expect(found('Mr Zhao said')).toEqual([`Mr Zhao:${SHENGJIA}/1`]);
  });

  it('finds several names in order, without overlaps', () => {
    expect(found('Sam Altman and Mark Chen; Altman, Chen.')).toEqual([
      `Sam Altman:${SAM}/0`,
      `Mark Chen:${MARK}/0`,
      `Altman:${SAM}/1`,
      `Chen:${MARK}/1`,
    ]);
  });

  it('reports the alias row that matched', () => {
    const [hit] = matcher.scan('Zhao Shengjia');
    expect(index.aliases[hit!.alias]![0]).toBe('Zhao Shengjia');
  });

  it('gives a shared alias one hit per person, on one span', () => {
    expect(found('Wang said')).toEqual([`Wang:${ALEXANDR}/1`, `Wang:${JASON}/1`]);
  });
});

describe('createMatcher: Latin boundaries', () => {
  it('never matches inside a longer word', () => {
    for (const text of ['Chenille', 'Cheng', 'Wangari Maathai', 'Samsung', 'Altmann', 'xAltman', 'Altman2', 'Chené', 'Chen\u0301g']) {
      expect(found(text), text).toEqual([]);
    }
  });

  it('accepts punctuation, quotes, possessives, brackets and Han characters as boundaries', () => {
    for (const text of [
      "Altman's memo",
      'Altman’s memo',
      'said Altman, then',
      '（Altman）',
      '「Altman」',
      '"Altman"',
      'OpenAI的Altman表示',
      'Altman.',
      '—Altman—',
    ]) {
      expect(found(text), text).toEqual([`Altman:${SAM}/1`]);
    }
  });

  it('matches across NBSP, tabs and line breaks', () => {
    for (const text of ['Sam\u00a0Altman', 'Sam\n   Altman', 'Sam\tAltman', 'Sam \r\n Altman']) {
      expect(found(text), JSON.stringify(text)).toEqual([`${text}:${SAM}/0`]);
    }
  });

  it('matches fullwidth Latin and other cases', () => {
    expect(found('ＳＡＭ　ＡＬＴＭＡＮ')).toEqual([`ＳＡＭ　ＡＬＴＭＡＮ:${SAM}/0`]);
    expect(found('SAM ALTMAN')).toEqual([`SAM ALTMAN:${SAM}/0`]);
  });

  it('matches with or without diacritics', () => {
    for (const text of ['Łukasz Kaiser', 'Lukasz Kaiser', 'ŁUKASZ KAISER']) {
      expect(found(text), text).toEqual([`${text}:${LUKASZ}/0`]);
    }
  });

  it('keeps a surname that is part of another full name out', () => {
    expect(found('Wang Zhiyi won the final')).toEqual([]);
    expect(found('the champion Zhiyi Wang')).toEqual([]);
    expect(found('Not every Chen works in AI')).toEqual([]);
  });

  it('keeps a surname next to titles, dates and sentence words', () => {
    for (const text of ['CEO Altman said', 'When Altman left', 'Altman Said', 'Mr Altman', 'Altman Tuesday said', 'OpenAI’s Altman']) {
      expect(found(text), text).toEqual([expect.stringMatching(new RegExp(`^Altman:${SAM}/1$`))]);
    }
  });

  it('does not apply the next-to-a-name rule to full names', () => {
    expect(found('Sam Altman Unveils')).toEqual([`Sam Altman:${SAM}/0`]);
  });
});

describe('createMatcher: Chinese', () => {
  it('matches every middle-dot variant and no dot at all', () => {
    for (const dot of ['·', '・', '‧', '•', '．', '･', '⋅', '∙', '.', '-', '', ' · ']) {
      const text = `据萨姆${dot}奥尔特曼说`;
      expect(found(text), text).toEqual([`萨姆${dot}奥尔特曼:${SAM}/0`]);
    }
  });

  it('matches Traditional text through the t2s table', () => {
    expect(found('薩姆·奧爾特曼表示，奧特曼')).toEqual([`薩姆·奧爾特曼:${SAM}/0`, `奧特曼:${SAM}/1`]);
    expect(found('趙晟佳加入')).toEqual([`趙晟佳:${SHENGJIA}/0`]);
  });

  it('never fires inside a longer transliterated name', () => {
    expect(found('杰克·奥特曼')).toEqual([]);
    expect(found('奥特曼·杰克')).toEqual([]);
    expect(found('杰克・奥特曼与山姆·奥特曼')).toEqual([`山姆·奥特曼:${SAM}/0`]);
  });

  it('accepts brackets and punctuation around Han aliases', () => {
    expect(found('（奥特曼）')).toEqual([`奥特曼:${SAM}/1`]);
    expect(found('「奥特曼」说')).toEqual([`奥特曼:${SAM}/1`]);
  });

  it('matches a Han name broken by a line break', () => {
    expect(found('萨姆·奥尔\n特曼')).toEqual([`萨姆·奥尔\n特曼:${SAM}/0`]);
  });

  it('needs a non-Han neighbour or a known particle for a short surname/given name', () => {
    expect(found('晟佳表示')).toEqual([`晟佳:${SHENGJIA}/1`]);
    expect(found('，晟佳，')).toEqual([`晟佳:${SHENGJIA}/1`]);
    expect(found('和晟佳')).toEqual([`晟佳:${SHENGJIA}/1`]);
    expect(found('晟佳先生')).toEqual([`晟佳:${SHENGJIA}/1`]);
    expect(found('OpenAI 晟佳 ok')).toEqual([`晟佳:${SHENGJIA}/1`]);
    expect(found('王晟佳明')).toEqual([]);
    expect(found('晟佳明')).toEqual([]);
  });

  it('does not apply the short-alias rule to two-character full names', () => {
    expect(found('创始人汪滔曾经')).toEqual([`汪滔:${ALEXANDR}/0`]);
  });

  it('leaves other people with a known surname alone (王 is not an alias)', () => {
    expect(found('王曼昱赢得比赛，王曼昱说')).toEqual([]);
  });

  it('matches mixed-script pages', () => {
    expect(found('OpenAI CEO Sam Altman（萨姆·奥尔特曼）')).toEqual([`Sam Altman:${SAM}/0`, `萨姆·奥尔特曼:${SAM}/0`]);
  });
});

describe('createMatcher: offsets', () => {
  it('maps hits back to the exact original surface', () => {
    const text = '😀😀 According to Sam\u00a0 Altman （奧特曼）, ＭＡＲＫ ＣＨＥＮ said';
    const hits = matcher.scan(text);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['Sam\u00a0 Altman', '奧特曼', 'ＭＡＲＫ ＣＨＥＮ']);
    expect(hits[0]!.start).toBe(18);
  });

  it('sees through bidi controls and emoji variation selectors around a name', () => {
    expect(found('\u2764\ufe0fSam Altman\u200f said \u202bAltman\u202c')).toEqual([`Sam Altman:${SAM}/0`, `Altman:${SAM}/1`]);
  });

  it('keeps offsets right after emoji and astral Han', () => {
    const text = '𠀀😀奥特曼说';
    const [hit] = matcher.scan(text);
    expect(hit).toMatchObject({ start: 4, end: 7, person: SAM, safety: 1 });
  });
});

describe('createMatcher: degenerate aliases and input', () => {
  it('ignores aliases that are only spaces or punctuation', () => {
    expect(found(' · -- · ')).toEqual([]);
  });

  it('scans empty and name-free text', () => {
    expect(found('')).toEqual([]);
    expect(found('nothing to see here')).toEqual([]);
  });
});

describe('searched forms written by the data build', () => {
  it('give the same matcher as normalizing the aliases at build time of the matcher', async () => {
    const path = await import('node:path');
    const { buildAliasIndex } = await import('@/utils/dataset/build');
    const { loadDatasetFiles } = await import('@/utils/dataset/load-files');
    const { validateDataset } = await import('@/utils/dataset/validate');
    const built = buildAliasIndex(validateDataset(loadDatasetFiles(path.resolve(import.meta.dirname, '../../data'))));
    expect(built.forms).toHaveLength(built.aliases.length);
    expect(built.forms!.every((form) => form === form.trim() && form === form.toLowerCase())).toBe(true);
    const withForms = createMatcher(built);
    const computed = createMatcher({ ...built, forms: undefined, stream: undefined });
    expect(built.stream!.cores.length).toBeGreaterThan(50);
    expect(built.stream!.cores.length).toBeLessThan(built.stream!.patterns.length);
    const text = built.aliases.map(([alias]) => `${alias}，`).join(' and ');
    expect(withForms.scan(text).length).toBeGreaterThan(100);
    expect(withForms.scan(text)).toEqual(computed.scan(text));
    // A whole data build (OpenCC's dictionaries, the pinyin readings of 3,755 characters) takes seconds on a busy machine.
  }, 30_000);
});
