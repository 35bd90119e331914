/**
 * Real-browser harness: Debian's Chromium driven by playwright-core with the
 * built extension loaded, and fixture pages served from 127.0.0.1 only.
 */
import { createServer, type Server } from 'node:http';
import { readFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(ROOT, 'test/fixtures');
/** TALENT_LENS_CHROME_BUILD: test a copy of a build, e.g. while another build rewrites .output. */
export const CHROME_BUILD = process.env.TALENT_LENS_CHROME_BUILD ?? path.join(ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD = path.join(ROOT, '.output/firefox-mv3');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Playwright's timeout for actions and waits (click, focus, waitForEvent…) in our Chromium contexts. */
const ACTION_TIMEOUT_MS = 15_000;

/**
 * `promise`, or an error naming `what` once `ms` have passed. For the calls that Playwright never
 * times out itself: keyboard and mouse input, evaluate, raw DevTools commands. A stuck one then fails
 * the step that made it instead of using up the whole test timeout with no word on where it hung.
 */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer from Chromium in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

export interface FixtureServer {
  origin: string;
  url(pathname: string): string;
  close(): Promise<void>;
}

/**
 * Serves test/fixtures. A file `x.html` may have a sibling `x.html.headers.json`
 * ({"Header": "value"}) for pages that need e.g. a Content-Security-Policy.
 * `host` lets a test serve a second origin (127.0.0.2) for cross-site checks.
 * `/__never` is never answered: a page that loads it never fires its load event.
 */
export async function startFixtureServer(host = '127.0.0.1'): Promise<FixtureServer> {
  const server: Server = createServer(async (req, res) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      // A request that is never answered (until the server closes): keeps a fixture's load event from ever firing.
      if (pathname === '/__never') return;
      const file = path.join(FIXTURES, path.normalize(pathname).replace(/^([/\\])+/, ''));
      if (!file.startsWith(FIXTURES) || !existsSync(file)) {
        res.writeHead(404).end('not found');
        return;
      }
      const headers: Record<string, string> = {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      };
      if (existsSync(`${file}.headers.json`)) {
        Object.assign(headers, JSON.parse(await readFile(`${file}.headers.json`, 'utf8')));
      }
      res.writeHead(200, headers).end(await readFile(file));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fixture server has no port');
  const origin = `http://${host}:${address.port}`;
  return {
    origin,
    url: (pathname) => new URL(pathname, origin).href,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Chromium's binary: Debian's package, or CHROMIUM_PATH. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('Chromium not found: run `apt-get install chromium` or set CHROMIUM_PATH');
  return found;
}

/**
 * Chromium's flags for our runs: the extension (when given) and a quiet browser.
 * This machine has no network, and Chromium's background connections would only
 * fail (and add noise to measurements).
 */
export function chromiumArgs(extensionDir: string | null, locale: string | null = 'en-US'): string[] {
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    ...(locale ? [`--lang=${locale}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /**
   * The extension's tab id for a page. Without the `tabs` permission the
   * extension cannot see URLs, so the page is brought to the front and the
   * worker asks for the active tab.
   */
  tabIdOf(page: Page): Promise<number>;
  /** Opens one of the extension's own pages, e.g. `popup.html`. */
  openExtensionPage(page: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The welcome tab an install opens: waited for (polling) and closed. A fresh profile must get one
 * within 15 s. A reused one may too: Chromium reinstalls a --load-extension extension at every
 * launch (onInstalled says 'install' again, which a store install never does), so it is closed
 * if it shows within 3 s, and not required.
 */
async function closeWelcomeTab(context: BrowserContext, extensionId: string, required: boolean): Promise<void> {
  const welcome = `chrome-extension://${extensionId}/welcome.html`;
  const deadline = Date.now() + (required ? 15_000 : 3_000);
  for (;;) {
    const tab = context.pages().find((page) => page.url() === welcome);
    if (tab) return tab.close();
    if (Date.now() > deadline) {
      if (required) throw new Error(`no welcome tab (${welcome}) opened on install`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Launches Chromium with the built extension. A persistent context is needed:
 * a plain launch() never starts the extension's service worker.
 */
export async function launchChromium(
  options: {
    locale?: string;
    colorScheme?: 'light' | 'dark';
    /** Reuse this profile directory (a relaunch keeps the extension's storage); the caller removes it. */
    profileDir?: string;
    /**
     * A first install opens the welcome page in a tab (entrypoints/background.ts). By default the
     * harness waits for it and closes it, so suites start with the tabs they open themselves;
     * `keep` leaves it for the test of that very page.
     */
    welcomeTab?: 'close' | 'keep';
  } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(path.join(CHROME_BUILD, 'manifest.json'))) {
    throw new Error(`No built extension at ${CHROME_BUILD}: run \`npm run build\` first`);
  }
  const profile = options.profileDir ?? (await mkdtemp(path.join(tmpdir(), 'talent-lens-chromium-')));
  // Only a fresh profile installs the extension, and only an install opens the welcome tab.
  const freshProfile = !existsSync(profile) || (await readdir(profile)).length === 0;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 800 },
    args: chromiumArgs(CHROME_BUILD, options.locale ?? 'en-US'),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // A stuck click, focus or wait fails in 15 s naming the action and its selector, well inside a
  // test's 60 s (Playwright's own 30 s lets two stuck steps use up a test unnamed). Navigations keep 30 s.
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(30_000);
  const extensionId = new URL(worker.url()).host;
  if (options.welcomeTab !== 'keep') await closeWelcomeTab(context, extensionId, freshProfile);
  return {
    context,
    extensionId,
    worker,
    async tabIdOf(page) {
      await page.bringToFront();
      const id = await worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id;
      });
      if (id === undefined) throw new Error('no active tab');
      return id;
    },
    async openExtensionPage(page) {
      const tab = await context.newPage();
      await tab.goto(`chrome-extension://${extensionId}/${page}`);
      return tab;
    },
    async close() {
      await context.close();
      if (!options.profileDir) await rm(profile, { recursive: true, force: true });
    },
  };
}
