import { describe, expect, it } from 'vitest';
import { dataScript, uiScriptOf } from '@/utils/data-script';
import { traditionalDetails } from '@/utils/dataset/traditional';
import * as OpenCC from 'opencc-js';
import details from '@/data/generated/details.json';
import aliasIndex from '@/data/generated/alias-index.json';
import type { DatasetDetails } from '@/data/schema';

const t2s = '奧奥爾尔趙赵';

describe('dataScript', () => {
  it('follows the mention: a name written in Traditional characters gets Traditional data', () => {
    expect(dataScript('奧特曼', '', t2s)).toBe('Hant');
    expect(dataScript('趙晟佳', 'zh-CN', t2s)).toBe('Hant');
    expect(dataScript('奥特曼', 'zh-TW', t2s)).toBe('Hans');
  });

  it('for a name the same in both scripts, or a Latin one, follows the page’s declared language', () => {
    expect(dataScript('扎克伯格', 'zh-TW', t2s)).toBe('Hant');
    expect(dataScript('Sam Altman', 'zh-Hant-HK', t2s)).toBe('Hant');
    expect(dataScript('Sam Altman', ' zh-hk ', t2s)).toBe('Hant');
    expect(dataScript('扎克伯格', 'zh-CN', t2s)).toBe('Hans');
    expect(dataScript('Sam Altman', 'en', t2s)).toBe('Hans');
    expect(dataScript('Sam Altman', 'zh-twx', t2s)).toBe('Hans');
  });

  it('on a page that is not Chinese, follows the reader’s UI script; a Chinese page that does not say Traditional stays Simplified', () => {
    expect(dataScript('Sam Altman', 'en', t2s, 'Hant')).toBe('Hant');
    expect(dataScript('Sam Altman', '', t2s, 'Hant')).toBe('Hant');
    expect(dataScript('扎克伯格', 'zh-CN', t2s, 'Hant')).toBe('Hans');
    expect(dataScript('扎克伯格', 'zh', t2s, 'Hant')).toBe('Hans');
    // The mention's own characters still decide first.
    expect(dataScript('奥特曼', 'en', t2s, 'Hant')).toBe('Hans');
  });

  it('tells the bundled names apart with the bundled folding table', () => {
    expect(dataScript('奧爾特曼', '', aliasIndex.t2s)).toBe('Hant');
    expect(dataScript('奥尔特曼', '', aliasIndex.t2s)).toBe('Hans');
  });
});

describe('uiScriptOf', () => {
  it('is Traditional for a chosen 繁體 UI, or for "follow the browser" in a Traditional browser', () => {
    expect(uiScriptOf('zh_TW', 'en-US')).toBe('Hant');
    expect(uiScriptOf('browser', 'zh-TW')).toBe('Hant');
    expect(uiScriptOf('browser', 'zh_HK')).toBe('Hant');
    expect(uiScriptOf('browser', 'zh-CN')).toBe('Hans');
    expect(uiScriptOf('zh_CN', 'zh-TW')).toBe('Hans');
    expect(uiScriptOf('en', 'zh-TW')).toBe('Hans');
  });
});

describe('traditionalDetails', () => {
  const convert = { text: OpenCC.Converter({ from: 'cn', to: 'twp' }), name: OpenCC.Converter({ from: 'cn', to: 'tw' }) };
  const bundled = details as unknown as DatasetDetails;
  const hant = traditionalDetails(bundled, convert);

  it('converts our Chinese text: names (the Taiwan form where the data has one), roles, organizations, claims, caveats', () => {
    expect(bundled.people['sam-altman']!.name.zh).toBe('萨姆·奥尔特曼');
    expect(hant.people['sam-altman']!.name.zh).toBe('山姆·阿特曼');
    expect(hant.people['shengjia-zhao']!.name.zh).toBe('趙晟佳');
    expect(hant.people['shengjia-zhao']!.name.native).toBe(bundled.people['shengjia-zhao']!.name.native);
    expect(hant.people['mark-chen']!.role.zh).toBe(convert.text(bundled.people['mark-chen']!.role.zh!));
    const changed = Object.keys(bundled.people).filter((id) => hant.people[id]!.role.zh !== bundled.people[id]!.role.zh);
    expect(changed.length, 'roles written differently in Traditional').toBeGreaterThan(5);
    expect(hant.conflicts[0]!.topic.zh).toBe(convert.text(bundled.conflicts[0]!.topic.zh!));
    expect(hant.sources.s001!.caveat!.zh).toBe(convert.text(bundled.sources.s001!.caveat!.zh!));
    expect(hant.sources.s003!.title).toBe(convert.text(bundled.sources.s003!.title));
  });

  it('never touches the articles’ words, English text or ids', () => {
    for (const [id, person] of Object.entries(hant.people)) {
      expect(person.quotes).toEqual(bundled.people[id]!.quotes);
      expect(person.aliases).toEqual(bundled.people[id]!.aliases);
      expect(person.role.en).toBe(bundled.people[id]!.role.en);
    }
    expect(hant.sources.s001!.title).toBe(bundled.sources.s001!.title);
    expect(hant.conflicts.map((c) => c.claims.map((claim) => claim.sources))).toEqual(
      bundled.conflicts.map((c) => c.claims.map((claim) => claim.sources)),
    );
    expect(Object.keys(hant.people)).toEqual(Object.keys(bundled.people));
  });
});
