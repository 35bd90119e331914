/**
 * Explore's page as the benchmark runs it (bench/explore.ts): the real ExplorePage component,
 * bundled into one script for a plain page, with the English catalogue in place of browser.i18n.
 */
import { render } from 'preact';
import { ExplorePage } from '../components/explore/ExplorePage';
import { EXPLORE_CSS } from '../components/explore/explore-css';
import type { ExploreReference } from '../components/explore/labels';
import type { ExploreMove } from '../utils/explore/moves';
import { setCatalogue } from '../utils/i18n';
import english from '../public/_locales/en/messages.json';

export interface ExploreBenchTimes {
  /** From the data to the page laid out (filters, flows, d3-sankey layout, Preact render, style and layout). */
  renderMs: number;
  /** The same, to the next animation frame: when the browser could paint it. */
  frameMs: number;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

setCatalogue(english);
const style = document.createElement('style');
style.textContent = EXPLORE_CSS;
document.head.append(style);

Object.assign(window, {
  __tlExploreBench: {
    async render(moves: ExploreMove[], reference: ExploreReference): Promise<ExploreBenchTimes> {
      const app = document.getElementById('app')!;
      const start = performance.now();
      render(<ExplorePage moves={moves} reference={reference} />, app);
      void document.body.offsetHeight;
      const laidOut = performance.now();
      await nextFrame();
      return { renderMs: laidOut - start, frameMs: performance.now() - start };
    },
    /** A filter change (years to quarters): the reader's wait from the change to the new picture laid out. */
    async changeToQuarters(): Promise<number> {
      const select = document.querySelector<HTMLSelectElement>('[data-testid="filter-granularity"]')!;
      const before = document.querySelectorAll('[data-testid="flow-band"]').length;
      const start = performance.now();
      select.value = 'quarter';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      while (document.querySelectorAll('[data-testid="flow-band"]').length === before)
        await new Promise((resolve) => setTimeout(resolve, 0));
      void document.body.offsetHeight;
      return performance.now() - start;
    },
    counts: () => ({
      bands: document.querySelectorAll('[data-testid="flow-band"]').length,
      flows: document.querySelectorAll('[data-testid="flow"]').length,
    }),
  },
});
