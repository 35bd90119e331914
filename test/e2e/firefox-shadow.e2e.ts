/**
 * Names inside open shadow roots in Firefox ESR (Chromium: shadow.e2e.ts). Firefox does not carry a
 * document's ::highlight() style into a shadow tree, so the page layer adopts its marks' stylesheet
 * in each root that holds a mark (content/marks/shadow-styles.ts): the test checks that our style
 * reaches the text there (what paints it), that the mention opens the card on hover and from the
 * keyboard, and that components added or upgraded after load are followed. A closed root is not read.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { firefoxSuite } from './firefox-harness';
import { cardShown, centreOf, snapshotMarks } from './page-helpers';
import { hoverOpensCard } from './firefox-probe';
import { ACTIVE_HIGHLIGHT_NAME, HIGHLIGHT_NAME } from '@/content/marks/mark-engine';

const FIXTURE = '/shadow/components.html';
const POLL = { timeout: 20_000 };

/** The marks inside shadow roots: text → id of the nearest element around it. */
async function shadowMarks(page: Page): Promise<Record<string, string>> {
  const marks = (await page.evaluate(snapshotMarks, { name: HIGHLIGHT_NAME })) ?? [];
  return Object.fromEntries(marks.filter((m) => m.inShadow && !m.collapsed).map((m) => [m.text, m.ownerId]));
}

describe('open shadow roots in Firefox', () => {
  const suite = firefoxSuite();

  it('marks the text of open shadow roots, painted there by a stylesheet of ours, never a closed root', async () => {
    const page = await suite.firefox.newPage(suite.server.url(FIXTURE));
    await expect
      .poll(async () => Object.keys(await shadowMarks(page)).sort(), POLL)
      .toEqual(['Alexandr Wang', 'Mark Zuckerberg', 'Shengjia Zhao', 'Trapit Bansal']);
    const all = (await page.evaluate(snapshotMarks, { name: HIGHLIGHT_NAME })) ?? [];
    expect(all.map((m) => m.text)).not.toContain('Ilya Sutskever');
    // Our highlight's style reaches the text in each marked root (the nested one too): it paints.
    const colours = await page.evaluate((name) => {
      const outer = document.getElementById('outer')!.shadowRoot!;
      const roots = [document.getElementById('first')!.shadowRoot!, outer.getElementById('inner')!.shadowRoot!];
      roots.push(document.getElementById('plain-host')!.shadowRoot!);
      return roots.map((root) => getComputedStyle(root.querySelector('p')!, `::highlight(${name})`).backgroundColor);
    }, HIGHLIGHT_NAME);
    for (const colour of colours) expect(colour).not.toMatch(/^(transparent|rgba\(0, 0, 0, 0\))$/);
    // …and nowhere else: a root with nothing marked gets nothing of ours.
    expect(await page.evaluate(() => document.getElementById('outer')!.shadowRoot!.adoptedStyleSheets.length)).toBe(0);
    await page.close();
  });

  it("a shadow root's mention opens the card on hover and from the keyboard", async () => {
    const page = await suite.firefox.newPage(suite.server.url(FIXTURE));
    await expect.poll(async () => Object.keys(await shadowMarks(page)), POLL).toContain('Mark Zuckerberg');
    const marks = (await page.evaluate(snapshotMarks, { name: HIGHLIGHT_NAME }))!;
    const first = marks.find((m) => m.text === 'Mark Zuckerberg')!;
    await hoverOpensCard(page, centreOf(first.rect!));
    await page.mouse.click(5, 5);
    await expect.poll(() => page.evaluate(cardShown), POLL).toBe(false);

    // Alt+Shift+N selects the first mention on the page (in the first component) and opens its card.
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyN');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    await expect.poll(() => page.evaluate(cardShown), POLL).toBe(true);
    const active = (await page.evaluate(snapshotMarks, { name: ACTIVE_HIGHLIGHT_NAME }))?.filter((m) => !m.collapsed) ?? [];
    expect(active.map((m) => [m.text, m.inShadow])).toEqual([['Mark Zuckerberg', true]]);
    await page.close();
  });

  it('follows components added after load, and a root attached by a late upgrade', async () => {
    const page = await suite.firefox.newPage(suite.server.url(FIXTURE));
    await expect.poll(async () => Object.keys(await shadowMarks(page)).length, POLL).toBe(4);
    await page.evaluate(() => (window as unknown as { addStory(text: string): void }).addStory('Jakub Pachocki succeeded him.'));
    await expect.poll(async () => (await shadowMarks(page))['Jakub Pachocki'], POLL).toBe('added');
    await page.evaluate(() => (window as unknown as { defineLateBio(): void }).defineLateBio());
    await expect.poll(async () => (await shadowMarks(page))['Greg Brockman'], POLL).toBe('late');
    await page.close();
  });
});
