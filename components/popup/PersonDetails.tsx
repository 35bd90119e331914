import type { PersonCard } from '@/data/schema';
import { displayName, OtherNames, PersonFacts } from '@/components/card/PersonFacts';
import type { CardLang } from '@/components/card/text';

/**
 * Everything the hover card shows about a person, laid out for an extension
 * page: built from the card's own parts so the two never drift apart.
 * Style: CARD_CSS scoped by embeddedCardCss().
 */
export function PersonDetails({ card, lang, headingLevel = 2 }: { card: PersonCard; lang: CardLang; headingLevel?: 1 | 2 }) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <div class="tl-card tl-person" data-testid="person-details">
      <header class="tl-names">
        <Heading class="tl-name" data-testid="person-name">
          {displayName(card.person, lang)}
        </Heading>
        <OtherNames person={card.person} lang={lang} />
      </header>
      <PersonFacts card={card} lang={lang} />
    </div>
  );
}
