/**
 * Shared by the robustness e2e tests (hostile pages, privacy): find a mark the
 * way a user sees it and hover it until the card shows.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { cardShown, centreOf, snapshotMarks } from './page-helpers';

/** The Highlight registry name the page layer uses (utils/page/mark-engine.ts HIGHLIGHT_NAME). */
export const HIGHLIGHT = 'talent-lens';

/**
 * Hovers the nth visible mark (0: the first) and waits for the card host to show with real content,
 * then moves the pointer away (unless `leave` is false).
 * `registry` names a global holding the real highlight registry, for pages that replaced CSS.highlights.
 */
export async function hoverMarkOpensCard(
  page: Page,
  options: { registry?: string | null; nth?: number; /** false: the pointer stays on the mark, so the card stays open. */ leave?: boolean } = {},
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
        const frame = page.frames().find((f) => /^chrome-extension:\/\/[^/]+\/note-frame\.html/.test(f.url()));
        return frame ? frame.locator('[data-testid="note-frame"] textarea').count().catch(() => 0) : 0;
      },
      { timeout: 10_000 },
    )
    .toBeGreaterThan(0);
}
