/**
 * Explore in Firefox ESR: the page opens and draws the flow picture (d3-sankey's layout, the
 * disputed June 2025 OpenAI → Meta flow, the undated band), and a flow shows its people.
 */
import { describe, expect, it } from 'vitest';
import { firefoxSuite } from './firefox-harness';
import { slowPoll as poll } from './setup';

describe('Explore in Firefox ESR', () => {
  const suite = firefoxSuite();

  it('opens and draws the flows, the disputed ones dashed and the undated ones in their own band', async () => {
    const page = await suite.firefox.openExtensionPage('explore.html', '[data-testid="flow"]');
    const flow = '[data-testid="flow"][data-period="2025"][data-from="openai"][data-to="meta-superintelligence-labs"]';
    expect(Number(await page.$eval(flow, (el) => el.getAttribute('data-people')))).toBeGreaterThanOrEqual(4);
    const disputed =
      '[data-testid="flow"][data-period="2024"][data-from="openai"][data-to="safe-superintelligence"] [data-testid="flow-stroke"]';
    expect(await page.$eval(disputed, (el) => el.getAttribute('stroke-dasharray'))).toBeTruthy();
    // Laid out: the flow has a real path and width, not NaN from a failed layout.
    const shape = await page.$eval(`${flow} [data-testid="flow-stroke"]`, (el) => ({
      d: el.getAttribute('d') ?? '',
      width: Number(el.getAttribute('stroke-width')),
    }));
    expect(shape.d).toMatch(/^M[\d.]+,[\d.]+C/);
    expect(shape.width).toBeGreaterThan(1);
    const periods = await page.$$eval('[data-testid="flow-band"]', (bands) => bands.map((band) => band.getAttribute('data-period')));
    expect(periods.at(-1)).toBe('undated');
    // Firefox holds back focus events in a window that is not in front, and other files' pages
    // may be: the page comes to the front first. A flow is an SVG element, which puppeteer's
    // focus() refuses: the element's own focus(), as Tab would, then Enter opens it.
    await page.bringToFront();
    await page.$eval(flow, (el) => (el as SVGGElement).focus());
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('flow');
    await page.keyboard.press('Enter');
    await poll(() =>
      page.$$eval('[data-testid="flow-details"] [data-testid="flow-person"]', (links) => links.length),
    ).toBeGreaterThanOrEqual(4);
    await page.close();
  });
});
