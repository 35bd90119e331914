// @vitest-environment happy-dom
/**
 * The scanner on its own, with the real matcher and a recording sink: a full scan hands every
 * block with a mention to the sink (after the one-time first-draw step), a change of the page is
 * rescanned, a removal is told at once, and stop() ends it all.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import aliasIndex from '@/data/generated/alias-index.json';
import type { AliasIndex } from '@/data/schema';
import { createMatcher, createPrefilter } from '@/utils/match/matcher';
import type { Mention } from '@/utils/match/resolve';
import { Scanner, type ScanSink } from '@/content/scan/scanner';
import type { TextBlock } from '@/content/scan/segments';

const index = aliasIndex as AliasIndex;
const prefilter = createPrefilter(index);
const matcher = createMatcher(index, { prefilter });
let scanner: Scanner | null = null;

afterEach(() => {
  scanner?.stop();
  scanner = null;
});

function setup(html: string) {
  document.body.innerHTML = html;
  /** Every timer the scanner asked for, so a test can tell that nothing was scheduled. */
  const scheduled: number[] = [];
  /** What the sink was last told of each block: its mentions' texts. */
  const drawn = new Map<TextBlock, string[]>();
  const sink = {
    textRemoved: vi.fn(),
    release: vi.fn(),
    beforeFirstDraw: vi.fn(async () => undefined),
    draw: vi.fn((block: TextBlock, mentions: readonly Mention[]) => {
      drawn.set(
        block,
        mentions.map((m) => block.text.slice(m.start, m.end)),
      );
    }),
    drawn: vi.fn(),
    documentReplaced: vi.fn(),
  } satisfies ScanSink;
  scanner = new Scanner({
    index,
    prefilter,
    matcher: () => matcher,
    timers: {
      setTimeout: (fn, ms) => {
        scheduled.push(ms);
        return setTimeout(fn, ms);
      },
      clearTimeout: (handle) => clearTimeout(handle as number),
    },
    alive: () => true,
    isOurs: () => false,
    sink,
  });
  const texts = () => [...drawn.values()].flat();
  return { scanner, sink, texts, scheduled };
}

describe('Scanner', () => {
  it('a full scan draws each block with a mention, after the first-draw step, and reports its figures', async () => {
    const { scanner, sink, texts } = setup('<p>Sam Altman spoke.</p><p>Nothing here.</p><p>Then Altman left.</p>');
    scanner.start();
    await vi.waitFor(async () => {
      await scanner.idle();
      expect(texts()).toEqual(['Sam Altman', 'Altman']);
    });
    expect(sink.beforeFirstDraw).toHaveBeenCalledTimes(1);
    expect(sink.beforeFirstDraw.mock.invocationCallOrder[0]).toBeLessThan(sink.draw.mock.invocationCallOrder[0]!);
    expect(sink.drawn).toHaveBeenCalledWith(expect.objectContaining({ blocks: 2 }));
  });

  it('a page that names nobody is read without drawing or asking', async () => {
    const { scanner, sink } = setup('<p>Nobody we know.</p>');
    scanner.start();
    await scanner.idle();
    expect(sink.draw).not.toHaveBeenCalled();
    expect(sink.beforeFirstDraw).not.toHaveBeenCalled();
    expect(sink.drawn).toHaveBeenCalledWith(expect.objectContaining({ blocks: 0 }));
  });

  it('rescans what the page changes, tells a removal at once, and asks before drawing only once', async () => {
    const { scanner, sink, texts } = setup('<p id="a">Sam Altman spoke.</p><p id="b">Later.</p>');
    scanner.start();
    await vi.waitFor(async () => {
      await scanner.idle();
      expect(texts()).toEqual(['Sam Altman']);
    });
    document.getElementById('b')!.textContent = 'Mira Murati answered.';
    await vi.waitFor(async () => {
      await scanner.idle();
      expect(texts()).toEqual(['Sam Altman', 'Mira Murati']);
    });
    expect(sink.textRemoved).toHaveBeenCalled();
    document.getElementById('a')!.remove();
    await vi.waitFor(async () => {
      await scanner.idle();
      expect(texts()).toEqual(['Mira Murati']);
    });
    expect(sink.beforeFirstDraw).toHaveBeenCalledTimes(1);
  });

  it('after stop() the page’s changes are not read', async () => {
    const { scanner, sink, scheduled } = setup('<p>Sam Altman spoke.</p>');
    scanner.start();
    await vi.waitFor(async () => {
      await scanner.idle();
      expect(sink.draw).toHaveBeenCalled();
    });
    scanner.stop();
    const calls = sink.draw.mock.calls.length;
    const timersBefore = scheduled.length;
    // Observers are told of a change together, in the order they were created: once this later
    // one has seen the insertion, the scanner's own observer would have seen it too, had it stayed.
    const seen = vi.fn();
    const probe = new MutationObserver(seen);
    probe.observe(document.body, { childList: true, subtree: true, characterData: true });
    document.body.insertAdjacentHTML('beforeend', '<p>Mira Murati too.</p>');
    await vi.waitFor(() => expect(seen).toHaveBeenCalled());
    probe.disconnect();
    await scanner.idle();
    expect(scheduled.length).toBe(timersBefore);
    expect(scanner.running).toBe(false);
    expect(sink.draw.mock.calls.length).toBe(calls);
  });

  it('reads open shadow roots (nested too), follows changes inside them and roots attached later; never a closed root', async () => {
    const { scanner, texts } = setup('<p>A page of components.</p><div id="host"></div><x-card id="late"></x-card><div id="closed"></div>');
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Sam Altman spoke.</p><div id="nested"></div>';
    (root.getElementById('nested') as HTMLElement).attachShadow({ mode: 'open' }).innerHTML = '<p>Mira Murati answered.</p>';
    document.getElementById('closed')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>Mark Zuckerberg too.</p>';
    scanner.start();
    await vi.waitFor(async () => {
      await scanner.idle();
      expect(texts().sort()).toEqual(['Mira Murati', 'Sam Altman']);
    });
    // A change inside a root: its own observer sees it.
    root.querySelector('p')!.textContent = 'Alexandr Wang spoke.';
    await vi.waitFor(async () => {
      await scanner.idle();
      expect(texts().sort()).toEqual(['Alexandr Wang', 'Mira Murati']);
    });
    // A custom element met without a root attaches one later, with no change to the page around it.
    document.getElementById('late')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Shengjia Zhao joined.</p>';
    await vi.waitFor(
      async () => {
        await scanner.idle();
        expect(texts()).toContain('Shengjia Zhao');
      },
      { timeout: 5000 },
    );
  });
});
