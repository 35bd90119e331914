/**
 * Reading a whole page's text blocks in slices. collectBlocks(document) is one
 * synchronous walk: ~70-300 ms on a 100,000-node page, far over a 50 ms task.
 * So the page is first cut into chunks, each collected in its own step:
 *
 * 1. A sliced walk counts nodes per subtree and picks the chunk roots: the
 *    largest block elements holding at most CHUNK_NODES nodes.
 * 2. Each root is read with collectBlocks(root). A block element always ends
 *    the blocks around it, so no block crosses a chunk root's edge.
 * 3. The rest of the page (text outside every chunk root) is read with
 *    collectBlocks(document, { skip: chunk roots }): skipping an element ends
 *    the current block exactly as a block element does, so the union of the
 *    steps is the same set of blocks one walk would give.
 *
 * Known limit: text in one huge container without block children (100,000
 * inline elements in one <div>) is still read in one step (step 3).
 */
import { collectBlocks, isBlockElement, type TextBlock } from './segments';
import type { TaskBudget } from './scheduling';

const CHUNK_NODES = 2000;

/** The chunk roots under `root`, found in a walk that yields through `budget`. */
export async function chunkRoots(root: Element, budget: TaskBudget, limit = CHUNK_NODES): Promise<Element[]> {
  interface Frame {
    element: Element;
    count: number;
    roots: Element[];
  }
  const stack: Frame[] = [{ element: root, count: 0, roots: [] }];
  let node: Node | null = root.firstChild;
  for (;;) {
    if (budget.spent()) await budget.yield();
    if (node) {
      // Skipped elements are counted like any other: cheaper than asking each element, and a
      // skipped chunk root just yields no blocks (collectBlocks checks its root).
      if (node.nodeType === Node.ELEMENT_NODE && node.firstChild) {
        stack.push({ element: node as Element, count: 0, roots: [] });
        node = node.firstChild;
      } else {
        stack[stack.length - 1]!.count++;
        node = node.nextSibling;
      }
      continue;
    }
    const frame = stack.pop()!;
    const parent = stack[stack.length - 1];
    if (!parent) return frame.roots;
    const total = frame.count + 1;
    parent.count += total;
    // A small block element is a chunk of its own; its descendants' chunks are inside it.
    if (total <= limit && isBlockElement(frame.element)) parent.roots.push(frame.element);
    else for (const r of frame.roots) parent.roots.push(r);
    // A page change during a yield can detach the element: the walk then ends early,
    // which only makes step 3 read more, never less.
    node = frame.element.nextSibling;
  }
}

/** Every text block of the document, collected in steps that yield through `budget`; null when `stale()` says to stop. */
export async function collectDocumentBlocks(
  doc: Document,
  budget: TaskBudget,
  stale: () => boolean,
  limit = CHUNK_NODES,
): Promise<TextBlock[] | null> {
  const top = doc.documentElement;
  if (!top) return [];
  const roots = await chunkRoots(top, budget, limit);
  if (stale()) return null;
  const blocks: TextBlock[] = [];
  const taken = new Set<Element>();
  for (const root of roots) {
    if (!root.isConnected) continue;
    taken.add(root);
    for (const block of collectBlocks(root)) blocks.push(block);
    if (budget.spent()) {
      await budget.yield();
      if (stale()) return null;
    }
  }
  if (budget.spentNow()) await budget.yield();
  if (stale()) return null;
  for (const block of collectBlocks(doc, { skip: (element) => taken.has(element) })) blocks.push(block);
  return blocks;
}
