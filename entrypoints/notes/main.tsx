import { render } from 'preact';
import { NotesPage } from '@/components/notes-page/NotesPage';
import { NOTES_PAGE_CSS } from '@/components/notes-page/notes-page-css';
import { bundledDetails } from '@/utils/search/bundled-people';

const style = document.createElement('style');
style.textContent = NOTES_PAGE_CSS;
document.head.append(style);

const initialPersonId = new URLSearchParams(location.search).get('person') ?? undefined;
render(<NotesPage details={bundledDetails} initialPersonId={initialPersonId} />, document.getElementById('app')!);
