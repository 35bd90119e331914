// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { NotesPage } from '@/components/notes-page/NotesPage';
import type { NotesPageDeps } from '@/components/notes-page/notes-page-deps';
import type { NotesDatabase } from '@/utils/notes/db';
import { exportNotes, importNotes, type NotesExport } from '@/utils/notes/import-export';
import { bundledDetails, isKnownPerson } from '@/utils/search/bundled-people';
import { useLocale } from './card-fixtures';
import { freshDatabase, storeNotesClient } from './notes-fixtures';

let db: NotesDatabase;

function deps(overrides: Partial<NotesPageDeps> = {}): NotesPageDeps & { download: ReturnType<typeof vi.fn> } {
  return {
    notes: storeNotesClient(db, { isKnownPerson }),
    exportNotes: () => exportNotes(db),
    importNotes: (text) => importNotes(db, text, isKnownPerson),
    download: vi.fn(),
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
    expect(parsed).toMatchObject({ format: 'talent-lens-notes', version: 1 });
    expect(parsed.notes.map((n) => n.text).sort()).toEqual(['Moved to Meta <b>early</b>', 'Sam runs OpenAI']);
    expect(screen.getByRole('status').textContent).toBe('Notes exported: 2.');

    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
    await waitFor(() => expect(d.download).toHaveBeenCalledTimes(2));
    const [mdName, markdown, mdType] = d.download.mock.calls[1]!;
    expect(mdName).toMatch(/\.md$/);
    expect(mdType).toBe('text/markdown');
    expect(markdown).toContain('## Sam Altman');
    expect(markdown).toContain('```text\nSam runs OpenAI\n```');
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

  it.each([
    ['not JSON', '{oops', /^Nothing was imported: the file is not valid JSON \(.+\)\.$/],
    ['a wrong version', JSON.stringify({ format: 'talent-lens-notes', version: 7, notes: [] }), /version \(7\) is not supported/],
    ['unknown people', JSON.stringify({ format: 'talent-lens-notes', version: 1, notes: [{ id: 'x', personId: 'no-such-person', text: 't', createdAt: 1, updatedAt: 1, revision: 1 }] }), /people Talent Lens does not know: no-such-person\./],
  ])('shows a clear error for %s and leaves the notes intact', async (_label, text, message) => {
    render(<NotesPage details={bundledDetails} deps={deps()} />);
    await waitFor(() => expect(screen.getAllByTestId('note')).toHaveLength(2));
    chooseFile(text);
    expect((await screen.findByRole('alert')).textContent).toMatch(message);
    expect(await db.notes.count()).toBe(2);
    expect(screen.getAllByTestId('note')).toHaveLength(2);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const importSpy = vi.fn(async () => ({ ok: true as const, added: 0, updated: 0, unchanged: 0, restored: 0, conflicts: [], deletedHere: [] }));
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
