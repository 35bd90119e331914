import type { SourceRecord, SourceRefRecord } from '@/data/schema';
import { claimSources } from '@/utils/dataset/disputes';
import { t } from '@/utils/i18n';
import { citedSource } from './source-facts';
import { langOf, stripEmphasis, type CardLang } from './text';

export interface SourceLineProps {
  source: SourceRecord | undefined;
  lang: CardLang;
  /** The exact passages of the source that support a claim, when the dataset records them. */
  passages?: readonly string[];
}

/**
 * One source, in full: the article's own title verbatim (never cut; our English rendering under
 * it in an English UI), then publisher, date (or "undated" and how we placed it) and language.
 * A caveat is not repeated here: the card states it once, under "About these sources"; this
 * line only says to read the source with care.
 */
export function SourceLine({ source, lang, passages = [] }: SourceLineProps) {
  if (!source) return <span class="tl-source tl-muted">{t('cardSourceUnknown')}</span>;
  const cited = citedSource(source, lang);
  return (
    <span class="tl-source" data-testid="source-line">
      <cite class="tl-source-title" lang={source.untitled ? undefined : langOf(cited.title)} data-testid="source-title">
        {cited.title}
      </cite>
      {cited.titleTranslation && (
        <span class="tl-source-translation" lang="en">
          {cited.titleTranslation}
        </span>
      )}
      <span class="tl-source-details" data-testid="source-details">
        {[cited.publisher, cited.when, cited.language].join(' · ')}
      </span>
      {passages.map((passage) => (
        <span key={passage} class="tl-source-passage">
          {t('cardSourcePassages')} <q lang={langOf(passage)}>{stripEmphasis(passage)}</q>
        </span>
      ))}
      {source.caveat && (
        <span class="tl-source-caveat" data-testid="source-has-caveat">
          {t('cardSourceHasCaveat')}
        </span>
      )}
    </span>
  );
}

/** The sources for one fact or claim: each source once, with every passage of it the dataset records. */
export function SourceList({ refs, sources, lang }: { refs: SourceRefRecord[]; sources: Record<string, SourceRecord>; lang: CardLang }) {
  return (
    <ul class="tl-sources">
      {claimSources(refs).map((entry) => (
        <li key={entry.source}>
          <SourceLine source={sources[entry.source]} lang={lang} passages={entry.passages} />
        </li>
      ))}
    </ul>
  );
}
