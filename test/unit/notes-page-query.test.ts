import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NotesDatabase } from '@/utils/notes/db';
import { byNewest } from '@/utils/notes/format';
import type { NoteRecord, NotesCursor } from '@/utils/notes/records';
import { countNotes, listNotes, listNotesPage, NOTES_PAGE_MAX } from '@/utils/notes/store';

let db: NotesDatabase;
beforeEach(() => {
  db = new NotesDatabase(`notes-page-query-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const note = (id: string, updatedAt: number, personId = 'sam-altman'): NoteRecord => ({
  id,
  personId,
  text: `note ${id}`,
  createdAt: updatedAt,
  updatedAt,
  revision: 1,
});

/** Every page in turn, as the card's "show older" button reads them. */
async function allPages(personId: string, limit: number): Promise<NoteRecord[][]> {
  const pages: NoteRecord[][] = [];
  let after: NotesCursor | undefined;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = await listNotesPage(db, { personId, limit, ...(after ? { after } : {}) });
    pages.push(page.notes);
    if (!page.next) return pages;
    expect(page.next).toEqual({ updatedAt: page.notes.at(-1)!.updatedAt, id: page.notes.at(-1)!.id });
    after = page.next;
  }
  throw new Error('pages never ended');
}

describe('one person’s notes by page', () => {
  it('gives the newest first, `limit` at a time, only that person’s, and a count', async () => {
    await db.notes.bulkAdd([
      ...Array.from({ length: 45 }, (_, i) => note(`n${String(i).padStart(2, '0')}`, 1_000 + i)),
      note('other', 5_000, 'trapit-bansal'),
    ]);
    const first = await listNotesPage(db, { personId: 'sam-altman', limit: 20 });
    expect(first.notes.map((n) => n.id)).toEqual(Array.from({ length: 20 }, (_, i) => `n${44 - i}`));
    const pages = await allPages('sam-altman', 20);
    expect(pages.map((p) => p.length)).toEqual([20, 20, 5]);
    expect(pages.flat()).toEqual(await listNotes(db, { personId: 'sam-altman' }));
    expect(await countNotes(db, 'sam-altman')).toBe(45);
    expect(await countNotes(db, 'trapit-bansal')).toBe(1);
    expect(await countNotes(db, 'nobody')).toBe(0);
  });

  it('a page that holds the oldest note says there is no next page; an empty person gets an empty page', async () => {
    await db.notes.bulkAdd([note('a', 1), note('b', 2)]);
    expect(await listNotesPage(db, { personId: 'sam-altman', limit: 2 })).toEqual({ notes: [note('b', 2), note('a', 1)], next: null });
    expect(await listNotesPage(db, { personId: 'nobody', limit: 20 })).toEqual({ notes: [], next: null });
  });

  it('keeps notes that share a time in byNewest order across page boundaries, none skipped or repeated', async () => {
    // Ids whose IndexedDB order (code units) differs from byNewest's (localeCompare): 'B' < 'a' in code units.
    await db.notes.bulkAdd([note('a', 10), note('B', 10), note('c', 10), note('D', 10), note('e', 9), note('F', 11)]);
    const expected = (await listNotes(db, { personId: 'sam-altman' })).map((n) => n.id);
    expect(expected).toEqual(['F', 'a', 'B', 'c', 'D', 'e']);
    for (const limit of [1, 2, 3, 4, 5, 6, 7]) {
      expect((await allPages('sam-altman', limit)).flat().map((n) => n.id)).toEqual(expected);
    }
  });

  it('any notes, any page size: the pages joined are the full listing (property)', async () => {
    const id = fc.string({ unit: fc.constantFrom('a', 'B', 'c', '-', '1', 'Z', 'é'), minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ id, updatedAt: fc.integer({ min: 0, max: 5 }), other: fc.boolean() }), {
          selector: (n) => n.id,
          maxLength: 30,
        }),
        fc.integer({ min: 1, max: 8 }),
        async (rows, limit) => {
          await db.notes.clear();
          await db.notes.bulkAdd(rows.map((r) => note(r.id, r.updatedAt, r.other ? 'trapit-bansal' : 'sam-altman')));
          const pages = await allPages('sam-altman', limit);
          expect(pages.flat()).toEqual((await listNotes(db, { personId: 'sam-altman' })).sort(byNewest));
          expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('clamps the page size, so a message cannot ask for a whole history at once', async () => {
    await db.notes.bulkAdd(Array.from({ length: NOTES_PAGE_MAX + 5 }, (_, i) => note(`n${i}`, i)));
    expect((await listNotesPage(db, { personId: 'sam-altman', limit: 1e9 })).notes).toHaveLength(NOTES_PAGE_MAX);
    expect((await listNotesPage(db, { personId: 'sam-altman', limit: 0 })).notes).toHaveLength(1);
  });
});
