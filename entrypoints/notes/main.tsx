import { render } from 'preact';
import { NotesPage } from '@/components/notes-page/NotesPage';
import { PersonPage } from '@/components/notes-page/PersonPage';
import { NOTES_PAGE_CSS } from '@/components/notes-page/notes-page-css';
import { bundledDetails } from '@/utils/search/bundled-people';
import { notesViewOf } from '@/utils/extension-pages';

const style = document.createElement('style');
style.textContent = NOTES_PAGE_CSS;
document.head.append(style);

const view = notesViewOf(location.search);
render(
  view.view === 'person' ? (
    <PersonPage details={bundledDetails} personId={view.personId} />
  ) : (
    <NotesPage details={bundledDetails} initialPersonId={view.personId} />
  ),
  document.getElementById('app')!,
);
