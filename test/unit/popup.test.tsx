// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { Popup } from '@/components/popup/Popup';
import type { PopupDeps } from '@/components/popup/popup-deps';
import type { MentionsReport } from '@/content/navigation/mentions-report';
import type { NotesDatabase } from '@/utils/notes/db';
import { loadSettings, setGlobalEnabled, setSiteEnabled, watchSettings } from '@/utils/settings';
import { bundledDetails, bundledSearch, isKnownPerson } from '@/utils/search/bundled-people';
import { useLocale } from './card-fixtures';
import { freshDatabase, storeNotesClient } from './notes-fixtures';
import { listUserLayer, saveAddition, saveUserPerson } from '@/utils/people/store';
import { loadScriptConverters } from '@/utils/people/script-converters';
import { atExtensionPage } from './extension-page';

atExtensionPage('/popup.html');

const report: MentionsReport = {
  url: 'https://news.example/story',
  title: 'A story about the talent war',
  host: 'news.example',
  enabled: true,
  people: [
    { personId: 'trapit-bansal', name: 'Trapit Bansal', count: 1, first: { text: 'Trapit Bansal', top: 10, left: 0 } },
    { personId: 'sam-altman', name: 'Sam Altman', count: 3, first: { text: 'Sam Altman', top: 100, left: 0 } },
  ],
};

let db: NotesDatabase;

function deps(overrides: Partial<PopupDeps> = {}): PopupDeps {
  return {
    notes: storeNotesClient(db, { isKnownPerson }),
    ping: async () => '0.1.0',
    targetTabId: async () => 7,
    listMentions: vi.fn(async () => report),
    revealMention: vi.fn(async () => true),
    loadSettings,
    setSiteEnabled,
    setGlobalEnabled,
    watchSettings,
    openNotesPage: vi.fn(async () => {}),
    openPage: vi.fn(async () => {}),
    closePopup: vi.fn(),
    listUserLayer: () => listUserLayer(db),
    loadScriptConverters,
    ...overrides,
  };
}

function renderPopup(d = deps(), initialPersonId?: string) {
  render(<Popup details={bundledDetails} search={bundledSearch()} deps={d} initialPersonId={initialPersonId} />);
  return d;
}

beforeEach(() => {
  fakeBrowser.reset();
  useLocale('en');
  db = freshDatabase();
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await db.delete();
});

const input = () => screen.getByRole('combobox', { name: 'Search people' });
const resultNames = () => screen.queryAllByTestId('search-result').map((li) => li.getAttribute('data-person-id'));

describe('popup search', () => {
  it('updates results as you type, tolerating typos', async () => {
    renderPopup();
    fireEvent.input(input(), { target: { value: 'Kolesnikof' } });
    expect(resultNames()[0]).toBe('alexander-kolesnikov');
    fireEvent.input(input(), { target: { value: '奥特曼' } });
    expect(resultNames()[0]).toBe('sam-altman');
    fireEvent.input(input(), { target: { value: 'zzzzqx' } });
    expect(resultNames()).toEqual([]);
    expect(screen.getByText('No one matches this search.')).toBeTruthy();
  });

  it('moves through results with the arrow keys and opens the active one with Enter', async () => {
    renderPopup();
    fireEvent.input(input(), { target: { value: 'OpenAI' } });
    const names = resultNames();
    expect(names.length).toBeGreaterThan(2);
    expect(input().getAttribute('aria-expanded')).toBe('true');

    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    const options = screen.getAllByRole('option');
    expect(options[1]!.getAttribute('aria-selected')).toBe('true');
    expect(input().getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    fireEvent.keyDown(input(), { key: 'ArrowUp' });
    fireEvent.keyDown(input(), { key: 'ArrowUp' });
    // Wraps around to the last result.
    expect(options[options.length - 1]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    fireEvent.keyDown(input(), { key: 'Enter' });

    const view = await screen.findByTestId('person-view');
    const expected = bundledDetails.people[names[1]!]!;
    expect(within(view).getByTestId('person-name').textContent).toBe(expected.name.en);
  });

  it('Escape clears the search and brings back the on-this-page list', async () => {
    renderPopup();
    fireEvent.input(input(), { target: { value: 'Sam' } });
    expect(screen.queryByTestId('on-this-page')).toBeNull();
    fireEvent.keyDown(input(), { key: 'Escape' });
    expect((input() as HTMLInputElement).value).toBe('');
    expect(screen.getByTestId('on-this-page')).toBeTruthy();
  });
});

describe('on this page', () => {
  it('lists the people on the page with counts, most mentioned first', async () => {
    renderPopup();
    await waitFor(() => expect(screen.getAllByTestId('mention')).toHaveLength(2));
    const rows = screen.getAllByTestId('mention');
    expect(rows.map((r) => r.getAttribute('data-person-id'))).toEqual(['sam-altman', 'trapit-bansal']);
    expect(within(rows[0]!).getByTestId('mention-count').textContent).toBe('×3');
  });

  it('clicking a person reveals them on the page and closes the popup', async () => {
    const d = renderPopup();
    fireEvent.click(await screen.findByRole('button', { name: 'Show Sam Altman on the page' }));
    await waitFor(() => expect(d.closePopup).toHaveBeenCalled());
    expect(d.revealMention).toHaveBeenCalledWith(7, 'sam-altman');
  });

  it('says so when the page could not reveal the mention, and stays open', async () => {
    const d = renderPopup(deps({ revealMention: vi.fn(async () => false) }));
    fireEvent.click(await screen.findByRole('button', { name: 'Show Trapit Bansal on the page' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not show that mention on the page.');
    expect(d.closePopup).not.toHaveBeenCalled();
  });

  it('on a page without a content script, offers everyone to browse instead', async () => {
    renderPopup(deps({ listMentions: vi.fn(async () => Promise.reject(new Error('Could not establish connection'))) }));
    expect(await screen.findByTestId('browse-people')).toBeTruthy();
    expect(screen.queryByTestId('on-this-page')).toBeNull();
  });

  it('the Details button opens the person view', async () => {
    renderPopup();
    fireEvent.click(await screen.findByRole('button', { name: 'Details for Trapit Bansal' }));
    expect((await screen.findByTestId('person-name')).textContent).toBe('Trapit Bansal');
  });
});

describe('person view', () => {
  it('shows what the card shows: names, role, moves and quotes', async () => {
    renderPopup(deps(), 'shengjia-zhao');
    const view = await screen.findByTestId('person-view');
    const person = bundledDetails.people['shengjia-zhao']!;
    expect(within(view).getByTestId('person-name').textContent).toBe('Shengjia Zhao');
    expect(within(view).getByText(/赵晟佳/)).toBeTruthy();
    expect(within(view).getByTestId('role').textContent).toContain(person.role.en);
    expect(within(view).getAllByTestId('move')).toHaveLength(person.moves.length);
    expect(within(view).getAllByTestId('quote')).toHaveLength(person.quotes.length);
  });

  it('lists all the person’s notes, adds one with the page as origin, edits in place and deletes with undo', async () => {
    const client = storeNotesClient(db, { isKnownPerson });
    await client.save({ personId: 'sam-altman', text: 'older note' });
    await client.save({ personId: 'trapit-bansal', text: 'not about Sam' });
    renderPopup(deps(), 'sam-altman');

    await screen.findByText('older note');
    expect(screen.queryByText('not about Sam')).toBeNull();

    fireEvent.input(screen.getByRole('textbox', { name: 'Note text' }), { target: { value: 'new <img src=x onerror=alert(1)> note' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    const added = await screen.findByText('new <img src=x onerror=alert(1)> note');
    // Shown as text: no element was made from the note.
    expect(added.querySelector('img')).toBeNull();
    const stored = (await client.list({ personId: 'sam-altman' })).find((n) => n.text.startsWith('new'))!;
    expect(stored.origin).toEqual({ url: report.url, title: report.title });

    // Edit in place.
    const item = added.closest('li')!;
    fireEvent.click(within(item).getByRole('button', { name: 'Edit' }));
    const editor = within(item).getByRole('textbox', { name: 'Note text' });
    fireEvent.input(editor, { target: { value: 'edited note' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Save' }));
    await screen.findByText('edited note');
    expect((await client.list({ personId: 'sam-altman' })).find((n) => n.id === stored.id)).toMatchObject({
      text: 'edited note',
      revision: 2,
    });

    // Delete, then undo.
    const edited = screen.getByText('edited note').closest('li')!;
    fireEvent.click(within(edited).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByText('edited note')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('edited note');
    expect(await client.list({ personId: 'sam-altman' })).toHaveLength(2);
  });

  it('shows a conflict when the note changed elsewhere, and keeps the user’s text on request', async () => {
    const client = storeNotesClient(db, { isKnownPerson });
    const first = await client.save({ personId: 'sam-altman', text: 'shared note' });
    if (!first.ok) throw new Error('seed failed');
    renderPopup(deps(), 'sam-altman');
    const item = (await screen.findByText('shared note')).closest('li')!;
    fireEvent.click(within(item).getByRole('button', { name: 'Edit' }));
    fireEvent.input(within(item).getByRole('textbox', { name: 'Note text' }), { target: { value: 'mine' } });

    // Another tab saves first.
    await client.save({ id: first.note.id, personId: 'sam-altman', text: 'theirs', baseRevision: 1 });
    fireEvent.click(within(item).getByRole('button', { name: 'Save' }));
    const conflict = await within(item).findByTestId('note-conflict');
    expect(within(conflict).getByTestId('note-conflict-stored').textContent).toBe('theirs');

    fireEvent.click(within(conflict).getByRole('button', { name: 'Keep mine' }));
    await screen.findByText('mine');
    expect((await client.list({ personId: 'sam-altman' }))[0]).toMatchObject({ text: 'mine', revision: 3 });
  });

  it('Back returns to the search', async () => {
    renderPopup(deps(), 'sam-altman');
    fireEvent.click(await screen.findByTestId('back'));
    expect(input()).toBeTruthy();
  });
});

describe('switches', () => {
  it('turns marking off for this site and globally through settings', async () => {
    renderPopup();
    const site = (await screen.findByRole('checkbox', { name: 'Mark people on news.example' })) as HTMLInputElement;
    expect(site.checked).toBe(true);
    fireEvent.click(site);
    await waitFor(async () => expect((await loadSettings()).disabledSites).toEqual(['news.example']));
    await waitFor(() => expect(site.checked).toBe(false));

    const global = screen.getByRole('checkbox', { name: 'Mark people on all sites' }) as HTMLInputElement;
    fireEvent.click(global);
    await waitFor(async () => expect((await loadSettings()).enabled).toBe(false));
    await waitFor(() => expect(site.disabled).toBe(true));
  });

  it('follows settings changed elsewhere', async () => {
    renderPopup();
    const global = (await screen.findByRole('checkbox', { name: 'Mark people on all sites' })) as HTMLInputElement;
    await setGlobalEnabled(false);
    await waitFor(() => expect(global.checked).toBe(false));
  });
});

describe('language', () => {
  it('shows Chinese UI text and Chinese names in a Chinese browser', async () => {
    useLocale('zh_CN');
    renderPopup();
    expect(screen.getByRole('combobox', { name: '搜索人物' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: '在页面上显示 萨姆·奥尔特曼' })).toBeTruthy();
  });
});

describe('browsing with no page', () => {
  const noTab = () => deps({ targetTabId: async () => undefined });
  const people = () => screen.getAllByTestId('browse-person');

  it('lists every person, grouped by organization, and by name on request', async () => {
    renderPopup(noTab());
    await screen.findByTestId('browse-people');
    expect(people()).toHaveLength(Object.keys(bundledDetails.people).length);
    const groups = screen.getAllByTestId('browse-group');
    expect(within(groups[0]!).getByRole('heading').textContent).toBe('Meta Superintelligence Labs');
    expect(within(groups[groups.length - 1]!).getByRole('heading').textContent).toBe('No current organization');
    expect(screen.getByTestId('browse-by-organization').getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'By name' }));
    expect(screen.getByTestId('browse-by-name').getAttribute('aria-pressed')).toBe('true');
    expect(within(screen.getAllByTestId('browse-group')[0]!).getByRole('heading').textContent).toBe('A');
    expect(people()[0]!.getAttribute('data-person-id')).toBe('alexander-kolesnikov');
    expect(people()).toHaveLength(Object.keys(bundledDetails.people).length);
  });

  it('walks the list with the arrow keys, Home and End, and opens a person with Enter', async () => {
    renderPopup(noTab());
    await screen.findByTestId('browse-people');
    const list = people();
    list[0]!.focus();
    fireEvent.keyDown(list[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(list[1]);
    fireEvent.keyDown(list[1]!, { key: 'End' });
    expect(document.activeElement).toBe(list[list.length - 1]);
    fireEvent.keyDown(list[list.length - 1]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(list[list.length - 1]);
    fireEvent.keyDown(list[list.length - 1]!, { key: 'Home' });
    expect(document.activeElement).toBe(list[0]);
    fireEvent.click(list[0]!);
    expect(await screen.findByTestId('person-view')).toBeTruthy();
    expect(screen.getByTestId('person-name').textContent).toBe(bundledDetails.people[list[0]!.getAttribute('data-person-id')!]!.name.en);
  });

  it('a search replaces the list, and clearing it brings the list back', async () => {
    renderPopup(noTab());
    await screen.findByTestId('browse-people');
    fireEvent.input(input(), { target: { value: 'Altman' } });
    expect(screen.queryByTestId('browse-people')).toBeNull();
    fireEvent.input(input(), { target: { value: '' } });
    expect(screen.getByTestId('browse-people')).toBeTruthy();
  });

  it('links the add-a-person form and the about, welcome and options pages', async () => {
    const d = renderPopup(noTab());
    fireEvent.click(screen.getByRole('button', { name: 'Add a person' }));
    fireEvent.click(screen.getByRole('button', { name: 'About the data' }));
    fireEvent.click(screen.getByRole('button', { name: 'Welcome and shortcuts' }));
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    await waitFor(() => expect(d.closePopup).toHaveBeenCalledTimes(4));
    expect(vi.mocked(d.openPage).mock.calls.map(([page]) => page)).toEqual(['people', 'about', 'welcome', 'options']);
  });

  it('lists in Chinese for a Chinese browser', async () => {
    useLocale('zh_CN');
    renderPopup(noTab());
    expect(await screen.findByRole('heading', { name: '数据中的所有人物（36）' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '按姓名' })).toBeTruthy();
  });
});

describe('the popup finds your own people too', () => {
  async function seedPang() {
    const saved = await saveUserPerson(db, {
      name: { primary: 'Ruoming Pang', other: '庞若鸣' },
      aliases: [{ text: 'Ruoming Pang', kind: 'full' }],
      org: 'Meta',
      role: 'Superintelligence lab',
      facts: [{ kind: 'role', text: 'Led foundation models', org: 'Apple', source: { url: 'https://news.example/a', title: 'A' } }],
      tags: ['apple'],
    });
    if (!saved.ok) throw new Error('seed failed');
    await saveAddition(db, { personId: 'sam-altman', aliases: [{ text: 'Sama', kind: 'full' }] });
    return saved.record.id;
  }

  it('by name (with a typo) and in the other script, marked as yours; opening one shows what you added and their notes', async () => {
    const id = await seedPang();
    const d = deps();
    await storeNotesClient(db, { isKnownPerson: () => true }).save({ personId: id, text: 'Met at NeurIPS' });
    renderPopup(d);
    const input = screen.getByTestId('search-input');
    for (const query of ['Ruoming Pnag', '庞若鸣', '庞若']) {
      fireEvent.input(input, { target: { value: query } });
      await waitFor(() => expect(resultNames()[0]).toBe(id));
    }
    const hit = screen.getAllByTestId('search-result')[0]!;
    expect(hit.textContent).toBe('Ruoming Pang 庞若鸣 · yoursSuperintelligence lab · Meta');
    fireEvent.keyDown(input, { key: 'Enter' });
    const view = await screen.findByTestId('person-view');
    expect(within(view).getByTestId('person-name').textContent).toBe('Ruoming Pang');
    expect(within(view).getByTestId('user-fact').textContent).toContain('Led foundation models · Apple');
    await waitFor(() => expect(within(view).getByTestId('note-text').textContent).toBe('Met at NeurIPS'));
  });

  it('finds a Chinese name in the other script, as bundled people are: Simplified by Traditional and Traditional by Simplified', async () => {
    const pang = await seedPang();
    const saved = await saveUserPerson(db, {
      name: { primary: 'Wanrong Xie', other: '謝宛蓉' },
      aliases: [{ text: 'Wanrong Xie', kind: 'full' }],
      facts: [],
      tags: [],
    });
    if (!saved.ok) throw new Error('seed failed');
    renderPopup();
    const input = screen.getByTestId('search-input');
    for (const [query, id] of [
      ['龐若鳴', pang],
      ['谢宛蓉', saved.record.id],
      ['謝宛蓉', saved.record.id],
    ] as const) {
      fireEvent.input(input, { target: { value: query } });
      await waitFor(() => expect(resultNames()[0]).toBe(id));
    }
  });

  it('loads OpenCC only when one of your people has a Chinese name', async () => {
    const load = vi.fn(loadScriptConverters);
    await saveUserPerson(db, { name: { primary: 'Daniel Gross' }, aliases: [{ text: 'Daniel Gross', kind: 'full' }], facts: [], tags: [] });
    renderPopup(deps({ loadScriptConverters: load }));
    fireEvent.input(screen.getByTestId('search-input'), { target: { value: 'Daniel Gross' } });
    await waitFor(() => expect(resultNames()[0]).toMatch(/^u-/));
    expect(load).not.toHaveBeenCalled();
  });

  it('a name you added to a bundled person finds that person', async () => {
    await seedPang();
    renderPopup();
    fireEvent.input(screen.getByTestId('search-input'), { target: { value: 'Sama' } });
    await waitFor(() => expect(resultNames()[0]).toBe('sam-altman'));
    expect(screen.getAllByTestId('search-result')[0]!.hasAttribute('data-own')).toBe(false);
  });
});
