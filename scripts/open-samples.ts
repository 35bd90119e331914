/**
 * Opens Chromium with the built extension on the sample pages, served from
 * 127.0.0.1. With a display it opens a normal window and waits until you close
 * it (or press Ctrl-C); without one (a server, CI) it runs headless, saves a
 * screenshot of each sample page to test-results/ and exits.
 */
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { CHROME_BUILD, ROOT, chromiumArgs, chromiumPath, startFixtureServer } from '../test/e2e/harness';

const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const server = await startFixtureServer();
const profile = await mkdtemp(path.join(tmpdir(), 'talent-lens-start-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath(),
  headless,
  viewport: headless ? { width: 1280, height: 900 } : null,
  // The browser's own language (no --lang), so the extension's UI follows it.
  args: chromiumArgs(CHROME_BUILD, null),
});

const samples = ['pages/en-news.html', 'pages/zh-news.html'];
const pages = [];
for (const sample of samples) {
  const page = await context.newPage();
  await page.goto(server.url(sample));
  pages.push(page);
  console.log(`opened ${server.url(sample)}`);
}
await context
  .pages()[0]
  ?.close()
  .catch(() => {});

if (headless) {
  const out = path.join(ROOT, 'test-results');
  await mkdir(out, { recursive: true });
  // Give the content script time to mark the page (it starts when the page is idle).
  await new Promise((resolve) => setTimeout(resolve, 1500));
  for (const [i, page] of pages.entries()) {
    const file = path.join(out, `sample-${i === 0 ? 'en' : 'zh'}.png`);
    await page.screenshot({ path: file });
    console.log(`no display: ran headless and saved ${path.relative(ROOT, file)}`);
  }
  await context.close();
  await server.close();
} else {
  console.log('Hover over a name to see its card. Close the browser or press Ctrl-C to stop.');
  const stop = async () => {
    await context.close().catch(() => {});
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  context.on('close', stop);
}
