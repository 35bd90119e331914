import { useMemo, useState } from 'preact/hooks';
import type { DatasetDetails } from '@/data/schema';
import { pick, type CardLang } from '@/components/card/text';
import { browseGroups, listedName, type BrowseOrder } from '@/utils/search/browse';
import { t } from '@/utils/i18n';

export interface BrowsePeopleProps {
  details: DatasetDetails;
  lang: CardLang;
  onOpen(personId: string): void;
}

/**
 * Everyone in the dataset, for a popup with no page to talk about: grouped by
 * organization or by name. Each person is a button (Tab reaches them as usual);
 * ArrowDown/ArrowUp/Home/End move between people across the groups, so the list
 * is walked without tabbing through every one.
 */
export function BrowsePeople({ details, lang, onOpen }: BrowsePeopleProps) {
  const [order, setOrder] = useState<BrowseOrder>('organization');
  const groups = useMemo(() => browseGroups(details, order, lang), [details, order, lang]);

  function onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, (i: number, n: number) => number> = {
      ArrowDown: (i, n) => Math.min(i + 1, n - 1),
      ArrowUp: (i) => Math.max(i - 1, 0),
      Home: () => 0,
      End: (_, n) => n - 1,
    };
    const move = moves[event.key];
    const list = event.currentTarget as HTMLElement;
    const buttons = [...list.querySelectorAll<HTMLButtonElement>('button[data-person-id]')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (!move || at < 0) return;
    event.preventDefault();
    buttons[move(at, buttons.length)]?.focus();
  }

  return (
    <section class="tl-section tl-browse" aria-labelledby="tl-browse-heading" data-testid="browse-people">
      <div class="tl-browse-header">
        <h2 id="tl-browse-heading" class="tl-section-heading">
          {t('browseHeading', String(Object.keys(details.people).length))}
        </h2>
        <div class="tl-browse-order" role="group" aria-label={t('browseOrderLabel')}>
          {(['organization', 'name'] as const).map((value) => (
            <button
              key={value}
              type="button"
              class="tl-chip"
              aria-pressed={order === value}
              data-testid={`browse-by-${value}`}
              onClick={() => setOrder(value)}
            >
              {value === 'organization' ? t('browseByOrganization') : t('browseByName')}
            </button>
          ))}
        </div>
      </div>
      <div class="tl-browse-list" onKeyDown={onKeyDown}>
        {groups.map((group) => (
          <section key={group.key} class="tl-browse-group" aria-label={group.label ?? t('browseNoOrganization')} data-testid="browse-group">
            <h3 class="tl-browse-group-heading">{group.label ?? t('browseNoOrganization')}</h3>
            <ul class="tl-browse-people">
              {group.people.map((person) => (
                <li key={person.id}>
                  <button
                    type="button"
                    class="tl-browse-person"
                    data-person-id={person.id}
                    data-testid="browse-person"
                    onClick={() => onOpen(person.id)}
                  >
                    <span class="tl-browse-name">{listedName(person, lang)}</span>
                    <span class="tl-browse-role">{pick(person.role, lang)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
