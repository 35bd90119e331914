/**
 * Privacy: the extension makes no network request of its own.
 *
 * One browsing session (pages in two languages, cards opened by hovering
 * mentions, the popup with a search, the notes page) with every request
 * recorded, then each one is accounted for. Allowed: the fixture pages this
 * test opens and the files they reference themselves (documents, scripts,
 * stylesheets, images from the 127.0.0.1 fixture server, requested by the
 * page's frame), and the extension's own files (chrome-extension://ID/…, or
 * chrome-extension://RANDOM-GUID/… for a web-accessible page of ours declared
 * with use_dynamic_url).
 * Everything else fails: another host, any fetch/XHR/beacon/WebSocket, any
 * request from the service worker to anything but its own files.
 *
 * How requests are seen (Playwright 1.65, Chromium):
 * - `context.on('request')` reports requests of every page in the context,
 *   extension pages (popup.html, notes.html) and content scripts included: a
 *   content script's fetch() is issued in its page's frame.
 * - The extension's service worker: playwright-core attaches to service
 *   worker targets with a network manager of their own (unless
 *   PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK is set), and their requests
 *   come through the same `context.on('request')` with
 *   `request.serviceWorker()` set. The first test proves it: a fetch made
 *   inside our worker must be recorded, or the rest would prove nothing;
 *   so must fetches made from the content script's isolated world (run
 *   there through CDP) and from an extension page.
 * - WebSockets are not requests in Playwright: `page.on('websocket')` on
 *   every page records them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CHROME_BUILD, launchChromium, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';
import { hoverMarkOpensCard } from './card-probe';
import { expectNeverWithin, markTexts, NOTHING_HAPPENS_MS } from './page-helpers';

interface Recorded {
  url: string;
  method: string;
  type: string;
  fromWorker: boolean;
  frameUrl: string | null;
}

/**
 * Our web-accessible files (the card's note frame and its code). Chrome serves those
 * declared with use_dynamic_url under a per-session random host instead of the
 * extension id, so pages cannot fingerprint the extension by its id.
 */
function dynamicResources(): Set<string> {
  const manifest = JSON.parse(readFileSync(path.join(CHROME_BUILD, 'manifest.json'), 'utf8')) as {
    web_accessible_resources?: Array<{ resources: string[]; use_dynamic_url?: boolean }>;
  };
  return new Set(
    (manifest.web_accessible_resources ?? []).filter((w) => w.use_dynamic_url).flatMap((w) => w.resources.map((r) => `/${r}`)),
  );
}
const DYNAMIC_HOST = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Resource types a page's own markup loads; fetch/xhr/beacon/eventsource etc. are never expected. */
const PAGE_RESOURCE_TYPES = new Set(['script', 'stylesheet', 'image', 'font', 'media']);

describe('privacy: no network requests of our own', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;
  const requests: Recorded[] = [];
  const sockets: string[] = [];
  /** Pages this test navigated to itself. */
  const visited = new Set<string>();

  async function visit(path: string): Promise<Page> {
    const page = await browser.context.newPage();
    const url = server.url(path);
    visited.add(url);
    await page.goto(url);
    return page;
  }

  const record = (request: Request) => {
    let frameUrl: string | null = null;
    try {
      frameUrl = request.frame().url();
    } catch {
      // Service worker requests have no frame.
    }
    requests.push({
      url: request.url(),
      method: request.method(),
      type: request.resourceType(),
      fromWorker: !!request.serviceWorker(),
      frameUrl,
    });
  };
  const watchPage = (page: Page) => page.on('websocket', (ws) => sockets.push(ws.url()));

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchChromium();
    browser.context.on('request', record);
    browser.context.on('page', watchPage);
    for (const page of browser.context.pages()) watchPage(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Requests that are not a fixture page's own load nor one of the extension's own files. */
  function unexplained(): Recorded[] {
    const extensionFiles = `chrome-extension://${browser.extensionId}/`;
    const dynamic = dynamicResources();
    return requests.filter((r) => {
      // The extension reading its own packaged files (pages, scripts, data) never leaves the machine.
      if (r.url.startsWith(extensionFiles)) return false;
      const url = new URL(r.url);
      if (url.protocol === 'chrome-extension:' && DYNAMIC_HOST.test(url.host) && dynamic.has(url.pathname)) return false;
      if (r.fromWorker) return true;
      if (r.type === 'document') return !(r.method === 'GET' && visited.has(r.url));
      // A sub-resource: fetched by a fixture page's frame for its own markup.
      const fromFixture = r.url.startsWith(`${server.origin}/`);
      return !(fromFixture && r.method === 'GET' && PAGE_RESOURCE_TYPES.has(r.type) && r.frameUrl?.startsWith(`${server.origin}/`));
    });
  }

  it('controls: a fetch from the service worker, a content script or an extension page is recorded and flagged', async () => {
    const control = (from: string) => server.url(`/pages/index.html?control=${from}`);
    await browser.worker.evaluate((url) => fetch(url).then((r) => r.status), control('worker'));

    const page = await visit('/pages/en-news.html');
    const cdp = await browser.context.newCDPSession(page);
    const contexts: number[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.origin === `chrome-extension://${browser.extensionId}`) contexts.push(context.id);
    });
    await cdp.send('Runtime.enable');
    await expect.poll(() => contexts.length, { timeout: 10_000 }).toBeGreaterThan(0);
    await cdp.send('Runtime.evaluate', {
      contextId: contexts[0],
      expression: `fetch(${JSON.stringify(control('content-script'))})`,
      awaitPromise: true,
    });

    const extensionPage = await browser.openExtensionPage('notes.html');
    await extensionPage.evaluate((url) => fetch(url).then((r) => r.status), control('extension-page'));

    for (const from of ['worker', 'content-script', 'extension-page']) {
      await expect.poll(() => unexplained().some((r) => r.url === control(from)), { timeout: 5000 }).toBe(true);
    }
    expect(requests.find((r) => r.url === control('worker'))?.fromWorker).toBe(true);
    // Start the session below from a clean record.
    await cdp.detach();
    await Promise.all([page.close(), extensionPage.close()]);
    requests.length = 0;
    visited.clear();
  });

  it('a session of reading, hovering, the popup and the notes page makes no request of its own', async () => {
    const en = await visit('/pages/en-news.html');
    await expect.poll(() => markTexts(en), { timeout: 15_000 }).toContain('Sam Altman');
    await hoverMarkOpensCard(en, { nth: 0 });
    await hoverMarkOpensCard(en, { nth: 3 });

    const zh = await visit('/pages/zh-news.html');
    await expect.poll(async () => (await markTexts(zh)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    await hoverMarkOpensCard(zh, { nth: 0 });

    const tabId = await browser.tabIdOf(en);
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await expect.poll(() => popup.getByTestId('mention').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await popup.getByTestId('search-input').fill('Altman');
    await expect.poll(() => popup.getByTestId('search-result').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await popup.getByTestId('search-result').first().click();
    await expect.poll(() => popup.getByTestId('person-name').count(), { timeout: 10_000 }).toBeGreaterThan(0);

    const notes = await browser.openExtensionPage('notes.html');
    await expect.poll(() => notes.getByTestId('notes-count').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await notes.getByTestId('notes-search').fill('Sutskever');

    // Watch while anything deferred (idle callbacks, debounced rescans, the worker going idle) happens.
    await expectNeverWithin(
      async () => unexplained().length > 0 || sockets.length > 0,
      NOTHING_HAPPENS_MS,
      'a request the session does not explain, or a socket',
    );

    expect(requests.length, 'the recorder saw the session at all').toBeGreaterThan(2);
    expect(unexplained(), JSON.stringify(requests, null, 1)).toEqual([]);
    expect(sockets).toEqual([]);
    console.info(
      `[privacy] ${requests.length} requests recorded, all fixture page loads or the extension's own files:\n${requests.map((r) => `  ${r.type} ${r.url}`).join('\n')}`,
    );
  });
});
