import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './harness';
import { launchFirefox, type FirefoxWithExtension } from './firefox-harness';

describe('Firefox ESR with the extension', () => {
  let firefox: FirefoxWithExtension;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('the popup gets an answer from the background', async () => {
    const popup = await firefox.openExtensionPage('popup.html', '[data-testid="background-status"]');
    await expect
      .poll(() => popup.$eval('[data-testid="background-status"]', (el) => el.textContent), { timeout: 10_000 })
      .toMatch(/^v\d+\.\d+\.\d+$/);
  });
});
