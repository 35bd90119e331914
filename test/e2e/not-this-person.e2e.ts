/**
 * "Not this person" in Chromium (issue #13; Firefox: firefox-not-this-person.e2e.ts): the card says why
 * a name is marked, its button removes every mark of that alias for that person at once, the choice
 * survives a reload, and the notes page's Undo brings the mark back (on the open tab at once, and
 * after a reload), in a tab of another site that frames the page too. The marks are read from
 * CSS.highlights (page-helpers' snapshotMarks).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from './harness';
import { useExtensionSuite } from './setup';
import { boxInCard, cardVisible, clickInCard, hover, inCard, waitForMark } from './card-helpers';
import { markTexts, snapshotMarks } from './page-helpers';

const FIXTURE = '/pages/en-news.html';

describe('Not this person (Chromium)', () => {
  const suite = useExtensionSuite();
  let otherSite: FixtureServer | undefined;
  beforeAll(async () => {
    otherSite = await startFixtureServer('127.0.0.2');
  });
  afterAll(async () => {
    await otherSite?.close();
  });

  const altmanMarks = async (page: Page) => (await markTexts(page)).filter((text) => text.includes('Altman'));
  /** The "Altman" marks in a frame of another page (a child frame's own highlights). */
  const frameAltmanMarks = async (frame: Frame) =>
    ((await frame.evaluate(snapshotMarks, { name: 'talent-lens' }).catch(() => null)) ?? [])
      .filter((m) => !m.collapsed && m.text.includes('Altman'))
      .map((m) => m.text);
  const whyLine = (page: Page) => inCard(page, (root) => root.querySelector('[data-testid="card-why"]')?.textContent ?? null);

  it('hover, the why line, "Not this person": the marks of that alias go at once and stay gone; Undo on the notes page brings them back', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url(FIXTURE));
    await waitForMark(page, 'Sam Altman');
    const surname = await waitForMark(page, 'Altman');
    const before = await altmanMarks(page);
    expect(before.filter((text) => text === 'Altman').length).toBeGreaterThan(0);
    expect(before).toContain('Sam Altman');

    await hover(page, surname);
    await expect.poll(() => cardVisible(page), { timeout: 5000 }).toBe(true);
    await expect.poll(() => whyLine(page), { timeout: 5000 }).toBe('Named in full on this page: Sam Altman');
    await expect.poll(() => boxInCard(page, '[data-testid="not-this-person"]'), { timeout: 5000 }).not.toBeNull();
    await clickInCard(page, '[data-testid="not-this-person"]');

    // At once: every "Altman" mark for Sam Altman is gone, the full name stays, the card closes.
    await expect.poll(() => altmanMarks(page), { timeout: 2000 }).toEqual(before.filter((text) => text !== 'Altman'));
    await expect.poll(() => cardVisible(page), { timeout: 2000 }).toBe(false);

    // Remembered for the site: a reload draws the page without it.
    await page.reload();
    await waitForMark(page, 'Sam Altman');
    await expect.poll(() => altmanMarks(page), { timeout: 5000 }).toEqual(before.filter((text) => text !== 'Altman'));

    // A tab of another site (127.0.0.2) that frames the page: the child frame is of the page's site and keeps the choice too.
    const framing = await suite.browser.context.newPage();
    await framing.goto(otherSite!.url(`/frames/page.html?cross=${encodeURIComponent(suite.server.url(FIXTURE))}`));
    const framed = framing.frames().find((f) => f.name() === 'cross')!;
    await expect.poll(() => frameAltmanMarks(framed), { timeout: 15_000 }).toContain('Sam Altman');
    await expect.poll(() => frameAltmanMarks(framed), { timeout: 5000 }).toEqual(before.filter((text) => text !== 'Altman'));

    // The notes page lists it; Undo forgets it.
    const notes = await suite.browser.openExtensionPage('notes.html');
    const row = notes.locator('[data-testid="rejection"]', { hasText: 'Altman' });
    await expect.poll(() => row.count(), { timeout: 5000 }).toBe(1);
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual([new URL(suite.server.url(FIXTURE)).host, 'Altman', 'Sam Altman']);
    await row.getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(() => notes.locator('[data-testid="rejection"]').count(), { timeout: 5000 }).toBe(0);
    await notes.close();

    // The open tabs were told, the child frame of the other site's tab too: the marks come back without a reload, and after one.
    await expect.poll(() => altmanMarks(page), { timeout: 5000 }).toEqual(before);
    await expect.poll(() => frameAltmanMarks(framed), { timeout: 5000 }).toEqual(before);
    await framing.close();
    await page.reload();
    await waitForMark(page, 'Sam Altman');
    await expect.poll(() => altmanMarks(page), { timeout: 5000 }).toEqual(before);
    await page.close();
  });
});
