/**
 * Note records: declared once, shared by the Dexie store, the messages, the
 * import/export format and the UI.
 */

/** Longest accepted fields, in UTF-16 units. Here, not beside the zod schemas, so the content script can trim to them without bundling zod. */
export const NOTE_LIMITS = {
  text: 20_000,
  url: 4_096,
  title: 1_000,
  selection: 5_000,
  id: 100,
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
