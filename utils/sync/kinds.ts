/**
 * The kinds of record that sync, each described once: how to list, read,
 * write and delete it in the notes database, how to check one that arrives,
 * and what to do when two machines changed it at once. A new kind is one more
 * entry in `SYNC_KINDS`; the engine needs nothing else.
 */
import { z } from 'zod';
import { PersonId } from '@/data/schema';
import type { NotesDatabase } from '@/utils/notes/db';
import type { NoteRecord } from '@/utils/notes/records';
import { NoteRecordSchema } from '@/utils/notes/validation';
import { deleteNote } from '@/utils/notes/store';
import { REJECTION_LIMITS, rejectionId, type RejectionRecord } from '@/utils/notes/rejections';
import type { PersonAdditionRecord, UserPersonRecord } from '@/utils/people/records';
import { PersonAdditionSchema, UserPersonSchema } from '@/utils/people/validation';
import { deleteFromPeople } from '@/utils/people/store';
import { recordDigest } from './wire';

/** What a kind keeps when the same record was changed on two machines at once and both versions differ. */
export interface ConcurrentResolution<T> {
  winner: 'local' | 'remote';
  /** The losing version, under a new id, so it is kept and shown; none when nothing of it would be lost. */
  keep?: T;
}

export interface SyncKind<T> {
  /** The kind's name in sync keys: short, lower case, never renamed. */
  name: string;
  /** The notes database's tables it lives in: a change there calls for a reconcile. */
  tables: readonly string[];
  list(db: NotesDatabase): Promise<T[]>;
  get(db: NotesDatabase, id: string): Promise<T | undefined>;
  idOf(record: T): string;
  /** The record's own time (last edit), to sync the newest first when room runs out. */
  timeOf(record: T): number;
  /** Whose record it is (a person id), to name it when it does not sync. */
  labelOf(record: T): string;
  /** Checks a record from sync storage; null when it is not a valid record of this kind. */
  parse(value: unknown): T | null;
  /** Writes a record from another machine. */
  put(db: NotesDatabase, record: T, now: number): Promise<void>;
  /** Applies another machine's deletion. */
  remove(db: NotesDatabase, id: string, now: number): Promise<void>;
  /** Two different versions changed at once on two machines (both `local` and `remote` exist). */
  resolve(local: T, remote: T, machines: { local: string; remote: string }): ConcurrentResolution<T>;
}

/** The id of the kept copy of a note that lost a concurrent edit: the same on every machine, so the copies converge. */
export function conflictCopyId(note: NoteRecord): string {
  return `${note.id.slice(0, 60)}-c${recordDigest(note)}`;
}

export const noteKind: SyncKind<NoteRecord> = {
  name: 'note',
  tables: ['notes'],
  list: (db) => db.notes.toArray(),
  get: (db, id) => db.notes.get(id),
  idOf: (note) => note.id,
  timeOf: (note) => note.updatedAt,
  labelOf: (note) => note.personId,
  parse: (value) => {
    const parsed = NoteRecordSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  },
  // Arriving notes replace the local one; a note brought back on another machine is no longer deleted here.
  put: (db, note) =>
    db.transaction('rw', db.notes, db.tombstones, db.trash, async () => {
      await db.notes.put(note);
      await db.tombstones.delete(note.id);
      await db.trash.delete(note.id);
    }),
  // Through the trash, as a delete here is: restorable for 30 days, and remembered by a tombstone.
  remove: async (db, id, now) => {
    await deleteNote(db, id, { now: () => now });
  },
  // The higher revision wins (then the later edit, then the machine id, so every machine picks the same);
  // the other is kept as a new note of the same person, so it shows in their list beside the winner.
  resolve: (local, remote, machines) => {
    const order =
      local.revision - remote.revision ||
      local.updatedAt - remote.updatedAt ||
      (machines.local < machines.remote ? -1 : machines.local > machines.remote ? 1 : 0) ||
      (recordDigest(local) < recordDigest(remote) ? -1 : 1);
    const loser = order > 0 ? remote : local;
    return { winner: order > 0 ? 'local' : 'remote', keep: { ...loser, id: conflictCopyId(loser) } };
  },
};

const RejectionSchema: z.ZodType<RejectionRecord> = z
  .object({
    id: z.string().min(1).max(2_000),
    site: z.string().min(1).max(1_000),
    personId: PersonId,
    aliasText: z.string().min(1).max(REJECTION_LIMITS.aliasText),
    createdAt: z.number().int().nonnegative(),
  })
  .refine((r) => r.id === rejectionId(r.site, r), 'the id does not match the site, person and name');

export const rejectionKind: SyncKind<RejectionRecord> = {
  name: 'rejection',
  tables: ['rejections'],
  list: (db) => db.rejections.toArray(),
  get: (db, id) => db.rejections.get(id),
  idOf: (rejection) => rejection.id,
  timeOf: (rejection) => rejection.createdAt,
  labelOf: (rejection) => rejection.personId,
  parse: (value) => {
    const parsed = RejectionSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  },
  put: async (db, rejection) => {
    await db.rejections.put(rejection);
  },
  remove: async (db, id) => {
    await db.rejections.delete(id);
  },
  // A rejection is its id (site, person, name) and a date: two versions differ only in when each was made. The earlier stays.
  resolve: (local, remote) => ({ winner: local.createdAt <= remote.createdAt ? 'local' : 'remote' }),
};

/**
 * The newer of two versions of a person or an addition: the higher revision, then the later edit,
 * then the machine id, so every machine picks the same. The other is not kept as a copy: a second
 * record of one person would be the duplicate the store refuses; its facts are in the winner when
 * they were written before the other machine's edit, and otherwise lost to the later edit, as in a
 * two-tab edit of the same person.
 */
function newerLayer<T extends { revision: number; updatedAt: number }>(
  local: T,
  remote: T,
  machines: { local: string; remote: string },
): ConcurrentResolution<T> {
  const order =
    local.revision - remote.revision ||
    local.updatedAt - remote.updatedAt ||
    (machines.local < machines.remote ? -1 : machines.local > machines.remote ? 1 : 0) ||
    (recordDigest(local) < recordDigest(remote) ? -1 : 1);
  return { winner: order > 0 ? 'local' : 'remote' };
}

/** The reader's own people (issue 16): deleted through the people trash, as a delete here is. */
export const userPersonKind: SyncKind<UserPersonRecord> = {
  name: 'person',
  tables: ['people'],
  list: (db) => db.people.toArray(),
  get: (db, id) => db.people.get(id),
  idOf: (person) => person.id,
  timeOf: (person) => person.updatedAt,
  labelOf: (person) => person.name.primary,
  parse: (value) => {
    const parsed = UserPersonSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  },
  put: (db, person) =>
    db.transaction('rw', db.people, db.peopleTrash, async () => {
      await db.people.put(person);
      await db.peopleTrash.delete(person.id);
    }),
  remove: async (db, id, now) => {
    await deleteFromPeople(db, id, { now: () => now });
  },
  resolve: newerLayer,
};

/** The reader's additions over bundled people (issue 16). */
export const personAdditionKind: SyncKind<PersonAdditionRecord> = {
  name: 'addition',
  tables: ['additions'],
  list: (db) => db.additions.toArray(),
  get: (db, id) => db.additions.get(id),
  idOf: (addition) => addition.id,
  timeOf: (addition) => addition.updatedAt,
  labelOf: (addition) => addition.id,
  parse: (value) => {
    const parsed = PersonAdditionSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  },
  put: (db, addition) =>
    db.transaction('rw', db.additions, db.peopleTrash, async () => {
      await db.additions.put(addition);
      await db.peopleTrash.delete(addition.id);
    }),
  remove: async (db, id, now) => {
    await deleteFromPeople(db, id, { now: () => now });
  },
  resolve: newerLayer,
};

/** A kind with its record type erased, as the engine holds them (it only passes a kind's records back to that kind). */
export type AnySyncKind = SyncKind<unknown>;
const erased = <T>(kind: SyncKind<T>) => kind as unknown as AnySyncKind;

/** Every kind that syncs. */
export const SYNC_KINDS: readonly AnySyncKind[] = [
  erased(noteKind),
  erased(rejectionKind),
  erased(userPersonKind),
  erased(personAdditionKind),
];
