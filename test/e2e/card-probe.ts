/**
 * Shared by the robustness e2e tests (hostile pages, privacy): find a mark the
 * way a user sees it and hover it until the card shows.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { cardShown, centreOf, snapshotMarks } from './page-helpers';
import { within } from './harness';

/** How long one read of the card's shadow root may take before it counts as stuck. */
const CARD_READ_MS = 10_000;

/** The Highlight registry name the page layer uses (content/marks/mark-engine.ts HIGHLIGHT_NAME). */
export const HIGHLIGHT = 'talent-lens';

/**
 * Hovers the nth visible mark (0: the first) and waits for the card host to show with real content,
 * then moves the pointer away (unless `leave` is false).
 * `registry` names a global holding the real highlight registry, for pages that replaced CSS.highlights.
 */
export async function hoverMarkOpensCard(
  page: Page,
  options: {
    registry?: string | null;
    nth?: number;
    /** false: the pointer stays on the mark, so the card stays open. */ leave?: boolean;
  } = {},
): Promise<void> {
  const marks = (await page.evaluate(snapshotMarks, { name: HIGHLIGHT, registry: options.registry ?? null })) ?? [];
  const rect = marks.filter((m) => !m.collapsed && m.inView)[options.nth ?? 0]?.rect;
  const point = rect ? centreOf(rect) : null;
  expect(point, 'a visible mark to hover').not.toBeNull();
  await page.mouse.move(point!.x - 40, point!.y + 60);
  await page.mouse.move(point!.x, point!.y, { steps: 4 });
  await expect.poll(() => page.evaluate(cardShown), { timeout: 10_000 }).toBe(true);
  if (options.leave !== false) await page.mouse.move(1, 1);
}

/**
 * The card's notes live in an extension page framed inside the card (note-frame.html). Waits until
 * that frame has loaded and rendered its notes UI: a page's CSP or replaced prototypes must not stop it.
 */
export async function expectNoteFrameRendered(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        // Every candidate is asked: the driver's frame list can keep a frame the browser has removed.
        const frames = page.frames().filter((f) => /^chrome-extension:\/\/[^/]+\/note-frame\.html/.test(f.url()));
        const counts = await Promise.all(
          frames.map((f) =>
            f
              .locator('[data-testid="note-frame"] textarea')
              .count()
              .catch(() => 0),
          ),
        );
        return Math.max(0, ...counts);
      },
      { timeout: 10_000 },
    )
    .toBeGreaterThan(0);
}

/**
 * Runs `fn(shadowRoot, arg)` on the card's closed shadow root, reached through
 * the DevTools protocol. Test-only: nothing in the page can do this.
 * Raw DevTools commands have no timeout of their own: bounded, so a stuck one fails here (and a poll retries it).
 */
export function inCard<A, T>(page: Page, fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T> {
  return within(
    runInHost(page, null, fn, arg),
    CARD_READ_MS,
    `reading the card's shadow root through DevTools (${fn.toString().slice(0, 60)}…)`,
  );
}

/** As inCard, on the "Turned off on this site" notice's own host (data-role="notice"). */
export function inNotice<A, T>(page: Page, fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T> {
  return within(runInHost(page, 'notice', fn, arg), CARD_READ_MS, `reading the notice's shadow root through DevTools`);
}

async function runInHost<A, T>(page: Page, role: string | null, fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    type DomNode = { localName?: string; attributes?: string[]; backendNodeId: number; children?: DomNode[]; shadowRoots?: DomNode[] };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const hosts: DomNode[] = [];
    const walk = (node: DomNode) => {
      const attributes = node.attributes ?? [];
      const nodeRole = attributes.includes('data-role') ? attributes[attributes.indexOf('data-role') + 1] : null;
      if (node.localName === 'talent-lens-ui' && nodeRole === role) hosts.push(node);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    };
    walk(root);
    const shadow = hosts.at(-1)?.shadowRoots?.[0];
    if (!shadow) throw new Error(role ? `no ${role} shadow root` : 'no card shadow root');
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const reply = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
    return reply.result.value as T;
  } finally {
    await cdp.detach();
  }
}
