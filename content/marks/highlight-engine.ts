/** Marks as CSS Custom Highlights: the page's DOM is never touched. */
import {
  ACTIVE_HIGHLIGHT_NAME,
  HIGHLIGHT_NAME,
  POSSIBLE_HIGHLIGHT_NAME,
  UNDERLINE_HIGHLIGHT_NAME,
  type Mark,
  type MarkEngine,
  type MarkRequest,
} from './mark-engine';
import type { MarkLook } from '@/utils/mark-style';

export class HighlightEngine implements MarkEngine {
  readonly kind = 'highlight' as const;
  private readonly all = new Highlight();
  private readonly active = new Highlight();
  /** Possible matches: a highlight of their own, styled weaker (assets/marks.css). */
  private readonly possible = new Highlight();
  /**
   * Ranges marked since the last refresh(), not yet in the highlight. A change
   * to a registered highlight repaints the page, and a long page's scan marks
   * in many small steps: adding each step's ranges at once would repaint a
   * 100,000-node page at every step (seen: ~1.5 s of extra rendering on the
   * benchmark's news-100k page). They go in together, once per scan.
   */
  private pending = new Map<AbstractRange, boolean>();
  /** The name the marks are registered under, which picks their look in assets/marks.css. */
  private name: string = HIGHLIGHT_NAME;

  constructor() {
    // The selected mention paints over the others.
    this.active.priority = 1;
  }

  /**
   * (Re)registers our highlights; a page could have deleted them from the
   * registry. First called by refresh(), with the first scan's ranges: a
   * highlight registered earlier, even empty, costs the page a repaint while
   * the scan is still running (~45 ms on a 100,000-node page).
   */
  private register(): void {
    if (CSS.highlights.get(this.name) !== this.all) CSS.highlights.set(this.name, this.all);
    if (CSS.highlights.get(ACTIVE_HIGHLIGHT_NAME) !== this.active) CSS.highlights.set(ACTIVE_HIGHLIGHT_NAME, this.active);
    if (this.possible.size > 0 && CSS.highlights.get(POSSIBLE_HIGHLIGHT_NAME) !== this.possible)
      CSS.highlights.set(POSSIBLE_HIGHLIGHT_NAME, this.possible);
  }

  mark(requests: readonly MarkRequest[]): Mark[] {
    return requests.map(({ range, possible }) => {
      this.pending.set(range, possible === true);
      return { range, focusTarget: null };
    });
  }

  unmark(marks: readonly Mark[]): void {
    for (const mark of marks) {
      if (this.pending.delete(mark.range)) continue;
      this.all.delete(mark.range);
      this.possible.delete(mark.range);
      this.active.delete(mark.range);
    }
  }

  setActive(mark: Mark | null): void {
    this.active.clear();
    if (mark) this.active.add(mark.range);
    this.register();
  }

  markOfElement(): Mark | null {
    return null;
  }

  /** Re-registers the same highlight under the look's name: one repaint, no range touched. */
  setLook(look: MarkLook): void {
    const name = look === 'underline' ? UNDERLINE_HIGHLIGHT_NAME : HIGHLIGHT_NAME;
    if (name === this.name) return;
    const registered = CSS.highlights.get(this.name) === this.all;
    if (registered) CSS.highlights.delete(this.name);
    this.name = name;
    if (registered) this.register();
  }

  refresh(): void {
    for (const [range, possible] of this.pending) (possible ? this.possible : this.all).add(range);
    this.pending.clear();
    this.register();
  }

  destroy(): void {
    this.pending.clear();
    this.all.clear();
    this.possible.clear();
    this.active.clear();
    if (CSS.highlights.get(this.name) === this.all) CSS.highlights.delete(this.name);
    if (CSS.highlights.get(ACTIVE_HIGHLIGHT_NAME) === this.active) CSS.highlights.delete(ACTIVE_HIGHLIGHT_NAME);
    if (CSS.highlights.get(POSSIBLE_HIGHLIGHT_NAME) === this.possible) CSS.highlights.delete(POSSIBLE_HIGHLIGHT_NAME);
  }
}
