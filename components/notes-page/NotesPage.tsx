import { t } from '@/utils/i18n';

/** The notes and settings page. Skeleton. */
export function NotesPage() {
  return (
    <main>
      <h1>{t('notesPageTitle')}</h1>
    </main>
  );
}
