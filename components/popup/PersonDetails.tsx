import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { PersonCard } from '@/data/schema';
import { ConflictMark } from '@/components/card/ConflictMark';
import { unattachedConflicts } from '@/components/card/HoverCard';
import { MovesTimeline } from '@/components/card/MovesTimeline';
import { QuoteList } from '@/components/card/QuoteList';
import { pick, type CardLang } from '@/components/card/text';
import { t } from '@/utils/i18n';

/**
 * Everything the hover card shows about a person, laid out for an extension
 * page: built from the card's own parts so the two never drift apart.
 * Style: CARD_CSS scoped by embeddedCardCss().
 */
export function PersonDetails({ card, lang, headingLevel = 2 }: { card: PersonCard; lang: CardLang; headingLevel?: 1 | 2 }) {
  const { person, organizations, sources, conflicts } = card;
  const org = person.org ? organizations[person.org] : undefined;
  const roleConflict = person.roleConflict ? conflicts.find((c) => c.id === person.roleConflict) : undefined;
  const title = lang === 'zh' && person.name.zh ? person.name.zh : person.name.en;
  const others = [person.name.en, person.name.zh, person.name.native].filter(
    (name, i, all): name is string => !!name && name !== title && all.indexOf(name) === i,
  );
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <div class="tl-card tl-person" data-testid="person-details">
      <header class="tl-names">
        <Heading class="tl-name" data-testid="person-name">
          {title}
        </Heading>
        {others.length > 0 && <p class="tl-other-names">{others.join(' · ')}</p>}
      </header>
      <div class="tl-fact tl-role" data-testid="role">
        <span>
          {pick(person.role, lang)}
          {org && (
            <>
              {' · '}
              <span class="tl-org">{pick(org.name, lang)}</span>
            </>
          )}
        </span>{' '}
        {roleConflict && <ConflictMark conflict={roleConflict} sources={sources} lang={lang} />}
      </div>
      {person.moves.length > 0 && (
        <Section title={t('cardMovesHeading')}>
          <MovesTimeline card={card} lang={lang} />
        </Section>
      )}
      {person.quotes.length > 0 && (
        <Section title={t('cardQuotesHeading')}>
          <QuoteList card={card} lang={lang} />
        </Section>
      )}
      {unattachedConflicts(card).length > 0 && (
        <Section title={t('cardOtherConflicts')}>
          {unattachedConflicts(card).map((conflict) => (
            <div key={conflict.id} class="tl-fact">
              <ConflictMark conflict={conflict} sources={sources} lang={lang} withTopic />
            </div>
          ))}
        </Section>
      )}
    </div>
  );
}

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  const heading = useId();
  return (
    <section class="tl-section" aria-labelledby={heading}>
      <h3 id={heading} class="tl-section-heading">
        {title}
      </h3>
      {children}
    </section>
  );
}
