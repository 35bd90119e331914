/**
 * Takes the README's pictures of the extension's own pages (the welcome page with its sample card
 * open, "About the data", Settings, the add-a-person form filled in) in headless Chromium with the built extension, into
 * docs/screenshots/. Run after a build: `npm run build && npm run screenshots`. Not part of
 * `npm test`: pictures change with every change of layout, and a test run must leave the tree clean.
 * The card on a news page is pictured by the card's end-to-end tests (TALENT_LENS_UPDATE_SCREENSHOTS=1).
 */
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { ROOT, launchChromium } from '../test/e2e/harness';

const OUT = path.join(ROOT, 'docs/screenshots');
/** Each picture is the page's column from its top, cut at this height: enough to show what the page is, small enough to keep. */
const MAX_HEIGHT = 900;

async function shoot(page: Page, selector: string, file: string): Promise<void> {
  const column = page.locator(selector);
  await column.waitFor();
  const box = (await column.boundingBox())!;
  await page.screenshot({
    path: path.join(OUT, file),
    clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, MAX_HEIGHT) },
    fullPage: true,
  });
  console.info(`screenshots: ${path.relative(ROOT, path.join(OUT, file))}`);
}

await mkdir(OUT, { recursive: true });
const browser = await launchChromium();
try {
  const welcome = await browser.openExtensionPage('welcome.html');
  await welcome.locator('[data-testid="sample-name"][data-person-id="shengjia-zhao"]').click();
  await welcome.locator('[data-testid="sample-card"] [data-testid="person-name"]').waitFor();
  await shoot(welcome, '[data-testid="welcome-page"]', 'welcome-light-en.png');

  const about = await browser.openExtensionPage('about.html');
  await about.locator('[data-testid="source"]').first().waitFor();
  await shoot(about, '[data-testid="about-page"]', 'about-light-en.png');

  const options = await browser.openExtensionPage('options.html');
  await options.locator('[data-testid="mark-scope-all"]:checked').waitFor();
  await shoot(options, '[data-testid="options-page"]', 'options-light-en.png');

  // The form as "Add a person" opens it, filled in as a reader would, with the suggestions it makes.
  const people = await browser.openExtensionPage('people.html');
  await people.getByLabel('Name, as written').fill('Ruoming Pang');
  await people.getByLabel('The name in the other script (optional)').fill('庞若鸣');
  await people.getByLabel('Organization (optional)').fill('Meta');
  await people.getByLabel('Role (optional)').fill('AI researcher');
  await people.locator('.tl-choices legend').first().waitFor();
  await shoot(people, 'main.tl-info-page', 'people-add-light-en.png');
} finally {
  await browser.close();
}
