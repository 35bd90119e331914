/** Version 6 of the notes database (the sync table) opens what version 4 wrote, every row kept. */
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { NotesDatabase } from '@/utils/notes/db';
import { headerKey } from '@/utils/sync/wire';

describe('version 6', () => {
  it('opens a version 4 database with every table and row unchanged and an empty syncBase table', async () => {
    const name = `notes-v4-${crypto.randomUUID()}`;
    const v4 = new Dexie(name);
    // Version 4's schema exactly as it shipped.
    v4.version(4).stores({
      notes: 'id, personId, updatedAt, [personId+updatedAt]',
      trash: 'id, deletedAt',
      tombstones: 'id, deletedAt',
      drafts: 'key, personId',
      rejections: 'id, site, createdAt',
    });
    const note = {
      id: 'n1',
      personId: 'sam-altman',
      text: 'kept',
      createdAt: 1,
      updatedAt: 2,
      revision: 3,
      origin: { url: 'https://a.example/', title: 'A' },
    };
    const trashed = { id: 'n0', deletedAt: 5, note: { ...note, id: 'n0' } };
    const tombstone = { id: 't1', personId: 'mark-chen', revision: 4, deletedAt: 6 };
    const draft = { key: 'new:sam-altman', personId: 'sam-altman', text: 'half typed', updatedAt: 7 };
    const rejection = { id: 'a.example\nsam-altman\nAltman', site: 'a.example', personId: 'sam-altman', aliasText: 'Altman', createdAt: 8 };
    await v4.table('notes').add(note);
    await v4.table('trash').add(trashed);
    await v4.table('tombstones').add(tombstone);
    await v4.table('drafts').add(draft);
    await v4.table('rejections').add(rejection);
    v4.close();

    const current = new NotesDatabase(name);
    await current.open();
    expect(current.verno).toBe(6);
    expect(await current.notes.toArray()).toEqual([note]);
    expect(await current.trash.toArray()).toEqual([trashed]);
    expect(await current.tombstones.toArray()).toEqual([tombstone]);
    expect(await current.drafts.toArray()).toEqual([draft]);
    expect(await current.rejections.toArray()).toEqual([rejection]);
    // The indexes survived too.
    expect(await current.notes.where('[personId+updatedAt]').equals(['sam-altman', 2]).count()).toBe(1);
    expect(await current.rejections.where('site').equals('a.example').count()).toBe(1);
    expect(await current.syncBase.count()).toBe(0);
    const key = headerKey('note', 'n1');
    await current.syncBase.put({ key, kind: 'note', id: 'n1', versions: { aaaa: 1 }, writer: 'aaaa', hash: 'x', deleted: false, at: 2 });
    expect(await current.syncBase.get(key)).toMatchObject({ id: 'n1' });
    await current.delete();
  });
});
