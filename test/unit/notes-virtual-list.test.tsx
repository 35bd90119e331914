// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { VirtualList } from '@/components/notes/VirtualList';
import { NoteList, NOTES_PAGE_SIZE } from '@/components/notes/NoteList';
import type { NoteRecord } from '@/utils/notes/records';
import { memoryNotes, useLocale } from './card-fixtures';

/** happy-dom lays nothing out: every row is taken at its estimate, and the view is this tall. */
const VIEW_PX = 300;
const ROW_PX = 50;

beforeEach(() => {
  useLocale('en');
  vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(VIEW_PX);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const items = Array.from({ length: 10_000 }, (_, i) => `item ${i}`);

function renderList(list = items) {
  render(
    <VirtualList
      items={list}
      itemKey={(item) => item}
      renderItem={(item) => <button type="button">{item}</button>}
      itemProps={() => ({ class: 'row', 'data-testid': 'row' })}
      estimatedHeight={ROW_PX}
      overscan={2}
      label="Things"
    />,
  );
  return screen.getByTestId('virtual-list');
}

function scrollTo(scroller: HTMLElement, top: number) {
  scroller.scrollTop = top;
  fireEvent.scroll(scroller);
}

const shownTexts = () => screen.getAllByTestId('row').map((row) => row.textContent);

describe('the windowed list', () => {
  it('renders only the rows in view (plus overscan), each saying its place in the whole list', () => {
    renderList();
    // 300 px of 50 px rows: rows 0–6 reach the view's bottom edge, and two more below.
    expect(shownTexts()).toEqual(Array.from({ length: 9 }, (_, i) => `item ${i}`));
    const list = screen.getByRole('list', { name: 'Things' });
    expect(list.style.height).toBe(`${items.length * ROW_PX}px`);
    const third = screen.getAllByTestId('row')[2]!;
    expect(third.getAttribute('aria-setsize')).toBe('10000');
    expect(third.getAttribute('aria-posinset')).toBe('3');
    expect(third.style.top).toBe(`${2 * ROW_PX}px`);
  });

  it('scrolling renders the rows now in view and drops the others', async () => {
    const scroller = renderList();
    scrollTo(scroller, 5_000 * ROW_PX);
    await waitFor(() => expect(shownTexts()[0]).toBe('item 4998'));
    expect(shownTexts()).toEqual(Array.from({ length: 11 }, (_, i) => `item ${4998 + i}`));
    expect(screen.queryByText('item 0')).toBeNull();
    const row = screen.getByText('item 5000').closest('li')!;
    expect(row.getAttribute('aria-posinset')).toBe('5001');
  });

  it('keeps the focused row rendered (and focused) when it scrolls out of view', async () => {
    const scroller = renderList();
    const button = screen.getByRole('button', { name: 'item 1' });
    button.focus();
    fireEvent.focusIn(button);
    scrollTo(scroller, 3_000 * ROW_PX);
    await waitFor(() => expect(shownTexts()).toContain('item 3000'));
    expect(shownTexts()[0]).toBe('item 1');
    expect(document.activeElement).toBe(button);
    // Once focus leaves the list, the row goes like any other.
    button.blur();
    fireEvent.focusOut(button, { relatedTarget: null });
    scrollTo(scroller, 3_001 * ROW_PX);
    await waitFor(() => expect(shownTexts()).not.toContain('item 1'));
  });

  it('lays rows out at their measured heights once rendered', async () => {
    // 80 px rows where happy-dom would say 0.
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.tagName === 'LI' ? 80 : 0;
    });
    renderList(items.slice(0, 100));
    await waitFor(() => expect(screen.getByText('item 3').closest('li')!.style.top).toBe('240px'));
  });
});

// Ids unlike memoryNotes' own (n1, n2…) for the notes it creates.
const note = (i: number): NoteRecord => ({
  id: `p${i}`,
  personId: 'sam-altman',
  text: `note number ${i}`,
  createdAt: i,
  updatedAt: i,
  revision: 1,
});

describe('a person’s notes by page (the card’s frame, the popup)', () => {
  it('shows the newest page and a button that loads older ones until none are left', async () => {
    const client = memoryNotes(Array.from({ length: 45 }, (_, i) => note(i)));
    const page = vi.spyOn(client, 'page');
    render(<NoteList client={client} personId="sam-altman" />);
    await waitFor(() => expect(screen.getAllByTestId('note')).toHaveLength(NOTES_PAGE_SIZE));
    expect(screen.getAllByTestId('note-text')[0]!.textContent).toBe('note number 44');
    const button = screen.getByRole('button', { name: 'Show older notes (25 more)' });
    expect(page).toHaveBeenCalledTimes(1);

    fireEvent.click(button);
    await waitFor(() => expect(screen.getAllByTestId('note')).toHaveLength(40));
    expect(screen.getByRole('button', { name: 'Show older notes (5 more)' })).toBeTruthy();
    fireEvent.click(screen.getByTestId('notes-show-older'));
    await waitFor(() => expect(screen.getAllByTestId('note')).toHaveLength(45));
    expect(screen.queryByTestId('notes-show-older')).toBeNull();
    expect(screen.getAllByTestId('note-text').map((n) => n.textContent)).toEqual(
      Array.from({ length: 45 }, (_, i) => `note number ${44 - i}`),
    );
    // The button went away: focus goes to the first note it loaded, not to the page.
    expect(document.activeElement?.getAttribute('data-note-id')).toBe('p4');
  });

  it('counts what is left after adding and deleting notes', async () => {
    const client = memoryNotes(Array.from({ length: 25 }, (_, i) => note(i)));
    render(<NoteList client={client} personId="sam-altman" />);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Show older notes (5 more)' })).toBeTruthy());
    fireEvent.input(screen.getAllByRole('textbox')[0]!, { target: { value: 'brand new' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(screen.getByText('brand new')).toBeTruthy());
    expect(screen.getByTestId('notes-show-older').textContent).toBe('Show older notes (5 more)');
    const item = screen.getByText('note number 24').closest('li')!;
    fireEvent.click(within(item).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByText('note number 24')).toBeNull());
    expect(screen.getByTestId('notes-show-older').textContent).toBe('Show older notes (5 more)');
    fireEvent.click(screen.getByTestId('notes-show-older'));
    await waitFor(() => expect(screen.getAllByTestId('note')).toHaveLength(25));
    expect(screen.queryByTestId('notes-show-older')).toBeNull();
  });
});
