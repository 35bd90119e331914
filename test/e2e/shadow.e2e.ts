/**
 * Names inside open shadow roots, in real Chromium: web components' text is marked (a root inside
 * a root too, and a root on a plain <div>), a closed root is not read, components added or upgraded
 * after load are followed, and their mentions open the card by hover and from the keyboard.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { slowPoll, useExtensionSuite } from './setup';
import { cardText, cardVisible, inCard } from './card-helpers';
import { hoverMarkOpensCard } from './card-probe';
import { marksOf } from './page-helpers';

const FIXTURE = '/shadow/components.html';

/** The marks inside shadow roots, by text, with the id of the nearest element around each ('' if none). */
async function shadowMarks(page: Page): Promise<Record<string, string>> {
  const marks = await marksOf(page);
  return Object.fromEntries(marks.filter((m) => m.inShadow && !m.collapsed).map((m) => [m.text, m.ownerId]));
}

describe('open shadow roots in Chromium', () => {
  const suite = useExtensionSuite();

  it('marks the text of open shadow roots (nested, and on a plain element) but never a closed one', async () => {
    const page = await suite.open(FIXTURE);
    await slowPoll(async () => Object.keys(await shadowMarks(page)).sort()).toEqual(
      ['Alexandr Wang', 'Mark Zuckerberg', 'Shengjia Zhao', 'Trapit Bansal'].sort(),
    );
    // The closed root's text is not read, and nothing outside the roots was marked.
    const all = await marksOf(page);
    expect(all.map((m) => m.text)).not.toContain('Ilya Sutskever');
    expect(all.filter((m) => !m.inShadow)).toEqual([]);
    // The page's DOM is untouched: no mark element in any root (the Highlight API draws them).
    const wrappers = await page.evaluate(() =>
      ['first', 'outer', 'plain-host'].reduce(
        (n, id) => n + document.getElementById(id)!.shadowRoot!.querySelectorAll('talent-lens-mark').length,
        0,
      ),
    );
    expect(wrappers).toBe(0);
    // Our style reaches the root's text through the host (Chromium needs no sheet of ours in the root).
    const inRoot = await page.evaluate(() => {
      const root = document.getElementById('first')!.shadowRoot!;
      return {
        colour: getComputedStyle(root.querySelector('p')!, '::highlight(talent-lens)').backgroundColor,
        sheets: root.adoptedStyleSheets.length,
      };
    });
    expect(inRoot.colour).not.toMatch(/^(transparent|rgba\(0, 0, 0, 0\))$/);
    expect(inRoot.sheets).toBe(0);
    await page.close();
  });

  it("a shadow root's mention opens the card on hover", async () => {
    const page = await suite.open(FIXTURE);
    await slowPoll(async () => Object.keys(await shadowMarks(page))).toContain('Mark Zuckerberg');
    await hoverMarkOpensCard(page, { leave: false });
    await slowPoll(() => cardText(page)).toContain('Zuckerberg');
    await page.close();
  });

  it('Alt+Shift+N reaches the mentions in shadow roots, in page order, with focus in the card', async () => {
    const page = await suite.open(FIXTURE);
    await slowPoll(async () => Object.keys(await shadowMarks(page)).length).toBe(4);
    await page.mouse.click(5, 5);
    await page.keyboard.press('Alt+Shift+KeyN');
    await slowPoll(() => cardVisible(page)).toBe(true);
    // The first mention on the page (the first component's), and focus moved into the card.
    await slowPoll(() => cardText(page)).toContain('Zuckerberg');
    expect(await inCard(page, (root) => root.activeElement !== null)).toBe(true);
    // Onwards through the components in order: Alexandr Wang, then the nested root's Trapit Bansal.
    await page.keyboard.press('Alt+Shift+KeyN');
    await slowPoll(() => cardText(page)).toContain('Alexandr Wang');
    await page.keyboard.press('Alt+Shift+KeyN');
    await slowPoll(() => cardText(page)).toContain('Bansal');
    await page.close();
  });

  it('follows components added after load, and a root attached by a late upgrade with no DOM change around it', async () => {
    const page = await suite.open(FIXTURE);
    await slowPoll(async () => Object.keys(await shadowMarks(page)).length).toBe(4);
    await page.evaluate(() => (window as unknown as { addStory(text: string): void }).addStory('Jakub Pachocki succeeded him.'));
    await slowPoll(async () => (await shadowMarks(page))['Jakub Pachocki']).toBe('added');
    // <late-bio> was on the page from the start, without a root; defining it now attaches one.
    await page.evaluate(() => (window as unknown as { defineLateBio(): void }).defineLateBio());
    await slowPoll(async () => (await shadowMarks(page))['Greg Brockman']).toBe('late');
    // A change inside a root is followed too (its own observer).
    await page.evaluate(() => {
      document.getElementById('plain-host')!.shadowRoot!.querySelector('p')!.textContent = 'Lucas Beyer joined too.';
    });
    await slowPoll(async () => Object.keys(await shadowMarks(page))).toContain('Lucas Beyer');
    expect(Object.keys(await shadowMarks(page))).not.toContain('Shengjia Zhao');
    await page.close();
  });
});
