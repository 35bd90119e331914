/**
 * Explore in real Chromium: the flow picture draws the dataset's moves (the June 2025 OpenAI →
 * Meta Superintelligence Labs researchers as one disputed flow), a flow tells who moved and on
 * which source, a person's link opens their page, the filters, the timeline, the table and its
 * CSV, the exports, the keyboard, the way in from the popup, the card and the notes page, and
 * the README's screenshots in light and dark.
 */
import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { ROOT } from './harness';
import { cardVisible, hover, pressInCard, waitForMark } from './card-helpers';
import { slowPoll as poll, useExtensionSuite } from './setup';
import type { PersonRecord } from '../../data/schema';

const SCREENSHOTS = path.join(ROOT, process.env.TALENT_LENS_UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots');

async function datasetPeople(): Promise<PersonRecord[]> {
  const dir = path.join(ROOT, 'data/people');
  return Promise.all((await readdir(dir)).map(async (file) => JSON.parse(await readFile(path.join(dir, file), 'utf8')) as PersonRecord));
}

/** The people the data says moved from OpenAI to Meta Superintelligence Labs in June 2025. */
async function openAiToMetaJune2025(): Promise<PersonRecord[]> {
  return (await datasetPeople()).filter((person) =>
    person.moves.some((move) => move.from === 'openai' && move.to === 'meta-superintelligence-labs' && move.when === '2025-06'),
  );
}

const flowSelector = (period: string, from: string, to: string) =>
  `[data-testid="flow"][data-period="${period}"][data-from="${from}"][data-to="${to}"]`;

async function downloaded(download: Download): Promise<Buffer> {
  const file = await download.path();
  return readFile(file);
}

describe('Explore in Chromium', () => {
  const suite = useExtensionSuite();
  const openExplore = async (): Promise<Page> => {
    const page = await suite.browser.openExtensionPage('explore.html');
    await poll(() => page.getByTestId('flow').count()).toBeGreaterThan(0);
    return page;
  };

  it('draws the June 2025 OpenAI → Meta moves as one flow of every researcher who made it, with who, when and the source; a disputed move dashed with its dispute', async () => {
    const expected = await openAiToMetaJune2025();
    expect(expected.length).toBeGreaterThanOrEqual(4);
    const page = await openExplore();
    expect(await page.title()).toBe('Explore: where the talent went');
    const flow = page.locator(flowSelector('2025', 'openai', 'meta-superintelligence-labs'));
    expect(await flow.getAttribute('data-people')).toBe(String(expected.length));
    // Drawn dashed exactly when a move of it is disputed in the data (a conflict or our doubt).
    const disputed = expected.some((p) => p.moves.some((m) => m.to === 'meta-superintelligence-labs' && (m.conflict || m.doubt)));
    expect(await flow.getAttribute('data-disputed')).toBe(String(disputed));
    const wang = page.locator(flowSelector('2025', 'scale-ai', 'meta-superintelligence-labs'));
    expect(await wang.getAttribute('data-people')).toBe('1');

    await flow.hover();
    const details = page.getByTestId('flow-details');
    await poll(() => details.getByTestId('flow-person').allTextContents()).toEqual(expect.arrayContaining(expected.map((p) => p.name.en)));
    expect(await details.getByTestId('flow-person').count()).toBe(expected.length);
    expect(await details.getByTestId('flow-move-date').first().textContent()).toBe('June 2025');
    expect(await details.getByTestId('move-source').count()).toBeGreaterThanOrEqual(expected.length);
    // A disputed move: Ilya Sutskever's departure, whose date the sources disagree on, dashed, with
    // the dispute's explanation and both sides' sources one click away.
    const sutskever = page.locator(flowSelector('2024', 'openai', 'safe-superintelligence'));
    expect(await sutskever.getAttribute('data-disputed')).toBe('true');
    expect(await sutskever.getByTestId('flow-stroke').getAttribute('stroke-dasharray')).toBeTruthy();
    await sutskever.hover();
    await poll(() => details.getByTestId('flow-person').allTextContents()).toEqual(['Ilya Sutskever']);
    const dispute = details.getByTestId('move-dispute').first();
    expect(await dispute.getByTestId('dispute-claim').first().isVisible()).toBe(false);
    await dispute.locator('summary').click();
    await poll(() => dispute.getByTestId('dispute-claim').count()).toBeGreaterThanOrEqual(2);
    expect(await dispute.getByTestId('dispute-claim').first().isVisible()).toBe(true);
    expect(await dispute.getByTestId('move-source').count()).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('puts undated moves in their own band, last, and a year-only move in its year', async () => {
    const page = await openExplore();
    const periods = await page.getByTestId('flow-band').evaluateAll((bands) => bands.map((band) => band.getAttribute('data-period')));
    expect(periods.at(-1)).toBe('undated');
    expect(periods.slice(0, -1)).toEqual(periods.slice(0, -1).sort());
    expect(await page.locator(flowSelector('undated', 'openai', 'thinking-machines-lab')).count()).toBe(1);
    // Quarters: a move dated only 2024 stays in 2024's own band, never in an invented quarter.
    await page.getByTestId('filter-granularity').selectOption('quarter');
    await poll(() => page.locator(flowSelector('2025-Q2', 'openai', 'meta-superintelligence-labs')).count()).toBe(1);
    expect(await page.locator(flowSelector('2024', 'openai', '~none')).count()).toBe(1);
    await page.close();
  });

  it('from the keyboard: Tab reaches a flow, Enter takes focus to its people, and a person link opens their page', async () => {
    const page = await openExplore();
    await page.getByTestId('filter-period').selectOption('2025');
    await poll(() => page.getByTestId('flow-band').count()).toBe(1);
    await page.getByTestId('export-svg').focus();
    await page.keyboard.press('Shift+Tab');
    let steps = 0;
    while ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) !== 'flow' && steps++ < 10)
      await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('flow');
    await page.keyboard.press('Enter');
    await poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    const person = page.getByTestId('flow-person').first();
    const personId = await page.getByTestId('flow-move').first().getAttribute('data-person-id');
    await person.click();
    await page.waitForURL(`**/notes.html?view=person&person=${personId}`);
    await poll(() => page.getByTestId('person-view').or(page.getByTestId('person-page')).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('filters by organization and by the reader’s own people (none yet)', async () => {
    const page = await openExplore();
    await page.getByTestId('filter-organization').selectOption('stripe');
    await poll(() =>
      page
        .getByTestId('flow')
        .evaluateAll((flows) => flows.map((f) => `${f.getAttribute('data-from')}>${f.getAttribute('data-to')}`).sort()),
    ).toEqual(['openai>stripe', 'stripe>openai', 'stripe>pebblebed']);
    await page.getByTestId('filter-origin').selectOption('own');
    await poll(() => page.getByTestId('explore-empty').textContent()).toBe('You have not added people of your own yet.');
    await page.close();
  });

  it('the timeline lanes every person with a move, sortable by name; the table exports as CSV', async () => {
    const people = (await datasetPeople()).filter((p) => p.moves.length > 0);
    const moves = people.reduce((sum, p) => sum + p.moves.length, 0);
    const page = await openExplore();
    await page.getByTestId('view-timeline').click();
    await poll(() => page.getByTestId('lane').count()).toBe(people.length);
    await page.getByTestId('timeline-sort').selectOption('name');
    const byName = [...people].map((p) => p.name.en).sort((a, b) => a.localeCompare(b));
    await poll(() => page.getByTestId('lane').first().locator('a').textContent()).toBe(byName[0]);

    await page.getByTestId('view-table').click();
    await poll(() => page.getByTestId('move-row').count()).toBe(moves);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toBe('talent-lens-moves.csv');
    const csv = (await downloaded(download)).toString('utf8');
    const lines = csv
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Person,From,To,Date,Period,Disputed,Sources,From the data or yours');
    expect(lines).toHaveLength(moves + 1);
    expect(lines.find((line) => line.startsWith('Shengjia Zhao,'))).toMatch(
      /^Shengjia Zhao,OpenAI,Meta Superintelligence Labs,June 2025,2025,no,/,
    );
    await page.close();
  });

  it('saves the picture as SVG and PNG', async () => {
    const page = await openExplore();
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
    const svgText = (await downloaded(svg)).toString('utf8');
    expect(svgText).toMatch(/^<\?xml/);
    expect(svgText).toContain('data-from="openai"');
    expect(svgText).not.toContain('tabindex');
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    const bytes = await downloaded(png);
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(5_000);
    await page.close();
  });

  it('is reachable from the popup, the notes page and the card', async () => {
    const explorePage = `chrome-extension://${suite.browser.extensionId}/explore.html`;
    const popup = await suite.browser.openExtensionPage('popup.html');
    const fromPopup = suite.browser.context.waitForEvent('page', (p) => p.url() === explorePage);
    await popup.getByTestId('open-explore-page').click();
    await (await fromPopup).close();

    const notes = await suite.browser.openExtensionPage('notes.html');
    await notes.getByTestId('nav-explore').click();
    await notes.waitForURL(explorePage);
    await poll(() => notes.getByTestId('flow').count()).toBeGreaterThan(0);
    await notes.close();

    const page = await suite.open('/card/card.html');
    await hover(page, await waitForMark(page, 'Mark Chen'));
    await poll(() => cardVisible(page), { timeout: 5000 }).toBe(true);
    const fromCard = suite.browser.context.waitForEvent('page', (p) => p.url() === explorePage);
    await pressInCard(page, '[data-testid="open-explore"]');
    const tab = await fromCard;
    await poll(() => tab.getByTestId('flow').count()).toBeGreaterThan(0);
    await tab.close();
    await page.close();
  });

  it('takes the README screenshots, light and dark', async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      const page = await suite.browser.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`chrome-extension://${suite.browser.extensionId}/explore.html`);
      await poll(() => page.getByTestId('flow').count()).toBeGreaterThan(0);
      await page.locator(flowSelector('2025', 'openai', 'meta-superintelligence-labs')).hover();
      await poll(() => page.getByTestId('flow-details').count()).toBe(1);
      const background = await page.evaluate(() => getComputedStyle(document.querySelector('.tl-app')!).backgroundColor);
      expect(background).toBe(scheme === 'dark' ? 'rgb(30, 34, 39)' : 'rgb(255, 255, 255)');
      await page.screenshot({ path: path.join(SCREENSHOTS, `explore-${scheme}-en.png`), clip: { x: 0, y: 0, width: 1280, height: 800 } });
      await page.close();
    }
  });
});

describe('Explore in Chromium, in Chinese', () => {
  const suite = useExtensionSuite({ locale: 'zh-CN' });

  it('draws the same flows with Chinese labels', async () => {
    const page = await suite.browser.openExtensionPage('explore.html');
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('探索：人才去了哪里');
    const expected = await openAiToMetaJune2025();
    await poll(() => page.locator(flowSelector('2025', 'openai', 'meta-superintelligence-labs')).getAttribute('data-people')).toBe(
      String(expected.length),
    );
    expect(await page.getByTestId('flow-band').last().locator('text').first().textContent()).toContain('未注明日期');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'explore-light-zh.png'), clip: { x: 0, y: 0, width: 1280, height: 800 } });
    await page.close();
  });
});
