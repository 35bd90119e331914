import type { PersonCard, SourceRecord } from '@/data/schema';
import { citationText } from '@/utils/citation';
import { t } from '@/utils/i18n';
import { CopyCitation } from './CopyCitation';
import { SourceLine } from './SourceLine';
import { citedSource } from './source-facts';
import type { CardLang } from './text';
import { langOf, stripEmphasis } from './text';

export interface QuoteListProps {
  card: PersonCard;
  lang: CardLang;
}

type QuoteRecord = PersonCard['person']['quotes'][number];

/**
 * One to three verbatim quotes, each with its source. Where we wrote an English gloss, an English
 * UI shows it first with the article's words right under it; each is labelled, ours or the
 * article's, so a gloss is never taken for a quote.
 */
export function QuoteList({ card, lang }: QuoteListProps) {
  return (
    <ul class="tl-quotes" data-testid="quotes">
      {card.person.quotes.map((quote, i) => {
        const source = card.sources[quote.source];
        const gloss = quote.gloss && <Gloss text={quote.gloss} />;
        return (
          <li key={i} class="tl-quote" data-testid="quote">
            {quote.by === 'about' && <span class="tl-quote-about">{t('cardQuoteAbout')}</span>}
            {lang === 'en' && gloss}
            <div class="tl-quote-part">
              {quote.gloss && <span class="tl-quote-label">{t('cardOriginal')}</span>}
              {/* Verbatim article text, never translated or trimmed; only markdown emphasis is dropped (stripEmphasis). */}
              <blockquote class="tl-quote-text" lang={langOf(quote.text)} data-testid="quote-text">
                {stripEmphasis(quote.text)}
              </blockquote>
            </div>
            {lang !== 'en' && gloss}
            <p class="tl-quote-source">
              <SourceLine source={source} lang={lang} />
            </p>
            {source && <CopyCitation text={() => quoteCitation(quote, source, lang)} />}
          </li>
        );
      })}
    </ul>
  );
}

function Gloss({ text }: { text: string }) {
  return (
    <div class="tl-quote-part" data-testid="quote-gloss">
      <span class="tl-quote-label">{t('cardGloss')}</span>
      <p class="tl-quote-gloss" lang="en">
        {text}
      </p>
    </div>
  );
}

function quoteCitation(quote: QuoteRecord, source: SourceRecord, lang: CardLang): string {
  return citationText(
    { text: stripEmphasis(quote.text), ...(quote.gloss ? { translation: quote.gloss } : {}) },
    citedSource(source, lang),
    { translation: t('cardGloss'), source: t('cardCitationSource'), separator: lang === 'zh' ? '，' : ', ' },
  );
}
