import type { SourceLanguageTag, SourceRecord } from '@/data/schema';
import type { CitedSource } from '@/utils/citation';
import { t } from '@/utils/i18n';
import { formatPartialDate, pick, type CardLang } from './text';

/** The language a source is written in, in words of the UI language. */
export function sourceLanguageName(language: SourceLanguageTag): string {
  switch (language) {
    case 'zh-Hans':
      return t('sourceLanguageZhHans');
    case 'zh-Hant':
      return t('sourceLanguageZhHant');
    case 'en':
      return t('sourceLanguageEn');
  }
}

/**
 * A source as every screen shows and cites it: its title (for an untitled article, our
 * description in the UI language), our rendering of the title in an English UI, the publisher
 * or that none is stated, the date as stated or "undated" with how we placed it, its language.
 */
export function citedSource(source: SourceRecord, lang: CardLang): CitedSource {
  const title = source.untitled ? pick({ en: source.titleEn, zh: source.title }, lang) : source.title;
  const translated = !source.untitled && lang === 'en' && source.titleEn !== source.title;
  return {
    title,
    ...(translated ? { titleTranslation: source.titleEn } : {}),
    publisher: source.publisher ?? t('sourcePublisherUnknown'),
    when: source.date
      ? formatPartialDate(source.date, lang)
      : source.placed
        ? t('sourceUndatedPlaced', pick(source.placed, lang))
        : t('sourceUndated'),
    language: sourceLanguageName(source.language),
  };
}
