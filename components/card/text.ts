import type { BilingualText } from '@/data/schema';
import { t } from '@/utils/i18n';

export type CardLang = 'en' | 'zh';

/**
 * The language of the card's data, taken from the same message catalogue as
 * the UI strings so the two can never disagree (a zh-TW browser gets the
 * English catalogue, and so English data).
 */
export function cardLang(): CardLang {
  return t('cardLang') === 'zh' ? 'zh' : 'en';
}

/** Chinese when the UI is Chinese and the record has it, else English. */
export function pick(text: BilingualText, lang: CardLang): string {
  return lang === 'zh' && text.zh ? text.zh : text.en;
}

const HAN = /[\u3400-\u9fff]/;

/** A `lang` attribute for verbatim article text, so CJK text gets CJK fonts and line breaking. */
export function langOf(text: string): 'zh' | undefined {
  return HAN.test(text) ? 'zh' : undefined;
}
