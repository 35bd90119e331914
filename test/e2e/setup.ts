/**
 * The common frame of a Chromium end-to-end suite: one fixture server and one
 * browser with the extension for the enclosing describe block.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchChromium, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';

export interface ExtensionSuite {
  readonly browser: ExtensionBrowser;
  readonly server: FixtureServer;
  /** Opens a fixture page (a path under test/fixtures) in a new tab. */
  open(pathname: string): Promise<Page>;
}

export function useExtensionSuite(options: Parameters<typeof launchChromium>[0] = {}): ExtensionSuite {
  let browser: ExtensionBrowser | undefined;
  let server: FixtureServer | undefined;
  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchChromium(options);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`the ${what} is not ready: use the suite inside tests and hooks`);
    return value;
  };
  return {
    get browser() {
      return ready(browser, 'browser');
    },
    get server() {
      return ready(server, 'fixture server');
    },
    async open(pathname) {
      const page = await ready(browser, 'browser').context.newPage();
      await page.goto(ready(server, 'fixture server').url(pathname));
      return page;
    },
  };
}

/**
 * expect.poll with room for a busy machine (2 cores shared by many browsers), where a page's render
 * can take seconds; vitest's default gives up after 1 s.
 */
export const slowPoll = <T>(probe: () => T | Promise<T>, options: { timeout?: number } = {}) =>
  expect.poll(probe, { timeout: 15_000, ...options });

/** The page's frames by their window's name ('top': the page), as Playwright knows them (see frames-scenario.ts NamedFrames). */
export const namedFrames = (page: Page) => async (): Promise<Map<string, Frame>> =>
  new Map(page.frames().map((frame) => [frame === page.mainFrame() ? 'top' : frame.name(), frame]));
