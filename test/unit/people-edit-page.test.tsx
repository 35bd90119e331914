// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import aliasIndex from '@/data/generated/alias-index.json';
import type { AliasIndex } from '@/data/schema';
import { EditPersonPage, type EditPersonDeps } from '@/components/people/EditPersonPage';
import type { NotesDatabase } from '@/utils/notes/db';
import { listUserLayer, saveAddition, saveUserPerson } from '@/utils/people/store';
import type { UserPersonRecord } from '@/utils/people/records';
import { useLocale } from './card-fixtures';
import { freshDatabase } from './notes-fixtures';

let db: NotesDatabase;

function deps(): EditPersonDeps {
  return {
    bundled: aliasIndex as AliasIndex,
    loadLayer: () => listUserLayer(db),
    defaultVisibility: async () => 'mark',
    saveUserPerson: (draft) => saveUserPerson(db, draft),
    saveAddition: (draft) => saveAddition(db, draft),
  };
}

async function pang(): Promise<UserPersonRecord> {
  const saved = await saveUserPerson(db, {
    name: { primary: 'Ruoming Pang' },
    aliases: [
      { text: 'Ruoming Pang', kind: 'full' },
      { text: 'Pang', kind: 'surname' },
    ],
    org: 'Apple',
    facts: [
      { kind: 'role', text: 'Head of foundation models', source: { url: 'https://news.example/a', title: 'A', quote: 'He led it.' } },
    ],
  });
  if (!saved.ok) throw new Error('seed failed');
  return saved.record;
}

beforeEach(() => {
  fakeBrowser.reset();
  useLocale('en');
  db = freshDatabase();
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

describe('editing one of your people (people.html?person=ID)', () => {
  it('changes the names, organization, tags and visibility, removes a name and a fact, adds a name with Enter', async () => {
    const record = await pang();
    render(<EditPersonPage personId={record.id} deps={deps()} />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Edit Ruoming Pang');
    fireEvent.input(screen.getByLabelText('The name in the other script (optional)'), { target: { value: '庞若鸣' } });
    fireEvent.input(screen.getByLabelText('Organization (optional)'), { target: { value: 'Meta' } });
    fireEvent.input(screen.getByLabelText('Tags, separated by commas'), { target: { value: 'apple, #meta,apple' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove the name “Pang”' }));
    const another = screen.getByLabelText('Another name');
    fireEvent.input(another, { target: { value: 'Pang Ruoming' } });
    fireEvent.keyDown(another, { key: 'Enter' });
    expect(screen.getAllByTestId('edit-alias').map((li) => li.firstChild?.textContent)).toEqual(['Ruoming Pang', 'Pang Ruoming']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove “Head of foundation models”' }));
    fireEvent.click(screen.getByLabelText('Find this person only in the popup’s “On this page”'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved. Open tabs follow now.'));
    const [stored] = (await listUserLayer(db)).people;
    expect(stored).toMatchObject({
      id: record.id,
      revision: 2,
      name: { primary: 'Ruoming Pang', other: '庞若鸣' },
      org: 'Meta',
      tags: ['apple', 'meta'],
      visibility: 'find-only',
      facts: [],
      aliases: [
        { text: 'Ruoming Pang', kind: 'full' },
        { text: 'Pang Ruoming', kind: 'full' },
      ],
    });
  });

  it('a version changed elsewhere meanwhile is not overwritten: the form shows it and says so', async () => {
    const record = await pang();
    render(<EditPersonPage personId={record.id} deps={deps()} />);
    await screen.findByRole('heading', { level: 1 });
    await saveUserPerson(db, { ...record, baseRevision: record.revision, role: 'Chief scientist' });
    fireEvent.input(screen.getByLabelText('Organization (optional)'), { target: { value: 'Meta' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('changed elsewhere'));
    expect((screen.getByLabelText('Role (optional)') as HTMLInputElement).value).toBe('Chief scientist');
    expect((screen.getByLabelText('Organization (optional)') as HTMLInputElement).value).toBe('Apple');
    expect((await listUserLayer(db)).people[0]).toMatchObject({ revision: 2, org: 'Apple', role: 'Chief scientist' });
  });

  it('edits the names added to a bundled person, under its name', async () => {
    await saveAddition(db, { personId: 'sam-altman', aliases: [{ text: 'Sama', kind: 'full' }] });
    render(<EditPersonPage personId="sam-altman" deps={deps()} />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toMatch(/^Edit Sam Altman/);
    expect(screen.queryByLabelText('Name, as written')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove the name “Sama”' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved. Open tabs follow now.'));
    expect((await listUserLayer(db)).additions[0]).toMatchObject({ id: 'sam-altman', aliases: [], revision: 2 });
  });

  it('a person deleted meanwhile is said to be gone, in Chinese too', async () => {
    useLocale('zh_CN');
    render(<EditPersonPage personId="u-0000" deps={deps()} />);
    expect((await screen.findByRole('alert')).textContent).toBe('此人已不在你的人物中：已在此处或另一台电脑上删除。');
    expect(within(screen.getByRole('main')).getByRole('link').getAttribute('href')).toBe('/notes.html#tl-own-people');
  });
});
