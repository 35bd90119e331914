/**
 * The background's note message handlers. Each is an async function (a native
 * promise, whatever Dexie returns inside) and answers only after its
 * transaction committed. The database connection is the only thing kept
 * between messages, and it holds no state of its own.
 */
import { backgroundMessenger } from '@/utils/messaging';
import { NotesDatabase } from '@/utils/notes/db';
import { countNotes, deleteNote, listNotes, listNotesPage, restoreNote, saveNote, type StoreOptions } from '@/utils/notes/store';

export function registerNotesHandlers(isKnownPerson: (personId: string) => boolean, db = new NotesDatabase()): void {
  const options: StoreOptions = { isKnownPerson };
  backgroundMessenger.onMessage('listNotes', async ({ data }) => listNotes(db, data ?? {}));
  backgroundMessenger.onMessage('listNotesPage', async ({ data }) => listNotesPage(db, data));
  backgroundMessenger.onMessage('countNotes', async ({ data }) => countNotes(db, String(data?.personId ?? '')));
  backgroundMessenger.onMessage('saveNote', async ({ data }) => saveNote(db, data, options));
  backgroundMessenger.onMessage('deleteNote', async ({ data }) => deleteNote(db, String(data?.id ?? '')));
  backgroundMessenger.onMessage('restoreNote', async ({ data }) => restoreNote(db, data, options));
}
