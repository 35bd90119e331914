import type { FactSource, UserFact } from '@/utils/people/records';
import { httpUrl } from '@/utils/notes/format';
import { t } from '@/utils/i18n';

/** The site a source is from, as the reader would name it (its host, without www.). */
function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** "added by you, from <site>, <date>": the site links to the page the reader cited (http(s) only). */
export function AddedByYou({ source, addedAt }: { source: FactSource | undefined; addedAt: number }) {
  const link = source ? httpUrl(source.url) : null;
  const date = source?.date ?? new Date(addedAt).toISOString().slice(0, 10);
  return (
    <span class="tl-user-fact-by">
      {link ? (
        <a href={link} target="_blank" rel="noopener noreferrer" title={source?.title}>
          {t('peopleAddedByYou', [siteOf(link), date])}
        </a>
      ) : (
        t('peopleAddedByYou', [source ? siteOf(source.url) : '—', date])
      )}
    </span>
  );
}

/**
 * What the reader added about a person, each fact marked as theirs ("added by you, from
 * <site>, <date>") with its quote. Private like a note: shown only in our own pages and in
 * the card's extension-origin notes frame, never in a page's document.
 */
export function UserFacts({ facts, tags }: { facts: readonly UserFact[]; tags: readonly string[] }) {
  if (facts.length === 0 && tags.length === 0) return null;
  return (
    <section class="tl-user-facts" data-testid="user-facts">
      <ul>
        {facts.map((fact) => (
          <li key={fact.id} data-testid="user-fact">
            <span class="tl-user-fact-text">
              {fact.text}
              {fact.org ? ` · ${fact.org}` : ''}
              {fact.when ? ` (${fact.when})` : ''}
            </span>
            {fact.source?.quote && <blockquote>{fact.source.quote}</blockquote>}
            <AddedByYou source={fact.source} addedAt={fact.addedAt} />
          </li>
        ))}
      </ul>
      {tags.length > 0 && <p class="tl-user-tags">{tags.map((tag) => `#${tag}`).join(' ')}</p>}
    </section>
  );
}
