import { useId, useMemo, useState } from 'preact/hooks';
import type { EveryoneHit, EveryoneSearch } from '@/utils/search/everyone-search';
import type { DatasetDetails } from '@/data/schema';
import { pick, type CardLang } from '@/components/card/text';
import { t } from '@/utils/i18n';

export interface SearchBoxProps {
  search: EveryoneSearch;
  details: DatasetDetails;
  lang: CardLang;
  query: string;
  onQuery(query: string): void;
  onOpen(personId: string): void;
}

/**
 * A combobox: results update as you type; ArrowDown/ArrowUp move through them
 * (focus stays in the box, the active option is announced), Enter opens the
 * active one (or the first), Escape clears the box.
 */
export function SearchBox({ search, details, lang, query, onQuery, onOpen }: SearchBoxProps) {
  const listId = useId();
  const [active, setActive] = useState(-1);
  const hits: EveryoneHit[] = useMemo(() => search.search(query, 12), [search, query]);
  const open = query.trim().length > 0;

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      setActive((i) => (i + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && hits.length > 0) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? hits.length - 1 : i - 1));
    } else if (event.key === 'Enter') {
      const hit = hits[active >= 0 ? active : 0];
      if (hit) {
        event.preventDefault();
        onOpen(hit.person.id);
      }
    } else if (event.key === 'Escape' && query) {
      // The first Escape clears the box; the next one closes the popup as usual.
      event.preventDefault();
      onQuery('');
      setActive(-1);
    }
  }

  const optionId = (i: number) => `${listId}-option-${i}`;

  /** A result's lines: the bundled person's names and role as the card gives them; the reader's person as they wrote it. */
  function describe(hit: EveryoneHit): { name: string; other?: string; role: string } {
    if (hit.kind === 'own') {
      const { name, role, org } = hit.person;
      return { name: name.primary, ...(name.other ? { other: name.other } : {}), role: [role, org].filter(Boolean).join(' · ') };
    }
    const person = hit.person;
    const org = person.org ? details.organizations[person.org] : undefined;
    return {
      name: person.name.en,
      ...(person.name.zh ? { other: person.name.zh } : {}),
      role: pick(person.role, lang) + (org ? ` · ${pick(org.name, lang)}` : ''),
    };
  }

  return (
    <div class="tl-search">
      <input
        type="search"
        role="combobox"
        aria-label={t('popupSearchLabel')}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 && active < hits.length ? optionId(active) : undefined}
        placeholder={t('popupSearchPlaceholder')}
        value={query}
        autoFocus
        data-testid="search-input"
        onInput={(event) => {
          onQuery((event.currentTarget as HTMLInputElement).value);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={t('popupResultsLabel')} class="tl-results" hidden={!open} data-testid="search-results">
        {hits.map((hit, i) => {
          const { name, other, role } = describe(hit);
          return (
            <li
              key={hit.person.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'tl-result tl-active' : 'tl-result'}
              data-person-id={hit.person.id}
              data-own={hit.kind === 'own' ? '' : undefined}
              data-testid="search-result"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onOpen(hit.person.id)}
            >
              <span class="tl-result-name">
                {name}
                {other && other !== name && <span class="tl-result-zh"> {other}</span>}
                {hit.kind === 'own' && <span class="tl-result-yours"> · {t('popupYours')}</span>}
              </span>
              <span class="tl-result-role">{role}</span>
            </li>
          );
        })}
      </ul>
      {open && hits.length === 0 && (
        <p class="tl-status-line" role="status">
          {t('popupNoResults')}
        </p>
      )}
    </div>
  );
}
