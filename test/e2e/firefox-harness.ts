/**
 * Firefox ESR (Debian's firefox-esr) with the built extension, driven by
 * puppeteer-core over WebDriver BiDi. Playwright cannot drive Debian's Firefox,
 * and no geckodriver is available, so BiDi is the path.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { FIREFOX_BUILD, startFixtureServer, type FixtureServer } from './harness';

/** A fixed UUID so moz-extension:// URLs are known before the add-on installs. */
export const FIREFOX_EXTENSION_UUID = '8a3c1e52-4a0d-4c7e-9f61-3d2b7c9e1f00';

export interface FirefoxWithExtension {
  browser: Browser;
  /** The add-on id from the manifest: also the extension's runtime id, which any page can know. */
  addonId: string;
  extensionOrigin: string;
  newPage(url: string): Promise<Page>;
  /** Opens an extension page; `goto` may never resolve for moz-extension URLs, so wait for `readySelector`. */
  openExtensionPage(page: string, readySelector: string): Promise<Page>;
  close(): Promise<void>;
}

export function firefoxPath(): string {
  const found = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('Firefox not found: run `apt-get install firefox-esr` or set FIREFOX_PATH');
  return found;
}

export async function launchFirefox(
  options: {
    /**
     * Reuse this profile directory; the caller removes it. The add-on is installed as a temporary
     * one at each launch, and Firefox keeps a temporary add-on's storage (IndexedDB, storage.sync)
     * for the next install of the same id only when told to, which these runs do.
     */
    profileDir?: string;
    /** The system's colour scheme as pages see it (`prefers-color-scheme`); by default Firefox's own. */
    colorScheme?: 'light' | 'dark';
    /**
     * Installing opens the welcome page in a tab, some time after installExtension returns, and that
     * tab comes to the front over whatever a test opened by then: Firefox then holds back focus events
     * in the test's page, and a "last tab" is no longer the test's. By default the harness waits for it
     * and closes it, so suites start with the tabs they open themselves; `keep` leaves it for the test
     * of that very page.
     */
    welcomeTab?: 'close' | 'keep';
  } = {},
): Promise<FirefoxWithExtension> {
  if (!existsSync(path.join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`No built Firefox extension at ${FIREFOX_BUILD}: run \`npx wxt build -b firefox\` first`);
  }
  // Only a fresh profile is sure to install the add-on for the first time, which opens the welcome tab.
  const freshProfile = !options.profileDir || !existsSync(options.profileDir) || (await readdir(options.profileDir)).length === 0;
  const manifest = JSON.parse(await readFile(path.join(FIREFOX_BUILD, 'manifest.json'), 'utf8'));
  const addonId: string = manifest.browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    args: ['--remote-allow-system-access'],
    ...(options.profileDir ? { userDataDir: options.profileDir } : {}),
    extraPrefsFirefox: {
      ...(options.profileDir
        ? { 'extensions.webextensions.keepStorageOnUninstall': true, 'extensions.webextensions.keepUuidOnUninstall': true }
        : {}),
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: FIREFOX_EXTENSION_UUID }),
      // 0: dark, 1: light (BiDi has no media emulation).
      ...(options.colorScheme ? { 'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1 } : {}),
      // Keep Firefox off the network: this machine has none, and the extension must make no requests.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  // A fresh profile must show the welcome tab. A reused one may too (the temporary add-on installs
  // again at each launch), so it is closed if it shows within 3 s, and not required.
  if (options.welcomeTab !== 'keep') await closeWelcomeTab(browser, `${extensionOrigin}/welcome.html`, freshProfile);
  return {
    browser,
    addonId,
    extensionOrigin,
    async newPage(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async openExtensionPage(name, readySelector) {
      const page = await browser.newPage();
      await page.goto(`${extensionOrigin}/${name}`, { timeout: 3000 }).catch(() => {});
      await page.waitForSelector(readySelector, { timeout: 15_000 });
      return page;
    },
    close: () => browser.close(),
  };
}

/** Waits (polling) for the tab showing `welcomeUrl` and closes it; see launchFirefox's `welcomeTab`. */
async function closeWelcomeTab(browser: Browser, welcomeUrl: string, required: boolean): Promise<void> {
  const deadline = Date.now() + (required ? 15_000 : 3_000);
  for (;;) {
    for (const page of await browser.pages()) {
      // Over BiDi, puppeteer reports moz-extension tabs as about:blank: the tab says where it is.
      if ((await page.evaluate(() => location.href).catch(() => '')) === welcomeUrl) return page.close();
    }
    if (Date.now() > deadline) {
      if (required) throw new Error(`no welcome tab (${welcomeUrl}) opened on install`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * For a Firefox suite: launches Firefox with the extension and a fixture server before its tests and
 * closes both after them. Read `firefox` and `server` inside tests (they are set once the suite starts).
 */
export function firefoxSuite(options: Parameters<typeof launchFirefox>[0] = {}): {
  readonly firefox: FirefoxWithExtension;
  readonly server: FixtureServer;
} {
  let firefox: FirefoxWithExtension | undefined;
  let server: FixtureServer | undefined;
  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefox(options);
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });
  return {
    get firefox() {
      if (!firefox) throw new Error('Firefox is not running: read it inside a test');
      return firefox;
    },
    get server() {
      if (!server) throw new Error('the fixture server is not running: read it inside a test');
      return server;
    },
  };
}
