/**
 * How note UIs reach the store. The editor and list take a NotesClient rather
 * than calling the messenger themselves, so the same components work in the
 * content-script card, the popup and the notes page, and component tests can
 * hand them an in-memory store.
 */
import { backgroundMessenger } from '@/utils/messaging';
import type { NoteDraft, NoteRecord, NotesPage, NotesPageQuery, SaveNoteResult } from '@/utils/notes/records';

export interface NotesClient {
  list(query: { personId?: string }): Promise<NoteRecord[]>;
  /** One page of a person's notes, newest first. */
  page(query: NotesPageQuery): Promise<NotesPage>;
  count(query: { personId: string }): Promise<number>;
  save(draft: NoteDraft): Promise<SaveNoteResult>;
  /** Deletes and returns the note (null if it was already gone), so the caller can offer undo. */
  remove(id: string): Promise<NoteRecord | null>;
  restore(note: NoteRecord): Promise<NoteRecord>;
}

/** The client every extension context uses: typed messages to the background, which owns the database. */
export const messengerNotesClient: NotesClient = {
  list: (query) => backgroundMessenger.sendMessage('listNotes', query),
  page: (query) => backgroundMessenger.sendMessage('listNotesPage', query),
  count: (query) => backgroundMessenger.sendMessage('countNotes', query),
  save: (draft) => backgroundMessenger.sendMessage('saveNote', draft),
  remove: (id) => backgroundMessenger.sendMessage('deleteNote', { id }),
  restore: (note) => backgroundMessenger.sendMessage('restoreNote', note),
};
