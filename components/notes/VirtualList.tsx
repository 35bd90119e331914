import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChild, JSX } from 'preact';

export interface VirtualListProps<T> {
  items: readonly T[];
  /** Stable per item: measured heights and the focused row follow it. */
  itemKey(item: T): string;
  /** The content of one row (its `<li>` is the list's). */
  renderItem(item: T, index: number): ComponentChild;
  /** Attributes of a row's `<li>` (class, test ids); position and ARIA attributes are the list's. */
  itemProps?(item: T): JSX.HTMLAttributes<HTMLLIElement>;
  /** The height a row is taken to have until it has been rendered and measured, px. */
  estimatedHeight: number;
  /** Space between rows, px (rows are positioned, so CSS gaps do not apply). */
  gap?: number;
  /** Rows rendered beyond each edge of the view, so Tab and small scrolls find their row already there. */
  overscan?: number;
  label: string;
  class?: string;
}

interface Layout {
  /** offsets[i]: top of row i; offsets[n]: the list's height. */
  offsets: Float64Array;
}

function layout<T>(
  items: readonly T[],
  itemKey: (item: T) => string,
  heights: ReadonlyMap<string, number>,
  estimate: number,
  gap: number,
): Layout {
  const offsets = new Float64Array(items.length + 1);
  for (let i = 0; i < items.length; i++) offsets[i + 1] = offsets[i]! + (heights.get(itemKey(items[i]!)) ?? estimate) + gap;
  return { offsets };
}

/** The first row whose bottom is below `y`. */
function rowAt(offsets: Float64Array, y: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid + 1]! <= y) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low);
}

/**
 * A list that renders only the rows in (and near) its scrolled view, for lists
 * of tens of thousands of rows of different heights. Rows are positioned at
 * offsets summed from their measured heights (an estimate until a row has been
 * shown once), so the scrollbar covers the whole list.
 *
 * For keyboard and screen-reader users: each row says its place in the whole
 * list (aria-posinset of aria-setsize), and the row holding focus stays
 * rendered when it scrolls out of view, so focus is never dropped to the page.
 * Focus moving to a row's neighbour scrolls it into view, which renders the
 * rows after it (overscan), so Tab walks the whole list.
 */
export function VirtualList<T>({
  items,
  itemKey,
  renderItem,
  itemProps,
  estimatedHeight,
  gap = 0,
  overscan = 4,
  label,
  class: className,
}: VirtualListProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>());
  const rows = useRef(new Map<string, HTMLLIElement>());
  const focusedKey = useRef<string | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(0);
  // Bumped when a measured height changes, to lay out again.
  const [, setMeasured] = useState(0);
  const resizes = useRef<ResizeObserver | null>(null);

  const { offsets } = layout(items, itemKey, heights.current, estimatedHeight, gap);
  // Until the scroller is laid out (and in a DOM without layout), the window's height stands in.
  const height = viewport || (typeof window === 'undefined' ? 0 : window.innerHeight);
  const first = items.length ? Math.max(0, rowAt(offsets, scrollTop) - overscan) : 0;
  const last = items.length ? Math.min(items.length - 1, rowAt(offsets, scrollTop + height) + overscan) : -1;
  const shown: number[] = [];
  for (let i = first; i <= last; i++) shown.push(i);
  const focusedIndex = focusedKey.current === null ? -1 : items.findIndex((item) => itemKey(item) === focusedKey.current);
  if (focusedIndex >= 0 && (focusedIndex < first || focusedIndex > last)) {
    shown.push(focusedIndex);
    // In document order, so Tab and the reading order stay the list's order.
    shown.sort((a, b) => a - b);
  }

  /** Reads the rendered rows' heights; keeps what is in view still when rows above it change size. */
  const measure = () => {
    const element = scroller.current;
    if (!element) return;
    setViewport(element.clientHeight);
    const anchor = rowAt(offsets, element.scrollTop);
    let changed = false;
    let shiftAbove = 0;
    rows.current.forEach((row, key) => {
      const h = row.offsetHeight;
      // 0: not laid out (hidden, or a DOM without layout): keep the estimate.
      if (!h || heights.current.get(key) === h) return;
      const index = Number(row.dataset.index);
      if (index < anchor) shiftAbove += h - (heights.current.get(key) ?? estimatedHeight);
      heights.current.set(key, h);
      changed = true;
    });
    if (!changed) return;
    if (shiftAbove) element.scrollTop += shiftAbove;
    setMeasured((v) => v + 1);
  };

  useLayoutEffect(measure);

  useLayoutEffect(() => {
    if (typeof ResizeObserver !== 'function') return;
    // A row that changes height later (an editor opened, a window resized) lays the list out again.
    const observer = new ResizeObserver(() => measureRef.current());
    resizes.current = observer;
    if (scroller.current) observer.observe(scroller.current);
    rows.current.forEach((row) => observer.observe(row));
    return () => {
      observer.disconnect();
      resizes.current = null;
    };
  }, []);
  const measureRef = useRef(measure);
  measureRef.current = measure;

  // One ref callback per row for as long as it is rendered: a new function each render would make Preact
  // detach and attach every row (and the observer unobserve and observe it) on every scroll.
  const rowRefs = useRef(new Map<string, (element: HTMLLIElement | null) => void>());
  const rowRef = (key: string) => {
    let ref = rowRefs.current.get(key);
    if (!ref) {
      ref = (element) => attachRow(key, element);
      rowRefs.current.set(key, ref);
    }
    return ref;
  };
  const attachRow = (key: string, element: HTMLLIElement | null) => {
    const previous = rows.current.get(key);
    if (previous && previous !== element) resizes.current?.unobserve(previous);
    if (element) {
      rows.current.set(key, element);
      resizes.current?.observe(element);
    } else if (previous) {
      resizes.current?.unobserve(previous);
      rows.current.delete(key);
      rowRefs.current.delete(key);
    }
  };

  const onFocusIn = (event: FocusEvent) => {
    const row = (event.target as Element | null)?.closest?.('li[data-key]');
    focusedKey.current = row instanceof HTMLElement ? (row.dataset.key ?? null) : null;
  };
  const onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (!next || !scroller.current?.contains(next)) focusedKey.current = null;
  };

  return (
    <div
      ref={scroller}
      class={className ? `tl-virtual ${className}` : 'tl-virtual'}
      data-testid="virtual-list"
      onScroll={(event) => setScrollTop((event.currentTarget as HTMLDivElement).scrollTop)}
    >
      <ul
        class="tl-virtual-items"
        role="list"
        aria-label={label}
        style={{ height: `${offsets[items.length]}px` }}
        onFocusIn={onFocusIn}
        onFocusOut={onFocusOut}
      >
        {shown.map((index) => {
          const item = items[index]!;
          const key = itemKey(item);
          return (
            <li
              {...itemProps?.(item)}
              key={key}
              ref={rowRef(key)}
              data-key={key}
              data-index={index}
              aria-setsize={items.length}
              aria-posinset={index + 1}
              style={{ top: `${offsets[index]}px` }}
            >
              {renderItem(item, index)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
