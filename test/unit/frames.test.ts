/**
 * The pure side of frames (utils/frames.ts): which frames are read, in what order the shortcut visits
 * a tab's frames, and the popup's one report joined from every frame's.
 */
import { describe, expect, it, vi } from 'vitest';
import { frameOrder, framesAfter, frameWorthReading, mergeFrameReports, type FrameReport } from '@/utils/frames';
import type { MentionSummary, MentionsReport } from '@/content/navigation/mentions-report';
import { readerSiteOf } from '@/background/frames';
import { switchReaderSite } from '@/background/site-switch';

describe('frameWorthReading', () => {
  it('skips trackers, hidden frames and banners; reads frames of an article’s size and box ads', () => {
    expect(frameWorthReading(1, 1)).toBe(false);
    expect(frameWorthReading(0, 0)).toBe(false);
    expect(frameWorthReading(728, 90)).toBe(false);
    expect(frameWorthReading(320, 50)).toBe(false);
    expect(frameWorthReading(120, 600)).toBe(false);
    expect(frameWorthReading(300, 250)).toBe(true);
    expect(frameWorthReading(160, 600)).toBe(true);
    expect(frameWorthReading(640, 420)).toBe(true);
  });
});

describe('frameOrder and framesAfter', () => {
  it('puts the top frame first, then the others by id, each once; ignores ids that are not frames', () => {
    expect(frameOrder([7, 3, 3, 0, -1, 1.5, 12])).toEqual([0, 3, 7, 12]);
    expect(frameOrder([])).toEqual([0]);
  });

  it('offers the selection to every other frame once, nearest first, wrapping at both ends', () => {
    const order = [0, 3, 7, 12];
    expect(framesAfter(order, 3, 1)).toEqual([7, 12, 0]);
    expect(framesAfter(order, 12, 1)).toEqual([0, 3, 7]);
    expect(framesAfter(order, 3, -1)).toEqual([0, 12, 7]);
    expect(framesAfter(order, 0, -1)).toEqual([12, 7, 3]);
    expect(framesAfter([0], 0, 1)).toEqual([]);
  });

  it('from a frame that is not listed (no marks), starts at the start going forward and at the end going back', () => {
    expect(framesAfter([0, 3, 7], 5, 1)).toEqual([0, 3, 7]);
    expect(framesAfter([0, 3, 7], 5, -1)).toEqual([7, 3, 0]);
  });
});

const summary = (personId: string, count: number, extra: Partial<MentionSummary> = {}): MentionSummary => ({
  personId,
  name: personId,
  count,
  first: { text: personId, top: count * 10, left: 0 },
  ...extra,
});
const report = (host: string, people: MentionSummary[], enabled = true): MentionsReport => ({
  url: `http://${host}/`,
  title: host,
  host,
  enabled,
  people,
});

describe('mergeFrameReports', () => {
  it('keeps the top frame’s page and lists each person once, counted over every frame, first in frame order', () => {
    const reports: FrameReport[] = [
      { frameId: 9, report: report('ads.test', [summary('ada', 2, { possible: 1 })]) },
      { frameId: 0, report: report('news.test', [summary('alan', 1), summary('ada', 1)]) },
      { frameId: 4, report: report('news.test', [summary('grace', 3), summary('ada', 1, { possible: 1 })]) },
    ];
    const merged = mergeFrameReports(reports)!;
    expect(merged.url).toBe('http://news.test/');
    expect(merged.host).toBe('news.test');
    expect(merged.people.map((p) => [p.personId, p.count, p.possible, p.frameId])).toEqual([
      ['alan', 1, undefined, 0],
      ['ada', 4, 2, 0],
      ['grace', 3, undefined, 4],
    ]);
  });

  it('leaves out the people of a frame whose site is switched off', () => {
    const merged = mergeFrameReports([
      { frameId: 0, report: report('news.test', [summary('alan', 1)]) },
      { frameId: 2, report: report('off.test', [summary('ada', 1)], false) },
    ])!;
    expect(merged.people.map((p) => p.personId)).toEqual(['alan']);
  });

  it('a marked mention in a later frame stands for a person found only unmarked earlier', () => {
    const merged = mergeFrameReports([
      { frameId: 0, report: report('news.test', [summary('ada', 1, { unmarked: true })]) },
      { frameId: 5, report: report('news.test', [summary('ada', 2)]) },
    ])!;
    expect(merged.people).toEqual([{ ...summary('ada', 2), count: 3, frameId: 5 }]);
  });

  it('has nothing to say without the top frame’s report', () => {
    expect(mergeFrameReports([{ frameId: 3, report: report('news.test', [summary('ada', 1)]) }])).toBeNull();
  });
});

describe('readerSiteOf (the site a card in a frame turns off)', () => {
  const never = async () => {
    throw new Error('the top frame is not asked');
  };

  it('is the site of the sender’s tab where the browser gives its URL, whatever frame sent it', async () => {
    const sender = { url: 'https://embed.example/post/1', frameId: 4, tab: { id: 3, url: 'https://news.example/story?x=1' } };
    expect(await readerSiteOf(sender, never)).toBe('news.example');
  });

  it('asks the sender’s tab’s top frame (by the browser’s tab id) where the browser keeps the URL back', async () => {
    const asked: number[] = [];
    const site = await readerSiteOf({ url: 'https://embed.example/', frameId: 4, tab: { id: 3 } }, async (tabId) => {
      asked.push(tabId);
      return 'news.example:8080';
    });
    expect(site).toBe('news.example:8080');
    expect(asked).toEqual([3]);
  });

  it('asks the top frame when the tab’s address names no site (about:blank, blob:): such a page takes its creator’s', async () => {
    for (const url of ['about:blank', 'blob:https://news.example/0b6c']) {
      const site = await readerSiteOf({ url, frameId: 0, tab: { id: 3, url } }, async () => 'news.example');
      expect(site, url).toBe('news.example');
    }
    // A data: page has an opaque origin and no creator's site: its address is its site, as the page itself says.
    expect(await readerSiteOf({ url: 'data:text/html,x', frameId: 0, tab: { id: 3, url: 'data:text/html,x' } }, never)).toBe('data://');
  });

  it('is null for a sender outside a tab, a top frame that does not answer, or an answer that is no site', async () => {
    expect(await readerSiteOf({ url: 'chrome-extension://x/popup.html' }, never)).toBeNull();
    expect(await readerSiteOf({ url: 'https://embed.example/', frameId: 4, tab: { id: 3 } }, never)).toBeNull();
    expect(await readerSiteOf({ url: 'https://embed.example/', frameId: 4, tab: { id: 3 } }, async () => '')).toBeNull();
    expect(await readerSiteOf({ url: 'https://embed.example/', frameId: 4, tab: { id: 3 } }, async () => ({ site: 'x' }))).toBeNull();
  });
});

describe('switchReaderSite (the card’s "Turn off on this site" and its Undo, done by the background)', () => {
  const sender = { url: 'https://embed.example/post/1', frameId: 4, tab: { id: 3, url: 'https://news.example/story' } };
  const tabSite = (s: { tab?: { url?: string } }) => readerSiteOf(s, async () => null);

  it('switches the site of the sender’s tab, off and on, whatever site the message might name', async () => {
    const switched: Array<[string, boolean]> = [];
    const handle = switchReaderSite(tabSite, async (site, on) => void switched.push([site, on]));
    await handle({ on: false, site: 'elsewhere.example' }, sender);
    await handle({ on: true }, sender);
    expect(switched).toEqual([
      ['news.example', false],
      ['news.example', true],
    ]);
  });

  it('refuses, in plain words and writing nothing, a request without on/off or from a sender whose page is unknown', async () => {
    const setSite = vi.fn(async () => undefined);
    const handle = switchReaderSite(tabSite, setSite);
    await expect(handle({ on: 'off' }, sender)).rejects.toThrow(/did not say on or off/);
    await expect(handle(null, sender)).rejects.toThrow(/did not say on or off/);
    await expect(handle({ on: false }, { url: 'https://embed.example/' })).rejects.toThrow(/did not say which page/);
    expect(setSite).not.toHaveBeenCalled();
  });
});
