import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { ConflictRecord, PersonCard, PersonRecord } from '@/data/schema';
import { t } from '@/utils/i18n';
import { ConflictMark } from './ConflictMark';
import { MovesTimeline } from './MovesTimeline';
import { QuoteList } from './QuoteList';
import { cardSourceCaveats, roleAsOf } from '@/utils/dataset/person-card';
import { citedSource } from './source-facts';
import { formatPartialDate, langOf, pick, type CardLang } from './text';

/**
 * What we know about a person: role, moves, quotes and the conflicts no fact
 * carries a mark for. Shared by the hover card and the popup's person view,
 * so the two never drift apart.
 */
export function PersonFacts({ card, lang }: { card: PersonCard; lang: CardLang }) {
  const { person } = card;
  return (
    <>
      <Role card={card} lang={lang} />
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
      <OtherConflicts card={card} lang={lang} />
      <SourceCaveats card={card} lang={lang} />
    </>
  );
}

/** The name to title a person with in this language. */
export function displayName(person: PersonRecord, lang: CardLang): string {
  return lang === 'zh' && person.name.zh ? person.name.zh : person.name.en;
}

/** The names not used as the title: English in a Chinese UI and vice versa, and the person's own Chinese name. */
export function OtherNames({ person, lang }: { person: PersonRecord; lang: CardLang }) {
  const title = displayName(person, lang);
  const { en, zh, native } = person.name;
  const others = [en, zh, native].filter((name, i, all): name is string => !!name && name !== title && all.indexOf(name) === i);
  if (others.length === 0) return null;
  return (
    <p class="tl-other-names" data-testid="other-names">
      {others.join(' · ')}
    </p>
  );
}

function Role({ card, lang }: { card: PersonCard; lang: CardLang }) {
  const { person, organizations, conflicts, sources } = card;
  const org = person.org ? organizations[person.org] : undefined;
  const conflict = person.roleConflict ? conflicts.find((c) => c.id === person.roleConflict) : undefined;
  const role = pick(person.role, lang);
  const orgName = org ? pick(org.name, lang) : null;
  const asOf = roleAsOf(card);
  return (
    <div class="tl-fact tl-role" data-testid="role">
      <span>
        {role}
        {/* Roles often name the organization already ("Chief Research Officer, OpenAI"). */}
        {orgName && !role.includes(orgName) && (
          <>
            {' · '}
            <span class="tl-org">{orgName}</span>
          </>
        )}
        {/* The card is a snapshot of what the articles said: say when. */}
        {asOf && (
          <>
            {' · '}
            <span class="tl-muted tl-role-as-of" data-testid="role-as-of">
              {t('cardRoleAsOf', formatPartialDate(asOf, lang))}
            </span>
          </>
        )}
      </span>{' '}
      {conflict && <ConflictMark conflict={conflict} sources={sources} lang={lang} />}
    </div>
  );
}

/** Conflicts about this person that no shown fact (role, move) carries a mark for. */
function unattachedConflicts(card: PersonCard): ConflictRecord[] {
  const attached = new Set([card.person.roleConflict, ...card.person.moves.map((m) => m.conflict)]);
  return card.conflicts.filter((c) => !attached.has(c.id));
}

function OtherConflicts({ card, lang }: { card: PersonCard; lang: CardLang }) {
  const others = unattachedConflicts(card);
  if (others.length === 0) return null;
  return (
    <Section title={t('cardOtherConflicts')}>
      {others.map((conflict) => (
        <div key={conflict.id} class="tl-fact">
          <ConflictMark conflict={conflict} sources={card.sources} lang={lang} withTopic />
        </div>
      ))}
    </Section>
  );
}

/** Each caveat once per card, whichever facts its source supports. */
function SourceCaveats({ card, lang }: { card: PersonCard; lang: CardLang }) {
  const sources = cardSourceCaveats(card);
  if (sources.length === 0) return null;
  return (
    <Section title={t('cardSourceNotesHeading')}>
      <ul class="tl-source-notes" data-testid="source-notes">
        {sources.map((source) => {
          const { title } = citedSource(source, lang);
          return (
            <li key={source.id} data-testid="source-note">
              <cite class="tl-source-title" lang={source.untitled ? undefined : langOf(title)}>
                {title}
              </cite>
              <span class="tl-source-note">{pick(source.caveat!, lang)}</span>
            </li>
          );
        })}
      </ul>
    </Section>
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
