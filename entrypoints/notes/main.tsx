import { render } from 'preact';
import { NotesPage } from '@/components/notes-page/NotesPage';

render(<NotesPage />, document.getElementById('app')!);
