/**
 * OpenCC's Simplified ⇄ Traditional converters, loaded on demand by the extension pages that need
 * them (the add form's suggestions, the popup's search over the reader's people). About a megabyte
 * of dictionaries: never imported by the content script, and loaded by a page only when asked.
 */
import type { ScriptConverters } from '@/utils/people/suggestions';

export async function loadScriptConverters(): Promise<ScriptConverters> {
  const OpenCC = await import('opencc-js');
  return { toTraditional: OpenCC.Converter({ from: 'cn', to: 'tw' }), toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }) };
}
