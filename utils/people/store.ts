/**
 * The reader's people and additions on a NotesDatabase (schema version 5). Like
 * the notes store: free of browser APIs apart from Dexie, every write in one
 * transaction, resolved only once it committed.
 */
import type { NotesDatabase } from '@/utils/notes/db';
import { describeIssues } from '@/utils/notes/validation';
import { byNewest } from '@/utils/notes/format';
import { TRASH_KEEP_MS } from '@/utils/notes/store';
import {
  PEOPLE_LIMITS,
  USER_PERSON_PREFIX,
  isUserPersonId,
  type PersonAdditionRecord,
  type SavePeopleResult,
  type TrashedPeopleEntry,
  type UserFact,
  type UserFactDraft,
  type UserPersonRecord,
} from '@/utils/people/records';
import { PersonAdditionDraftSchema, UserPersonDraftSchema } from '@/utils/people/validation';
import { nameKey } from '@/utils/people/names';

export interface PeopleStoreOptions {
  /** Whether the dataset has this person; an addition for anyone else is refused. */
  isBundledPerson?(personId: string): boolean;
  now?(): number;
  newId?(): string;
}

const defaults = {
  isBundledPerson: () => true,
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
} satisfies Required<PeopleStoreOptions>;

export interface UserLayerSnapshot {
  people: UserPersonRecord[];
  additions: PersonAdditionRecord[];
}

/** Everything the reader added, newest first. */
export async function listUserLayer(db: NotesDatabase): Promise<UserLayerSnapshot> {
  return db.transaction('r', db.people, db.additions, async () => ({
    people: (await db.people.toArray()).sort(byNewest),
    additions: (await db.additions.toArray()).sort(byNewest),
  }));
}

/** The reader's person whose name or full alias reads as `name`, if any (case, spaces and dots aside). */
export function findUserPersonByName(people: readonly UserPersonRecord[], name: string): UserPersonRecord | undefined {
  const key = nameKey(name);
  if (!key) return undefined;
  return people.find(
    (p) =>
      nameKey(p.name.primary) === key ||
      (p.name.other !== undefined && nameKey(p.name.other) === key) ||
      p.aliases.some((a) => a.kind === 'full' && nameKey(a.text) === key),
  );
}

/** Facts are dated by the store when they arrive without a time, and their ids made when missing. */
function stampFacts(facts: readonly UserFactDraft[] | undefined, time: number, newId: () => string): UserFact[] {
  return (facts ?? []).map((fact) => ({ ...fact, id: fact.id || newId(), addedAt: fact.addedAt || time }));
}

function tooHighRevision(revision: number): SavePeopleResult<never> | null {
  return revision >= PEOPLE_LIMITS.revision
    ? { ok: false, reason: 'invalid', message: `this record has reached the highest revision (${PEOPLE_LIMITS.revision})` }
    : null;
}

/**
 * Creates (no id) or updates (id + baseRevision) one of the reader's people. A new
 * person named like one of the reader's people is refused as `duplicate`, naming
 * that person: the form offers it instead of creating it twice.
 */
export async function saveUserPerson(
  db: NotesDatabase,
  input: unknown,
  options: PeopleStoreOptions = {},
): Promise<SavePeopleResult<UserPersonRecord>> {
  const { now, newId } = { ...defaults, ...options };
  const parsed = UserPersonDraftSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid', message: describeIssues(parsed.error) };
  const draft = parsed.data;
  return db.transaction('rw', db.people, async (): Promise<SavePeopleResult<UserPersonRecord>> => {
    const time = now();
    const fields = {
      name: draft.name,
      aliases: draft.aliases,
      tags: draft.tags ?? [],
      ...(draft.org !== undefined ? { org: draft.org } : {}),
      ...(draft.role !== undefined ? { role: draft.role } : {}),
      ...(draft.visibility !== undefined ? { visibility: draft.visibility } : {}),
    };
    if (draft.id === undefined) {
      const same = findUserPersonByName(await db.people.toArray(), draft.name.primary);
      if (same) return { ok: false, reason: 'duplicate', message: same.id };
      const record: UserPersonRecord = {
        id: `${USER_PERSON_PREFIX}${newId()}`,
        ...fields,
        facts: stampFacts(draft.facts, time, newId),
        createdAt: time,
        updatedAt: time,
        revision: 1,
      };
      await db.people.add(record);
      return { ok: true, record };
    }
    const current = await db.people.get(draft.id);
    if (!current) return { ok: false, reason: 'missing', message: 'the person was deleted' };
    const stop = tooHighRevision(current.revision);
    if (stop) return stop;
    if (draft.baseRevision !== current.revision) return { ok: false, reason: 'conflict', current };
    const record: UserPersonRecord = {
      id: current.id,
      ...fields,
      facts: draft.facts ? stampFacts(draft.facts, time, newId) : current.facts,
      createdAt: current.createdAt,
      updatedAt: Math.max(time, current.updatedAt),
      revision: current.revision + 1,
    };
    await db.people.put(record);
    return { ok: true, record };
  });
}

/** Creates or updates the reader's layer over a bundled person (baseRevision: the one edited; absent for a first one). */
export async function saveAddition(
  db: NotesDatabase,
  input: unknown,
  options: PeopleStoreOptions = {},
): Promise<SavePeopleResult<PersonAdditionRecord>> {
  const { isBundledPerson, now, newId } = { ...defaults, ...options };
  const parsed = PersonAdditionDraftSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid', message: describeIssues(parsed.error) };
  const draft = parsed.data;
  if (!isBundledPerson(draft.personId)) return { ok: false, reason: 'invalid', message: `unknown person id: ${draft.personId}` };
  return db.transaction('rw', db.additions, async (): Promise<SavePeopleResult<PersonAdditionRecord>> => {
    const time = now();
    const current = await db.additions.get(draft.personId);
    if (current) {
      const stop = tooHighRevision(current.revision);
      if (stop) return stop;
    }
    if (current && draft.baseRevision !== current.revision) return { ok: false, reason: 'conflict', current };
    const record: PersonAdditionRecord = {
      id: draft.personId,
      aliases: draft.aliases,
      facts: draft.facts ? stampFacts(draft.facts, time, newId) : (current?.facts ?? []),
      tags: draft.tags ?? current?.tags ?? [],
      ...(draft.visibility !== undefined ? { visibility: draft.visibility } : {}),
      createdAt: current?.createdAt ?? time,
      updatedAt: Math.max(time, current?.updatedAt ?? 0),
      revision: (current?.revision ?? 0) + 1,
    };
    await db.additions.put(record);
    return { ok: true, record };
  });
}

/**
 * Adds one sourced fact to a person: the reader's own, or a bundled one (whose
 * layer is created when it has none). The single step behind "Add as a source for…".
 */
export async function addFact(
  db: NotesDatabase,
  personId: string,
  fact: Omit<UserFact, 'id' | 'addedAt'>,
  options: PeopleStoreOptions = {},
): Promise<SavePeopleResult<UserPersonRecord | PersonAdditionRecord>> {
  const { now, newId } = { ...defaults, ...options };
  const stamped: UserFact = { ...fact, id: newId(), addedAt: now() };
  if (isUserPersonId(personId)) {
    const current = await db.people.get(personId);
    if (!current) return { ok: false, reason: 'missing', message: 'the person was deleted' };
    return saveUserPerson(db, { ...current, id: current.id, baseRevision: current.revision, facts: [...current.facts, stamped] }, options);
  }
  const current = await db.additions.get(personId);
  return saveAddition(
    db,
    {
      personId,
      aliases: current?.aliases ?? [],
      tags: current?.tags ?? [],
      facts: [...(current?.facts ?? []), stamped],
      ...(current ? { baseRevision: current.revision } : {}),
      ...(current?.visibility ? { visibility: current.visibility } : {}),
    },
    options,
  );
}

/** Moves a person or a bundled person's layer to the trash (for undo) and returns the entry; null when there was none. */
export async function deleteFromPeople(
  db: NotesDatabase,
  id: string,
  options: Pick<PeopleStoreOptions, 'now'> = {},
): Promise<TrashedPeopleEntry | null> {
  const now = (options.now ?? defaults.now)();
  return db.transaction('rw', db.people, db.additions, db.peopleTrash, async () => {
    await db.peopleTrash
      .where('deletedAt')
      .below(now - TRASH_KEEP_MS)
      .delete();
    const person = isUserPersonId(id) ? await db.people.get(id) : undefined;
    const addition = person ? undefined : await db.additions.get(id);
    let entry: TrashedPeopleEntry;
    if (person) {
      entry = { id, deletedAt: now, entry: { kind: 'person', record: person } };
      await db.people.delete(id);
    } else if (addition) {
      entry = { id, deletedAt: now, entry: { kind: 'addition', record: addition } };
      await db.additions.delete(id);
    } else {
      return null;
    }
    await db.peopleTrash.put(entry);
    return entry;
  });
}

/** Undoes a delete from the trash; returns what came back, or null when the trash no longer has it (or it exists again). */
export async function restoreToPeople(db: NotesDatabase, id: string): Promise<UserPersonRecord | PersonAdditionRecord | null> {
  return db.transaction('rw', db.people, db.additions, db.peopleTrash, async () => {
    const trashed = await db.peopleTrash.get(id);
    if (!trashed) return null;
    const table = trashed.entry.kind === 'person' ? db.people : db.additions;
    if (await table.get(id)) return null;
    await (trashed.entry.kind === 'person' ? db.people.add(trashed.entry.record) : db.additions.add(trashed.entry.record));
    await db.peopleTrash.delete(id);
    return trashed.entry.record;
  });
}
