// @vitest-environment happy-dom
/**
 * The page layer's listeners on the page's window and document act only on the user's own input:
 * the same event, dispatched by a page script (untrusted), does nothing. Element engine (happy-dom
 * has no Highlight API), so focus on a mark is a way in too.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import aliasIndex from '@/data/generated/alias-index.json';
import type { AliasIndex } from '@/data/schema';
import { createMatcher, createPrefilter } from '@/utils/match/matcher';
import { Annotator } from '@/content/annotator';
import { MARK_TAG } from '@/content/marks/mark-engine';
import { asUserInput } from './trusted-events';
import { recordingCardController, lifetimeHost } from './page-fixtures';

function setup() {
  document.body.innerHTML = '<p id="p">Sam Altman met Mark Chen in the lobby.</p><button id="b">page button</button>';
  const controller = recordingCardController();
  const host = lifetimeHost();
  const index = aliasIndex as AliasIndex;
  const prefilter = createPrefilter(index);
  const annotator = new Annotator({
    index,
    prefilter,
    matcher: () => createMatcher(index, { prefilter }),
    createController: () => controller,
    host,
    engine: 'element',
  });
  return { annotator, controller };
}

const shortcut = () =>
  new KeyboardEvent('keydown', { key: 'N', code: 'KeyN', altKey: true, shiftKey: true, bubbles: true, cancelable: true });

describe('Annotator listeners take only trusted events', () => {
  let done: (() => void) | null = null;
  afterEach(() => {
    done?.();
    done = null;
  });

  async function marked() {
    const s = setup();
    done = () => s.annotator.destroy();
    s.annotator.start();
    await vi.waitFor(async () => {
      await s.annotator.idle();
      expect(document.querySelectorAll(MARK_TAG)).toHaveLength(2);
    });
    return s;
  }

  it('Alt+Shift+N from the page moves nothing; the same keys from the user go to the first mention', async () => {
    await marked();
    const button = document.getElementById('b')!;
    button.focus();
    const forged = shortcut();
    button.dispatchEvent(forged);
    expect(forged.defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(button);
    const real = asUserInput(shortcut());
    button.dispatchEvent(real);
    expect(real.defaultPrevented).toBe(true);
    expect(document.activeElement?.closest(MARK_TAG)?.textContent).toBe('Sam Altman');
  });

  it('focus events the page dispatches on a mark open no card; the user focusing it does', async () => {
    const { controller } = await marked();
    const mark = document.querySelector(MARK_TAG)!;
    mark.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(controller.open).not.toHaveBeenCalled();
    mark.dispatchEvent(asUserInput(new FocusEvent('focusin', { bubbles: true })));
    expect(controller.open).toHaveBeenCalledTimes(1);
  });

  it('pointer moves the page dispatches over a mark hover nothing; the user pointer does', async () => {
    const { controller } = await marked();
    const mark = document.querySelector(MARK_TAG)!;
    const move = () => new PointerEvent('pointermove', { bubbles: true, clientX: 5, clientY: 5, pointerType: 'mouse' });
    mark.dispatchEvent(move());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(controller.pointerEnter).not.toHaveBeenCalled();
    mark.dispatchEvent(asUserInput(move()));
    await vi.waitFor(() => expect(controller.pointerEnter).toHaveBeenCalledTimes(1));
    // And a forged "pointer left the page" does not end the hover.
    document.dispatchEvent(new PointerEvent('pointerleave'));
    expect(controller.pointerLeave).not.toHaveBeenCalled();
    document.dispatchEvent(asUserInput(new PointerEvent('pointerleave')));
    expect(controller.pointerLeave).toHaveBeenCalledTimes(1);
  });
});
