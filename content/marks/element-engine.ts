/**
 * Marks as <talent-lens-mark> elements wrapped around the text: the fallback
 * where the Highlight API is missing. It changes the page's DOM, so it undoes
 * itself exactly: every text node it splits is joined back on unmark, with the
 * page's original Text object keeping the text (scripts holding a reference to
 * it see their node again).
 */
import { MARK_TAG, POSSIBLE_ATTRIBUTE, UNDERLINE_ATTRIBUTE, type Mark, type MarkEngine, type MarkRequest } from './mark-engine';
import type { MarkLook } from '@/utils/mark-style';

interface ElementMark extends Mark {
  readonly wrappers: HTMLElement[];
}

export class ElementEngine implements MarkEngine {
  readonly kind = 'element' as const;
  /** Every text piece we split off → the page's original node it came from. */
  private readonly origin = new WeakMap<Text, Text>();
  private readonly markOf = new WeakMap<Element, ElementMark>();
  private readonly marks = new Set<ElementMark>();
  private activeMark: ElementMark | null = null;
  private look: MarkLook = 'fill';

  /** `mute` runs a DOM change without our MutationObserver seeing it as the page's. */
  constructor(
    private readonly mute: (change: () => void) => void = (change) => change(),
    private readonly doc: Document = document,
  ) {}

  mark(requests: readonly MarkRequest[]): Mark[] {
    const made: ElementMark[] = [];
    this.mute(() => {
      // Wrap right to left inside each node, so splitting never shifts an offset still to come
      // and the page's original Text object stays the leftmost piece.
      const jobs = requests.flatMap((request, index) => request.segments.map((segment) => ({ index, segment })));
      const nodeOrder = new Map<Text, number>();
      jobs.forEach(({ segment }) => nodeOrder.has(segment.node) || nodeOrder.set(segment.node, nodeOrder.size));
      jobs.sort((a, b) => nodeOrder.get(a.segment.node)! - nodeOrder.get(b.segment.node)! || b.segment.start - a.segment.start);
      const wrappers: HTMLElement[][] = requests.map(() => []);
      for (const { index, segment } of jobs) {
        const wrapper = this.wrap(segment.node, segment.start, segment.end);
        // A mention has one segment per node and nodes are visited in document order.
        if (wrapper) wrappers[index]!.push(wrapper);
      }
      wrappers.forEach((list, index) => {
        const first = list[0];
        const last = list[list.length - 1];
        if (!first || !last) return;
        const range = this.doc.createRange();
        range.setStartBefore(first);
        range.setEndAfter(last);
        // One tab stop per mention, on its first piece.
        first.tabIndex = 0;
        if (requests[index]!.possible) for (const w of list) w.setAttribute(POSSIBLE_ATTRIBUTE, '');
        if (this.look === 'underline') for (const w of list) w.setAttribute(UNDERLINE_ATTRIBUTE, '');
        const mark: ElementMark = { range, focusTarget: first, wrappers: list };
        for (const w of list) this.markOf.set(w, mark);
        this.marks.add(mark);
        made.push(mark);
      });
    });
    return made;
  }

  private wrap(node: Text, start: number, end: number): HTMLElement | null {
    const parent = node.parentNode;
    if (!parent || start >= end || end > node.data.length) return null;
    let original = this.origin.get(node);
    if (!original) this.origin.set(node, (original = node));
    if (end < node.data.length) this.origin.set(node.splitText(end), original);
    const middle = start > 0 ? node.splitText(start) : node;
    if (middle !== node) this.origin.set(middle, original);
    const wrapper = this.doc.createElement(MARK_TAG);
    parent.insertBefore(wrapper, middle);
    wrapper.appendChild(middle);
    return wrapper;
  }

  unmark(marks: readonly Mark[]): void {
    this.mute(() => {
      for (const mark of marks as readonly ElementMark[]) {
        if (!this.marks.delete(mark)) continue;
        if (this.activeMark === mark) this.activeMark = null;
        for (const wrapper of mark.wrappers) this.unwrap(wrapper);
      }
    });
  }

  private unwrap(wrapper: HTMLElement): void {
    const parent = wrapper.parentNode;
    if (!parent) return;
    const pieces = Array.from(wrapper.childNodes);
    for (const child of pieces) parent.insertBefore(child, wrapper);
    wrapper.remove();
    for (const piece of pieces) if (piece instanceof Text) this.join(piece);
  }

  /** Joins a text piece with neighbouring pieces split from the same original node. */
  private join(piece: Text): void {
    let left: Text = piece;
    const origin = this.origin.get(piece);
    if (!origin) return;
    const prev = piece.previousSibling;
    if (prev instanceof Text && this.origin.get(prev) === origin) {
      prev.appendData(piece.data);
      piece.remove();
      left = prev;
    }
    const next = left.nextSibling;
    if (next instanceof Text && this.origin.get(next) === origin) {
      left.appendData(next.data);
      next.remove();
    }
  }

  setActive(mark: Mark | null): void {
    this.mute(() => {
      if (this.activeMark) for (const w of this.activeMark.wrappers) w.removeAttribute('data-active');
      this.activeMark = mark && this.marks.has(mark as ElementMark) ? (mark as ElementMark) : null;
      if (this.activeMark) for (const w of this.activeMark.wrappers) w.setAttribute('data-active', '');
    });
  }

  setLook(look: MarkLook): void {
    if (look === this.look) return;
    this.look = look;
    this.mute(() => {
      for (const mark of this.marks) for (const w of mark.wrappers) w.toggleAttribute(UNDERLINE_ATTRIBUTE, look === 'underline');
    });
  }

  markOfElement(element: Element | null): Mark | null {
    const wrapper = element?.closest(MARK_TAG);
    return (wrapper && this.markOf.get(wrapper)) ?? null;
  }

  /** Nothing to do: each wrapper is in the page as soon as it is made. */
  refresh(): void {}

  destroy(): void {
    this.unmark([...this.marks]);
  }
}
