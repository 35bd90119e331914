/**
 * Which script of the card's Chinese data a mention gets: Traditional when the page writes the
 * name in Traditional characters, or, for a name that looks the same in both scripts (or a Latin
 * one), when the page declares itself Traditional (lang zh-TW, zh-HK, zh-MO, zh-Hant); on a page
 * that is not Chinese at all, the script of the reader's UI language.
 */

export type DataScript = 'Hans' | 'Hant';

/** A `lang` attribute that names Traditional Chinese. */
const TRADITIONAL_LANG = /^zh-(?:hant|tw|hk|mo)\b/i;

/**
 * @param t2s the alias index's folding table ("趙赵勝胜…": Traditional, then Simplified), which
 *   covers every character of every alias: enough to tell the script of a name the matcher found.
 */
export function dataScript(mentionText: string, pageLang: string, t2s: string, uiScript: DataScript = 'Hans'): DataScript {
  for (const char of mentionText) {
    const at = t2s.indexOf(char);
    // Even positions hold Traditional characters, odd ones their Simplified forms.
    if (at >= 0) return at % 2 === 0 ? 'Hant' : 'Hans';
  }
  const lang = pageLang.trim();
  if (TRADITIONAL_LANG.test(lang)) return 'Hant';
  // A Chinese page that does not say Traditional is read as Simplified; any other page gives no
  // hint, so the card's Chinese is in the script of the reader's UI (繁體 for a Traditional UI).
  return /^zh\b/i.test(lang) ? 'Hans' : uiScript;
}

/** The script of a UI language: the one chosen in Settings, or for `browser` the browser's own (`en-US`, `zh-TW`…). */
export function uiScriptOf(language: string, browserLanguage: string): DataScript {
  if (language === 'zh_TW') return 'Hant';
  return language === 'browser' && TRADITIONAL_LANG.test(browserLanguage.replace('_', '-')) ? 'Hant' : 'Hans';
}
