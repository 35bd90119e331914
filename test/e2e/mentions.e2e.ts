/**
 * Reaching mentions in real Chromium: the pointer, the next-mention shortcut,
 * the popup's list and "show on page", and the on/off switches.
 */
import { describe, expect, it } from 'vitest';
import { useExtensionSuite } from './setup';
import type { Page } from 'playwright-core';
import { expectNeverWithin, marksOf, markTexts, NOTHING_HAPPENS_MS } from './page-helpers';
import { cardVisible } from './card-helpers';
import type { MentionsReport } from '@/content/navigation/mentions-report';

/** The text of the keyboard-selected mention. */
async function activeText(page: Page): Promise<string | null> {
  return (await marksOf(page, { name: 'talent-lens-active' }))[0]?.text ?? null;
}

/** Id of the element around the keyboard-selected mention. */
async function activeOwner(page: Page): Promise<string | null> {
  return (await marksOf(page, { name: 'talent-lens-active' }))[0]?.ownerId || null;
}

/** Centre of the first mark whose text is `text`, in viewport coordinates. */
async function markCentre(page: Page, text: string): Promise<{ x: number; y: number }> {
  const rect = (await marksOf(page)).find((m) => m.text === text)?.rect;
  if (!rect) throw new Error(`no mark "${text}"`);
  return { x: (rect.left + rect.right) / 2, y: (rect.top + rect.bottom) / 2 };
}

/** What a screen reader hears from live regions: the accessibility tree's status nodes. */
async function announcements(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: Array<{ role?: { value?: string }; name?: { value?: string }; childIds?: string[]; nodeId: string }>;
    };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const textOf = (id: string): string => {
      const node = byId.get(id);
      if (!node) return '';
      if (node.role?.value === 'StaticText') return node.name?.value ?? '';
      return (node.childIds ?? []).map(textOf).join('');
    };
    // Empty status regions (the card's copy-citation feedback, until something is copied) say nothing.
    return nodes
      .filter((n) => n.role?.value === 'status')
      .map((n) => textOf(n.nodeId))
      .filter((text) => text !== '');
  } finally {
    await cdp.detach();
  }
}

describe('reaching mentions in Chromium', () => {
  const suite = useExtensionSuite();

  async function open(path: string): Promise<Page> {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url(path));
    await expect.poll(() => markTexts(page)).not.toEqual([]);
    return page;
  }

  /** Sends a TabProtocol message the way the popup does, from an extension page. */
  async function sendToTab<T>(page: Page, type: string, data: unknown): Promise<T> {
    const tabId = await suite.browser.tabIdOf(page);
    const popup = await suite.browser.openExtensionPage(`popup.html?tab=${tabId}`);
    try {
      const reply = await popup.evaluate(
        ({ tabId, type, data }) =>
          chrome.tabs.sendMessage(tabId, { id: Date.now(), type, data, timestamp: Date.now() }) as Promise<{
            res?: unknown;
            err?: unknown;
          }>,
        { tabId, type, data },
      );
      if (reply && 'err' in reply && reply.err) throw new Error(JSON.stringify(reply.err));
      return reply.res as T;
    } finally {
      await popup.close();
      await page.bringToFront();
    }
  }

  it('hovering a mention asks the card to open; the page DOM is untouched until then', async () => {
    const page = await open('/pages/en-news.html');
    expect(await page.evaluate(() => document.querySelectorAll('talent-lens-ui').length)).toBe(0);
    const { x, y } = await markCentre(page, 'Mark Chen');
    await page.mouse.move(x - 200, y + 200);
    await page.mouse.move(x, y, { steps: 4 });
    await expect.poll(() => cardVisible(page), { timeout: 3000 }).toBe(true);
    await page.close();
  });

  it('hovering plain text next to a mention opens nothing', async () => {
    const page = await open('/pages/en-news.html');
    const { x, y } = await markCentre(page, 'Mark Chen');
    // Well left of the name, on the same line ("research officer").
    await page.mouse.move(x - 150, y, { steps: 3 });
    await expectNeverWithin(() => cardVisible(page), NOTHING_HAPPENS_MS, 'a card opened over plain text');
    await page.close();
  });

  it('Alt+Shift+N and Alt+Shift+P cycle through mentions, open the card and announce the mention', async () => {
    const page = await open('/pages/en-news.html');
    const all = await markTexts(page);
    await page.keyboard.press('Alt+Shift+KeyN');
    expect(await activeText(page)).toBe(all[0]);
    await expect.poll(() => cardVisible(page)).toBe(true);
    await expect.poll(() => announcements(page)).toContain(`${all[0]}, mention 1 of ${all.length}`);
    // Focus went into the card; the shortcut is heard there too (capture phase on window).
    await page.keyboard.press('Alt+Shift+KeyN');
    expect(await activeText(page)).toBe(all[1]);
    await page.keyboard.press('Alt+Shift+KeyP');
    await page.keyboard.press('Alt+Shift+KeyP');
    // Wrapped to the last mention.
    expect(await activeText(page)).toBe(all[all.length - 1]);
    // The announcement names the person in English, whatever form the page used ("Zhao Shengjia").
    await expect
      .poll(async () => (await announcements(page)).join('|'))
      .toMatch(new RegExp(`^\\w[\\w .-]+, mention ${all.length} of ${all.length}$`));
    await page.close();
  });

  it('leaves Alt+Shift+N alone while the user types in a field', async () => {
    const page = await open('/pages/long.html');
    // The page is marked first, so the shortcut has somewhere to go and only the field can hold it back.
    await expect.poll(async () => (await markTexts(page)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await page.focus('#field');
    await page.keyboard.press('Alt+Shift+KeyN');
    await expectNeverWithin(
      async () => (await activeText(page)) !== null,
      NOTHING_HAPPENS_MS,
      'the shortcut moved to a mention while the user typed',
    );
    await page.close();
  });

  it('the next-mention command reaches the page through the tab protocol', async () => {
    const page = await open('/pages/long.html');
    expect(await sendToTab<boolean>(page, 'focusNextMention', { direction: 1 })).toBe(true);
    // Starts from what is on screen: the first mention at the top.
    expect(await activeOwner(page)).toBe('top');
    expect(await sendToTab<boolean>(page, 'focusNextMention', { direction: 1 })).toBe(true);
    expect(await activeText(page)).toBe('Mark Chen');
    // Scrolled to it.
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    await page.close();
  });

  it('listMentions reports each person once, in document order, with count and first position', async () => {
    const page = await open('/pages/long.html');
    const report = await sendToTab<MentionsReport>(page, 'listMentions', undefined);
    expect(report.enabled).toBe(true);
    expect(report.host).toBe(new URL(suite.server.origin).host);
    expect(report.people.map((p) => [p.personId, p.name, p.count, p.first.text])).toEqual([
      ['sam-altman', 'Sam Altman', 2, 'Sam Altman'],
      ['mark-chen', 'Mark Chen', 2, 'Mark Chen'],
    ]);
    const [sam, mark] = report.people;
    expect(mark!.first.top).toBeGreaterThan(sam!.first.top + 1000);
    await page.close();
  });

  it('revealMention scrolls to the first mention of a person and opens the card', async () => {
    const page = await open('/pages/long.html');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await sendToTab<boolean>(page, 'revealMention', { personId: 'mark-chen' })).toBe(true);
    expect(await activeOwner(page)).toBe('deep');
    expect(await activeText(page)).toBe('Mark Chen');
    const inView = await page.evaluate(() => {
      const rect = document.getElementById('deep')!.getBoundingClientRect();
      return rect.top >= 0 && rect.bottom <= window.innerHeight;
    });
    expect(
      inView,
      JSON.stringify(await page.evaluate(() => [document.getElementById('deep')!.getBoundingClientRect().toJSON(), innerHeight, scrollY])),
    ).toBe(true);
    await expect.poll(() => cardVisible(page)).toBe(true);
    expect(await sendToTab<boolean>(page, 'revealMention', { personId: 'elon-musk' })).toBe(false);
    await page.close();
  });

  it('switching marking off and on (globally and for the site) removes and restores marks live', async () => {
    const page = await open('/pages/markup.html');
    const marked = await markTexts(page);
    const setSettings = (settings: unknown) =>
      suite.browser.worker.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
    const host = new URL(suite.server.origin).host;

    await setSettings({ enabled: false, disabledSites: [] });
    await expect.poll(() => markTexts(page)).toEqual([]);
    expect((await sendToTab<MentionsReport>(page, 'listMentions', undefined)).enabled).toBe(false);
    await setSettings({ enabled: true, disabledSites: [] });
    await expect.poll(() => markTexts(page)).toEqual(marked);

    await setSettings({ enabled: true, disabledSites: [host] });
    await expect.poll(() => markTexts(page)).toEqual([]);
    // While off, the page's changes are not read; when back on, the new text is marked too.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p id="late">Elon Musk arrived late.</p>'));
    await setSettings({ enabled: true, disabledSites: [] });
    await expect.poll(() => markTexts(page)).toEqual([...marked, 'Elon Musk']);
    // A page opened while the site is off gets no marks at all.
    await setSettings({ enabled: true, disabledSites: [host] });
    const second = await suite.browser.context.newPage();
    await second.goto(suite.server.url('/pages/markup.html'));
    await expectNeverWithin(
      async () => (await markTexts(second)).length > 0,
      NOTHING_HAPPENS_MS,
      'a page opened while its site is off was marked',
    );
    await setSettings({ enabled: true, disabledSites: [] });
    await expect.poll(() => markTexts(second)).toEqual(marked);
    await second.close();
    await page.close();
  });
});
