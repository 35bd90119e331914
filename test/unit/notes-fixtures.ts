/** Shared by the notes, popup and notes-page tests: a NotesClient over the real store on fake-indexeddb. */
import { NotesDatabase } from '@/utils/notes/db';
import type { NotesClient } from '@/utils/notes/client';
import { countNotes, deleteNote, listNotes, listNotesPage, restoreNote, saveNote, type StoreOptions } from '@/utils/notes/store';
import { discardDraft, listDrafts, saveDraft } from '@/utils/notes/drafts';

export function freshDatabase(): NotesDatabase {
  return new NotesDatabase(`test-${crypto.randomUUID()}`);
}

/** What the background does for a message, minus the messaging. */
export function storeNotesClient(db: NotesDatabase, options: StoreOptions = {}): NotesClient {
  return {
    list: (query) => listNotes(db, query),
    page: (query) => listNotesPage(db, query),
    count: ({ personId }) => countNotes(db, personId),
    save: (draft) => saveNote(db, draft, options),
    remove: (id) => deleteNote(db, id),
    restore: (note) => restoreNote(db, note, options),
    drafts: {
      list: (personId) => listDrafts(db, personId),
      save: (draft) => saveDraft(db, draft),
      discard: (key) => discardDraft(db, key),
    },
  };
}
