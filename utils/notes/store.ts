/**
 * Note operations on a NotesDatabase. Free of browser APIs apart from Dexie so
 * they run in Node on fake-indexeddb.
 *
 * Every write happens inside one Dexie transaction and each function resolves
 * only after that transaction committed: whatever the caller acknowledges is on
 * disk, and nothing is held in memory between calls (a stopped service worker
 * loses nothing).
 */
import Dexie from 'dexie';
import type { NotesDatabase } from '@/utils/notes/db';
import { NOTE_LIMITS, type NoteRecord, type NotesPage, type NotesPageQuery, type SaveNoteResult } from '@/utils/notes/records';
import { describeIssues, NoteDraftSchema, NoteRecordSchema } from '@/utils/notes/validation';
import { byNewest } from '@/utils/notes/format';

export interface StoreOptions {
  /** Whether the dataset knows this person; notes for unknown ids are refused. */
  isKnownPerson?(personId: string): boolean;
  now?(): number;
  newId?(): string;
}

/** How long a deleted note can still be restored. */
export const TRASH_KEEP_MS = 30 * 24 * 60 * 60 * 1000;

const defaults = {
  isKnownPerson: () => true,
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
} satisfies Required<StoreOptions>;

export async function listNotes(db: NotesDatabase, query: { personId?: string } = {}): Promise<NoteRecord[]> {
  const notes = query.personId ? await db.notes.where('personId').equals(query.personId).toArray() : await db.notes.toArray();
  return notes.sort(byNewest);
}

/** The most notes one page may ask for: a message never carries a person's whole history. */
export const NOTES_PAGE_MAX = 500;

/**
 * One page of a person's notes in `byNewest` order, read from the
 * [personId+updatedAt] index: a person with 20,000 notes costs one short index
 * walk, not a read of the table and a sort.
 *
 * The index orders notes that share an updatedAt by id in IndexedDB's order,
 * which is not byNewest's tie order, so every group of equal times that a page
 * boundary touches is read whole and sorted here. Such groups are tiny in
 * practice (two saves in the same millisecond, or an import).
 */
export async function listNotesPage(db: NotesDatabase, query: NotesPageQuery): Promise<NotesPage> {
  const personId = typeof query?.personId === 'string' ? query.personId : undefined;
  const limit = Math.min(NOTES_PAGE_MAX, Math.max(1, Math.floor(Number(query?.limit) || 0)));
  const after = query?.after && typeof query.after.updatedAt === 'number' && typeof query.after.id === 'string' ? query.after : undefined;
  // One person's through the compound index; everyone's (the notes page's first screen) through updatedAt alone.
  const group = (updatedAt: number) =>
    (personId === undefined
      ? db.notes.where('updatedAt').equals(updatedAt)
      : db.notes.where('[personId+updatedAt]').equals([personId, updatedAt])
    ).toArray();
  const olderThan = (updatedAt: number | undefined) =>
    personId === undefined
      ? updatedAt === undefined
        ? db.notes.orderBy('updatedAt')
        : db.notes.where('updatedAt').below(updatedAt)
      : db.notes
          .where('[personId+updatedAt]')
          .between([personId, Dexie.minKey], [personId, updatedAt ?? Dexie.maxKey], true, updatedAt === undefined);

  return db.transaction('r', db.notes, async () => {
    // The rest of the cursor's own time: notes with its updatedAt that sort after it.
    const tied = after ? (await group(after.updatedAt)).filter((note) => byNewest(note, after) > 0).sort(byNewest) : [];
    const need = limit - tied.length;
    // Strictly older than the cursor's time, newest first, one more than needed: that one says whether a next page exists.
    const older = await olderThan(after?.updatedAt)
      .reverse()
      .limit(Math.max(need, 0) + 1)
      .toArray();

    let notes: NoteRecord[];
    let more: boolean;
    if (need <= 0) {
      notes = tied.slice(0, limit);
      more = tied.length > limit || older.length > 0;
    } else if (older.length > need) {
      // The page ends inside `older`: complete the time group at its end before sorting, as the index cut it by id.
      const edge = older[need - 1]!.updatedAt;
      const newer = older.filter((note) => note.updatedAt > edge);
      notes = [...tied, ...[...newer, ...(await group(edge))].sort(byNewest).slice(0, need)];
      more = true;
    } else {
      notes = [...tied, ...older.sort(byNewest)];
      more = false;
    }
    const last = notes.at(-1);
    return { notes, next: more && last ? { updatedAt: last.updatedAt, id: last.id } : null };
  });
}

/** How many notes a person has. An index count, but Chromium walks the range to count it (hundreds of ms for 20,000): ask after the first page is shown. */
export async function countNotes(db: NotesDatabase, personId: string): Promise<number> {
  return db.notes.where('personId').equals(personId).count();
}

export async function saveNote(db: NotesDatabase, input: unknown, options: StoreOptions = {}): Promise<SaveNoteResult> {
  const { isKnownPerson, now, newId } = { ...defaults, ...options };
  const parsed = NoteDraftSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid', message: describeIssues(parsed.error) };
  const draft = parsed.data;
  if (!isKnownPerson(draft.personId)) {
    return { ok: false, reason: 'invalid', message: `unknown person id: ${draft.personId}` };
  }

  return db.transaction('rw', db.notes, async (): Promise<SaveNoteResult> => {
    const time = now();
    if (draft.id === undefined) {
      const note: NoteRecord = {
        id: newId(),
        personId: draft.personId,
        text: draft.text,
        createdAt: time,
        updatedAt: time,
        revision: 1,
        ...(draft.origin ? { origin: draft.origin } : {}),
      };
      await db.notes.add(note);
      return { ok: true, note };
    }

    const current = await db.notes.get(draft.id);
    if (!current) return { ok: false, reason: 'missing', message: 'the note was deleted' };
    if (current.personId !== draft.personId) {
      return { ok: false, reason: 'invalid', message: 'a note cannot move to another person' };
    }
    // Refused rather than clamped: a revision that stopped growing would let a stale
    // editor's baseRevision match again, and its save would silently overwrite. Only a
    // record stored before revisions were bounded (a forged import) can be here; it is
    // checked before the conflict check, whose "keep mine" could never succeed on it.
    if (current.revision >= NOTE_LIMITS.revision) {
      return {
        ok: false,
        reason: 'invalid',
        message: `this note has reached the highest revision (${NOTE_LIMITS.revision}) and cannot be edited; copy its text into a new note`,
      };
    }
    // No base revision counts as stale: an update must say which version it edited.
    if (draft.baseRevision !== current.revision) return { ok: false, reason: 'conflict', current };

    const note: NoteRecord = {
      ...current,
      text: draft.text,
      updatedAt: Math.max(time, current.updatedAt),
      revision: current.revision + 1,
    };
    await db.notes.put(note);
    return { ok: true, note };
  });
}

/**
 * Moves the note to the trash (for undo) and returns it; null when there was no such note.
 * Also leaves a tombstone, in the same transaction, so an export made before the
 * delete cannot bring the note back unannounced once the trash is emptied.
 */
export async function deleteNote(db: NotesDatabase, id: string, options: Pick<StoreOptions, 'now'> = {}): Promise<NoteRecord | null> {
  const now = (options.now ?? defaults.now)();
  return db.transaction('rw', db.notes, db.trash, db.tombstones, async () => {
    const note = await db.notes.get(id);
    await db.trash
      .where('deletedAt')
      .below(now - TRASH_KEEP_MS)
      .delete();
    if (!note) return null;
    await db.notes.delete(id);
    await db.trash.put({ id, deletedAt: now, note });
    await db.tombstones.put({ id, personId: note.personId, revision: note.revision, deletedAt: now });
    return note;
  });
}

/**
 * Undoes a delete, and forgets the tombstone: the note is wanted again. The
 * trashed copy wins over what the caller sends (it is the record as it was
 * stored); the caller's copy is used, once validated, only if the trash no
 * longer has it. Restoring a note that exists returns it as stored.
 */
export async function restoreNote(db: NotesDatabase, input: unknown, options: StoreOptions = {}): Promise<NoteRecord> {
  const { isKnownPerson } = { ...defaults, ...options };
  const parsed = NoteRecordSchema.safeParse(input);
  if (!parsed.success) throw new Error(`cannot restore note: ${describeIssues(parsed.error)}`);
  const sent = parsed.data;

  return db.transaction('rw', db.notes, db.trash, db.tombstones, async () => {
    const existing = await db.notes.get(sent.id);
    if (existing) return existing;
    const note = (await db.trash.get(sent.id))?.note ?? sent;
    if (!isKnownPerson(note.personId)) throw new Error(`cannot restore note: unknown person id ${note.personId}`);
    await db.notes.add(note);
    await db.trash.delete(note.id);
    await db.tombstones.delete(note.id);
    return note;
  });
}
