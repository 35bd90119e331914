/** Marks as CSS Custom Highlights: the page's DOM is never touched. */
import { ACTIVE_HIGHLIGHT_NAME, AdoptedSheet, HIGHLIGHT_NAME, MARK_CSS, type Mark, type MarkEngine, type MarkRequest } from './mark-engine';

export class HighlightEngine implements MarkEngine {
  readonly kind = 'highlight' as const;
  private readonly all = new Highlight();
  private readonly active = new Highlight();
  private readonly sheet: AdoptedSheet;

  constructor() {
    // The selected mention paints over the others.
    this.active.priority = 1;
    this.sheet = new AdoptedSheet(MARK_CSS);
    this.register();
  }

  /** (Re)registers our highlights; a page could have deleted them from the registry. */
  private register(): void {
    if (CSS.highlights.get(HIGHLIGHT_NAME) !== this.all) CSS.highlights.set(HIGHLIGHT_NAME, this.all);
    if (CSS.highlights.get(ACTIVE_HIGHLIGHT_NAME) !== this.active) CSS.highlights.set(ACTIVE_HIGHLIGHT_NAME, this.active);
  }

  mark(requests: readonly MarkRequest[]): Mark[] {
    return requests.map(({ range }) => {
      this.all.add(range);
      return { range, focusTarget: null };
    });
  }

  unmark(marks: readonly Mark[]): void {
    for (const mark of marks) {
      this.all.delete(mark.range);
      this.active.delete(mark.range);
    }
  }

  setActive(mark: Mark | null): void {
    this.active.clear();
    if (mark) this.active.add(mark.range);
  }

  markOfElement(): Mark | null {
    return null;
  }

  refresh(): void {
    this.sheet.attach();
    this.register();
  }

  destroy(): void {
    this.all.clear();
    this.active.clear();
    if (CSS.highlights.get(HIGHLIGHT_NAME) === this.all) CSS.highlights.delete(HIGHLIGHT_NAME);
    if (CSS.highlights.get(ACTIVE_HIGHLIGHT_NAME) === this.active) CSS.highlights.delete(ACTIVE_HIGHLIGHT_NAME);
    this.sheet.detach();
  }
}
