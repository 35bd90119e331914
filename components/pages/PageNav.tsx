import { t, type MessageKey } from '@/utils/i18n';

/** Links between our reading pages; the page itself is left out. */
const PAGES: Array<[href: string, label: MessageKey, id: string]> = [
  ['/welcome.html', 'navWelcome', 'welcome'],
  ['/about.html', 'aboutLink', 'about'],
  ['/notes.html', 'navNotes', 'notes'],
  ['/explore.html', 'navExplore', 'explore'],
  ['/people.html', 'peopleAddPerson', 'people'],
  ['/options.html', 'popupOpenOptions', 'options'],
];

export function PageNav({ current }: { current: string }) {
  return (
    <nav class="tl-page-nav" aria-label={t('pageNavLabel')}>
      {PAGES.filter(([, , id]) => id !== current).map(([href, label, id]) => (
        <a key={id} href={href} data-testid={`nav-${id}`}>
          {t(label)}
        </a>
      ))}
    </nav>
  );
}
