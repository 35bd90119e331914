import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotesDatabase } from '@/utils/notes/db';
import { deleteNote, saveNote } from '@/utils/notes/store';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportNotes,
  exportToJson,
  importNotes,
  IMPORT_LIMITS,
  looksLikeCsv,
  notesToMarkdown,
  parseExportedAt,
  type ImportSummary,
} from '@/utils/notes/import-export';
import { NOTE_LIMITS, type NoteRecord } from '@/utils/notes/records';

/** "Now" for imports that pass it: after every fixture date and every file's exportedAt. */
const NOW = Date.UTC(2025, 5, 1);
const known = new Set(['sam-altman', 'trapit-bansal', 'alexander-kolesnikov']);
const isKnownPerson = (id: string) => known.has(id);

let db: NotesDatabase;

beforeEach(async () => {
  db = new NotesDatabase(`notes-io-${crypto.randomUUID()}`);
  await seed();
});
afterEach(async () => {
  await db.delete();
});

const note = (over: Partial<NoteRecord> & { id: string }): NoteRecord => ({
  personId: 'sam-altman',
  text: 'text',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  revision: 1,
  ...over,
});

async function seed() {
  await db.notes.bulkAdd([
    note({ id: 'n1', text: 'Sam note', origin: { url: 'https://news.example/a', title: 'An article', selection: 'Sam Altman' } }),
    note({ id: 'n2', personId: 'trapit-bansal', text: 'Trapit note', updatedAt: 1_700_000_500_000, revision: 3 }),
  ]);
}

const snapshot = async () => (await db.notes.toArray()).sort((a, b) => a.id.localeCompare(b.id));
/** Every table an import may write, to show a refused or failed one wrote nothing. */
const everything = async () => ({ notes: await snapshot(), tombstones: await db.tombstones.toArray(), trash: await db.trash.toArray() });
const summary = (over: Partial<ImportSummary>): ImportSummary => ({
  ok: true,
  added: 0,
  updated: 0,
  unchanged: 0,
  restored: 0,
  conflicts: [],
  deletedHere: [],
  ...over,
});
const file = (notes: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: '2025-01-01T00:00:00.000Z', notes, ...extra });

describe('export', () => {
  it('exports every note with format and version, and the export imports back as no change', async () => {
    const exported = await exportNotes(db, Date.UTC(2025, 0, 2));
    expect(exported).toMatchObject({
      format: 'talent-lens-notes',
      version: 2,
      exportedAt: '2025-01-02T00:00:00.000Z',
      people: [],
      additions: [],
    });
    expect(exported.notes.map((n) => n.id)).toEqual(['n2', 'n1']);
    const before = await snapshot();
    expect(await importNotes(db, exportToJson(exported), isKnownPerson)).toEqual(
      summary({ unchanged: 2, people: { added: 0, updated: 0, unchanged: 0, sameName: [] } }),
    );
    expect(await snapshot()).toEqual(before);
  });

  it('writes readable Markdown: a heading per person, notes as escaped paragraphs, origins as links, selections quoted', async () => {
    const notes = [
      ...(await snapshot()),
      note({
        id: 'n3',
        text: 'Has ``` fences and <img src=x onerror=alert(1)>',
        createdAt: 1_700_000_000_000,
        updatedAt: 1_700_000_900_000,
        revision: 2,
        origin: { url: 'javascript:alert(1)', title: 'Evil [link](x)' },
      }),
    ];
    const md = notesToMarkdown(notes, (id) =>
      id === 'sam-altman' ? { en: 'Sam Altman', zh: '萨姆·奥尔特曼' } : id === 'trapit-bansal' ? { en: 'Trapit Bansal' } : undefined,
    );
    expect(md).toContain('# Talent Lens notes');
    expect(md).toContain('## Sam Altman \\(萨姆·奥尔特曼\\)');
    expect(md).toContain('## Trapit Bansal');
    expect(md.indexOf('## Sam Altman')).toBeLessThan(md.indexOf('## Trapit Bansal'));
    expect(md).not.toContain('```text');
    expect(md).toContain('From: [An article](<https://news.example/a>)\n\n> Sam Altman\n\nSam note\n');
    // Backticks and HTML are escaped: they read as the characters typed, never as code or markup.
    expect(md).toContain('Has \\`\\`\\` fences and \\<img src=x onerror=alert\\(1\\)\\>');
    expect(md).toContain('### 2023-11-14 22:13 UTC, edited 2023-11-14 22:28 UTC');
    // A non-http origin is never a link, and its title cannot inject one.
    expect(md).toContain('From: Evil \\[link\\]\\(x\\)');
    expect(md).not.toContain('](javascript');
  });
});

describe('looksLikeCsv', () => {
  it.each([
    ['comma-separated rows', 'name,text\nSam,hi', true],
    ['semicolon-separated rows (European spreadsheets)', 'name;text\r\nSam;hi\r\n', true],
    ['tab-separated rows', '\uFEFFname\ttext\nSam\thi', true],
    ['one line only', 'name,text', false],
    ['a first line without separators', 'hello\nworld, again', false],
    ['broken JSON', '{"format": "talent-lens-notes",\n"notes": [', false],
    ['empty', '', false],
  ])('%s', (_label, text, expected) => {
    expect(looksLikeCsv(text)).toBe(expected);
  });
});

describe('notesToMarkdown paragraphs', () => {
  const render = (text: string, selection?: string) =>
    notesToMarkdown(
      [note({ id: 'p1', text, ...(selection ? { origin: { url: 'https://a.example/', title: 'A', selection } } : {}) })],
      () => ({ en: 'Sam Altman' }),
    );

  it('keeps line breaks as hard breaks and blank lines as paragraph breaks', () => {
    expect(render('one\ntwo\n\n\nthree')).toContain('\none\\\ntwo\n\nthree\n');
  });

  it('escapes what would start a list, a heading, a quote, a code block or a heading underline', () => {
    const md = render('1. first\n- item\n# title\n> quoted\n    code\n===');
    expect(md).toContain('1\\. first\\\n\\- item\\\n\\# title\\\n\\> quoted\\\n\u00A0\u00A0\u00A0\u00A0code\\\n\\===');
  });

  it('quotes a several-line selection line by line', () => {
    expect(render('note', 'first line\n\nsecond *para*')).toContain('> first line\n>\n> second \\*para\\*\n\nnote\n');
  });
});

describe('import', () => {
  it('adds new notes and keeps HTML in text as literal text', async () => {
    const hostile = '<img src=x onerror="alert(1)"> & <b>bold</b>';
    const result = await importNotes(db, file([note({ id: 'n9', text: hostile, personId: 'alexander-kolesnikov' })]), isKnownPerson);
    expect(result).toEqual(summary({ added: 1 }));
    expect((await db.notes.get('n9'))?.text).toBe(hostile);
  });

  it('merges by note id: newer revision or later edit wins, older loses, and nothing is duplicated', async () => {
    const result = await importNotes(
      db,
      file([
        note({ id: 'n1', text: 'newer Sam note', revision: 2, updatedAt: 1_700_000_100_000 }),
        note({ id: 'n2', personId: 'trapit-bansal', text: 'older Trapit note', revision: 2, updatedAt: 1_800_000_000_000 }),
        note({ id: 'n4', text: 'dup, older', createdAt: 1, updatedAt: 1 }),
        note({ id: 'n4', text: 'dup, newer', createdAt: 1, updatedAt: 2 }),
      ]),
      isKnownPerson,
    );
    expect(result).toEqual(summary({ added: 1, updated: 1, unchanged: 1 }));
    expect(await db.notes.count()).toBe(3);
    expect((await db.notes.get('n1'))?.text).toBe('newer Sam note');
    expect((await db.notes.get('n2'))?.text).toBe('Trapit note');
    expect((await db.notes.get('n4'))?.text).toBe('dup, newer');
    // Same revision, later edit wins.
    await importNotes(db, file([note({ id: 'n4', text: 'dup, latest', createdAt: 1, updatedAt: 3 })]), isKnownPerson);
    expect((await db.notes.get('n4'))?.text).toBe('dup, latest');
    // Importing the same file again changes nothing.
    const again = await importNotes(db, file([note({ id: 'n4', text: 'dup, latest', createdAt: 1, updatedAt: 3 })]), isKnownPerson);
    expect(again).toEqual(summary({ unchanged: 1 }));
  });

  const manyNotes = (count: number, make: (i: number) => unknown) => Array.from({ length: count }, (_, i) => make(i));

  const hostileFiles: Array<[string, () => string, string, RegExp]> = [
    [
      'a 10 MB file',
      () => file([note({ id: 'big', text: 'x' })]).replace('"x"', JSON.stringify('x'.repeat(10 * 1024 * 1024))),
      'too-large',
      /larger than 5 MB/,
    ],
    [
      'a 5 MB file of Chinese text (bytes, not characters, count)',
      () => file([]).replace('[]', `[], "pad": "${'中'.repeat(IMPORT_LIMITS.maxBytes / 3 + 1)}"`),
      'too-large',
      /larger than/,
    ],
    ['100k notes', () => file(manyNotes(100_000, () => ({}))), 'too-many', /100000 notes; at most 10000/],
    ['100k full notes', () => file(manyNotes(100_000, (i) => note({ id: `m${i}` }))), 'too-large', /larger than/],
    ['not JSON', () => '{"format": "talent-lens-notes", "version": 1, notes: [', 'not-json', /not JSON/],
    ['an empty file', () => '', 'not-json', /not JSON/],
    ['a CSV table', () => 'person,note\nsam-altman,runs OpenAI\n', 'csv', /looks like CSV/],
    ['a broken export with commas (not a table: it starts with a brace)', () => '{"a": 1,\n"b": ', 'not-json', /not JSON/],
    ['a JSON array', () => '[]', 'wrong-format', /not a Talent Lens notes export/],
    ['JSON null', () => 'null', 'wrong-format', /not a Talent Lens notes export/],
    [
      'another format',
      () => JSON.stringify({ format: 'something-else', version: 1, notes: [] }),
      'wrong-format',
      /not a Talent Lens notes export/,
    ],
    ['a newer version', () => file([], { version: 3 }), 'wrong-version', /version 3 is not supported/],
    ['a version as a string', () => file([], { version: '1' }), 'wrong-version', /version "1"/],
    ['notes that are not an array', () => file({ n1: note({ id: 'n1' }) }), 'invalid', /malformed/],
    ['a revision that is a string', () => file([{ ...note({ id: 'n7' }), revision: '2' }]), 'invalid', /notes\.0\.revision/],
    [
      'a revision past the bound',
      () => file([note({ id: 'n7', revision: Number.MAX_SAFE_INTEGER })]),
      'invalid',
      /notes\.0\.revision: a revision is at most 1000000000/,
    ],
    ['a text that is a number', () => file([{ ...note({ id: 'n7' }), text: 5 }]), 'invalid', /notes\.0\.text/],
    ['a missing id', () => file([{ ...note({ id: 'n7' }), id: undefined }]), 'invalid', /notes\.0\.id/],
    [
      'an empty text (the editor would refuse it)',
      () => file([note({ id: 'n7', text: '' })]),
      'invalid',
      /notes\.0\.text: a note needs some text/,
    ],
    [
      'a text of only spaces and line breaks',
      () => file([note({ id: 'n7' }), note({ id: 'n8', text: ' \n\t ' })]),
      'invalid',
      /notes\.1\.text: a note needs some text/,
    ],
    ['a text over the length limit', () => file([note({ id: 'n7', text: 'y'.repeat(20_001) })]), 'invalid', /at most 20000/],
    ['a bad person id', () => file([note({ id: 'n7', personId: '<script>' })]), 'invalid', /notes\.0\.personId/],
    [
      'unknown person ids',
      () => file([note({ id: 'n7', personId: 'nobody-a' }), note({ id: 'n8', personId: 'nobody-b' }), note({ id: 'n5' })]),
      'unknown-people',
      /nobody-a, nobody-b/,
    ],
  ];

  it.each(hostileFiles)('rejects %s with a clear message and leaves the store unchanged', async (_label, make, code, message) => {
    await deleteNote(db, 'n2', { now: () => NOW });
    const before = await everything();
    const result = await importNotes(db, make(), isKnownPerson, { now: () => NOW, restoreDeleted: true });
    expect(result).toMatchObject({ ok: false, code, message: expect.stringMatching(message) });
    expect(await everything()).toEqual(before);
  });

  it('rolls back every write when the transaction fails half-way, tombstones and trash included', async () => {
    await deleteNote(db, 'n2', { now: () => NOW });
    const before = await everything();
    db.notes.hook('creating', (_key, obj) => {
      if ((obj as NoteRecord).text === 'boom') throw new Error('disk full');
    });
    const result = await importNotes(
      db,
      file([
        note({ id: 'ok1', text: 'fine' }),
        note({ id: 'n1', text: 'update', revision: 9 }),
        note({ id: 'n2', personId: 'trapit-bansal', text: 'back' }),
        note({ id: 'bad', text: 'boom' }),
      ]),
      isKnownPerson,
      { now: () => NOW, restoreDeleted: true },
    );
    expect(result).toMatchObject({ ok: false, code: 'failed', message: expect.stringMatching(/nothing was changed: .*disk full/) });
    expect(await everything()).toEqual(before);
    expect(before.tombstones).toHaveLength(1);
  });

  it('a note at the highest revision imports, and the backup that holds it imports again', async () => {
    const top = note({ id: 'top', revision: NOTE_LIMITS.revision });
    expect(await importNotes(db, file([top]), isKnownPerson)).toMatchObject({ ok: true, added: 1 });
    const backup = exportToJson(await exportNotes(db, Date.UTC(2025, 0, 2)));
    expect(await importNotes(db, backup, isKnownPerson)).toMatchObject({ ok: true, added: 0, updated: 0, unchanged: 3 });
  });

  it('a note saved after an import keeps revision checks working', async () => {
    await importNotes(db, file([note({ id: 'n6', revision: 4 })]), isKnownPerson);
    expect(await saveNote(db, { id: 'n6', personId: 'sam-altman', text: 'edit', baseRevision: 3 }, { isKnownPerson })).toMatchObject({
      ok: false,
      reason: 'conflict',
    });
    expect(await saveNote(db, { id: 'n6', personId: 'sam-altman', text: 'edit', baseRevision: 4 }, { isKnownPerson })).toMatchObject({
      ok: true,
      note: { revision: 5 },
    });
  });
});

describe('import: notes edited here after the export', () => {
  const EXPORTED = Date.UTC(2025, 0, 1);
  const exportedFile = (notes: unknown) => file(notes, { exportedAt: new Date(EXPORTED).toISOString() });

  it('keeps a note edited after the export as a conflict, whatever revision the file claims, and applies the rest', async () => {
    await saveNote(
      db,
      { id: 'n1', personId: 'sam-altman', text: 'edited here', baseRevision: 1 },
      { isKnownPerson, now: () => EXPORTED + 1000 },
    );
    const result = await importNotes(
      db,
      exportedFile([note({ id: 'n1', text: 'from the file', revision: 50 }), note({ id: 'n9', text: 'new one' })]),
      isKnownPerson,
      { now: () => NOW },
    );
    expect(result).toEqual(summary({ added: 1, conflicts: [{ id: 'n1', personId: 'sam-altman', reason: 'edited-here' }] }));
    expect(await db.notes.get('n1')).toMatchObject({ text: 'edited here', revision: 2 });
    expect((await db.notes.get('n9'))?.text).toBe('new one');
  });

  it('updates a note untouched since the export when the file’s version is newer, and calls identical notes unchanged', async () => {
    // n1 was last changed before the export; n2 was saved after it, but with the very text the file has.
    await db.notes.update('n2', { updatedAt: EXPORTED + 5000 });
    const result = await importNotes(
      db,
      exportedFile([
        note({ id: 'n1', text: 'newer elsewhere', revision: 2, updatedAt: EXPORTED - 1 }),
        note({ id: 'n2', personId: 'trapit-bansal', text: 'Trapit note', revision: 3 }),
      ]),
      isKnownPerson,
      { now: () => NOW },
    );
    expect(result).toEqual(summary({ updated: 1, unchanged: 1 }));
    expect(await db.notes.get('n1')).toMatchObject({ text: 'newer elsewhere', revision: 2 });
  });

  it('keeps a stored note that is newer than the file’s, untouched since the export, as unchanged', async () => {
    const result = await importNotes(
      db,
      exportedFile([note({ id: 'n2', personId: 'trapit-bansal', text: 'older', revision: 1 })]),
      isKnownPerson,
      { now: () => NOW },
    );
    expect(result).toEqual(summary({ unchanged: 1 }));
    expect((await db.notes.get('n2'))?.text).toBe('Trapit note');
  });

  it.each([
    ['missing', undefined],
    ['not a date', 'last Tuesday'],
    ['a number, not ISO 8601', EXPORTED],
    ['in the future', '2099-01-01T00:00:00.000Z'],
  ])('treats every differing note as a conflict when exportedAt is %s', async (_label, exportedAt) => {
    const result = await importNotes(
      db,
      file(
        [
          note({ id: 'n1', text: 'from the file', revision: 7 }),
          note({ id: 'n2', personId: 'trapit-bansal', text: 'Trapit note', revision: 3 }),
          note({ id: 'n9', text: 'new' }),
        ],
        { exportedAt },
      ),
      isKnownPerson,
      { now: () => NOW },
    );
    expect(result).toEqual(
      summary({ added: 1, unchanged: 1, conflicts: [{ id: 'n1', personId: 'sam-altman', reason: 'export-time-unknown' }] }),
    );
    expect((await db.notes.get('n1'))?.text).toBe('Sam note');
  });

  it('reads exportedAt as ISO 8601 with or without an offset, and nothing later than now', () => {
    expect(parseExportedAt('2025-01-01T00:00:00.000Z', NOW)).toBe(EXPORTED);
    expect(parseExportedAt('2025-01-01T08:00:00+08:00', NOW)).toBe(EXPORTED);
    expect(parseExportedAt('2025-01-01', NOW)).toBeNull();
    expect(parseExportedAt(new Date(NOW + 1).toISOString(), NOW)).toBeNull();
    expect(parseExportedAt(null, NOW)).toBeNull();
  });
});

describe('import: notes deleted here', () => {
  const EXPORTED = Date.UTC(2025, 0, 1);
  const DELETED = EXPORTED + 60_000;
  /** A backup is a version 2 file: its (empty) people are reported too. */
  const fromBackup = (over: Partial<ImportSummary>) => summary({ ...over, people: { added: 0, updated: 0, unchanged: 0, sameName: [] } });

  async function exportThenDelete(...ids: string[]) {
    const backup = exportToJson(await exportNotes(db, EXPORTED));
    for (const id of ids) await deleteNote(db, id, { now: () => DELETED });
    return backup;
  }

  it('does not bring back a note deleted after the export, and says which', async () => {
    const backup = await exportThenDelete('n1');
    const result = await importNotes(db, backup, isKnownPerson, { now: () => NOW });
    expect(result).toEqual(fromBackup({ unchanged: 1, deletedHere: [{ id: 'n1', personId: 'sam-altman', editedAfterDeletion: false }] }));
    expect(await db.notes.get('n1')).toBeUndefined();
    expect(await db.tombstones.get('n1')).toMatchObject({ revision: 1 });
  });

  it('does not bring back a note edited elsewhere after the delete (higher revision) either', async () => {
    await exportThenDelete('n1');
    const result = await importNotes(db, file([note({ id: 'n1', text: 'edited on the laptop', revision: 4 })]), isKnownPerson, {
      now: () => NOW,
    });
    expect(result).toEqual(summary({ deletedHere: [{ id: 'n1', personId: 'sam-altman', editedAfterDeletion: true }] }));
    expect(await db.notes.get('n1')).toBeUndefined();
  });

  it('brings deleted notes back on request, clearing their tombstones and trash entries', async () => {
    const backup = await exportThenDelete('n1', 'n2');
    const result = await importNotes(db, backup, isKnownPerson, { now: () => NOW, restoreDeleted: true });
    expect(result).toEqual(fromBackup({ restored: 2 }));
    expect((await db.notes.get('n1'))?.text).toBe('Sam note');
    expect(await db.tombstones.count()).toBe(0);
    expect(await db.trash.count()).toBe(0);
    // Back for good: the next import of the same backup is no change.
    expect(await importNotes(db, backup, isKnownPerson, { now: () => NOW })).toEqual(fromBackup({ unchanged: 2 }));
  });

  it('brings back only the notes named in restoreDeleted', async () => {
    const backup = await exportThenDelete('n1', 'n2');
    const result = await importNotes(db, backup, isKnownPerson, { now: () => NOW, restoreDeleted: ['n2'] });
    expect(result).toEqual(fromBackup({ restored: 1, deletedHere: [{ id: 'n1', personId: 'sam-altman', editedAfterDeletion: false }] }));
    expect(await db.notes.get('n1')).toBeUndefined();
    expect((await db.notes.get('n2'))?.text).toBe('Trapit note');
    expect((await db.tombstones.toArray()).map((t) => t.id)).toEqual(['n1']);
  });
});

describe('import: dates and people the file cannot impose', () => {
  it('pulls dates later than now back to now, and an edit time before the creation up to it', async () => {
    const future = Date.UTC(2100, 0, 1);
    const result = await importNotes(
      db,
      file([note({ id: 'f1', createdAt: future, updatedAt: future }), note({ id: 'f2', createdAt: 1_700_000_000_000, updatedAt: 5 })]),
      isKnownPerson,
      { now: () => NOW },
    );
    expect(result).toEqual(summary({ added: 2 }));
    expect(await db.notes.get('f1')).toMatchObject({ createdAt: NOW, updatedAt: NOW });
    expect(await db.notes.get('f2')).toMatchObject({ createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000 });
  });

  it('never moves a note to another person: an id stored or deleted under someone else is a conflict', async () => {
    await db.tombstones.put({ id: 'gone', personId: 'sam-altman', revision: 1, deletedAt: 5 });
    const result = await importNotes(
      db,
      file([
        note({ id: 'n1', personId: 'trapit-bansal', text: 'hijack', revision: 9 }),
        note({ id: 'gone', personId: 'alexander-kolesnikov', revision: 3 }),
      ]),
      isKnownPerson,
      { now: () => NOW, restoreDeleted: true },
    );
    expect(result).toEqual(
      summary({
        conflicts: [
          { id: 'n1', personId: 'sam-altman', reason: 'other-person' },
          { id: 'gone', personId: 'sam-altman', reason: 'other-person' },
        ],
      }),
    );
    expect(await db.notes.get('n1')).toMatchObject({ personId: 'sam-altman', text: 'Sam note', revision: 1 });
    expect(await db.notes.get('gone')).toBeUndefined();
  });
});
