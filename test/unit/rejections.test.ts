/**
 * "Not this person": the store (version 4 of the notes database) and the background's gate, which
 * answers a content script only for its own page's site, taken from the browser's sender URL.
 */
import { expectShippedRowsKept, openShippedDatabase } from './notes-fixtures';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotesDatabase } from '@/utils/notes/db';
import { addRejection, deleteRejection, listRejections, listSiteRejections } from '@/utils/notes/rejection-store';
import { rejectionHandlers, relayUndo, SiteTabs, siteOfSender } from '@/background/notes/rejection-handlers';
import { aliasKey, REJECTION_LIMITS, rejectionId, rejectionKey } from '@/utils/notes/rejections';
import { NotAllowed, type MessageSenderLike } from '@/background/sender-kind';

const known = new Set(['sam-altman', 'mark-chen']);
const isKnownPerson = (id: string) => known.has(id);
const own = { id: 'ext-id', noteFramePath: '/note-frame.html' };
const contentScript = (url: string): MessageSenderLike => ({ id: 'ext-id', url, tab: { id: 7 }, frameId: 0 });
const notesPage: MessageSenderLike = { id: 'ext-id', url: 'chrome-extension://ext-id/notes.html', frameId: 0 };

let db: NotesDatabase;
beforeEach(() => {
  db = new NotesDatabase(`rejections-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('rejection keys', () => {
  it('compares alias texts with whitespace runs folded and padding dropped', () => {
    expect(aliasKey('  Sam\n  Altman ')).toBe('Sam Altman');
    expect(rejectionKey({ personId: 'sam-altman', aliasText: 'Sam\nAltman' })).toBe(
      rejectionKey({ personId: 'sam-altman', aliasText: 'Sam Altman' }),
    );
    expect(rejectionId('a.example', { personId: 'sam-altman', aliasText: 'Altman' })).not.toBe(
      rejectionId('b.example', { personId: 'sam-altman', aliasText: 'Altman' }),
    );
  });
});

describe('the rejections store', () => {
  it('adds once per site, person and alias, lists one site without dates, and every one newest first', async () => {
    const first = await addRejection(db, 'a.example', { personId: 'sam-altman', aliasText: 'Altman ' }, isKnownPerson, 100);
    expect(first).toEqual({
      ok: true,
      rejection: {
        id: rejectionId('a.example', { personId: 'sam-altman', aliasText: 'Altman' }),
        site: 'a.example',
        personId: 'sam-altman',
        aliasText: 'Altman',
        createdAt: 100,
      },
    });
    // Again: the first record stays.
    expect(await addRejection(db, 'a.example', { personId: 'sam-altman', aliasText: 'Altman' }, isKnownPerson, 200)).toEqual(first);
    await addRejection(db, 'b.example', { personId: 'mark-chen', aliasText: '马克·陈' }, isKnownPerson, 300);
    expect(await listSiteRejections(db, 'a.example')).toEqual([{ personId: 'sam-altman', aliasText: 'Altman' }]);
    expect((await listRejections(db)).map((r) => [r.site, r.createdAt])).toEqual([
      ['b.example', 300],
      ['a.example', 100],
    ]);
  });

  it('refuses unknown people, empty and overlong aliases, and more than its limit per site', async () => {
    expect(await addRejection(db, 'a.example', { personId: 'nobody', aliasText: 'X' }, isKnownPerson)).toMatchObject({ ok: false });
    expect(await addRejection(db, 'a.example', { personId: 'sam-altman', aliasText: '   ' }, isKnownPerson)).toMatchObject({ ok: false });
    expect(
      await addRejection(db, 'a.example', { personId: 'sam-altman', aliasText: 'x'.repeat(REJECTION_LIMITS.aliasText + 1) }, isKnownPerson),
    ).toMatchObject({ ok: false });
    expect(await addRejection(db, 'a.example', null, isKnownPerson)).toMatchObject({ ok: false });
    await db.rejections.bulkAdd(
      Array.from({ length: REJECTION_LIMITS.perSite }, (_, i) => ({
        id: `f${i}`,
        site: 'a.example',
        personId: 'sam-altman',
        aliasText: `A${i}`,
        createdAt: i,
      })),
    );
    expect(await addRejection(db, 'a.example', { personId: 'sam-altman', aliasText: 'Altman' }, isKnownPerson)).toMatchObject({
      ok: false,
    });
    expect(await addRejection(db, 'b.example', { personId: 'sam-altman', aliasText: 'Altman' }, isKnownPerson)).toMatchObject({ ok: true });
  });

  it('deletes one (Undo) and returns it; a second delete finds nothing', async () => {
    const added = await addRejection(db, 'a.example', { personId: 'sam-altman', aliasText: 'Altman' }, isKnownPerson, 100);
    if (!added.ok) throw new Error('not added');
    expect(await deleteRejection(db, added.rejection.id)).toEqual(added.rejection);
    expect(await deleteRejection(db, added.rejection.id)).toBeNull();
    expect(await listSiteRejections(db, 'a.example')).toEqual([]);
  });
});

describe('version 4', () => {
  it('opens a version 3 database as the current version with every table unchanged and an empty rejections table', async () => {
    const current = await openShippedDatabase(3);
    expect(current.verno).toBe(6);
    await expectShippedRowsKept(current, 3);
    expect(await current.rejections.count()).toBe(0);
    expect(await addRejection(current, 'a.example', { personId: 'sam-altman', aliasText: 'Altman' }, isKnownPerson)).toMatchObject({
      ok: true,
    });
    await current.delete();
  });
});

describe('the background gate', () => {
  const handlers = () => rejectionHandlers(db, own, { isKnownPerson });

  it('derives the site from the sender URL', () => {
    expect(siteOfSender({ url: 'https://news.example:8443/a?b' })).toBe('news.example:8443');
    expect(siteOfSender({ url: 'file:///home/me/page.html' })).toBe('file://');
    expect(siteOfSender({ url: 'not a url' })).toBeNull();
    expect(siteOfSender({})).toBeNull();
  });

  it('gives a content script only its own site’s rejections, whatever the message asks', async () => {
    await addRejection(db, 'a.example', { personId: 'sam-altman', aliasText: 'Altman' }, isKnownPerson);
    await addRejection(db, 'b.example', { personId: 'mark-chen', aliasText: 'Chen' }, isKnownPerson);
    const h = handlers();
    const fromB = contentScript('https://b.example/story');
    expect(await h.listSiteRejections({ data: { site: 'a.example' } as never, sender: fromB })).toEqual([
      { personId: 'mark-chen', aliasText: 'Chen' },
    ]);
    expect(await h.listSiteRejections({ data: undefined, sender: contentScript('https://c.example/') })).toEqual([]);
  });

  it('files a content script’s rejection under its own site, ignoring a site in the message', async () => {
    const h = handlers();
    await h.addRejection({
      data: { personId: 'sam-altman', aliasText: 'Altman', site: 'a.example' } as never,
      sender: contentScript('https://b.example/x'),
    });
    expect((await listRejections(db)).map((r) => r.site)).toEqual(['b.example']);
  });

  it('lets only our top-level pages list and delete every rejection, and tells the site’s tabs on undo', async () => {
    const onDeleted = vi.fn(async () => undefined);
    const h = rejectionHandlers(db, own, { isKnownPerson, onDeleted });
    const added = await addRejection(db, 'a.example', { personId: 'sam-altman', aliasText: 'Altman' }, isKnownPerson);
    if (!added.ok) throw new Error('not added');
    const page = contentScript('https://a.example/');
    await expect(h.listRejections({ data: undefined, sender: page })).rejects.toBeInstanceOf(NotAllowed);
    await expect(h.deleteRejection({ data: { id: added.rejection.id }, sender: page })).rejects.toBeInstanceOf(NotAllowed);
    // Another extension, or our note frame, is not our page either.
    await expect(h.listRejections({ data: undefined, sender: { ...notesPage, id: 'other-ext' } })).rejects.toBeInstanceOf(NotAllowed);
    await expect(
      h.listRejections({
        data: undefined,
        sender: { id: 'ext-id', url: 'chrome-extension://ext-id/note-frame.html', frameId: 3, tab: { id: 1 } },
      }),
    ).rejects.toBeInstanceOf(NotAllowed);
    // And our pages cannot pose as a content script for some site.
    await expect(h.listSiteRejections({ data: undefined, sender: notesPage })).rejects.toBeInstanceOf(NotAllowed);

    expect(await h.listRejections({ data: undefined, sender: notesPage })).toEqual([added.rejection]);
    expect(await h.deleteRejection({ data: { id: added.rejection.id }, sender: notesPage })).toEqual(added.rejection);
    expect(onDeleted).toHaveBeenCalledWith(added.rejection);
    expect(await db.rejections.count()).toBe(0);
  });
});

describe('SiteTabs', () => {
  it('knows a tab by the sites its content scripts asked from, in any frame, and forgets it when it loads another page', async () => {
    const tabs = new SiteTabs();
    const h = rejectionHandlers(db, own, { isKnownPerson, tabs });
    await h.listSiteRejections({ data: undefined, sender: { ...contentScript('https://a.example/1'), tab: { id: 1 } } });
    await h.addRejection({
      data: { personId: 'sam-altman', aliasText: 'Altman' },
      sender: { ...contentScript('https://a.example/2'), tab: { id: 2 } },
    });
    await h.listSiteRejections({ data: undefined, sender: { ...contentScript('https://b.example/'), tab: { id: 3 } } });
    // A child frame of a.example in a tab of c.example: the tab shows both sites.
    await h.listSiteRejections({ data: undefined, sender: { ...contentScript('https://c.example/'), tab: { id: 4 } } });
    await h.listSiteRejections({ data: undefined, sender: { ...contentScript('https://a.example/frame'), tab: { id: 4 }, frameId: 9 } });
    expect(tabs.tabsOf('a.example')).toEqual([1, 2, 4]);
    expect(tabs.tabsOf('c.example')).toEqual([4]);
    tabs.forget(1);
    expect(tabs.tabsOf('a.example')).toEqual([2, 4]);
    expect(tabs.tabsOf('b.example')).toEqual([3]);
  });
});

describe('relayUndo', () => {
  it('tells every tab where the site was seen, top frame or child, with the site; no other tab', async () => {
    const tabs = new SiteTabs();
    tabs.saw({ ...contentScript('https://a.example/'), tab: { id: 1 } }, 'a.example');
    tabs.saw({ ...contentScript('https://a.example/embed'), tab: { id: 2 }, frameId: 7 }, 'a.example');
    tabs.saw({ ...contentScript('https://b.example/'), tab: { id: 2 } }, 'b.example');
    tabs.saw({ ...contentScript('https://b.example/'), tab: { id: 3 } }, 'b.example');
    const sent: Array<[number, unknown]> = [];
    const relay = relayUndo(tabs, async (tabId, undone) => void sent.push([tabId, undone]));
    await relay({ id: 'x', site: 'a.example', personId: 'sam-altman', aliasText: 'Altman', createdAt: 1 });
    // No frame id: the browser delivers it to every frame of the tab, and each frame checks the site.
    expect(sent).toEqual([
      [1, { site: 'a.example', personId: 'sam-altman', aliasText: 'Altman' }],
      [2, { site: 'a.example', personId: 'sam-altman', aliasText: 'Altman' }],
    ]);
  });

  it('a tab that does not answer (closed, no content script) does not stop the others', async () => {
    const tabs = new SiteTabs();
    tabs.saw({ ...contentScript('https://a.example/'), tab: { id: 1 } }, 'a.example');
    tabs.saw({ ...contentScript('https://a.example/'), tab: { id: 2 } }, 'a.example');
    const reached: number[] = [];
    const relay = relayUndo(tabs, async (tabId) => {
      if (tabId === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
      reached.push(tabId);
    });
    await expect(relay({ id: 'x', site: 'a.example', personId: 'sam-altman', aliasText: 'Altman', createdAt: 1 })).resolves.toBeUndefined();
    expect(reached).toEqual([2]);
  });
});
