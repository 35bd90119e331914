/**
 * Chromium for the benchmark: the flags of test/e2e/harness.ts, with or
 * without an extension, and a tiny server for generated pages bound to
 * 127.0.0.1.
 */
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../test/e2e/harness';

export interface BenchBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A persistent context (the only kind that starts an extension's service worker); `extension` is a build dir or null. */
export async function launch(extension: string | null, initScript: string): Promise<BenchBrowser> {
  const profile = await mkdtemp(path.join(tmpdir(), 'talent-lens-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    locale: 'en-US',
    colorScheme: 'light',
    viewport: { width: 1280, height: 800 },
    args: chromiumArgs(extension),
  });
  if (extension && context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  await context.addInitScript(initScript);
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface PageServer {
  url(name: string): string;
  close(): Promise<void>;
}

/** Serves `/<name>.html` from memory. */
export async function servePages(pages: ReadonlyMap<string, string>): Promise<PageServer> {
  const server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/|\.html$/g, '');
    const html = pages.get(name);
    if (html === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('page server has no port');
  return {
    url: (name) => `http://127.0.0.1:${address.port}/${encodeURIComponent(name)}.html`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Evaluates the expressions in turn in one fresh isolated world of the tab's main frame, made through
 * the DevTools protocol: the kind of world a content script's code runs in, with wrappers of its own
 * for every node it touches. Promises are awaited; the last value is returned.
 */
export async function evaluateIsolated(tab: Page, expressions: string[]): Promise<unknown> {
  const cdp = await tab.context().newCDPSession(tab);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'talent-lens-bench',
    });
    let value: unknown;
    for (const expression of expressions) {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression,
        contextId: executionContextId,
        returnByValue: true,
        awaitPromise: true,
      });
      if (exceptionDetails)
        throw new Error(`evaluation in an isolated world failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      value = result.value;
    }
    return value;
  } finally {
    await cdp.detach();
  }
}
