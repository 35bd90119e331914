/**
 * Firefox ESR (Debian's firefox-esr) with the built extension, driven by
 * puppeteer-core over WebDriver BiDi. Playwright cannot drive Debian's Firefox,
 * and no geckodriver is available, so BiDi is the path.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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
  } = {},
): Promise<FirefoxWithExtension> {
  if (!existsSync(path.join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`No built Firefox extension at ${FIREFOX_BUILD}: run \`npx wxt build -b firefox\` first`);
  }
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
