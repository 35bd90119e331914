import type { SourceRecord, SourceRefRecord } from '@/data/schema';
import { t } from '@/utils/i18n';
import { langOf, pick, stripEmphasis, type CardLang } from './text';

export interface SourceLineProps {
  source: SourceRecord | undefined;
  lang: CardLang;
  /** The exact passage of the source that supports a claim, when the dataset records it. */
  passage?: string;
}

/**
 * One source: the article's own title verbatim (with our English rendering in
 * an English UI), publisher and date as stated, and any caveat about it.
 */
export function SourceLine({ source, lang, passage }: SourceLineProps) {
  if (!source) return <span class="tl-source tl-muted">{t('cardSourceUnknown')}</span>;
  // An untitled article's `title` is our own description: show it in the UI language.
  const title = source.untitled ? pick({ en: source.titleEn, zh: source.title }, lang) : source.title;
  const rendering = !source.untitled && lang === 'en' && source.titleEn !== source.title ? source.titleEn : null;
  const details = [source.publisher, source.date, rendering].filter((part): part is string => !!part).join(' · ');
  return (
    <span class="tl-source">
      {/* One line each, cut with an ellipsis; the full text is in the tooltip. */}
      <cite class="tl-source-title" lang={source.untitled ? undefined : langOf(title)} title={title}>
        {title}
      </cite>
      {details && (
        <span class="tl-source-details" title={details}>
          {details}
        </span>
      )}
      {passage && (
        <span class="tl-source-passage">
          {' '}
          {t('cardSourceQuote')} <q lang={langOf(passage)}>{stripEmphasis(passage)}</q>
        </span>
      )}
      {source.caveat && (
        <span class="tl-source-caveat">
          {t('cardSourceCaveat')} {pick(source.caveat, lang)}
        </span>
      )}
    </span>
  );
}

/** Several sources for one fact, each on its own line. */
export function SourceList({ refs, sources, lang }: { refs: SourceRefRecord[]; sources: Record<string, SourceRecord>; lang: CardLang }) {
  return (
    <ul class="tl-sources">
      {refs.map((ref, i) => (
        <li key={`${ref.source}-${i}`}>
          <SourceLine source={sources[ref.source]} lang={lang} passage={ref.quote} />
        </li>
      ))}
    </ul>
  );
}
