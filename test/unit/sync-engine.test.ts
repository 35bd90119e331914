/**
 * Replication through the browser's sync storage, between two simulated machines
 * (sync-simulation.ts): each has its own notes database and its own copy of sync
 * storage, and they see each other's writes only as storage.onChanged events
 * delivered by the simulated server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NotesDatabase } from '@/utils/notes/db';
import { deleteNote, saveNote } from '@/utils/notes/store';
import { addRejection, deleteRejection } from '@/utils/notes/rejection-store';
import type { NoteRecord } from '@/utils/notes/records';
import { SyncEngine, TOMBSTONE_KEEP_MS, type SyncStatus } from '@/utils/sync/engine';
import { conflictCopyId } from '@/utils/sync/kinds';
import { deleteFromPeople, saveAddition, saveUserPerson } from '@/utils/people/store';
import { CHUNK_PREFIX, headerKey, itemBytes, MAX_CHUNKS_PER_RECORD, SYNC_QUOTA } from '@/utils/sync/wire';
import { freshDatabase } from './notes-fixtures';
import { SimulatedArea, SimulatedCloud } from './sync-simulation';

let clock = 1_000_000;
const now = () => clock;

class Machine {
  readonly db: NotesDatabase = freshDatabase();
  readonly area = new SimulatedArea();
  readonly engine: SyncEngine;
  private pending: Array<Promise<SyncStatus>> = [];
  status: SyncStatus | undefined;

  constructor(readonly name: string) {
    this.engine = new SyncEngine({ db: this.db, area: this.area, machine: name, now });
    // Fed its storage.onChanged events, as the background is.
    this.area.watch(() => this.pending.push(this.engine.reconcile()));
  }

  /** What the background does on a local change (after its debounce). */
  async reconcile(): Promise<SyncStatus> {
    this.status = await this.engine.reconcile();
    return this.status;
  }

  async idle(): Promise<boolean> {
    const pending = this.pending;
    this.pending = [];
    for (const status of await Promise.all(pending)) this.status = status;
    return pending.length > 0;
  }

  notes(): Promise<NoteRecord[]> {
    return this.db.notes.orderBy('id').toArray();
  }
}

let a: Machine;
let b: Machine;
let cloud: SimulatedCloud;

beforeEach(() => {
  clock = 1_000_000;
  a = new Machine('aaaa');
  b = new Machine('bbbb');
  cloud = new SimulatedCloud([a.area, b.area]);
});
afterEach(async () => {
  await a.db.delete();
  await b.db.delete();
});

/** Both machines push, the server exchanges, each reacts to what arrived; until nothing moves. */
async function sync(order: Machine[] = [a, b]): Promise<void> {
  for (let round = 0; round < 20; round++) {
    for (const machine of order) await machine.reconcile();
    cloud.exchange(order.map((m) => m.area));
    const busy = (await Promise.all(order.map((m) => m.idle()))).some(Boolean);
    if (!busy && order.every((m) => m.area.takeOutbox().length === 0)) return;
  }
  throw new Error('the machines did not settle');
}

let ids = 0;
const newId = () => `note-${String(++ids).padStart(4, '0')}`;
async function write(machine: Machine, personId: string, text: string): Promise<NoteRecord> {
  clock += 1_000;
  const result = await saveNote(machine.db, { personId, text }, { now, newId });
  if (!result.ok) throw new Error('save failed');
  return result.note;
}
async function edit(machine: Machine, note: NoteRecord, text: string): Promise<NoteRecord> {
  clock += 1_000;
  const current = (await machine.db.notes.get(note.id))!;
  const result = await saveNote(machine.db, { id: note.id, personId: note.personId, text, baseRevision: current.revision }, { now });
  if (!result.ok) throw new Error(`edit failed: ${result.reason}`);
  return result.note;
}

describe('two machines', () => {
  it('carries a new note, an edit and a delete from one to the other', async () => {
    const note = await write(a, 'sam-altman', 'Left OpenAI?');
    await sync();
    expect(await b.notes()).toEqual([note]);

    const edited = await edit(b, note, 'No: came back.');
    await sync();
    expect(await a.notes()).toEqual([edited]);
    expect(edited.revision).toBe(2);

    await deleteNote(a.db, note.id, { now });
    await sync();
    expect(await b.notes()).toEqual([]);
    // Deleted on b as a delete there is: restorable from the trash, and remembered.
    expect((await b.db.trash.get(note.id))?.note).toEqual(edited);
    expect(await b.db.tombstones.get(note.id)).toMatchObject({ id: note.id, revision: 2 });
  });

  it('carries "Not this person" choices and their undo', async () => {
    const added = await addRejection(a.db, 'news.example', { personId: 'sam-altman', aliasText: 'Altman' }, () => true, 5);
    if (!added.ok) throw new Error('add failed');
    await sync();
    expect(await b.db.rejections.toArray()).toEqual([added.rejection]);
    await deleteRejection(b.db, added.rejection.id);
    await sync();
    expect(await a.db.rejections.count()).toBe(0);
  });

  it("merges per record: each machine keeps the other machine's newer records and its own", async () => {
    const one = await write(a, 'sam-altman', 'one');
    const two = await write(b, 'mark-chen', 'two');
    await sync();
    expect(await a.notes()).toEqual([one, two]);
    expect(await b.notes()).toEqual([one, two]);
    const newer = await edit(a, one, 'one, edited');
    const alsoNewer = await edit(b, two, 'two, edited');
    await sync();
    expect(await a.notes()).toEqual([newer, alsoNewer]);
    expect(await b.notes()).toEqual([newer, alsoNewer]);
  });

  it('keeps both versions of a note edited on both machines at once, and reports the conflict', async () => {
    const note = await write(a, 'sam-altman', 'base');
    await sync();
    const mine = await edit(a, note, 'edited on the laptop');
    const theirs = await edit(b, note, 'edited on the desktop');
    await sync();
    const onA = await a.notes();
    const onB = await b.notes();
    expect(onA).toEqual(onB);
    expect(onA.map((n) => n.text).sort()).toEqual(['edited on the desktop', 'edited on the laptop']);
    expect(onA.every((n) => n.personId === 'sam-altman')).toBe(true);
    // Same revision: the later edit wins, the same way on both machines.
    expect(mine.revision).toBe(theirs.revision);
    expect(theirs.updatedAt).toBeGreaterThan(mine.updatedAt);
    const [winner, loser] = [theirs, mine];
    expect(onA.find((n) => n.id === note.id)?.text).toBe(winner.text);
    expect(onA.find((n) => n.id === conflictCopyId(loser))?.text).toBe(loser.text);
    const reported = [...(a.status?.conflicts ?? []), ...(b.status?.conflicts ?? [])];
    expect(reported).toContainEqual(
      expect.objectContaining({ kind: 'note', id: note.id, label: 'sam-altman', what: 'both-edited', keptAs: conflictCopyId(loser) }),
    );
    // And it stays settled: nothing more to write.
    const writes = a.area.writes + b.area.writes;
    await sync();
    expect(a.area.writes + b.area.writes).toBe(writes);
  });

  it('decides a tie of revision and time by machine id, the same way on both machines', async () => {
    const note = await write(a, 'sam-altman', 'base');
    await sync();
    await edit(a, note, 'from a');
    clock -= 1_000;
    await edit(b, note, 'from b');
    await sync([b, a]);
    for (const machine of [a, b]) {
      const notes = await machine.notes();
      expect(notes.find((n) => n.id === note.id)?.text).toBe('from b');
      expect(notes.map((n) => n.text).sort()).toEqual(['from a', 'from b']);
    }
  });

  it('lets the more edited version win, and still keeps the other', async () => {
    const note = await write(a, 'sam-altman', 'base');
    await sync();
    await edit(a, note, 'a1');
    const a2 = await edit(a, note, 'a2');
    await edit(b, note, 'b1');
    await sync([b, a]);
    for (const machine of [a, b]) {
      const notes = await machine.notes();
      expect(notes.find((n) => n.id === note.id)).toEqual(a2);
      expect(notes.map((n) => n.text).sort()).toEqual(['a2', 'b1']);
    }
  });

  it('keeps an edit made on one machine while the other deleted the note', async () => {
    const note = await write(a, 'sam-altman', 'base');
    await sync();
    await deleteNote(a.db, note.id, { now });
    const edited = await edit(b, note, 'still needed');
    await sync();
    expect(await a.notes()).toEqual([edited]);
    expect(await b.notes()).toEqual([edited]);
    expect(await a.db.tombstones.get(note.id)).toBeUndefined();
    expect([...(a.status?.conflicts ?? []), ...(b.status?.conflicts ?? [])]).toContainEqual(
      expect.objectContaining({ id: note.id, what: 'edited-deleted' }),
    );
  });

  it('brings a restored (undone) delete back on the other machine', async () => {
    const note = await write(a, 'sam-altman', 'base');
    await sync();
    await deleteNote(a.db, note.id, { now });
    await sync();
    expect(await b.notes()).toEqual([]);
    await a.db.transaction('rw', a.db.notes, a.db.trash, a.db.tombstones, async () => {
      await a.db.notes.add(note);
      await a.db.trash.delete(note.id);
      await a.db.tombstones.delete(note.id);
    });
    await sync();
    expect(await b.notes()).toEqual([note]);
  });

  it('removes a deletion from sync storage once it has been kept long enough, on the machine that wrote it', async () => {
    const note = await write(a, 'sam-altman', 'base');
    await sync();
    await deleteNote(a.db, note.id, { now });
    await sync();
    const key = headerKey('note', note.id);
    expect(cloud.items.get(key)).toMatchObject({ del: 1 });
    clock += TOMBSTONE_KEEP_MS + 1;
    await sync();
    expect(cloud.items.has(key)).toBe(false);
    expect(await a.db.syncBase.get(key)).toBeUndefined();
    expect(await b.db.syncBase.get(key)).toBeUndefined();
    // The local tombstone stays: it is what keeps an old export from bringing the note back.
    expect(await b.db.tombstones.get(note.id)).toBeDefined();
    expect(await b.notes()).toEqual([]);
  });

  it("starts from each machine's own notes when sync is first turned on, keeping both sides", async () => {
    const mine = await write(a, 'sam-altman', 'from a');
    const theirs = await write(b, 'mark-chen', 'from b');
    // The same note on both (an import of one export), identical: no conflict.
    await a.db.notes.put({ ...mine, id: 'shared', text: 'same' });
    await b.db.notes.put({ ...mine, id: 'shared', text: 'same' });
    await sync();
    expect((await a.notes()).map((n) => n.id)).toEqual([mine.id, theirs.id, 'shared'].sort());
    expect(await b.notes()).toEqual(await a.notes());
    expect([...(a.status?.conflicts ?? []), ...(b.status?.conflicts ?? [])]).toEqual([]);
  });
});

describe('sizes and quotas', () => {
  it('cuts a large note into chunks under the per-item limit and puts it back together on the other machine', async () => {
    const text = '人工智能研究员离职'.repeat(1_600); // 14,400 characters, 43,200 bytes of UTF-8
    const note = await write(a, 'sam-altman', text);
    await sync();
    const chunks = [...cloud.items.keys()].filter((key) => key.startsWith(CHUNK_PREFIX));
    expect(chunks.length).toBeGreaterThan(5);
    for (const [key, value] of cloud.items) expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_QUOTA.bytesPerItem);
    expect(await b.notes()).toEqual([note]);
    // An edit replaces the chunks: the old version's are removed.
    const shorter = await edit(a, note, text.slice(0, 9_000));
    await sync();
    expect(await b.notes()).toEqual([shorter]);
    const after = [...cloud.items.keys()].filter((key) => key.startsWith(CHUNK_PREFIX));
    expect(after.length).toBeLessThan(chunks.length);
    expect(after.some((key) => chunks.includes(key))).toBe(false);
  });

  it('when the quota is reached, names what is not synced, syncs the rest, deletes nothing, and catches up when room is made', async () => {
    const notes: NoteRecord[] = [];
    for (let i = 0; i < 70; i++) notes.push(await write(a, 'sam-altman', `note ${i} `.padEnd(1_800, 'x')));
    await sync();
    const status = a.status!;
    expect(status.bytesInUse).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
    expect(status.notSynced.length).toBeGreaterThan(0);
    expect(status.notSynced.every((n) => n.reason === 'no-room' && n.label === 'sam-altman')).toBe(true);
    const synced = await b.notes();
    expect(synced.length + status.notSynced.length).toBe(70);
    // The newest are synced first; the ones left out are the oldest, and nothing was deleted on a.
    expect(status.notSynced.map((n) => n.id).sort()).toEqual(notes.slice(0, status.notSynced.length).map((n) => n.id));
    expect(await a.db.notes.count()).toBe(70);

    for (const note of notes.slice(-status.notSynced.length - 5)) await deleteNote(a.db, note.id, { now });
    await sync();
    expect(a.status!.notSynced).toEqual([]);
    expect((await b.notes()).map((n) => n.id)).toEqual((await a.notes()).map((n) => n.id));
  });

  it('reports a note too large for one chunk set and keeps syncing the others', async () => {
    const huge = await write(a, 'sam-altman', '长'.repeat(20_000));
    await a.db.notes.put({ ...huge, origin: { url: 'https://example.com/', title: '题'.repeat(1_000), selection: '选'.repeat(5_000) } });
    const small = await write(a, 'mark-chen', 'small');
    await sync();
    expect(a.status!.notSynced).toEqual([{ kind: 'note', id: huge.id, label: 'sam-altman', reason: 'too-large' }]);
    expect(await b.notes()).toEqual([small]);
    expect(await a.db.notes.count()).toBe(2);
    expect(MAX_CHUNKS_PER_RECORD).toBe(8);
  });

  it('writes a whole batch of changes in at most two write operations', async () => {
    for (let i = 0; i < 30; i++) await write(a, 'sam-altman', `n${i}`);
    const before = a.area.writes;
    await a.reconcile();
    expect(a.area.writes - before).toBe(1);
    for (const note of (await a.notes()).slice(0, 10)) await deleteNote(a.db, note.id, { now });
    await edit(a, (await a.notes())[0]!, 'changed');
    const again = a.area.writes;
    await a.reconcile();
    expect(a.area.writes - again).toBeLessThanOrEqual(2);
  });
});

describe('what sync storage may hold that is not ours', () => {
  it('ignores and reports a foreign item, a corrupt header, a record failing its checks and an unknown kind, and syncs the rest', async () => {
    const note = await write(a, 'sam-altman', 'fine');
    const corruptKey = headerKey('note', 'broken');
    const tamperedKey = headerKey('note', 'tampered');
    const futureKey = headerKey('person', 'p1');
    const foreign = {
      'someone.else': { hello: 1 },
      [corruptKey]: 'not a header',
      [tamperedKey]: { k: 'note', id: 'tampered', v: { zzzz: 1 }, w: 'zzzz', h: 'abc', at: 1, r: { id: 'tampered' } },
      [futureKey]: { k: 'person', id: 'p1', v: { zzzz: 1 }, w: 'zzzz', h: 'x', at: 1, r: {} },
    };
    b.area.inject(foreign);
    await sync();
    expect(await b.notes()).toEqual([note]);
    for (const machine of [a, b]) {
      const reasons = Object.fromEntries(machine.status!.ignored.map((item) => [item.key, item.reason]));
      expect(reasons).toEqual({ 'someone.else': 'foreign', [corruptKey]: 'corrupt', [tamperedKey]: 'corrupt', [futureKey]: 'corrupt' });
    }
    // Left where they are: not ours to delete.
    for (const [key, value] of Object.entries(foreign)) expect(cloud.items.get(key)).toEqual(value);
  });

  it('ignores a well-formed record of a kind this version does not know, and one whose record fails its checks', async () => {
    const { encodeVersion } = await import('@/utils/sync/wire');
    const person = encodeVersion({ kind: 'bookmark', id: 'p1', versions: { zzzz: 1 }, writer: 'zzzz', at: 1, record: { id: 'p1' } });
    const badNote = encodeVersion({
      kind: 'note',
      id: 'bad',
      versions: { zzzz: 1 },
      writer: 'zzzz',
      at: 1,
      record: { id: 'bad', text: 5 },
    });
    if (!person.ok || !badNote.ok) throw new Error('encode failed');
    b.area.inject({ ...person.items, ...badNote.items });
    await sync();
    const reasons = Object.fromEntries(a.status!.ignored.map((item) => [item.key, item.reason]));
    expect(reasons).toEqual({ [headerKey('bookmark', 'p1')]: 'unknown-kind', [headerKey('note', 'bad')]: 'invalid-record' });
    expect(await a.notes()).toEqual([]);
    expect(cloud.items.has(headerKey('bookmark', 'p1'))).toBe(true);
  });
});

describe('two machines: the reader’s own people', () => {
  const pang = {
    name: { primary: 'Ruoming Pang', other: '庞若鸣' },
    aliases: [{ text: 'Ruoming Pang', kind: 'full' as const }],
    org: 'Meta',
  };
  const options = { now, newId: () => '11111111-2222-4333-8444-555555555555' };

  it('carries a new person, an edit and a delete (into the trash), and a bundled person’s addition', async () => {
    const saved = await saveUserPerson(a.db, pang, options);
    if (!saved.ok) throw new Error('save failed');
    const addition = await saveAddition(a.db, { personId: 'sam-altman', aliases: [], tags: ['watch'] }, options);
    if (!addition.ok) throw new Error('addition failed');
    await sync();
    expect(await b.db.people.toArray()).toEqual([saved.record]);
    expect(await b.db.additions.toArray()).toEqual([addition.record]);

    clock += 1_000;
    const edited = await saveUserPerson(b.db, { ...pang, id: saved.record.id, baseRevision: 1, role: 'Researcher' }, options);
    if (!edited.ok) throw new Error('edit failed');
    await sync();
    expect(await a.db.people.toArray()).toEqual([edited.record]);

    await deleteFromPeople(a.db, saved.record.id, options);
    await sync();
    expect(await b.db.people.count()).toBe(0);
    // Deleted here as a delete on this machine is: the undo still has it.
    expect((await b.db.peopleTrash.get(saved.record.id))?.entry.record).toEqual(edited.record);
  });

  it('a person edited on both machines at once ends as one record, the same on both: the newer revision', async () => {
    const saved = await saveUserPerson(a.db, pang, options);
    if (!saved.ok) throw new Error('save failed');
    await sync();
    clock += 1_000;
    await saveUserPerson(a.db, { ...pang, id: saved.record.id, baseRevision: 1, role: 'on a' }, options);
    clock += 1_000;
    const b2 = await saveUserPerson(b.db, { ...pang, id: saved.record.id, baseRevision: 1, role: 'on b' }, options);
    if (!b2.ok) throw new Error('edit failed');
    const b3 = await saveUserPerson(b.db, { ...pang, id: saved.record.id, baseRevision: 2, role: 'on b, again' }, options);
    if (!b3.ok) throw new Error('edit failed');
    await sync();
    expect(await a.db.people.toArray()).toEqual([b3.record]);
    expect(await b.db.people.toArray()).toEqual([b3.record]);
  });

  it('reads a person from sync storage only when it passes the store’s own checks', async () => {
    const saved = await saveUserPerson(a.db, pang, options);
    if (!saved.ok) throw new Error('save failed');
    await sync();
    // A record written by hand into sync storage under a person key, without a name to look for.
    const { userPersonKind } = await import('@/utils/sync/kinds');
    expect(userPersonKind.parse({ ...saved.record, aliases: [] })).toBeNull();
    expect(userPersonKind.parse(saved.record)).toEqual(saved.record);
  });
});
