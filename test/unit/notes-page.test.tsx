// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { importErrorMessage, importSummaryText, NotesPage } from '@/components/notes-page/NotesPage';
import type { NotesPageDeps } from '@/components/notes-page/notes-page-deps';
import { UNDO_MS } from '@/components/notes-page/OwnPeopleSection';
import type { NotesDatabase } from '@/utils/notes/db';
import { exportNotes, exportToJson, importNotes, type ImportSummary, type NotesExport } from '@/utils/notes/import-export';
import { deleteNote, saveNote } from '@/utils/notes/store';
import { addRejection, deleteRejection, listRejections } from '@/utils/notes/rejection-store';
import type { NoteRecord } from '@/utils/notes/records';
import { bundledDetails, isKnownPerson } from '@/utils/search/bundled-people';
import { useLocale } from './card-fixtures';
import { freshDatabase, storeNotesClient } from './notes-fixtures';
import { deleteFromPeople, listUserLayer, restoreToPeople, saveAddition, saveUserPerson } from '@/utils/people/store';

let db: NotesDatabase;

function deps(overrides: Partial<NotesPageDeps> = {}): NotesPageDeps & { download: ReturnType<typeof vi.fn> } {
  return {
    notes: storeNotesClient(db, { isKnownPerson }),
    exportNotes: () => exportNotes(db),
    importNotes: (text, options) => importNotes(db, text, isKnownPerson, options),
    download: vi.fn(),
    rejections: { list: async () => listRejections(db), remove: (id: string) => deleteRejection(db, id) },
    people: {
      list: () => listUserLayer(db),
      remove: (id: string) => deleteFromPeople(db, id),
      restore: (id: string) => restoreToPeople(db, id),
      watch: () => () => undefined,
    },
    ...overrides,
  } as NotesPageDeps & { download: ReturnType<typeof vi.fn> };
}

async function seed() {
  const client = storeNotesClient(db, { isKnownPerson });
  await client.save({ personId: 'sam-altman', text: 'Sam runs OpenAI', origin: { url: 'https://a.example/', title: 'Site A' } });
  await client.save({ personId: 'trapit-bansal', text: 'Moved to Meta <b>early</b>' });
}

function chooseFile(text: string, name = 'notes.json') {
  const input = screen.getByTestId('import-file') as HTMLInputElement;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

beforeEach(async () => {
  fakeBrowser.reset();
  useLocale('en');
  db = freshDatabase();
  await seed();
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await db.delete();
});

describe('notes page', () => {
  it('lists every note under its person, as text, and searches them', async () => {
    render(<NotesPage details={bundledDetails} deps={deps()} />);
    await waitFor(() => expect(screen.getAllByTestId('note')).toHaveLength(2));
    expect(screen.getByRole('link', { name: 'Sam Altman' }).getAttribute('href')).toBe('#person-sam-altman');
    const html = screen.getByText('Moved to Meta <b>early</b>');
    expect(html.querySelector('b')).toBeNull();

    const search = screen.getByRole('searchbox', { name: 'Search notes' });
    fireEvent.input(search, { target: { value: 'trapit' } });
    expect(screen.getAllByTestId('note')).toHaveLength(1);
    expect(screen.getByTestId('notes-count').textContent).toBe('Showing 1 of 2');
    fireEvent.input(search, { target: { value: 'site a' } });
    expect(screen.getByText('Sam runs OpenAI')).toBeTruthy();
    fireEvent.input(search, { target: { value: 'nothing like this' } });
    expect(screen.queryAllByTestId('note')).toHaveLength(0);
  });

  it('lists every person with their moves and note counts', async () => {
    render(<NotesPage details={bundledDetails} deps={deps()} initialPersonId="shengjia-zhao" />);
    const entries = screen.getAllByTestId('person-entry');
    expect(entries).toHaveLength(Object.keys(bundledDetails.people).length);
    const zhao = entries.find((e) => e.getAttribute('data-person-id') === 'shengjia-zhao') as HTMLDetailsElement;
    expect(zhao.open).toBe(true);
    expect(within(zhao).getAllByTestId('move')).toHaveLength(bundledDetails.people['shengjia-zhao']!.moves.length);
    const sam = entries.find((e) => e.getAttribute('data-person-id') === 'sam-altman')!;
    await waitFor(() => expect(within(sam).getByText(/notes: 1/)).toBeTruthy());
  });

  it('exports JSON that imports back, and Markdown for reading', async () => {
    const d = deps();
    render(<NotesPage details={bundledDetails} deps={d} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(d.download).toHaveBeenCalledTimes(1));
    const [filename, json, type] = d.download.mock.calls[0]!;
    expect(filename).toMatch(/^talent-lens-notes-\d{4}-\d{2}-\d{2}\.json$/);
    expect(type).toBe('application/json');
    const parsed = JSON.parse(json) as NotesExport;
    expect(parsed).toMatchObject({ format: 'talent-lens-notes', version: 2, people: [], additions: [] });
    expect(parsed.notes.map((n) => n.text).sort()).toEqual(['Moved to Meta <b>early</b>', 'Sam runs OpenAI']);
    expect(screen.getByRole('status').textContent).toBe('Notes exported: 2.');

    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
    await waitFor(() => expect(d.download).toHaveBeenCalledTimes(2));
    const [mdName, markdown, mdType] = d.download.mock.calls[1]!;
    expect(mdName).toMatch(/\.md$/);
    expect(mdType).toBe('text/markdown');
    expect(markdown).toContain('## Sam Altman');
    expect(markdown).toContain('\n\nSam runs OpenAI\n');
  });

  it('imports a valid file, reports what changed and shows the new notes', async () => {
    render(<NotesPage details={bundledDetails} deps={deps()} />);
    await waitFor(() => expect(screen.getAllByTestId('note')).toHaveLength(2));
    const file = JSON.stringify({
      format: 'talent-lens-notes',
      version: 1,
      exportedAt: '2025-01-01T00:00:00.000Z',
      notes: [{ id: 'imported-1', personId: 'elon-musk', text: 'Imported note', createdAt: 1, updatedAt: 1, revision: 1 }],
    });
    chooseFile(file);
    expect((await screen.findByRole('status')).textContent).toBe('Imported: 1 added, 0 updated, 0 already up to date.');
    await screen.findByText('Imported note');
    expect(screen.getAllByTestId('note')).toHaveLength(3);
  });

  /** A real import on fake-indexeddb, on a shared 2-core machine, can take longer than testing-library's 1 s default. */
  const SLOW_IMPORT_MS = 5_000;
  /** Two real imports and an export in one test: more than Vitest's 5 s default on a busy machine. */
  const IMPORT_TEST_MS = 20_000;

  /** An export of the seeded notes, then Sam's note edited here and Trapit's deleted, as a user would after a backup. */
  async function backupThenChangeHere() {
    const exported = await exportNotes(db);
    const later = () => Date.now() + 60_000;
    const [sam, trapit] = ['sam-altman', 'trapit-bansal'].map((id) => exported.notes.find((n) => n.personId === id)!) as [
      NoteRecord,
      NoteRecord,
    ];
    await saveNote(
      db,
      { id: sam.id, personId: sam.personId, text: 'Sam, edited after the backup', baseRevision: sam.revision },
      { isKnownPerson, now: later },
    );
    await deleteNote(db, trapit.id, { now: later });
    const newNote: NoteRecord = {
      id: 'from-backup',
      personId: 'elon-musk',
      text: 'Only in the backup',
      createdAt: 1,
      updatedAt: 1,
      revision: 1,
    };
    return { fileText: exportToJson({ ...exported, notes: [...exported.notes, newNote] }), trapit };
  }

  it(
    'names the notes an import kept as they are and the deleted ones it did not bring back, and brings those back on request',
    async () => {
      const d = deps();
      const importSpy = vi.spyOn(d, 'importNotes');
      render(<NotesPage details={bundledDetails} deps={d} />);
      await waitFor(() => expect(screen.getAllByTestId('note')).toHaveLength(2));
      const { fileText, trapit } = await backupThenChangeHere();

      chooseFile(fileText);
      const bringBack = await screen.findByRole('button', { name: 'Bring it back' }, { timeout: SLOW_IMPORT_MS });
      expect(screen.getByRole('status').textContent).toBe(
        'Imported: 1 added, 0 updated, 0 already up to date. ' +
          '1 note was edited here after this export and was kept as it is: Sam Altman. ' +
          '1 note you deleted was not brought back: Trapit Bansal.',
      );
      expect(await db.notes.get('from-backup')).toBeTruthy();
      expect(await db.notes.get(trapit.id)).toBeUndefined();
      expect((await db.notes.toArray()).find((n) => n.personId === 'sam-altman')?.text).toBe('Sam, edited after the backup');

      fireEvent.click(bringBack);
      await waitFor(() => expect(screen.getByRole('status').textContent).toContain('1 deleted note was brought back.'), {
        timeout: SLOW_IMPORT_MS,
      });
      expect(importSpy).toHaveBeenLastCalledWith(fileText, { restoreDeleted: [trapit.id] });
      expect(screen.getByRole('status').textContent).toBe(
        'Imported: 0 added, 0 updated, 1 already up to date. 1 deleted note was brought back. ' +
          '1 note was edited here after this export and was kept as it is: Sam Altman.',
      );
      expect(screen.queryByTestId('import-bring-back')).toBeNull();
      await screen.findByText('Moved to Meta <b>early</b>', {}, { timeout: SLOW_IMPORT_MS });
      expect(await db.tombstones.count()).toBe(0);
    },
    IMPORT_TEST_MS,
  );

  it('counts several notes, names each person once, and names at most five before counting the others', () => {
    const people = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const result: ImportSummary = {
      ok: true,
      added: 0,
      updated: 2,
      unchanged: 0,
      restored: 3,
      conflicts: [
        { id: 'x1', personId: 'a', reason: 'other-person' },
        { id: 'x2', personId: 'a', reason: 'other-person' },
        { id: 'x3', personId: 'b', reason: 'export-time-unknown' },
      ],
      deletedHere: people.map((personId, i) => ({ id: `d${i}`, personId, editedAfterDeletion: false })),
    };
    expect(importSummaryText(result, (id) => id.toUpperCase(), 'en')).toBe(
      'Imported: 0 added, 2 updated, 0 already up to date. 3 deleted notes were brought back. ' +
        '1 note differs from the file, which does not say when it was exported, so it was kept as it is here: B. ' +
        '2 notes in the file belong to other people here and were not moved: A. ' +
        '7 notes you deleted were not brought back: A, B, C, D, E, and 2 others.',
    );
    useLocale('zh_CN');
    expect(importSummaryText(result, (id) => id.toUpperCase(), 'zh')).toContain(
      '有 7 条你删除过的笔记没有恢复：A、B、C、D、E和另外 2 人。',
    );
  });

  it(
    'reports the import result in Chinese for a Chinese browser',
    async () => {
      useLocale('zh_CN');
      render(<NotesPage details={bundledDetails} deps={deps()} />);
      await waitFor(() => expect(screen.getAllByTestId('note')).toHaveLength(2));
      const { fileText } = await backupThenChangeHere();
      chooseFile(fileText);
      expect(await screen.findByRole('button', { name: '恢复这条笔记' }, { timeout: SLOW_IMPORT_MS })).toBeTruthy();
      expect(screen.getByRole('status').textContent).toBe(
        '导入完成：新增 1 条，更新 0 条，0 条无变化。有 1 条笔记在这份导出之后又在这里改过，已保留这里的版本：萨姆·奥尔特曼。有 1 条你删除过的笔记没有恢复：特拉皮特·班萨尔。',
      );
    },
    IMPORT_TEST_MS,
  );

  it.each([
    ['not JSON', '{oops', /^This file is not a Talent Lens export \(it is not JSON\)\.$/],
    ['a CSV file', 'person,note\nsam-altman,hello\n', /^This looks like a CSV file, not a Talent Lens export\.$/],
    ['a wrong version', JSON.stringify({ format: 'talent-lens-notes', version: 7, notes: [] }), /version \(7\) is not supported/],
    [
      'unknown people',
      JSON.stringify({
        format: 'talent-lens-notes',
        version: 1,
        notes: [{ id: 'x', personId: 'no-such-person', text: 't', createdAt: 1, updatedAt: 1, revision: 1 }],
      }),
      /people Talent Lens does not know: no-such-person\./,
    ],
  ])('shows a clear error for %s and leaves the notes intact', async (_label, text, message) => {
    render(<NotesPage details={bundledDetails} deps={deps()} />);
    await waitFor(() => expect(screen.getAllByTestId('note')).toHaveLength(2));
    chooseFile(text);
    expect((await screen.findByRole('alert')).textContent).toMatch(message);
    expect(await db.notes.count()).toBe(2);
    expect(screen.getAllByTestId('note')).toHaveLength(2);
  });

  it('keeps the parser\'s message for a file that is not JSON behind a "Details" disclosure', async () => {
    render(<NotesPage details={bundledDetails} deps={deps()} />);
    await waitFor(() => expect(screen.getAllByTestId('note')).toHaveLength(2));
    chooseFile('name;text\nSam;hi\n', 'notes.csv');
    expect((await screen.findByRole('alert')).textContent).toBe('This looks like a CSV file, not a Talent Lens export.');
    const detail = screen.getByTestId('notes-message-detail') as HTMLDetailsElement;
    expect(detail.tagName).toBe('DETAILS');
    expect(detail.open).toBe(false);
    expect(within(detail).getByText('Details').tagName).toBe('SUMMARY');
    // The parser's own words, e.g. "Unexpected token 'n'…", kept for whoever debugs the file.
    expect(detail.querySelector('code')?.textContent).toMatch(/JSON|token/i);
  });

  it.each([
    ['not-json', 'This file is not a Talent Lens export (it is not JSON).'],
    ['csv', 'This looks like a CSV file, not a Talent Lens export.'],
  ] as const)('importErrorMessage: %s is a plain sentence with the parser detail apart', (code, text) => {
    expect(importErrorMessage({ ok: false, code, detail: 'Unexpected token', message: '' })).toEqual({ text, detail: 'Unexpected token' });
  });

  it('importErrorMessage: other rejections keep their reason in the sentence and have no detail', () => {
    expect(importErrorMessage({ ok: false, code: 'wrong-format', detail: 'talent-lens-notes', message: '' })).toEqual({
      text: 'Nothing was imported: the file is not a Talent Lens notes export.',
    });
    useLocale('zh_CN');
    expect(importErrorMessage({ ok: false, code: 'csv', detail: 'x', message: '' }).text).toBe(
      '这看起来是 CSV 文件，不是 Talent Lens 的导出文件。',
    );
  });

  it('refuses a file over the size limit without reading it', async () => {
    const importSpy = vi.fn(async () => ({
      ok: true as const,
      added: 0,
      updated: 0,
      unchanged: 0,
      restored: 0,
      conflicts: [],
      deletedHere: [],
    }));
    render(<NotesPage details={bundledDetails} deps={deps({ importNotes: importSpy })} />);
    chooseFile('x'.repeat(5 * 1024 * 1024 + 1));
    expect((await screen.findByRole('alert')).textContent).toBe('Nothing was imported: the file is larger than 5 MB.');
    expect(importSpy).not.toHaveBeenCalled();
  });

  it('is in Chinese for a Chinese browser', async () => {
    useLocale('zh_CN');
    render(<NotesPage details={bundledDetails} deps={deps()} />);
    expect(screen.getByRole('button', { name: '导出 JSON' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '全部笔记' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: '萨姆·奥尔特曼' })).toBeTruthy();
  });
});

describe('the "Not this person" section', () => {
  it('lists site, alias, person and date, and Undo forgets the choice', async () => {
    useLocale('en');
    await addRejection(db, 'news.example', { personId: 'sam-altman', aliasText: 'Altman' }, isKnownPerson, Date.UTC(2025, 5, 30, 12));
    render(<NotesPage details={bundledDetails} deps={deps()} />);
    const row = await screen.findByTestId('rejection');
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells.slice(0, 4)).toEqual(['news.example', 'Altman', 'Sam Altman', 'Jun 30, 2025']);
    fireEvent.click(within(row).getByRole('button', { name: 'Undo: mark “Altman” as Sam Altman on news.example again' }));
    await waitFor(() => expect(screen.queryByTestId('rejection')).toBeNull());
    expect(screen.getByTestId('rejections-status').textContent).toBe('“Altman” is marked as Sam Altman on news.example again.');
    expect(await listRejections(db)).toEqual([]);
  });

  it('says so when there are none, in Chinese too', async () => {
    useLocale('zh_CN');
    render(<NotesPage details={bundledDetails} deps={deps()} />);
    const section = screen.getByTestId('rejections');
    expect(within(section).getByRole('heading').textContent).toBe('不是此人');
    await waitFor(() => expect(section.textContent).toContain('还没有'));
  });
});

describe('your people on the notes page', () => {
  async function seedPeople() {
    const pang = await saveUserPerson(db, {
      name: { primary: 'Ruoming Pang', other: '庞若鸣' },
      aliases: [
        { text: 'Ruoming Pang', kind: 'full' },
        { text: 'Pang', kind: 'surname' },
      ],
      org: 'Meta',
      role: 'Superintelligence lab',
      tags: ['apple'],
      visibility: 'find-only',
    });
    await saveAddition(db, { personId: 'sam-altman', aliases: [{ text: 'Sama', kind: 'full' }] });
    if (!pang.ok) throw new Error('seed failed');
    await storeNotesClient(db, { isKnownPerson: () => true }).save({ personId: pang.record.id, text: 'Met at NeurIPS' });
    return pang.record.id;
  }

  it('lists the reader’s people and additions with Edit links, and names notes on their people', async () => {
    const id = await seedPeople();
    render(<NotesPage details={bundledDetails} deps={deps()} />);
    const rows = await screen.findAllByTestId('own-person');
    expect(rows.map((row) => row.getAttribute('data-person-id'))).toEqual(['sam-altman', id]);
    expect(rows[0]!.textContent).toContain('Sam Altman · your additions');
    expect(rows[0]!.textContent).toContain('also: Sama');
    const pang = rows[1]!;
    expect(pang.textContent).toContain('Ruoming Pang 庞若鸣');
    expect(pang.textContent).toContain('Superintelligence lab · Meta');
    await waitFor(() => expect(pang.textContent).toContain('also: Pang · #apple · notes: 1 · found only in the popup'));
    expect(within(pang).getByRole('link', { name: 'Edit Ruoming Pang' }).getAttribute('href')).toBe(`/people.html?person=${id}`);
    // The note on the reader's person is headed by their name, not "Unknown person".
    await waitFor(() => expect(screen.getByRole('link', { name: 'Ruoming Pang' }).getAttribute('href')).toBe('#tl-own-people'));
  });

  it('deletes with Undo: focus goes to Undo, Undo brings the person back and focus to their row', async () => {
    const id = await seedPeople();
    render(<NotesPage details={bundledDetails} deps={deps()} />);
    await screen.findAllByTestId('own-person');
    fireEvent.click(screen.getByRole('button', { name: 'Delete Ruoming Pang' }));
    const notice = await screen.findByTestId('own-people-undo');
    expect(notice.textContent).toContain('Ruoming Pang deleted.');
    await waitFor(() => expect(screen.getAllByTestId('own-person').map((r) => r.getAttribute('data-person-id'))).toEqual(['sam-altman']));
    const undo = within(notice).getByRole('button', { name: 'Undo' });
    expect(document.activeElement).toBe(undo);
    expect((await listUserLayer(db)).people).toEqual([]);
    fireEvent.click(undo);
    await waitFor(() => expect(screen.queryByTestId('own-people-undo')).toBeNull());
    await waitFor(() => expect(screen.getAllByTestId('own-person')).toHaveLength(2));
    expect((await listUserLayer(db)).people.map((p) => p.id)).toEqual([id]);
    await waitFor(() => expect(document.activeElement?.closest('[data-testid="own-person"]')?.getAttribute('data-person-id')).toBe(id));
  });

  it('deleting additions says so; Escape takes the notice away and the additions stay deleted', async () => {
    await seedPeople();
    render(<NotesPage details={bundledDetails} deps={deps()} />);
    await screen.findAllByTestId('own-person');
    fireEvent.click(screen.getByRole('button', { name: 'Delete Sam Altman' }));
    const notice = await screen.findByTestId('own-people-undo');
    expect(notice.textContent).toContain('Your additions to Sam Altman deleted.');
    fireEvent.keyDown(within(notice).getByRole('button', { name: 'Undo' }), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('own-people-undo')).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Your people' }));
    expect((await listUserLayer(db)).additions).toEqual([]);
  });

  it('the Undo notice goes away on its own after a few seconds', async () => {
    await seedPeople();
    render(<NotesPage details={bundledDetails} deps={deps()} />);
    await screen.findAllByTestId('own-person');
    // Only the page's own timers: the fake IndexedDB runs on setImmediate.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Delete Ruoming Pang' }));
      await screen.findByTestId('own-people-undo');
      await vi.advanceTimersByTimeAsync(UNDO_MS + 10);
      await waitFor(() => expect(screen.queryByTestId('own-people-undo')).toBeNull());
    } finally {
      vi.useRealTimers();
    }
  });

  it('says when there is nobody, in Chinese too', async () => {
    useLocale('zh_CN');
    render(<NotesPage details={bundledDetails} deps={deps()} />);
    expect((await screen.findByTestId('own-people-empty')).textContent).toContain('你还没有添加任何人。');
  });
});
