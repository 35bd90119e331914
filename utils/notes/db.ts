/**
 * The notes database, in the extension's own origin (background and extension
 * pages; never a content script, whose IndexedDB belongs to the website).
 *
 * Every version ever shipped stays declared here, so Dexie can upgrade a
 * profile from any of them.
 */
import Dexie, { type Table } from 'dexie';
import type { EditorDraft, NoteOrigin, NoteRecord } from '@/utils/notes/records';
import type { RejectionRecord } from '@/utils/notes/rejections';
import type { PersonAdditionRecord, TrashedPeopleEntry, UserPersonRecord } from '@/utils/people/records';

export const NOTES_DB_NAME = 'talent-lens-notes';

/** Version 1's note shape: kept only so the upgrade can read it. */
export interface NoteRecordV1 {
  id: string;
  person: string;
  body: string;
  /** Epoch milliseconds. */
  created: number;
  page?: { url: string; title?: string; quote?: string };
}

/** A deleted note, kept so an undo works even after the service worker was stopped. */
export interface TrashedNote {
  id: string;
  deletedAt: number;
  note: NoteRecord;
}

/**
 * That a note was deleted, and at which revision: what keeps an older export
 * (or, later, another machine) from bringing it back unannounced. Small and
 * kept after the trash has been emptied.
 */
export interface NoteTombstone {
  id: string;
  personId: string;
  /** The revision the note had when it was deleted. */
  revision: number;
  deletedAt: number;
}

/**
 * What this machine last agreed with the browser's sync storage about one
 * record (utils/sync/engine.ts): the version it pushed or pulled, so a local
 * edit since then, another machine's later version and a concurrent one can be
 * told apart. One row per synced record, keyed by its header key in sync storage.
 */
export interface SyncBaseRecord {
  key: string;
  kind: string;
  id: string;
  /** The version vector: how many versions each machine wrote. */
  versions: Record<string, number>;
  /** The machine that wrote this version. */
  writer: string;
  /** Digest of the record's canonical JSON, or of a deletion. */
  hash: string;
  deleted: boolean;
  /** Epoch ms of the version (the record's time or the deletion's). */
  at: number;
  /** Set when this version (a merge of two) still has to be written to sync storage. */
  unsent?: boolean;
}

export class NotesDatabase extends Dexie {
  notes!: Table<NoteRecord, string>;
  trash!: Table<TrashedNote, string>;
  tombstones!: Table<NoteTombstone, string>;
  drafts!: Table<EditorDraft, string>;
  rejections!: Table<RejectionRecord, string>;
  syncBase!: Table<SyncBaseRecord, string>;
  people!: Table<UserPersonRecord, string>;
  additions!: Table<PersonAdditionRecord, string>;
  peopleTrash!: Table<TrashedPeopleEntry, string>;

  constructor(name = NOTES_DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({ notes: 'id, person, created' });
    this.version(2)
      .stores({ notes: 'id, personId, updatedAt', trash: 'id, deletedAt' })
      .upgrade((tx) =>
        tx
          .table('notes')
          .toCollection()
          .modify((old: NoteRecordV1, ref: { value: unknown }) => {
            ref.value = upgradeV1Note(old);
          }),
      );
    // 3: one person's notes newest first straight from an index (a card with thousands of notes reads
    // only the first page), deletions remembered, and unsaved editor text.
    this.version(3).stores({
      notes: 'id, personId, updatedAt, [personId+updatedAt]',
      trash: 'id, deletedAt',
      tombstones: 'id, deletedAt',
      drafts: 'key, personId',
    });
    // 4: "Not this person" choices, by site (a page asks for its own site's) and date (the notes page
    // lists them newest first). A new table only: every v3 table and row is kept as it is.
    this.version(4).stores({
      notes: 'id, personId, updatedAt, [personId+updatedAt]',
      trash: 'id, deletedAt',
      tombstones: 'id, deletedAt',
      drafts: 'key, personId',
      rejections: 'id, site, createdAt',
    });
    // 5: the reader's own people and their additions to bundled people (utils/people/records.ts), and
    // their trash for undo. New tables only: every v4 table and row is kept as it is.
    this.version(5).stores({
      notes: 'id, personId, updatedAt, [personId+updatedAt]',
      trash: 'id, deletedAt',
      tombstones: 'id, deletedAt',
      drafts: 'key, personId',
      rejections: 'id, site, createdAt',
      people: 'id, updatedAt',
      additions: 'id, updatedAt',
      peopleTrash: 'id, deletedAt',
    });
    // 6 (5 is the reader's own people, issue 16): what was last synced of each record. Only the new
    // table is named: Dexie keeps every table an earlier version declared, with its rows.
    this.version(6).stores({ syncBase: 'key' });
  }
}

/** Version 1 → current: renamed fields, a first revision, and the page as the note's origin. */
export function upgradeV1Note(old: NoteRecordV1): NoteRecord {
  const created = typeof old.created === 'number' && Number.isFinite(old.created) ? old.created : Date.now();
  const note: NoteRecord = {
    id: String(old.id),
    personId: String(old.person),
    text: typeof old.body === 'string' ? old.body : String(old.body ?? ''),
    createdAt: created,
    updatedAt: created,
    revision: 1,
  };
  if (old.page && typeof old.page.url === 'string') {
    const origin: NoteOrigin = { url: old.page.url, title: old.page.title ?? '' };
    if (old.page.quote) origin.selection = old.page.quote;
    note.origin = origin;
  }
  return note;
}
