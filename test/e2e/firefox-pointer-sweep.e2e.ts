/**
 * A fast pointer opens no card, in Firefox ESR (Chromium: pointer-sweep.e2e.ts): sweeping to and fro
 * across a wide headline name for longer than the hover delay opens no card; resting on it does.
 */
import { describe, expect, it } from 'vitest';
import { firefoxSuite } from './firefox-harness';
import { cardShown, snapshotMarks } from './page-helpers';
import { HIGHLIGHT_NAME } from '@/content/marks/mark-engine';

/** Longer than the hover delay (500 ms) with room to spare, on a loaded machine too. */
const SWEEP_MS = 1500;
const POLL = { timeout: 20_000 };

describe('a fast pointer opens no card (Firefox)', () => {
  const suite = firefoxSuite();

  it('sweeping across a name opens no card; resting on it still does', async () => {
    const page = await suite.firefox.newPage(suite.server.url('/card/sweep.html'));
    const markOf = async () =>
      ((await page.evaluate(snapshotMarks, { name: HIGHLIGHT_NAME })) ?? []).find((m) => m.text === 'Mark Zuckerberg' && m.inView) ?? null;
    await expect.poll(markOf, POLL).not.toBeNull();
    const box = (await markOf())!.rect!;
    const y = (box.top + box.bottom) / 2;
    // The headline's name can run past a narrow window: sweep over the part of it in view.
    const right = Math.min(box.right, await page.evaluate(() => document.documentElement.clientWidth));
    const ends = [box.left + 10, right - 10];
    // To and fro across the name, one long jump per event: fast however late the events arrive.
    await page.mouse.move(ends[0]!, y);
    const started = Date.now();
    for (let i = 1; Date.now() - started < SWEEP_MS; i++) {
      await page.mouse.move(ends[i % 2]!, y);
      if (i % 5 === 0) expect(await page.evaluate(cardShown), `a card opened during the sweep (move ${i})`).toBe(false);
    }
    expect(await page.evaluate(cardShown)).toBe(false);
    // Come to rest on the name: the card opens as for any hover.
    await page.mouse.move((box.left + right) / 2, y, { steps: 2 });
    await expect.poll(() => page.evaluate(cardShown), POLL).toBe(true);
    await page.close();
  });
});
