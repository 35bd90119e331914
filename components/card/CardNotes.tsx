import { useId } from 'preact/hooks';
import { NoteList } from '@/components/notes/NoteList';
import type { NotesClient } from '@/utils/notes/client';
import type { NoteOrigin } from '@/utils/notes/records';
import { t } from '@/utils/i18n';

export interface CardNotesProps {
  personId: string;
  client: NotesClient;
  /** Where a new note is written from: this page and the selection when the card opened. */
  origin: NoteOrigin;
}

/** The user's private notes on this person: listed, added and edited in place. */
export function CardNotes({ personId, client, origin }: CardNotesProps) {
  const heading = useId();
  return (
    <section class="tl-section" aria-labelledby={heading} data-testid="card-notes">
      <h3 id={heading} class="tl-section-heading">
        {t('cardNotesHeading')}
      </h3>
      <p class="tl-muted tl-small">{t('cardNotesPrivate')}</p>
      <NoteList client={client} personId={personId} origin={origin} />
    </section>
  );
}
