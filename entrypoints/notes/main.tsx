import { NotesPage } from '@/components/notes-page/NotesPage';
import { PersonPage } from '@/components/notes-page/PersonPage';
import { NOTES_PAGE_CSS } from '@/components/notes-page/notes-page-css';
import { mountPage } from '@/components/pages/mount';
import { bundledDetails } from '@/utils/search/bundled-people';
import { notesViewOf } from '@/utils/extension-pages';

const view = notesViewOf(location.search);
mountPage(NOTES_PAGE_CSS, () =>
  view.view === 'person' ? (
    <PersonPage details={bundledDetails} personId={view.personId} />
  ) : (
    <NotesPage details={bundledDetails} initialPersonId={view.personId} />
  ),
);
