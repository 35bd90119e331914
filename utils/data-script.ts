/**
 * Which script of the card's Chinese data a mention gets: Traditional when the page writes the
 * name in Traditional characters, or, for a name that looks the same in both scripts (or a Latin
 * one), when the page declares itself Traditional (lang zh-TW, zh-HK, zh-MO, zh-Hant).
 */

export type DataScript = 'Hans' | 'Hant';

/** A `lang` attribute that names Traditional Chinese. */
const TRADITIONAL_LANG = /^zh-(?:hant|tw|hk|mo)\b/i;

/**
 * @param t2s the alias index's folding table ("趙赵勝胜…": Traditional, then Simplified), which
 *   covers every character of every alias: enough to tell the script of a name the matcher found.
 */
export function dataScript(mentionText: string, pageLang: string, t2s: string): DataScript {
  for (const char of mentionText) {
    const at = t2s.indexOf(char);
    // Even positions hold Traditional characters, odd ones their Simplified forms.
    if (at >= 0) return at % 2 === 0 ? 'Hant' : 'Hans';
  }
  return TRADITIONAL_LANG.test(pageLang.trim()) ? 'Hant' : 'Hans';
}
