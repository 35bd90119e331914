import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { catalogueJson, traditionalCatalogue, type Catalogue } from '@/utils/traditional-locale';

const read = (locale: string) => readFileSync(path.resolve(import.meta.dirname, `../../public/_locales/${locale}/messages.json`), 'utf8');

describe('UI catalogues', () => {
  const en = JSON.parse(read('en')) as Catalogue;
  const zhCN = JSON.parse(read('zh_CN')) as Catalogue;

  it('English and Simplified Chinese hold the same messages, with the same placeholders', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en))
      expect(Object.keys(zhCN[key]!.placeholders ?? {}), key).toEqual(Object.keys(en[key]!.placeholders ?? {}));
  });

  it('Traditional Chinese is Simplified converted with OpenCC (npm run locales writes it), in Taiwan phrasing', () => {
    const expected = catalogueJson(traditionalCatalogue(zhCN, OpenCC.Converter({ from: 'cn', to: 'twp' })));
    expect(read('zh_TW'), 'public/_locales/zh_TW/messages.json is stale: run `npm run locales`').toBe(expected);
    const zhTW = JSON.parse(expected) as Catalogue;
    expect(zhTW.notesEmpty!.message).toBe('還沒有筆記。');
    expect(zhTW.notesPageTitle!.message).not.toBe(zhCN.notesPageTitle!.message);
  });

  it('conversion leaves placeholders and keys alone', () => {
    const out = traditionalCatalogue(
      { k: { message: '删除 $COUNT$ 条笔记', placeholders: { count: { content: '$1' } } } },
      OpenCC.Converter({ from: 'cn', to: 'twp' }),
    );
    expect(out).toEqual({ k: { message: '刪除 $COUNT$ 條筆記', placeholders: { count: { content: '$1' } } } });
  });
});
