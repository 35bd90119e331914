// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { NoteFrame } from '@/entrypoints/note-frame/NoteFrame';
import type { NoteRecord } from '@/utils/notes/records';
import { memoryNotes, useLocale } from './card-fixtures';
import { asUserInput } from './trusted-events';

const existing: NoteRecord = { id: 'n0', personId: 'shengjia-zhao', text: 'Met him at NeurIPS', createdAt: 1, updatedAt: 1, revision: 1 };
const origin = { url: 'https://news.example/story', title: 'A story', selection: 'the selected words' };

/** The frame as main.tsx renders it once the background confirmed its session. */
function renderFrame(options: { notes?: NoteRecord[]; client?: ReturnType<typeof memoryNotes> } = {}) {
  const client =
    options.client ??
    memoryNotes(options.notes ?? [existing, { ...existing, id: 'other', personId: 'someone-else', text: 'Not this person' }]);
  const onEscape = vi.fn();
  const view = render(<NoteFrame subject={{ personId: 'shengjia-zhao', origin }} client={client} onEscape={onEscape} />);
  return { ...view, client, onEscape };
}

const escapeOn = (target: Element) => fireEvent(target, asUserInput(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));

beforeEach(() => useLocale('en'));

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the notes frame', () => {
  it('lists the person’s notes only, adds one with the session’s origin, edits one in place', async () => {
    const { client } = renderFrame();
    await waitFor(() => expect(screen.getByText('Met him at NeurIPS')).toBeTruthy());
    expect(document.body.textContent).not.toContain('Not this person');

    fireEvent.input(screen.getAllByRole('textbox')[0]!, { target: { value: 'Leads the post-training team' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(screen.getByText('Leads the post-training team')).toBeTruthy());
    expect(client.saved[0]).toEqual({ personId: 'shengjia-zhao', text: 'Leads the post-training team', origin });

    const item = screen.getByText('Met him at NeurIPS').closest('li') as HTMLElement;
    fireEvent.click(within(item).getByRole('button', { name: 'Edit' }));
    fireEvent.input(within(item).getByRole('textbox'), { target: { value: 'Met him at NeurIPS 2024' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Met him at NeurIPS 2024')).toBeTruthy());
    expect(client.notes.find((n) => n.id === 'n0')).toMatchObject({ text: 'Met him at NeurIPS 2024', revision: 2 });
  });

  it('Escape closes the card when nothing is unsaved; with typed text the first Escape only leaves the editor', async () => {
    const { onEscape } = renderFrame();
    const input = screen.getAllByRole('textbox')[0]!;
    input.focus();
    escapeOn(input);
    expect(onEscape).toHaveBeenCalledTimes(1);

    fireEvent.input(input, { target: { value: 'half a thought' } });
    escapeOn(input);
    expect(onEscape).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(screen.getByTestId('note-frame'));
    expect((input as HTMLTextAreaElement).value).toBe('half a thought');
    escapeOn(document.activeElement!);
    expect(onEscape).toHaveBeenCalledTimes(2);
    // Other keys are the frame's own business, and a made-up Escape is nobody's.
    fireEvent.keyDown(input, { key: 'a' });
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(onEscape).toHaveBeenCalledTimes(2);
  });

  it('Escape in a note being edited cancels the edit and leaves the card open', async () => {
    const { onEscape } = renderFrame();
    await waitFor(() => expect(screen.getByText('Met him at NeurIPS')).toBeTruthy());
    const item = screen.getByText('Met him at NeurIPS').closest('li') as HTMLElement;
    fireEvent.click(within(item).getByRole('button', { name: 'Edit' }));
    escapeOn(within(item).getByRole('textbox'));
    expect(within(item).queryByRole('textbox')).toBeNull();
    expect(onEscape).not.toHaveBeenCalled();
  });

  it('typed text is kept as it is typed, comes back when the frame opens again, and goes once saved', async () => {
    const first = renderFrame({ notes: [] });
    fireEvent.input(screen.getByRole('textbox'), { target: { value: 'half' } });
    fireEvent.input(screen.getByRole('textbox'), { target: { value: 'half a thought' } });
    await waitFor(() => expect(first.client.unsaved.get('new:shengjia-zhao')?.text).toBe('half a thought'));
    // The card closes (a click on the page): the frame is gone without a word.
    first.unmount();

    renderFrame({ client: first.client });
    await waitFor(() => expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('half a thought'));
    expect(screen.getByTestId('note-draft-restored').textContent).toBe('Unsaved text kept from before.');
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(screen.getByText('half a thought')).toBeTruthy());
    await waitFor(() => expect(first.client.unsaved.size).toBe(0));
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('');
  });

  it('an edit in progress is kept with the revision it started from and marked on its note; cancelling drops it', async () => {
    const client = memoryNotes([existing]);
    const first = renderFrame({ client });
    await waitFor(() => expect(screen.getByText('Met him at NeurIPS')).toBeTruthy());
    const item = () => screen.getAllByTestId('note')[0]!;
    fireEvent.click(within(item()).getByRole('button', { name: 'Edit' }));
    fireEvent.input(within(item()).getByRole('textbox'), { target: { value: 'Met him at NeurIPS, twice' } });
    await waitFor(() =>
      expect(client.unsaved.get('n0')).toMatchObject({ noteId: 'n0', baseRevision: 1, text: 'Met him at NeurIPS, twice' }),
    );
    first.unmount();

    renderFrame({ client });
    await waitFor(() => expect(screen.getByTestId('note-has-draft').textContent).toBe('Unsaved edit'));
    fireEvent.click(within(item()).getByRole('button', { name: 'Edit' }));
    await waitFor(() => expect((within(item()).getByRole('textbox') as HTMLTextAreaElement).value).toBe('Met him at NeurIPS, twice'));
    fireEvent.click(within(item()).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(client.unsaved.size).toBe(0));
  });

  it('without a confirmed session it shows a short notice only: no notes, no editor, no Escape', () => {
    render(<NoteFrame subject={null} />);
    expect(screen.getByRole('alert').textContent).toBe('This notes box is not connected to a card. Close the card and open it again.');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('in Chinese, its strings are Chinese', async () => {
    useLocale('zh_CN');
    renderFrame({ notes: [] });
    await waitFor(() => expect(screen.getByText('还没有笔记。')).toBeTruthy());
  });

  it('shows the newest notes of a person with many, and older ones on demand', async () => {
    const many = Array.from({ length: 30 }, (_, i): NoteRecord => ({ ...existing, id: `m${i}`, text: `Note ${i}`, updatedAt: 100 + i }));
    const { client } = renderFrame({ notes: many });
    const page = vi.spyOn(client, 'page');
    await waitFor(() => expect(screen.getAllByTestId('note')).toHaveLength(20));
    expect(screen.getAllByTestId('note-text')[0]!.textContent).toBe('Note 29');
    fireEvent.click(screen.getByRole('button', { name: 'Show older notes (10 more)' }));
    await waitFor(() => expect(screen.getAllByTestId('note')).toHaveLength(30));
    expect(page).toHaveBeenCalledWith({ personId: 'shengjia-zhao', limit: 20, after: { updatedAt: 110, id: 'm10' } });
    expect(screen.queryByTestId('notes-show-older')).toBeNull();
  });
});
