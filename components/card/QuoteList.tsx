import type { PersonCard } from '@/data/schema';
import { t } from '@/utils/i18n';
import { SourceLine } from './SourceLine';
import type { CardLang } from './text';
import { langOf, stripEmphasis } from './text';

export interface QuoteListProps {
  card: PersonCard;
  lang: CardLang;
}

/** One to three verbatim quotes, each with its source and, where we wrote one, our English gloss. */
export function QuoteList({ card, lang }: QuoteListProps) {
  return (
    <ul class="tl-quotes" data-testid="quotes">
      {card.person.quotes.map((quote, i) => (
        <li key={i} class="tl-quote" data-testid="quote">
          {quote.by === 'about' && <span class="tl-quote-about">{t('cardQuoteAbout')}</span>}
          {/* Verbatim article text, never translated or trimmed; only markdown emphasis is dropped (stripEmphasis). */}
          <blockquote class="tl-quote-text" lang={langOf(quote.text)}>
            {stripEmphasis(quote.text)}
          </blockquote>
          {quote.gloss && (
            <p class="tl-quote-gloss" data-testid="quote-gloss">
              <span class="tl-muted">{t('cardGloss')}: </span>
              <span lang="en">{quote.gloss}</span>
            </p>
          )}
          <p class="tl-quote-source">
            <SourceLine source={card.sources[quote.source]} lang={lang} />
          </p>
        </li>
      ))}
    </ul>
  );
}
