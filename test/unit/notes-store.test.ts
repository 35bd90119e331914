import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { NotesDatabase, type NoteRecordV1 } from '@/utils/notes/db';
import { deleteNote, listNotes, restoreNote, saveNote, TRASH_KEEP_MS } from '@/utils/notes/store';
import { NOTE_LIMITS, type NoteRecord } from '@/utils/notes/records';

const known = new Set(['sam-altman', 'trapit-bansal']);
const isKnownPerson = (id: string) => known.has(id);

let db: NotesDatabase;
let clock = 1_000;
let ids = 0;
const options = { isKnownPerson, now: () => clock, newId: () => `note-${++ids}` };

beforeEach(() => {
  db = new NotesDatabase(`notes-store-${crypto.randomUUID()}`);
  clock = 1_000;
});
afterEach(async () => {
  await db.delete();
});

async function create(text: string, personId = 'sam-altman'): Promise<NoteRecord> {
  const result = await saveNote(db, { personId, text, origin: { url: 'https://a.example/x', title: 'A', selection: 'Altman' } }, options);
  if (!result.ok) throw new Error(`save failed: ${JSON.stringify(result)}`);
  return result.note;
}

describe('saving notes', () => {
  it('creates a note with revision 1, timestamps and origin, and lists it per person, newest first', async () => {
    const first = await create('first');
    clock = 2_000;
    const second = await create('second');
    await create('other person', 'trapit-bansal');
    expect(first).toMatchObject({ personId: 'sam-altman', text: 'first', revision: 1, createdAt: 1_000, updatedAt: 1_000 });
    expect(first.origin).toEqual({ url: 'https://a.example/x', title: 'A', selection: 'Altman' });
    expect((await listNotes(db, { personId: 'sam-altman' })).map((n) => n.id)).toEqual([second.id, first.id]);
    expect(await listNotes(db)).toHaveLength(3);
  });

  it('updates a note based on its current revision and bumps the revision', async () => {
    const note = await create('v1');
    clock = 5_000;
    const result = await saveNote(db, { id: note.id, personId: note.personId, text: 'v2', baseRevision: 1 }, options);
    expect(result).toMatchObject({ ok: true, note: { id: note.id, text: 'v2', revision: 2, createdAt: 1_000, updatedAt: 5_000 } });
    expect(await db.notes.get(note.id)).toMatchObject({ text: 'v2', revision: 2 });
  });

  it('refuses a save based on a stale revision as a conflict, returns what is stored and writes nothing', async () => {
    const note = await create('original');
    // Tab A saves first…
    const a = await saveNote(db, { id: note.id, personId: note.personId, text: 'from tab A', baseRevision: 1 }, options);
    expect(a.ok).toBe(true);
    // …tab B still edits revision 1.
    const b = await saveNote(db, { id: note.id, personId: note.personId, text: 'from tab B', baseRevision: 1 }, options);
    expect(b).toMatchObject({ ok: false, reason: 'conflict', current: { text: 'from tab A', revision: 2 } });
    expect(await db.notes.get(note.id)).toMatchObject({ text: 'from tab A', revision: 2 });
    // Keeping B's text means saving again on top of the revision B was shown.
    const kept = await saveNote(db, { id: note.id, personId: note.personId, text: 'from tab B', baseRevision: 2 }, options);
    expect(kept).toMatchObject({ ok: true, note: { text: 'from tab B', revision: 3 } });
  });

  it('treats an update without a base revision as a conflict', async () => {
    const note = await create('x');
    expect(await saveNote(db, { id: note.id, personId: note.personId, text: 'y' }, options)).toMatchObject({
      ok: false,
      reason: 'conflict',
    });
  });

  it('rejects invalid drafts and unknown people without writing', async () => {
    expect(await saveNote(db, { personId: 'sam-altman', text: '   ' }, options)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await saveNote(db, { personId: 'nobody', text: 'hi' }, options)).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: expect.stringContaining('nobody'),
    });
    expect(await saveNote(db, { personId: 'sam-altman', text: 'x'.repeat(20_001) }, options)).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    expect(await saveNote(db, { personId: 'sam-altman', text: 42 }, options)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await saveNote(db, null, options)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await db.notes.count()).toBe(0);
  });

  it('reports an update of a deleted note as missing, and refuses moving a note to another person', async () => {
    const note = await create('x');
    expect(await saveNote(db, { id: note.id, personId: 'trapit-bansal', text: 'y', baseRevision: 1 }, options)).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    await deleteNote(db, note.id);
    expect(await saveNote(db, { id: note.id, personId: note.personId, text: 'y', baseRevision: 1 }, options)).toMatchObject({
      ok: false,
      reason: 'missing',
    });
  });

  it('never produces a revision above NOTE_LIMITS.revision: the last edit is refused in plain words, not clamped', async () => {
    const last = NOTE_LIMITS.revision;
    const note = { id: 'worn', personId: 'sam-altman', text: 'v', createdAt: 1, updatedAt: 1, revision: last - 1 };
    await db.notes.add(note);
    expect(await saveNote(db, { id: 'worn', personId: 'sam-altman', text: 'at the limit', baseRevision: last - 1 }, options)).toMatchObject(
      { ok: true, note: { revision: last } },
    );
    const refused = await saveNote(db, { id: 'worn', personId: 'sam-altman', text: 'past it', baseRevision: last }, options);
    expect(refused).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: expect.stringMatching(/highest revision .* copy its text into a new note/),
    });
    expect(await db.notes.get('worn')).toMatchObject({ text: 'at the limit', revision: last });
    // A record stored before the bound existed (a forged import) is refused the same way, not pushed past 2^53.
    await db.notes.put({ ...note, id: 'forged', revision: Number.MAX_SAFE_INTEGER });
    expect(await saveNote(db, { id: 'forged', personId: 'sam-altman', text: 'edit', baseRevision: 1 }, options)).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    expect((await db.notes.get('forged'))?.revision).toBe(Number.MAX_SAFE_INTEGER);
    // A draft cannot claim a base revision past the bound either.
    expect(await saveNote(db, { id: 'worn', personId: 'sam-altman', text: 'x', baseRevision: last + 1 }, options)).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: expect.stringContaining(`baseRevision: a revision is at most ${last}`),
    });
  });

  it('keeps HTML in note text as literal text', async () => {
    const html = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const note = await create(html);
    expect((await db.notes.get(note.id))?.text).toBe(html);
  });

  it('acknowledges only what a new connection reads back (nothing lives in memory)', async () => {
    const note = await create('durable');
    const other = new NotesDatabase(db.name);
    expect(await other.notes.get(note.id)).toEqual(note);
    other.close();
  });
});

describe('delete and undo', () => {
  it('deletes a note into the trash and restores it as it was stored', async () => {
    const note = await create('keep me');
    const deleted = await deleteNote(db, note.id, { now: () => 9_000 });
    expect(deleted).toEqual(note);
    expect(await listNotes(db)).toEqual([]);
    // The stored copy wins over a tampered one sent by the caller.
    const restored = await restoreNote(db, { ...note, text: 'tampered' }, options);
    expect(restored).toEqual(note);
    expect(await listNotes(db)).toEqual([note]);
    expect(await db.trash.count()).toBe(0);
  });

  it('leaves a tombstone with the deleted revision, which undo removes and a new note never meets', async () => {
    const note = await create('v1');
    await saveNote(db, { id: note.id, personId: note.personId, text: 'v2', baseRevision: 1 }, options);
    await deleteNote(db, note.id, { now: () => 9_000 });
    expect(await db.tombstones.toArray()).toEqual([{ id: note.id, personId: 'sam-altman', revision: 2, deletedAt: 9_000 }]);
    // A new note gets a new id, so a tombstone never stands in its way.
    const fresh = await create('a new note');
    expect(fresh.id).not.toBe(note.id);
    expect(await db.tombstones.count()).toBe(1);
    await restoreNote(db, note, options);
    expect(await db.tombstones.count()).toBe(0);
    // Deleting something that is not there leaves no tombstone.
    await deleteNote(db, 'nope');
    expect(await db.tombstones.count()).toBe(0);
  });

  it('writes the tombstone in the trash entry’s transaction: a failed delete leaves neither', async () => {
    const note = await create('stays');
    db.tombstones.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(deleteNote(db, note.id)).rejects.toThrow(/disk full/);
    expect(await db.notes.get(note.id)).toEqual(note);
    expect(await db.trash.count()).toBe(0);
    expect(await db.tombstones.count()).toBe(0);
  });

  it('returns null deleting a missing note, and restoring twice does not duplicate', async () => {
    expect(await deleteNote(db, 'nope')).toBeNull();
    const note = await create('once');
    await deleteNote(db, note.id);
    await restoreNote(db, note, options);
    await restoreNote(db, note, options);
    expect(await db.notes.count()).toBe(1);
  });

  it('restores from the caller’s copy once the trash was purged, validating it', async () => {
    const note = await create('old');
    await deleteNote(db, note.id, { now: () => 0 });
    await deleteNote(db, 'unrelated', { now: () => TRASH_KEEP_MS + 1 }); // purges the old trash entry
    expect(await db.trash.count()).toBe(0);
    expect(await restoreNote(db, note, options)).toEqual(note);
    await expect(restoreNote(db, { ...note, id: 'x2', personId: 'nobody' }, options)).rejects.toThrow(/unknown person/);
    await expect(restoreNote(db, { id: 'x3' }, options)).rejects.toThrow(/cannot restore/);
  });
});

describe('schema upgrade', () => {
  it('migrates a version 1 database holding notes to the current shape', async () => {
    const name = `notes-v1-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ notes: 'id, person, created' });
    const oldNotes: NoteRecordV1[] = [
      {
        id: 'a1',
        person: 'sam-altman',
        body: 'From v1 <b>bold</b>',
        created: 111,
        page: { url: 'https://news.example/1', title: 'News', quote: 'Sam Altman said' },
      },
      { id: 'a2', person: 'trapit-bansal', body: 'No page', created: 222 },
    ];
    await v1.table('notes').bulkAdd(oldNotes);
    v1.close();

    const current = new NotesDatabase(name);
    await current.open();
    expect(current.verno).toBe(6);
    expect(await current.notes.get('a1')).toEqual({
      id: 'a1',
      personId: 'sam-altman',
      text: 'From v1 <b>bold</b>',
      createdAt: 111,
      updatedAt: 111,
      revision: 1,
      origin: { url: 'https://news.example/1', title: 'News', selection: 'Sam Altman said' },
    });
    expect(await current.notes.get('a2')).toEqual({
      id: 'a2',
      personId: 'trapit-bansal',
      text: 'No page',
      createdAt: 222,
      updatedAt: 222,
      revision: 1,
    });
    // The new index works on migrated data, and migrated notes are editable like any other.
    expect((await listNotes(current, { personId: 'sam-altman' })).map((n) => n.id)).toEqual(['a1']);
    expect(await saveNote(current, { id: 'a2', personId: 'trapit-bansal', text: 'edited', baseRevision: 1 }, options)).toMatchObject({
      ok: true,
      note: { revision: 2 },
    });
    await current.delete();
  });

  it('opens a version 2 database holding notes and trash as the current version with the data unchanged', async () => {
    const name = `notes-v2-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores({ notes: 'id, personId, updatedAt', trash: 'id, deletedAt' });
    const notes: NoteRecord[] = [
      {
        id: 'b1',
        personId: 'sam-altman',
        text: 'older',
        createdAt: 100,
        updatedAt: 150,
        revision: 2,
        origin: { url: 'https://news.example/2', title: 'News' },
      },
      { id: 'b2', personId: 'sam-altman', text: 'newer', createdAt: 200, updatedAt: 300, revision: 1 },
      { id: 'b3', personId: 'trapit-bansal', text: 'Trapit', createdAt: 50, updatedAt: 50, revision: 7 },
    ];
    const trashed = {
      id: 'b0',
      deletedAt: 400,
      note: { id: 'b0', personId: 'sam-altman', text: 'gone', createdAt: 10, updatedAt: 10, revision: 1 },
    };
    await v2.table('notes').bulkAdd(notes);
    await v2.table('trash').add(trashed);
    v2.close();

    const current = new NotesDatabase(name);
    await current.open();
    expect(current.verno).toBe(6);
    expect((await current.notes.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(notes);
    expect(await current.trash.toArray()).toEqual([trashed]);
    expect(await current.tombstones.count()).toBe(0);
    // The new compound index is filled from the existing rows.
    const newestSam = await current.notes
      .where('[personId+updatedAt]')
      .between(['sam-altman', Dexie.minKey], ['sam-altman', Dexie.maxKey])
      .reverse()
      .toArray();
    expect(newestSam.map((n) => n.id)).toEqual(['b2', 'b1']);
    // Undo of the v2 trash still works, and a delete on the upgraded database leaves a tombstone.
    expect(await restoreNote(current, trashed.note, options)).toEqual(trashed.note);
    await deleteNote(current, 'b3', { now: () => 500 });
    expect(await current.tombstones.get('b3')).toEqual({ id: 'b3', personId: 'trapit-bansal', revision: 7, deletedAt: 500 });
    await current.delete();
  });
});
