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

/**
 * A quote as the card shows it: markdown emphasis markers removed. The stored quote stays
 * verbatim (the dataset test checks it is an exact substring of its article), and some
 * articles are markdown, so the asterisks are the article's formatting, not its words; we
 * drop them at display rather than keep a second, hand-edited copy that could drift.
 * Only paired markers hugging text go (`**长期留存率**`, `*x*`, `__x__`, `_x_` between
 * non-word characters), so a lone `*` or `snake_case` is left alone.
 */
export function stripEmphasis(text: string): string {
  return text
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/\*(?=[^\s*])([^*]*?[^\s*])\*/g, '$1')
    .replace(/(^|[^\p{L}\p{N}_])_(?=[^\s_])([^_]*?[^\s_])_(?![\p{L}\p{N}_])/gu, '$1$2');
}

/**
 * A dataset date (YYYY, YYYY-MM or YYYY-MM-DD) in the UI language, exactly as precise as
 * the source states it: "2025", "July 2025", "July 2, 2025"; "2025年", "2025年7月", "2025年7月2日".
 */
export function formatPartialDate(date: string, lang: CardLang): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number?, number?];
  // UTC on both sides, so the day never shifts with the reader's time zone.
  const at = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  return dateFormat(lang, !!month, !!day).format(at);
}

/**
 * Made once per language and precision: making a formatter costs far more than using one (the
 * locale's patterns are loaded each time), and a card formats a date for every move and quote.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: CardLang, month: boolean, day: boolean): Intl.DateTimeFormat {
  const key = `${lang} ${month} ${day}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
    if (month) options.month = 'long';
    if (day) options.day = 'numeric';
    format = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en', options);
    dateFormats.set(key, format);
  }
  return format;
}
