/**
 * Collects a page's readable text as blocks, for matching: every block of
 * the one walk (text-walk.ts, where the rules of what is read live), in full.
 * Shared by the content script (rescans of changed parts of a page) and the
 * scan CLI.
 */

import { blockContainer, BOUNDARY, ELEMENT_NODE, END, isBlank, isInSkippedSubtree, TEXT, TextWalk } from './text-walk';

export interface TextBlock {
  /** The nearest block-level element around the text (several blocks can share one, e.g. text around a nested <p>). */
  element: Element;
  /** The concatenated data of `nodes`. */
  text: string;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in text. */
  starts: Uint32Array;
}

export interface CollectOptions {
  /** Told of every open shadow root the walk reads (the content script follows its changes). */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Told of every custom element without a shadow root yet (it may attach one later, without a DOM change). */
  onCustomElement?: (element: Element) => void;
}

/**
 * The text of one block as a walk reads it, node by node. Whitespace-only nodes never start or
 * end a block, but separate words inside one ("<b>Mark</b> <b>Chen</b>").
 */
export class BlockText {
  /** Characters of whitespace-only nodes read before the block's first node (left out of it). */
  lead = 0;
  private element: Element | null = null;
  private readonly parts: string[] = [];
  private readonly nodes: Text[] = [];
  /** How many nodes to keep: up to the last one with more than whitespace. */
  private kept = 0;

  add(node: Text, data: string, element: Element): void {
    if (!isBlank(data)) {
      if (this.kept === 0) this.element = element;
      this.kept = this.nodes.length + 1;
    } else if (this.kept === 0) {
      this.lead += data.length;
      return;
    }
    this.parts.push(data);
    this.nodes.push(node);
  }

  /** The block read so far (null when it is only whitespace), and a fresh start. */
  take(): TextBlock | null {
    const { kept, element, parts } = this;
    let block: TextBlock | null = null;
    if (kept > 0 && element) {
      const starts = new Uint32Array(kept);
      let offset = 0;
      for (let i = 0; i < kept; i++) {
        starts[i] = offset;
        offset += parts[i]!.length;
      }
      // Copies the size of the block: the buffers, grown by push, stay here for the next block.
      const text = kept === 1 ? parts[0]! : kept === parts.length ? parts.join('') : parts.slice(0, kept).join('');
      block = { element, text, nodes: this.nodes.slice(0, kept), starts };
    }
    this.drop();
    return block;
  }

  /** Forgets the block read so far. */
  drop(): void {
    this.parts.length = this.nodes.length = 0;
    this.lead = this.kept = 0;
    this.element = null;
  }
}

/**
 * Collects the text blocks under root (a Document, an Element, a ShadowRoot or a Text), in
 * document order, each open shadow root's after the text around it. Returns nothing when root is
 * inside a skipped element.
 */
export function collectBlocks(root: Node, opts?: CollectOptions): TextBlock[] {
  const blocks: TextBlock[] = [];
  collectInto(root, new BlockText(), blocks, opts);
  return blocks;
}

function collectInto(scope: Node, current: BlockText, blocks: TextBlock[], opts: CollectOptions | undefined): void {
  /** Open shadow roots met on the way, read after the light DOM (each as text of its own). */
  const shadows: ShadowRoot[] = [];
  const walk = new TextWalk(scope, {
    finds: { shadowRoot: (root) => shadows.push(root), customElement: (element) => opts?.onCustomElement?.(element) },
  });
  for (let step = walk.next(); step !== END; step = walk.next()) {
    if (step === TEXT) {
      const text = walk.text;
      current.add(text, text.data, walk.block);
    } else if (step === BOUNDARY) {
      const block = current.take();
      if (block) blocks.push(block);
    }
  }
  for (const shadow of shadows) {
    opts?.onShadowRoot?.(shadow);
    collectInto(shadow, current, blocks, opts);
  }
}

/**
 * Collects the blocks to rescan after the nodes in `changed` were added or
 * modified: each node's nearest block-level ancestor is rescanned whole (a
 * name may join the new text with its neighbours). Containers inside other
 * containers are scanned once. Callers replace every block whose element is
 * one of the returned containers or inside one.
 */
export function collectBlocksIn(changed: Iterable<Node>, opts?: CollectOptions): { containers: Element[]; blocks: TextBlock[] } {
  const found = new Set<Element>();
  for (const node of changed) {
    const container = blockContainer(node.nodeType === ELEMENT_NODE ? node : (node.parentNode ?? node));
    if (container && !isInSkippedSubtree(container)) found.add(container);
  }
  const containers = [...found].filter((c) => {
    for (let up = c.parentNode; up; up = up.parentNode) if (found.has(up as Element)) return false;
    return true;
  });
  const blocks: TextBlock[] = [];
  const current = new BlockText();
  for (const container of containers) collectInto(container, current, blocks, opts);
  return { containers, blocks };
}

/**
 * The text node and offset in it for an offset of block.text, for building
 * a Range. At a boundary between two nodes, a range start (`end` false)
 * goes to the start of the next node and a range end to the end of the
 * previous one, so a range never covers a node it does not need.
 */
export function locate(block: TextBlock, offset: number, end = false): { node: Text; offset: number } {
  const { starts, nodes } = block;
  // The last node whose start is <= offset (< offset for an end).
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (end ? starts[mid]! < offset : starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo]!;
  return { node, offset: Math.min(offset - starts[lo]!, node.data.length) };
}
