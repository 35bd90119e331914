/**
 * A card that never gets in the way, in real Chromium: a pointer sweeping to and fro across a wide
 * headline name, for longer than the card's hover delay, opens no card (without the speed check it
 * would: the pointer never leaves the mention); once it comes to rest on the name, the card opens.
 */
import { describe, expect, it } from 'vitest';
import { slowPoll, useExtensionSuite } from './setup';
import { cardText, cardVisible, waitForMark } from './card-helpers';

/** Longer than the hover delay (500 ms) with room to spare, on a loaded machine too. */
const SWEEP_MS = 1500;

describe('a fast pointer opens no card (Chromium)', () => {
  const suite = useExtensionSuite();

  it('sweeping across a name opens no card; resting on it still does', async () => {
    const page = await suite.open('/card/sweep.html');
    const box = await waitForMark(page, 'Mark Zuckerberg');
    const y = (box.top + box.bottom) / 2;
    const ends = [box.left + 10, box.right - 10];
    // To and fro across the name, one long jump per event: fast however late the events arrive.
    await page.mouse.move(ends[0]!, y);
    const started = Date.now();
    for (let i = 1; Date.now() - started < SWEEP_MS; i++) {
      await page.mouse.move(ends[i % 2]!, y);
      if (i % 5 === 0) expect(await cardVisible(page), `a card opened during the sweep (move ${i})`).toBe(false);
    }
    expect(await cardVisible(page)).toBe(false);
    // Come to rest on the name: the card opens as for any hover.
    await page.mouse.move((box.left + box.right) / 2, y, { steps: 2 });
    await slowPoll(() => cardVisible(page)).toBe(true);
    await slowPoll(() => cardText(page)).toContain('Zuckerberg');
    await page.close();
  });
});
