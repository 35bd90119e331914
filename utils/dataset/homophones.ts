/**
 * Build time only (the data build; pinyin-pro never reaches the extension): the table the matcher
 * uses to find a Chinese-born person's own name written with other characters of the same sound,
 * 余佳辉 for 余家辉, 任弘宇 for 任泓宇 (utils/match/homophones.ts).
 *
 * For each such name (three Han characters, the person's own, no one else's) it keeps the surname
 * character as written and, for each given-name character, the syllable it reads as, without
 * tone. Each syllable is shipped once, as the string of the common characters that can read so
 * (GB2312's first level, the 3,755 most used: a name written by ear takes a common character): a page's 佳 is then checked against the characters of "jia", not converted to
 * pinyin, so nothing of pinyin-pro is needed at run time.
 */
import { pinyin, polyphonic } from 'pinyin-pro';
import type { AliasIndex } from '../../data/schema';

/** One name the mechanism applies to: its person, its row in the alias index and its text. */
export interface HomophoneName {
  person: number;
  alias: number;
  text: string;
}

let common: string[] | undefined;

/** The 3,755 characters of GB2312's first level, the most used ones. */
function commonHanzi(): string[] {
  if (common) return common;
  const decoder = new TextDecoder('gbk');
  const out: string[] = [];
  for (let row = 0xb0; row <= 0xd7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const ch = decoder.decode(new Uint8Array([row, cell]));
      if (/^\p{Script=Han}$/u.test(ch)) out.push(ch);
    }
  }
  return (common = out);
}

let readings: Map<string, string> | undefined;

/** Toneless syllable → the common characters that can read so (every reading of a polyphone counts). */
function charactersBySyllable(): Map<string, string> {
  if (readings) return readings;
  const bySyllable = new Map<string, string>();
  const chars = commonHanzi();
  // One call for all of them (a call per character costs five times as much).
  const all = polyphonic(chars.join(''), { type: 'array', toneType: 'none', v: true });
  chars.forEach((ch, i) => {
    for (const syllable of new Set(all[i] ?? [])) bySyllable.set(syllable, (bySyllable.get(syllable) ?? '') + ch);
  });
  readings = bySyllable;
  return readings;
}

/** Whether a text is a three-character Han name (a surname, then a two-character given name). */
export function homophoneEligible(text: string): boolean {
  return /^\p{Script=Han}{3}$/u.test(text);
}

/** The index's homophone table for these names (undefined when there is none). */
export function buildHomophones(names: readonly HomophoneName[]): AliasIndex['homophones'] {
  const bySyllable = charactersBySyllable();
  const syllables: string[] = [];
  const positions = new Map<string, number>();
  const positionOf = (syllable: string): number | undefined => {
    const chars = bySyllable.get(syllable);
    if (!chars) return undefined;
    let at = positions.get(syllable);
    if (at === undefined) {
      positions.set(syllable, (at = syllables.length));
      syllables.push(chars);
    }
    return at;
  };
  const rows: NonNullable<AliasIndex['homophones']>['names'] = [];
  for (const { person, alias, text } of names) {
    if (!homophoneEligible(text)) continue;
    // Read in context, as a name (晟 in 赵晟佳 is sheng, not cheng).
    const [, first, second] = pinyin(text, { toneType: 'none', type: 'array', surname: 'head', v: true });
    const a = first ? positionOf(first) : undefined;
    const b = second ? positionOf(second) : undefined;
    if (a === undefined || b === undefined) continue;
    rows.push([person, alias, text[0]!, a, b]);
  }
  return rows.length > 0 ? { syllables, names: rows } : undefined;
}
