/**
 * How note UIs reach the store. The editor and list take a NotesClient rather
 * than calling the messenger themselves, so the same components work in the
 * card's notes frame, the popup and the notes page, and component tests can
 * hand them an in-memory store.
 */
import { backgroundMessenger } from '@/utils/messaging';
import type { SaveDraftResult } from '@/utils/notes/drafts';
import type {
  EditorDraft,
  EditorDraftInput,
  NoteDraft,
  NoteRecord,
  NotesPage,
  NotesPageQuery,
  SaveNoteResult,
} from '@/utils/notes/records';

export interface NotesClient {
  list(query: { personId?: string }): Promise<NoteRecord[]>;
  /** One page of a person's notes, newest first. */
  page(query: NotesPageQuery): Promise<NotesPage>;
  count(query: { personId: string }): Promise<number>;
  /** One page of a person's notes, newest first. */
  page(query: NotesPageQuery): Promise<NotesPage>;
  count(query: { personId: string }): Promise<number>;
  save(draft: NoteDraft): Promise<SaveNoteResult>;
  /** Deletes and returns the note (null if it was already gone), so the caller can offer undo. */
  remove(id: string): Promise<NoteRecord | null>;
  restore(note: NoteRecord): Promise<NoteRecord>;
  /** Unsaved editor text, kept as it is typed. */
  drafts: DraftsClient;
}

export interface DraftsClient {
  list(personId: string): Promise<EditorDraft[]>;
  save(draft: EditorDraftInput): Promise<SaveDraftResult>;
  discard(key: string): Promise<void>;
}

/** Our top-level pages (popup, notes page): typed messages to the background, which owns the database. */
export const messengerNotesClient: NotesClient = {
  list: (query) => backgroundMessenger.sendMessage('listNotes', query),
  page: (query) => backgroundMessenger.sendMessage('listNotesPage', query),
  count: (query) => backgroundMessenger.sendMessage('countNotes', query),
  save: (draft) => backgroundMessenger.sendMessage('saveNote', draft),
  remove: (id) => backgroundMessenger.sendMessage('deleteNote', { id }),
  restore: (note) => backgroundMessenger.sendMessage('restoreNote', note),
  drafts: {
    list: (personId) => backgroundMessenger.sendMessage('listDrafts', { personId }),
    save: (draft) => backgroundMessenger.sendMessage('saveDraft', draft),
    discard: (key) => backgroundMessenger.sendMessage('discardDraft', { key }),
  },
};

/**
 * The card's notes frame: the same operations through its note session. The
 * background answers only for the session's person, whatever is asked.
 */
export function sessionNotesClient(sessionId: string): NotesClient {
  return {
    list: () => backgroundMessenger.sendMessage('frameListNotes', { sessionId }),
    page: (query) => backgroundMessenger.sendMessage('frameListNotesPage', { sessionId, query }),
    count: () => backgroundMessenger.sendMessage('frameCountNotes', { sessionId }),
    save: (draft) => backgroundMessenger.sendMessage('frameSaveNote', { sessionId, draft }),
    remove: (id) => backgroundMessenger.sendMessage('frameDeleteNote', { sessionId, id }),
    restore: (note) => backgroundMessenger.sendMessage('frameRestoreNote', { sessionId, note }),
    drafts: {
      list: () => backgroundMessenger.sendMessage('frameListDrafts', { sessionId }),
      save: (draft) => backgroundMessenger.sendMessage('frameSaveDraft', { sessionId, draft }),
      discard: (key) => backgroundMessenger.sendMessage('frameDiscardDraft', { sessionId, key }),
    },
  };
}
