/**
 * The hover card in real Chromium, driven like a user: real pointer hovers on
 * real marks, real keys. The card lives in a CLOSED shadow root, which no page
 * script and no Playwright locator can enter; the test reads it through the
 * DevTools protocol (DOM.getDocument with pierce), the way a debugger would.
 * The notes live in an extension-page frame inside that root (note-frame.html);
 * Playwright reaches frames through page.frames() whatever hides their element.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchChromium, ROOT, startFixtureServer, within, type ExtensionBrowser, type FixtureServer } from './harness';
import {
  boxInCard,
  cardHost,
  cardText,
  cardVisible,
  clickInCard,
  frameFocus,
  frameNotes,
  hover,
  inCard,
  markBox,
  noteFrame,
  pressInCard,
  READ_MS,
  waitForMark,
} from './card-helpers';
import { NOTE_FRAME_HEIGHT } from '../../utils/notes/note-frame';
import { expectNeverWithin, NOTHING_HAPPENS_MS } from './page-helpers';

// The README's pictures are refreshed only on request (TALENT_LENS_UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean.
const SCREENSHOTS = path.join(ROOT, process.env.TALENT_LENS_UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots');

/**
 * Presses `key` when that key closes the card, and so removes its notes frame; `frame` is that frame,
 * or null when focus may or may not be inside it (after Tab cycling, where the frame's own tab stops
 * appear once it has loaded): then any frame leaving the page ends the wait.
 *
 * Chromium answers a DevTools key event (Input.dispatchKeyEvent, under keyboard.press) only once the
 * focused frame has handled it. The frame posts Escape to the card on keydown and the card removes
 * the frame at once, so the keyup, sent right after the keydown's answer, is often routed to a frame
 * that is going away; when the frame is gone before it answers, no answer ever comes and keyboard.press
 * waits forever (seen on a loaded 2-core machine: keyUp sent, the frame detached 1 ms later, no reply).
 * The frame going away is the answer we wait for then; the caller checks that the card closed.
 */
async function pressClosingFrame(page: Page, frame: Frame | null, key: string) {
  let onDetached: ((detached: Frame) => void) | undefined;
  const gone = new Promise<void>((resolve) => {
    onDetached = (detached) => {
      if (frame === null || detached === frame) resolve();
    };
    page.on('framedetached', onDetached);
  });
  try {
    // If the frame goes first, the press may never settle: race() keeps its late rejection (page closed) handled.
    await within(
      Promise.race([page.keyboard.press(key), gone]),
      READ_MS,
      `pressing ${key} (the press got no answer and no frame was removed)`,
    );
  } finally {
    page.off('framedetached', onDetached!);
  }
}

/**
 * Waits until the card shows its notes frame: the frame's session was confirmed and the background
 * relayed its "ready" (until then the frame is invisible), at its fixed height, with its editor rendered.
 * The frame is scrolled into the card's view first, as a user reading the card would.
 */
async function frameSettled(page: Page, frame: Frame) {
  await inCard(page, (root) => root.querySelector('[data-testid="card-notes-frame"]')!.scrollIntoView({ block: 'nearest' }));
  await expect
    .poll(
      async () => {
        const editor = await within(
          frame.evaluate(() => document.querySelectorAll('[data-testid="note-frame"] textarea').length),
          READ_MS,
          'reading the notes frame',
        );
        const shown = await inCard(page, (root) => {
          const element = root.querySelector<HTMLElement>('[data-testid="card-notes-frame"]')!;
          return { visibility: getComputedStyle(element).visibility, height: element.getBoundingClientRect().height };
        });
        return { editor: editor > 0, ...shown };
      },
      { timeout: 10_000 },
    )
    .toEqual({ editor: true, visibility: 'visible', height: NOTE_FRAME_HEIGHT });
}

/** Time from hover start to card shown, and the part of it that is our own rendering. */
function timings(page: Page) {
  return page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime ?? null;
    const start = at('talent-lens:hover-start');
    const showStart = at('talent-lens:card-show-start');
    const shown = at('talent-lens:card-shown');
    return {
      hoverToShown: start !== null && shown !== null ? shown - start : null,
      render: showStart !== null && shown !== null ? shown - showStart : null,
    };
  });
}

describe('the card in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;
  const measured: Array<{ hoverToShown: number | null; render: number | null }> = [];

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    if (measured.length > 0) console.log('[card e2e] hover → card shown (ms):', JSON.stringify(measured));
    await browser?.close();
    await server?.close();
  });

  async function open(pathname: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(server.url(pathname));
    return page;
  }

  it('hovering a name shows its role, moves, quotes and disputed facts next to it', async () => {
    const page = await open('/card/card.html');
    const mark = await waitForMark(page, 'Ilya Sutskever');
    await hover(page, mark);
    await expect.poll(() => cardVisible(page), { timeout: 5000 }).toBe(true);

    const card = await inCard(page, (root) => {
      const dialog = root.querySelector('[role="dialog"]')!;
      const label = root.getElementById(dialog.getAttribute('aria-labelledby')!);
      return {
        label: label?.textContent,
        role: root.querySelector('[data-testid="role"]')?.textContent ?? '',
        moves: [...root.querySelectorAll('[data-testid="move"]')].map((m) => m.textContent ?? ''),
        quotes: [...root.querySelectorAll('[data-testid="quote"] blockquote')].map((q) => q.textContent ?? ''),
        marks: root.querySelectorAll('[data-testid="conflict-mark"]').length,
      };
    });
    expect(card.label).toBe('Ilya Sutskever');
    expect(card.role).toContain('Safe Superintelligence');
    expect(card.moves).toHaveLength(1);
    expect(card.moves[0]).toContain('OpenAI → Safe Superintelligence');
    expect(card.quotes.length).toBeGreaterThanOrEqual(1);
    expect(card.quotes.every((q) => q.length >= 4)).toBe(true);
    // Role and the move: the places where sources disagree about him (how many founders remain is about OpenAI, on About the data).
    expect(card.marks).toBe(2);

    // Next to the name: below it, 8 px away, left-aligned (the name is left of the middle).
    const host = (await cardHost(page))!;
    expect(host.box.top).toBeCloseTo(mark.bottom + 8, 0);
    expect(host.box.left).toBeCloseTo(mark.left, 0);
    expect(host.box.right - host.box.left).toBe(360);

    // The mark expands to every claim with its source.
    await clickInCard(page, '[data-testid="role"] [data-testid="conflict-mark"]');
    const claims = await inCard(page, (root) => {
      const button = root.querySelector('[data-testid="role"] [data-testid="conflict-mark"]')!;
      const panel = root.getElementById(button.getAttribute('aria-controls')!)!;
      return {
        expanded: button.getAttribute('aria-expanded'),
        hidden: panel.hidden,
        claims: panel.querySelectorAll('.tl-claim').length,
        sources: panel.querySelectorAll('.tl-source').length,
      };
    });
    expect(claims.expanded).toBe('true');
    expect(claims.hidden).toBe(false);
    expect(claims.claims).toBeGreaterThanOrEqual(2);
    expect(claims.sources).toBeGreaterThanOrEqual(claims.claims);

    measured.push(await timings(page));
    await page.close();
  });

  it('keeps the card open while the pointer is on it, closes it 300 ms after the pointer leaves', async () => {
    const page = await open('/card/card.html');
    const mark = await waitForMark(page, 'Mark Chen');
    await hover(page, mark);
    await expect.poll(() => cardVisible(page), { timeout: 5000 }).toBe(true);
    measured.push(await timings(page));
    const box = (await cardHost(page))!.box;
    // Straight down into the card, as a hand would.
    await page.mouse.move((mark.left + mark.right) / 2, box.top + 40, { steps: 5 });
    await expectNeverWithin(async () => !(await cardVisible(page)), 1200, 'the card closed while the pointer rested on it');
    await page.mouse.move(box.right + 200, box.bottom + 200, { steps: 3 });
    await expect.poll(() => cardVisible(page), { timeout: 3000 }).toBe(false);
    await page.close();
  });

  it('opens on every hover, alternating names (timings are recorded, not asserted)', async () => {
    const page = await open('/card/card.html');
    for (const name of ['Mark Chen', 'Ilya Sutskever', 'Mark Chen', 'Ilya Sutskever', 'Mark Chen', 'Ilya Sutskever']) {
      await page.mouse.move(5, 5);
      await expect.poll(() => cardVisible(page)).toBe(false);
      await hover(page, await waitForMark(page, name));
      await expect.poll(() => cardVisible(page), { timeout: 5000 }).toBe(true);
      expect(await inCard(page, (root) => root.querySelector('h2')?.textContent)).toBe(name);
      measured.push(await timings(page));
    }
    await page.close();
  });

  it('a pointer that only crosses a name opens nothing', async () => {
    const page = await open('/card/card.html');
    const mark = await waitForMark(page, 'Mark Chen');
    // In and straight out again: the pointer never rests on the name, however slow the machine.
    await hover(page, mark);
    await page.mouse.move(5, 5);
    await expectNeverWithin(() => cardVisible(page), NOTHING_HAPPENS_MS, 'a card opened for a pointer that only crossed the name');
    await page.close();
  });

  it('Alt+Shift+N opens the card at once with focus inside; Tab stays in it; Escape closes it and focus returns', async () => {
    const page = await open('/card/card.html');
    await waitForMark(page, 'Ilya Sutskever');
    await page.focus('#before');
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => cardVisible(page), { timeout: 2000 }).toBe(true);
    const focus = () =>
      Promise.all([
        page.evaluate(() => document.activeElement?.localName ?? null),
        inCard(page, (root) => (root.activeElement ? `${root.activeElement.localName}.${root.activeElement.className}` : null)),
      ]);
    const [outer, inner] = await focus();
    expect(outer).toBe('talent-lens-ui');
    expect(inner).toBe('button.tl-icon-button');

    for (let i = 0; i < 25; i++) await page.keyboard.press('Tab');
    const [afterTabs] = await focus();
    expect(afterTabs).toBe('talent-lens-ui');
    await page.keyboard.press('Shift+Tab');
    expect((await focus())[0]).toBe('talent-lens-ui');

    // Focus may be in the notes frame by now, which Escape removes with the card.
    await pressClosingFrame(page, null, 'Escape');
    await expect.poll(() => cardVisible(page)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
    // Focus coming back must not reopen it.
    await expectNeverWithin(() => cardVisible(page), NOTHING_HAPPENS_MS, 'the card reopened when focus came back to the page');
    await page.close();
  });

  it('Escape closes a hover card while focus stays on the page', async () => {
    const page = await open('/card/card.html');
    await hover(page, await waitForMark(page, 'Mark Chen'));
    await expect.poll(() => cardVisible(page), { timeout: 5000 }).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardVisible(page)).toBe(false);
    await page.close();
  });

  it('follows the name when the page scrolls, and closes once it is scrolled out of view', async () => {
    const page = await open('/card/card.html');
    const mark = await waitForMark(page, 'Mark Chen');
    await hover(page, mark);
    await expect.poll(() => cardVisible(page), { timeout: 5000 }).toBe(true);
    // Rest the pointer on the card so only scrolling can move or close it.
    const before = (await cardHost(page))!.box;
    await page.mouse.move(before.left + 20, before.top + 20, { steps: 3 });
    await page.evaluate(() => window.scrollBy(0, 60));
    await expect.poll(async () => (await cardHost(page))!.box.top).toBeCloseTo(before.top - 60, 0);
    await page.evaluate(() => window.scrollBy(0, 1000));
    await expect.poll(() => cardVisible(page)).toBe(false);
    await page.close();
  });

  it('flips at the right edge of the viewport and stays inside it', async () => {
    const page = await open('/card/right-edge.html');
    const mark = await waitForMark(page, 'Mark Chen');
    expect(mark.right).toBeGreaterThan(1200);
    await hover(page, mark);
    await expect.poll(() => cardVisible(page), { timeout: 5000 }).toBe(true);
    const { box } = (await cardHost(page))!;
    const viewport = page.viewportSize()!;
    expect(box.right).toBeLessThanOrEqual(viewport.width - 8);
    expect(box.left).toBeLessThan(mark.left);
    expect(box.left).toBeGreaterThanOrEqual(8);
    expect(box.top).toBeCloseTo(mark.bottom + 8, 0);
    await page.close();
  });

  it('"Open in popup" opens the full-page person view for this person in a new tab', async () => {
    const page = await open('/card/card.html');
    await hover(page, await waitForMark(page, 'Mark Chen'));
    await expect.poll(() => cardVisible(page), { timeout: 5000 }).toBe(true);
    const opened = browser.context.waitForEvent('page');
    await pressInCard(page, '[data-testid="open-popup"]');
    const tab = await opened;
    expect(tab.url()).toBe(`chrome-extension://${browser.extensionId}/notes.html?view=person&person=mark-chen`);
    await expect.poll(() => tab.getByTestId('person-name').textContent()).toBe('Mark Chen');
    await tab.close();
    await page.close();
  });

  it('the page cannot read the card or a note written in it; its styles do not leak in', async () => {
    const page = await open('/card/hostile.html');
    const mark = await waitForMark(page, 'Mark Chen');
    await hover(page, mark);
    await expect.poll(() => cardVisible(page), { timeout: 5000 }).toBe(true);
    const host = (await cardHost(page))!;
    // html { font-size: 40px } and `talent-lens-ui { display: none; opacity: 0.1 }` change nothing.
    expect(host.opacity).toBe('1');
    expect(host.box.right - host.box.left).toBe(360);
    const look = await inCard(page, (root) => {
      const style = getComputedStyle(root.querySelector('[role="dialog"]')!);
      return { font: style.fontFamily, size: style.fontSize, color: style.color, spacing: style.letterSpacing };
    });
    expect(look.font).not.toContain('Comic');
    expect(look.size).toBe('14px');
    expect(look.color).not.toBe('rgb(204, 0, 0)');
    expect(look.spacing).toBe('normal');

    // Write a note in the card's notes frame, with real clicks and keys.
    const frame = await noteFrame(page);
    await frameSettled(page, frame);
    const frameBox = (await boxInCard(page, '[data-testid="card-notes-frame"]'))!;
    // The pointer resting on the frame counts as resting on the card.
    await page.mouse.move(frameBox.left + 20, frameBox.top - 30, { steps: 2 });
    await page.mouse.move(frameBox.left + 40, frameBox.top + 30, { steps: 3 });
    await expectNeverWithin(async () => !(await cardVisible(page)), 1000, 'the card closed while the pointer rested on its notes frame');
    const secret = 'SECRET-NOTE-42 zebra';
    await frame.click('textarea');
    await page.keyboard.type(secret);
    await frame.click('button[type="submit"]');
    await expect.poll(() => frameNotes(frame), { timeout: 5000 }).toContain(secret);
    // Stored with this page as its origin (held by the background with the frame's session): the note links back here.
    const from = await frame.$eval('[data-testid="note"] .tl-note-meta a', (a) => ({
      href: (a as HTMLAnchorElement).href,
      text: a.textContent,
    }));
    expect(from).toEqual({ href: page.url(), text: 'Hostile page — Talent Lens card fixture' });

    const seen = await page.evaluate((secretText) => {
      const spy = (
        window as unknown as {
          spy: { roots: unknown[]; added: string[]; attributes: string[]; keys: string[]; captureKeys: string[]; inputs: string[] };
        }
      ).spy;
      const host = document.querySelector<HTMLElement>('talent-lens-ui:not([data-role])')!;
      const everything = [
        document.documentElement.outerHTML,
        document.documentElement.innerText,
        document.documentElement.textContent ?? '',
        host.innerText,
        host.textContent ?? '',
        ...spy.added,
        ...spy.attributes,
      ];
      return {
        capturedRoots: spy.roots.length,
        shadowRoot: host.shadowRoot,
        hostText: host.textContent,
        hostAttributes: host.getAttributeNames(),
        secretVisible: everything.some((s) => s.includes('SECRET-NOTE-42')),
        cardVisible: everything.some(
          (s) => s.includes('Chief Research Officer') || s.includes('sources disagree') || s.includes('Sources disagree'),
        ),
        bubbleKeys: spy.keys.join(''),
        inputs: spy.inputs.join(''),
        captureKeys: spy.captureKeys.join(''),
        querySelector: document.querySelector('[role="dialog"], textarea, [data-testid], iframe') === null,
        // The frame is not among the page's frames, and its load left no trace in the page's resource timing.
        childFrames: window.length,
        frameEntries: performance.getEntries().filter((e) => e.name.includes('note-frame') || e.name.includes('extension')).length,
        secretLength: secretText.length,
      };
    }, secret);
    expect(seen.capturedRoots).toBe(0);
    expect(seen.shadowRoot).toBeNull();
    expect(seen.hostText).toBe('');
    expect(seen.hostAttributes).toEqual(['style']);
    expect(seen.secretVisible).toBe(false);
    expect(seen.cardVisible).toBe(false);
    expect(seen.querySelector).toBe(true);
    expect(seen.childFrames).toBe(0);
    expect(seen.frameEntries).toBe(0);
    // Typed in the frame: no key reached the page, not even its capture-phase listener on window.
    expect(seen.bubbleKeys).toBe('');
    expect(seen.inputs).toBe('');
    expect(seen.captureKeys).toBe('');

    // Even given the frame element (here through the DevTools protocol, in the page's own JavaScript world),
    // the page could not read the frame: it is the extension's origin.
    const reach = await inCard(page, (root) => {
      const element = root.querySelector('iframe')!;
      let documentRead: string;
      try {
        documentRead = element.contentWindow!.document.body.innerText;
      } catch (error) {
        documentRead = (error as Error).name;
      }
      return { contentDocument: element.contentDocument === null, documentRead, src: new URL(element.src).protocol };
    });
    expect(reach).toEqual({ contentDocument: true, documentRead: 'SecurityError', src: 'chrome-extension:' });

    // A page probing the extension's fixed URL for the frame is refused (use_dynamic_url): no fingerprint.
    await page.evaluate((url) => {
      const probe = document.createElement('iframe');
      probe.id = 'probe';
      probe.src = url;
      document.body.append(probe);
    }, `chrome-extension://${browser.extensionId}/note-frame.html`);
    await expect.poll(() => page.frames().some((f) => f.url().startsWith('chrome-error:')), { timeout: 5000 }).toBe(true);
    expect(page.frames().filter((f) => f.url().includes('/note-frame.html'))).toHaveLength(1);
    await page.evaluate(() => document.getElementById('probe')!.remove());

    // Escape in the frame (the editor is empty again after saving) closes the card.
    await frame.focus('textarea');
    await pressClosingFrame(page, frame, 'Escape');
    await expect.poll(() => cardVisible(page)).toBe(false);
    expect((await page.evaluate(() => (window as unknown as { spy: { captureKeys: string[] } }).spy.captureKeys)).join('')).toBe('');

    // The note was stored by the background, not in the page: a fresh card lists it.
    await hover(page, mark);
    await expect.poll(() => cardVisible(page), { timeout: 5000 }).toBe(true);
    await expect.poll(async () => frameNotes(await noteFrame(page)), { timeout: 5000 }).toContain(secret);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    await page.close();
  });

  it('keyboard: Tab goes from the card through the notes frame and on; Escape in the frame leaves typed text, then closes the card', async () => {
    const page = await open('/card/card.html');
    await waitForMark(page, 'Ilya Sutskever');
    await page.focus('#before');
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => cardVisible(page), { timeout: 2000 }).toBe(true);
    const frame = await noteFrame(page);
    const cardFocus = () =>
      inCard(page, (root) => root.activeElement?.getAttribute('data-testid') ?? root.activeElement?.localName ?? null);

    // Tab forward from the close button until the frame's editor has focus.
    let tabs = 0;
    while ((await frameFocus(frame)) !== 'textarea.tl-note-input' && tabs++ < 20) await page.keyboard.press('Tab');
    expect(await frameFocus(frame)).toBe('textarea.tl-note-input');
    expect(await cardFocus()).toBe('card-notes-frame');
    // …then past the frame's last control to the card's footer.
    tabs = 0;
    while ((await cardFocus()) !== 'open-popup' && tabs++ < 20) await page.keyboard.press('Tab');
    expect(await cardFocus()).toBe('open-popup');
    // And back in with Shift+Tab.
    await page.keyboard.press('Shift+Tab');
    expect(await cardFocus()).toBe('card-notes-frame');

    await frame.focus('textarea');
    await page.keyboard.type('half a thought');
    await page.keyboard.press('Escape');
    expect(await cardVisible(page)).toBe(true);
    expect(await frameFocus(frame)).toBe('div.tl-note-frame');
    expect(await frame.inputValue('textarea')).toBe('half a thought');
    await pressClosingFrame(page, frame, 'Escape');
    await expect.poll(() => cardVisible(page)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
    await expectNeverWithin(() => cardVisible(page), NOTHING_HAPPENS_MS, 'the card reopened when focus came back to the page');
    await page.close();
  });

  it('"Turn off on this site" removes the marks and the card', async () => {
    const page = await open('/card/card.html');
    await hover(page, await waitForMark(page, 'Mark Chen'));
    await expect.poll(() => cardVisible(page), { timeout: 5000 }).toBe(true);
    await pressInCard(page, '[data-testid="turn-off-site"]');
    await expect.poll(() => cardVisible(page)).toBe(false);
    await expect.poll(() => markBox(page, 'Mark Chen')).toBeNull();
    const disabled = await browser.worker.evaluate(
      async () => ((await chrome.storage.local.get('settings')).settings as { disabledSites: string[] }).disabledSites,
    );
    expect(disabled).toContain(new URL(server.origin).host);
    // Back on for the other tests in this browser.
    await browser.worker.evaluate(() => chrome.storage.local.remove('settings'));
    await page.close();
  });
});

describe('card screenshots', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  afterAll(() => server?.close());

  const cases = [
    { locale: 'en-US', lang: 'en', page: '/card/card.html', name: 'Mark Chen', heading: 'Mark Chen' },
    { locale: 'zh-CN', lang: 'zh', page: '/pages/zh-news.html', name: '马克·陈', heading: '马克·陈' },
  ] as const;

  for (const scheme of ['light', 'dark'] as const) {
    for (const c of cases) {
      it(`${scheme}, ${c.lang}`, async () => {
        const browser = await launchChromium({ locale: c.locale, colorScheme: scheme });
        try {
          const page = await browser.context.newPage();
          await page.goto(server.url(c.page));
          const mark = await waitForMark(page, c.name);
          await hover(page, mark);
          await expect.poll(() => cardVisible(page), { timeout: 5000 }).toBe(true);
          await expect.poll(() => cardText(page), { timeout: 5000 }).toContain(c.lang === 'zh' ? '职业变动' : 'Career moves');
          expect(await inCard(page, (root) => root.querySelector('h2')?.textContent)).toBe(c.heading);
          await frameSettled(page, await noteFrame(page));
          // The picture shows the card from its top: role, moves and the first quote with its source.
          await inCard(page, (root) => {
            root.querySelector('[role="region"]')!.scrollTop = 0;
          });
          // The pointer rests on the card so it stays open for the picture.
          const { box } = (await cardHost(page))!;
          await page.mouse.move((mark.left + mark.right) / 2, box.top + 20, { steps: 3 });
          await page.mouse.move(box.right - 6, box.top + 6, { steps: 3 });
          await page.waitForTimeout(150);
          const viewport = page.viewportSize()!;
          const left = Math.max(0, Math.min(box.left, mark.left) - 16);
          const top = Math.max(0, Math.min(box.top, mark.top) - 16);
          await page.screenshot({
            path: path.join(SCREENSHOTS, `card-${scheme}-${c.lang}.png`),
            clip: {
              x: left,
              y: top,
              width: Math.min(viewport.width - left, Math.max(box.right, mark.right) + 16 - left),
              height: Math.min(viewport.height - top, box.bottom + 16 - top),
            },
          });
        } finally {
          await browser.close();
        }
      });
    }
  }
});
