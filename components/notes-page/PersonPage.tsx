import { useEffect, useMemo } from 'preact/hooks';
import type { DatasetDetails } from '@/data/schema';
import { personCard } from '@/utils/dataset/person-card';
import { NoteList } from '@/components/notes/NoteList';
import { PersonDetails } from '@/components/popup/PersonDetails';
import { cardLang } from '@/components/card/text';
import { t } from '@/utils/i18n';
import { defaultNotesPageDeps, type NotesPageDeps } from './notes-page-deps';

export interface PersonPageProps {
  details: DatasetDetails;
  personId: string;
  deps?: NotesPageDeps;
}

/**
 * One person on a whole page (notes.html?view=person&person=ID): the card's "Open in
 * popup" lands here, because the popup's 380 px column in a full tab reads as broken.
 * Everything the card says about them, and all their notes, in a centred column.
 */
export function PersonPage({ details, personId, deps = defaultNotesPageDeps }: PersonPageProps) {
  const lang = useMemo(() => cardLang(), []);
  const card = useMemo(() => personCard(details, personId), [details, personId]);
  const name = card ? (lang === 'zh' && card.person.name.zh ? card.person.name.zh : card.person.name.en) : null;
  useEffect(() => {
    document.title = name ? t('personPageTitle', name) : t('notesPageTitle');
  }, [name]);

  return (
    <div class="tl-host tl-page">
      <div class="tl-app tl-person-page" data-testid="person-page">
        <nav class="tl-page-nav" aria-label={t('pageNavLabel')}>
          <a href={`/notes.html#person-${encodeURIComponent(personId)}`} data-testid="all-notes-link">
            ← {t('personPageAllNotes')}
          </a>
          <a href="/about.html">{t('aboutLink')}</a>
        </nav>
        {card ? (
          <main class="tl-person-page-main tl-embedded">
            <PersonDetails card={card} lang={lang} headingLevel={1} />
            <section class="tl-section" aria-labelledby="tl-person-page-notes">
              <h2 id="tl-person-page-notes" class="tl-notes-heading">
                {t('popupNotesHeading')}
              </h2>
              <NoteList client={deps.notes} personId={personId} />
            </section>
          </main>
        ) : (
          <p class="tl-status-line" role="alert">
            {t('popupUnknownPerson')}
          </p>
        )}
      </div>
    </div>
  );
}
