/** Shared by the notes, popup and notes-page tests: a NotesClient over the real store on fake-indexeddb. */
import Dexie from 'dexie';
import { expect } from 'vitest';
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

/** The notes database's schemas as they shipped, for migration tests (utils/notes/db.ts declares the later ones). */
const SHIPPED_SCHEMAS = {
  3: {
    notes: 'id, personId, updatedAt, [personId+updatedAt]',
    trash: 'id, deletedAt',
    tombstones: 'id, deletedAt',
    drafts: 'key, personId',
  },
  4: {
    notes: 'id, personId, updatedAt, [personId+updatedAt]',
    trash: 'id, deletedAt',
    tombstones: 'id, deletedAt',
    drafts: 'key, personId',
    rejections: 'id, site, createdAt',
  },
} as const;

/** One row of every table an older version had, as it wrote them. */
export const SHIPPED_ROWS = {
  notes: {
    id: 'n1',
    personId: 'sam-altman',
    text: 'kept',
    createdAt: 1,
    updatedAt: 2,
    revision: 3,
    origin: { url: 'https://a.example/', title: 'A' },
  },
  trash: {
    id: 'n0',
    deletedAt: 5,
    note: { id: 'n0', personId: 'sam-altman', text: 'gone', createdAt: 1, updatedAt: 1, revision: 1 },
  },
  tombstones: { id: 't1', personId: 'mark-chen', revision: 4, deletedAt: 6 },
  drafts: { key: 'new:sam-altman', personId: 'sam-altman', text: 'half typed', updatedAt: 7 },
  rejections: { id: 'a.example\nsam-altman\nAltman', site: 'a.example', personId: 'sam-altman', aliasText: 'Altman', createdAt: 8 },
};

/**
 * Writes a database as `version` shipped it, one row of SHIPPED_ROWS in each of its tables, and
 * opens it with today's schema: what a reader's browser does on the update.
 */
export async function openShippedDatabase(version: keyof typeof SHIPPED_SCHEMAS): Promise<NotesDatabase> {
  const name = `notes-v${version}-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  const schema = SHIPPED_SCHEMAS[version];
  old.version(version).stores(schema);
  for (const table of Object.keys(schema) as Array<keyof typeof schema>) await old.table(table).add(SHIPPED_ROWS[table]);
  old.close();
  const current = new NotesDatabase(name);
  await current.open();
  return current;
}

/** Every row an older version wrote is still in the opened database, unchanged, and its compound index answers. */
export async function expectShippedRowsKept(db: NotesDatabase, version: keyof typeof SHIPPED_SCHEMAS): Promise<void> {
  for (const table of Object.keys(SHIPPED_SCHEMAS[version]) as Array<keyof typeof SHIPPED_ROWS>) {
    expect(await db.table(table).toArray()).toEqual([SHIPPED_ROWS[table]]);
  }
  expect(await db.notes.where('[personId+updatedAt]').equals(['sam-altman', 2]).count()).toBe(1);
}
