/** Version 6 of the notes database (the sync table) opens what version 4 wrote, every row kept. */
import { describe, expect, it } from 'vitest';
import { headerKey } from '@/utils/sync/wire';
import { expectShippedRowsKept, openShippedDatabase } from './notes-fixtures';

describe('version 6', () => {
  it('opens a version 4 database with every table and row unchanged and an empty syncBase table', async () => {
    const current = await openShippedDatabase(4);
    expect(current.verno).toBe(6);
    await expectShippedRowsKept(current, 4);
    expect(await current.rejections.where('site').equals('a.example').count()).toBe(1);
    expect(await current.syncBase.count()).toBe(0);
    const key = headerKey('note', 'n1');
    await current.syncBase.put({ key, kind: 'note', id: 'n1', versions: { aaaa: 1 }, writer: 'aaaa', hash: 'x', deleted: false, at: 2 });
    expect(await current.syncBase.get(key)).toMatchObject({ id: 'n1' });
    await current.delete();
  });
});
