import { expectShippedRowsKept, openShippedDatabase, SHIPPED_ROWS } from './notes-fixtures';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotesDatabase } from '@/utils/notes/db';
import { EXPORT_FORMAT, exportNotes, exportToJson, importNotes } from '@/utils/notes/import-export';
import { addFact, deleteFromPeople, listUserLayer, restoreToPeople, saveAddition, saveUserPerson } from '@/utils/people/store';
import type { PersonAdditionRecord, UserPersonRecord } from '@/utils/people/records';

const bundled = new Set(['sam-altman', 'mark-chen']);
const options = { isBundledPerson: (id: string) => bundled.has(id), now: () => 1_700_000_000_000 };
const isKnownPerson = (id: string) => bundled.has(id);

let db: NotesDatabase;
beforeEach(() => {
  db = new NotesDatabase(`people-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const pang = {
  name: { primary: 'Ruoming Pang', other: '庞若鸣' },
  aliases: [
    { text: 'Ruoming Pang', kind: 'full' as const },
    { text: '庞若鸣', kind: 'full' as const },
  ],
  org: 'Meta',
  role: 'Head of foundation models',
};

async function savedPang(): Promise<UserPersonRecord> {
  const saved = await saveUserPerson(db, pang, options);
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  return saved.record;
}

describe("the reader's people", () => {
  it('creates a person with a u- id and revision 1, and updates it from the revision it edited', async () => {
    const person = await savedPang();
    expect(person.id).toMatch(/^u-[0-9a-f-]+$/);
    expect(person).toMatchObject({ revision: 1, tags: [], facts: [] });
    const edited = await saveUserPerson(db, { ...pang, id: person.id, baseRevision: 1, tags: ['recruiting'] }, options);
    expect(edited).toMatchObject({ ok: true, record: { revision: 2, tags: ['recruiting'] } });
    const stale = await saveUserPerson(db, { ...pang, id: person.id, baseRevision: 1, role: 'old tab' }, options);
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { revision: 2 } });
  });

  it('never creates the same person twice: a new person named like one here is refused with its id', async () => {
    const person = await savedPang();
    const again = await saveUserPerson(db, { ...pang, name: { primary: 'ruoming  pang' } }, options);
    expect(again).toEqual({ ok: false, reason: 'duplicate', message: person.id });
    expect((await listUserLayer(db)).people).toHaveLength(1);
  });

  it('refuses malformed drafts with the reason, writing nothing', async () => {
    for (const bad of [
      { ...pang, aliases: [] },
      { ...pang, aliases: [{ text: 'Pang', kind: 'nickname' }] },
      { ...pang, name: { primary: '   ' } },
      { ...pang, facts: [{ id: 'f1', kind: 'role', text: 'x', addedAt: 1, source: { url: 'javascript:alert(1)', title: '' } }] },
      { ...pang, id: 'sam-altman', baseRevision: 1 },
    ]) {
      expect(await saveUserPerson(db, bad, options)).toMatchObject({ ok: false, reason: 'invalid' });
    }
    expect(await db.people.count()).toBe(0);
  });

  it('adds to a bundled person without touching the dataset, and only to a bundled person', async () => {
    const added = await saveAddition(
      db,
      { personId: 'mark-chen', aliases: [{ text: '陈信翰', kind: 'full' }], tags: ['research'] },
      options,
    );
    expect(added).toMatchObject({ ok: true, record: { id: 'mark-chen', revision: 1, facts: [] } });
    expect(await saveAddition(db, { personId: 'nobody-known', aliases: [] }, options)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await saveAddition(db, { personId: 'u-1234', aliases: [] }, options)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it("adds a sourced fact in one step, to the reader's person or to a bundled one", async () => {
    const person = await savedPang();
    const source = {
      url: 'https://news.example/pang',
      title: 'Pang leaves Apple',
      date: '2025-07-07',
      quote: 'Ruoming Pang is leaving Apple for Meta.',
    };
    expect(
      await addFact(db, person.id, { kind: 'move', text: 'Apple → Meta', org: 'Meta', when: '2025-07', source }, options),
    ).toMatchObject({
      ok: true,
      record: { revision: 2, facts: [{ kind: 'move', source, addedAt: 1_700_000_000_000 }] },
    });
    expect(await addFact(db, 'sam-altman', { kind: 'role', text: 'CEO', source }, options)).toMatchObject({
      ok: true,
      record: { id: 'sam-altman', revision: 1, facts: [{ kind: 'role', text: 'CEO' }] },
    });
  });

  it('deletes to the trash and undoes the delete with everything back', async () => {
    const person = await savedPang();
    const deleted = await deleteFromPeople(db, person.id, options);
    expect(deleted?.entry).toEqual({ kind: 'person', record: person });
    expect(await db.people.count()).toBe(0);
    expect(await restoreToPeople(db, person.id)).toEqual(person);
    expect(await db.people.get(person.id)).toEqual(person);
    expect(await restoreToPeople(db, person.id)).toBeNull();
  });
});

describe('version 5 (opened as the current version)', () => {
  it('opens a database written by version 4 with every table and row kept, and empty people tables', async () => {
    const current = await openShippedDatabase(4);
    expect(current.verno).toBe(6);
    await expectShippedRowsKept(current, 4);
    const note = SHIPPED_ROWS.notes;
    expect([await current.people.count(), await current.additions.count(), await current.peopleTrash.count()]).toEqual([0, 0, 0]);
    // The upgraded database exports everything, and a version 1 backup of it still imports as no change.
    const exported = await exportNotes(current, 10);
    expect(exported.notes).toEqual([note]);
    const v1 = JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: '2020-01-01T00:00:00.000Z', notes: [note] });
    expect(await importNotes(current, v1, isKnownPerson)).toMatchObject({ ok: true, unchanged: 1 });
    expect(await saveUserPerson(current, pang, options)).toMatchObject({ ok: true });
    await current.delete();
  });
});

describe('export and import of people and additions', () => {
  const addition = (over: Partial<PersonAdditionRecord> = {}): PersonAdditionRecord => ({
    id: 'mark-chen',
    aliases: [{ text: 'Chen Xinhan', kind: 'full' }],
    facts: [],
    tags: ['research'],
    createdAt: 1,
    updatedAt: 2,
    revision: 2,
    ...over,
  });

  it('exports people, additions and notes in one file; export, wipe and import bring everything back', async () => {
    const person = await savedPang();
    await db.additions.add(addition());
    await db.notes.add({ id: 'n1', personId: person.id, text: 'met at NeurIPS', createdAt: 1, updatedAt: 1, revision: 1 });
    const backup = exportToJson(await exportNotes(db, Date.UTC(2025, 0, 1)));
    const before = await exportNotes(db, 0);

    const other = new NotesDatabase(`people-wiped-${crypto.randomUUID()}`);
    const result = await importNotes(other, backup, isKnownPerson);
    expect(result).toMatchObject({ ok: true, added: 1, people: { added: 2, updated: 0, unchanged: 0, sameName: [] } });
    expect(await exportNotes(other, 0)).toEqual(before);
    // Again: no change, nothing twice.
    expect(await importNotes(other, backup, isKnownPerson)).toMatchObject({ ok: true, unchanged: 1, people: { added: 0, unchanged: 2 } });
    expect(await other.people.count()).toBe(1);
    await other.delete();
  });

  it('merges by id: the newer revision wins and the older one is kept out', async () => {
    await db.additions.add(addition({ revision: 3, tags: ['here'] }));
    const file = (a: PersonAdditionRecord) =>
      JSON.stringify({ format: EXPORT_FORMAT, version: 2, exportedAt: '2025-01-01T00:00:00.000Z', notes: [], people: [], additions: [a] });
    expect(await importNotes(db, file(addition({ revision: 2, tags: ['older'] })), isKnownPerson)).toMatchObject({
      people: { unchanged: 1 },
    });
    expect((await db.additions.get('mark-chen'))?.tags).toEqual(['here']);
    expect(await importNotes(db, file(addition({ revision: 4, tags: ['newer'] })), isKnownPerson)).toMatchObject({
      people: { updated: 1 },
    });
    expect((await db.additions.get('mark-chen'))?.tags).toEqual(['newer']);
  });

  it('does not add a person of the file who is here under another id, and moves their notes to the one here', async () => {
    const here = await savedPang();
    const twin: UserPersonRecord = { ...here, id: 'u-0000-1111' };
    const file = JSON.stringify({
      format: EXPORT_FORMAT,
      version: 2,
      exportedAt: '2025-01-01T00:00:00.000Z',
      notes: [{ id: 'n9', personId: twin.id, text: 'from the laptop', createdAt: 1, updatedAt: 1, revision: 1 }],
      people: [twin],
      additions: [],
    });
    expect(await importNotes(db, file, isKnownPerson)).toMatchObject({
      ok: true,
      added: 1,
      people: { added: 0, sameName: [{ id: twin.id, existingId: here.id }] },
    });
    expect(await db.people.count()).toBe(1);
    expect((await db.notes.get('n9'))?.personId).toBe(here.id);
  });

  it.each([
    ['a person with a dataset id', { people: [{ id: 'sam-altman' }] }, /people\.0\.id/],
    [
      'a person without names',
      { people: [{ id: 'u-1', name: { primary: 'X' }, aliases: [], facts: [], tags: [], createdAt: 1, updatedAt: 1, revision: 1 }] },
      /people\.0\.aliases/,
    ],
    ['an addition to an unknown person', { additions: [addition({ id: 'someone-else' })] }, /does not know: someone-else/],
    [
      'a source that is a script URL',
      {
        additions: [
          addition({ facts: [{ id: 'f', kind: 'role', text: 'CEO', addedAt: 1, source: { url: 'javascript:alert(1)', title: 't' } }] }),
        ],
      },
      /additions\.0\.facts\.0\.source\.url/,
    ],
    ['people that are not a list', { people: { a: 1 } }, /people/],
    ['too many people', { people: Array.from({ length: 10_001 }, () => ({})) }, /at most 10000/],
  ])('refuses %s with the reason and changes nothing', async (_, extra, reason) => {
    const person = await savedPang();
    const before = await exportNotes(db, 0);
    const file = JSON.stringify({ format: EXPORT_FORMAT, version: 2, exportedAt: '2025-01-01T00:00:00.000Z', notes: [], ...extra });
    const result = await importNotes(db, file, isKnownPerson);
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? '' : result.message).toMatch(reason);
    expect(await exportNotes(db, 0)).toEqual(before);
    expect(await db.people.get(person.id)).toEqual(person);
  });
});
