/**
 * Note records: declared once, shared by the Dexie store, the messages, the
 * import/export format and the UI.
 */

/**
 * Longest accepted fields, in UTF-16 units, and the highest revision. Here, not
 * beside the zod schemas, so the content script can trim to them without
 * bundling zod.
 */
export const NOTE_LIMITS = {
  text: 20_000,
  url: 4_096,
  title: 1_000,
  selection: 5_000,
  id: 100,
  /**
   * The highest revision a note can have. A person saving once a second would
   * need 31 years to reach it, so only a forged file could get near it; the bound
   * keeps `revision + 1` an exact integer that every schema accepts, so one
   * imported note cannot break its next edit or every later import of a backup.
   */
  revision: 1_000_000_000,
} as const;

/** Where a note was written from. */
export interface NoteOrigin {
  url: string;
  title: string;
  /** The text the user had selected on that page, if any. */
  selection?: string;
}

export interface NoteRecord {
  /** A random UUID, stable across export and import. */
  id: string;
  personId: string;
  text: string;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** Incremented on every write; a write based on an older revision is a conflict. */
  revision: number;
  origin?: NoteOrigin;
}

/** What an editor sends to create (no id) or update (id + the revision it edited) a note. */
export interface NoteDraft {
  id?: string;
  personId: string;
  text: string;
  baseRevision?: number;
  origin?: NoteOrigin;
}

export type SaveNoteResult =
  | { ok: true; note: NoteRecord }
  /** The note changed elsewhere since `baseRevision`: nothing was written; `current` is what is stored now. */
  | { ok: false; reason: 'conflict'; current: NoteRecord }
  | { ok: false; reason: 'missing' | 'invalid'; message: string };

/**
 * Text typed into an editor and not saved yet, kept so nothing typed is lost
 * when the card closes (a click on the page, a navigation, a crash) and shown
 * again when the editor reopens. One per editor: see `draftKey`.
 */
export interface EditorDraft {
  key: string;
  personId: string;
  /** Set when the draft edits an existing note. */
  noteId?: string;
  /** The revision the edit started from, for the store's conflict check when it is saved. */
  baseRevision?: number;
  text: string;
  updatedAt: number;
}

/** What an editor sends to keep its text: the draft without its key and time, which the store sets. */
export type EditorDraftInput = Omit<EditorDraft, 'key' | 'updatedAt'>;

/** The new-note editor's draft for a person is `new:<personId>`; an edit's is the note's id (ids never hold a colon). */
export function draftKey(draft: { personId: string; noteId?: string }): string {
  return draft.noteId ?? `new:${draft.personId}`;
}

/** Where a page of one person's notes ends: the last note's sort key (updatedAt, then id), so notes that share a time are neither skipped nor repeated. */
export interface NotesCursor {
  updatedAt: number;
  id: string;
}

/** One person's notes (every note without a person) newest first, `limit` at a time; `after` continues from a page's `next`. */
export interface NotesPageQuery {
  personId?: string;
  limit: number;
  after?: NotesCursor;
}

export interface NotesPage {
  notes: NoteRecord[];
  /** Where the next page starts; null when this page holds the oldest note. */
  next: NotesCursor | null;
}
