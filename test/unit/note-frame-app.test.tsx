// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { NoteFrame } from '@/entrypoints/note-frame/NoteFrame';
import { NOTE_FRAME_SOURCE, noteFrameQuery, parseNoteFrameQuery, type NoteFrameMessage } from '@/utils/notes/note-frame';
import { NOTE_LIMITS, type NoteRecord } from '@/utils/notes/records';
import { memoryNotes, useLocale } from './card-fixtures';

const frameId = '0123456789abcdef0123456789abcdef';
const existing: NoteRecord = { id: 'n0', personId: 'shengjia-zhao', text: 'Met him at NeurIPS', createdAt: 1, updatedAt: 1, revision: 1 };

/** happy-dom's ResizeObserver never reports: this one reports on observe (as browsers do) and on demand. */
class FakeResizeObserver {
  static all: FakeResizeObserver[] = [];
  constructor(private readonly callback: ResizeObserverCallback) {
    FakeResizeObserver.all.push(this);
  }
  observe() {
    this.fire();
  }
  fire() {
    this.callback([], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
}

/** The frame as main.tsx builds it: its params read from a URL the card made. */
function renderFrame(options: { notes?: NoteRecord[]; selection?: string; search?: string } = {}) {
  const client = memoryNotes(options.notes ?? [existing, { ...existing, id: 'other', personId: 'someone-else', text: 'Not this person' }]);
  const origin = { url: 'https://news.example/story', title: 'A story', selection: options.selection ?? 'the selected words' };
  const params = parseNoteFrameQuery(options.search ?? noteFrameQuery({ personId: 'shengjia-zhao', frameId, origin }));
  const posted: NoteFrameMessage[] = [];
  const post = vi.fn((message: NoteFrameMessage) => void posted.push(message));
  render(<NoteFrame params={params} client={client} post={post} />);
  return { client, posted, post, origin };
}

beforeEach(() => {
  useLocale('en');
  FakeResizeObserver.all = [];
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the notes frame', () => {
  it('lists the person’s notes only, adds one with the origin from its URL, edits one in place', async () => {
    const { client, origin } = renderFrame();
    await waitFor(() => expect(screen.getByText('Met him at NeurIPS')).toBeTruthy());
    expect(document.body.textContent).not.toContain('Not this person');

    fireEvent.input(screen.getAllByRole('textbox')[0]!, { target: { value: 'Leads the post-training team' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(screen.getByText('Leads the post-training team')).toBeTruthy());
    expect(client.drafts[0]).toEqual({ personId: 'shengjia-zhao', text: 'Leads the post-training team', origin });

    const item = screen.getByText('Met him at NeurIPS').closest('li') as HTMLElement;
    fireEvent.click(within(item).getByRole('button', { name: 'Edit' }));
    fireEvent.input(within(item).getByRole('textbox'), { target: { value: 'Met him at NeurIPS 2024' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Met him at NeurIPS 2024')).toBeTruthy());
    expect(client.notes.find((n) => n.id === 'n0')).toMatchObject({ text: 'Met him at NeurIPS 2024', revision: 2 });
  });

  it('a selection longer than the store takes is saved trimmed, not refused', async () => {
    const { client } = renderFrame({ selection: 'w'.repeat(NOTE_LIMITS.selection + 500), notes: [] });
    fireEvent.input(screen.getByRole('textbox'), { target: { value: 'About the quote' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(client.drafts).toHaveLength(1));
    expect(client.drafts[0]!.origin!.selection).toHaveLength(NOTE_LIMITS.selection);
  });

  it('posts its height with its nonce when it first lays out and whenever it changes, never any text', async () => {
    // happy-dom has no layout: the frame is 60 px plus 40 per note shown, plus whatever the "user" resized.
    let resized = 0;
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(
      () => ({ height: 60 + 40 * document.querySelectorAll('[data-testid="note"]').length + resized }) as DOMRect,
    );
    const { posted } = renderFrame();
    expect(posted[0]).toEqual({ source: NOTE_FRAME_SOURCE, frameId, height: 60 });
    // The notes arriving are measured after they render, without waiting for the observer
    // (which Chromium does not run while the frame is out of the card's view).
    await waitFor(() => expect(posted.at(-1)).toEqual({ source: NOTE_FRAME_SOURCE, frameId, height: 100 }));
    fireEvent.input(screen.getAllByRole('textbox')[0]!, { target: { value: 'Second note' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(posted.at(-1)!).toMatchObject({ height: 140 }));
    // A resize the frame's own renders do not cause (the editor dragged taller) comes through the observer.
    resized = 61.5;
    FakeResizeObserver.all.at(-1)!.fire();
    expect(posted.at(-1)).toEqual({ source: NOTE_FRAME_SOURCE, frameId, height: 202 });
    // Unchanged sizes are not posted again.
    const count = posted.length;
    FakeResizeObserver.all.at(-1)!.fire();
    expect(posted).toHaveLength(count);
    expect(new Set(posted.map((m) => Object.keys(m).sort().join()))).toEqual(new Set(['frameId,height,source']));
    expect(JSON.stringify(posted)).not.toMatch(/NeurIPS|Second note/);
  });

  it('Escape posts "escape" when nothing is unsaved; with typed text the first Escape only leaves the editor', async () => {
    const { posted } = renderFrame();
    const escapes = () => posted.filter((m) => 'action' in m);
    const input = screen.getAllByRole('textbox')[0]!;
    input.focus();
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(escapes()).toEqual([{ source: NOTE_FRAME_SOURCE, frameId, action: 'escape' }]);

    fireEvent.input(input, { target: { value: 'half a thought' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(escapes()).toHaveLength(1);
    expect(document.activeElement).toBe(screen.getByTestId('note-frame'));
    expect((input as HTMLTextAreaElement).value).toBe('half a thought');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(escapes()).toHaveLength(2);
    // Other keys are the frame's own business.
    fireEvent.keyDown(input, { key: 'a' });
    expect(escapes()).toHaveLength(2);
  });

  it('Escape in a note being edited cancels the edit and leaves the card open', async () => {
    const { posted } = renderFrame();
    await waitFor(() => expect(screen.getByText('Met him at NeurIPS')).toBeTruthy());
    const item = screen.getByText('Met him at NeurIPS').closest('li') as HTMLElement;
    fireEvent.click(within(item).getByRole('button', { name: 'Edit' }));
    fireEvent.keyDown(within(item).getByRole('textbox'), { key: 'Escape' });
    expect(within(item).queryByRole('textbox')).toBeNull();
    expect(posted.filter((m) => 'action' in m)).toHaveLength(0);
  });

  it('a URL without a usable person or nonce shows a short message, lists nothing and posts nothing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { client, posted } = renderFrame({ search: '?person=shengjia-zhao&frame=not-a-nonce' });
    const list = vi.spyOn(client, 'list');
    expect(screen.getByRole('alert').textContent).toBe('Could not load notes.');
    expect(screen.queryByRole('textbox')).toBeNull();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(posted).toEqual([]);
    expect(list).not.toHaveBeenCalled();
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
