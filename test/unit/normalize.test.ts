import { describe, expect, it } from 'vitest';
import { DOT_BEFORE, GAP_BEFORE, createFolding, normalize, normalizeAlias, originalSpan } from '@/utils/match/normalize';

const fold = createFolding('奧奥爾尔趙赵薩萨');
const norm = (text: string) => normalize(text, fold).text;

describe('normalize', () => {
  it('folds Latin case and diacritics, strokes included', () => {
    expect(norm('Łukasz')).toBe('lukasz');
    expect(norm('LUKASZ')).toBe('lukasz');
    expect(norm('Renée Ørsted Đorđe İlker')).toBe('renee orsted dorde ilker');
  });

  it('drops combining marks, so decomposed text folds like precomposed', () => {
    expect(norm('Rene\u0301e')).toBe('renee');
    expect(norm('Renée')).toBe('renee');
  });

  it('folds fullwidth ASCII and the ideographic space', () => {
    expect(norm('ＳＡＭ　ＡＬＴＭＡＮ１２')).toBe('sam altman12');
    expect(norm('（Ａｌｔｍａｎ）')).toBe('(altman)');
  });

  it('collapses whitespace runs, NBSP, tabs and line breaks included', () => {
    expect(norm('Sam \u00a0\n\t Altman')).toBe('sam altman');
    expect(norm('Sam\u2009\u202fAltman')).toBe('sam altman');
  });

  it('drops whitespace between two Han characters, flagging the gap', () => {
    const n = normalize('奥尔\n  特曼', fold);
    expect(n.text).toBe('奥尔特曼');
    expect(n.flags[2]).toBe(GAP_BEFORE);
  });

  it('canonicalizes apostrophes', () => {
    expect(norm('Altman’s Altman＇s Altmanʼs')).toBe("altman's altman's altman's");
  });

  it('drops every middle-dot variant between Han characters, spaces around it allowed', () => {
    for (const dot of ['·', '・', '‧', '•', '．', '･', '⋅', '∙']) {
      for (const written of [`萨姆${dot}奥尔特曼`, `萨姆 ${dot} 奥尔特曼`]) {
        const n = normalize(written, fold);
        expect(n.text, written).toBe('萨姆奥尔特曼');
        expect(n.flags[2], written).toBe(DOT_BEFORE);
      }
    }
  });

  it("drops ASCII '.' and '-' only directly between Han characters", () => {
    expect(norm('萨姆.奥尔特曼')).toBe('萨姆奥尔特曼');
    expect(norm('让-保罗')).toBe('让保罗');
    expect(norm('v1.2 e-mail')).toBe('v1.2 e-mail');
    expect(norm('萨姆 - 奥尔特曼')).toBe('萨姆 - 奥尔特曼');
    expect(norm('奥特曼.com')).toBe('奥特曼.com');
  });

  it('makes a name written with no dot identical to the dotted one', () => {
    expect(norm('萨姆奥尔特曼')).toBe(norm('萨姆·奥尔特曼'));
    expect(normalizeAlias('萨姆・奥尔特曼', fold)).toBe('萨姆奥尔特曼');
  });

  it('keeps middle dots outside Han text, as U+00B7', () => {
    expect(norm('Jean・Paul • news')).toBe('jean·paul · news');
    expect(norm('Sam·奥特曼')).toBe('sam·奥特曼');
  });

  it('folds Traditional to Simplified with the index pairs only', () => {
    expect(norm('薩姆·奧爾特曼')).toBe('萨姆奥尔特曼');
    expect(norm('趙晟佳')).toBe('赵晟佳');
    // 說 is not in this index's table: left as is.
    expect(norm('說')).toBe('說');
    expect(normalize('趙', createFolding('')).text).toBe('趙');
  });

  it('drops zero-width characters and soft hyphens', () => {
    expect(norm('Alt\u00adman\u200b')).toBe('altman');
  });

  it('maps every normalized unit back, with a final entry for the original length', () => {
    const text = 'A  b\u00a0c';
    const n = normalize(text, fold);
    expect(n.text).toBe('a b c');
    expect(Array.from(n.map)).toEqual([0, 1, 3, 4, 5, 6]);
  });

  it('keeps surrogate pairs and maps spans ending on one exactly', () => {
    const text = '😀Sam 😀';
    const n = normalize(text, fold);
    expect(n.text).toBe('😀sam 😀');
    const [start, end] = originalSpan(text, n, 0, n.units.length);
    expect(text.slice(start, end)).toBe(text);
    const [s2, e2] = originalSpan(text, n, 2, 8);
    expect(text.slice(s2, e2)).toBe('Sam 😀');
  });

  it('maps a span back without trailing collapsed space or dropped joiner, but with dropped combining marks', () => {
    const text = 'Jose\u0301   x 奥特曼 · 某';
    const n = normalize(text, fold);
    expect(n.text).toBe('jose x 奥特曼某');
    const [s, e] = originalSpan(text, n, 0, 4);
    expect(text.slice(s, e)).toBe('Jose\u0301');
    const at = n.text.indexOf('奥特曼');
    const [s2, e2] = originalSpan(text, n, at, at + 3);
    expect(text.slice(s2, e2)).toBe('奥特曼');
  });

  it('normalizes an empty string', () => {
    const n = normalize('', fold);
    expect(n.text).toBe('');
    expect(Array.from(n.map)).toEqual([0]);
  });
});
