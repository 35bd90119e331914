/**
 * Collects a page's readable text as blocks, for matching. Shared by the
 * content script and the scan CLI.
 *
 * A TextBlock is the text of consecutive text nodes between two block
 * boundaries, so a name split by inline markup (`Mark <b>Chen</b>`,
 * `<b>山姆</b>·奥特曼`) is one string, and a name never runs across two
 * paragraphs, cells or list items. Block or inline is decided by tag name
 * alone: getComputedStyle on every element would cost more than the matching.
 *
 * Skipped with their whole subtree, never read: scripts, styles, code,
 * form fields, embedded documents, SVG/MathML, ruby annotations, anything
 * editable (rewriting an editor's DOM breaks it), anything marked
 * `data-talent-lens-ignore`, and our own UI host `<talent-lens-ui>`. A
 * skipped element also ends the current block: a name is never matched
 * across text we refuse to read.
 *
 * Open shadow roots are read too, each as text of its own: a shadow root
 * starts and ends blocks, as a skipped element does (its content is laid
 * out in place of the host's children, which a walk of the light DOM cannot
 * follow). Closed shadow roots cannot be read at all.
 *
 * The walk uses firstChild/nextSibling/parentNode rather than a TreeWalker:
 * it needs to see where each block element ends (a TreeWalker reports
 * entries only), it prunes skipped subtrees just as FILTER_REJECT would,
 * it avoids a JS filter callback per node, and it also runs on linkedom,
 * whose TreeWalker ignores filters.
 */

import { UI_HOST_TAG } from '../ui-host';

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
  /** Skips more elements, with their subtree, on top of the built-in rules. */
  skip?: (element: Element) => boolean;
  /** Told of every open shadow root the walk reads (the content script follows its changes). */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Told of every custom element without a shadow root yet (it may attach one later, without a DOM change). */
  onCustomElement?: (element: Element) => void;
}

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const SKIP_TAGS = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'svg',
  'math',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'rt',
  'rp',
  UI_HOST_TAG,
]);

export const IGNORE_ATTRIBUTE = 'data-talent-lens-ignore';

// Node types (Node.ELEMENT_NODE…), as numbers: the scan CLI runs this file where there is no Node global.
export const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;
const NON_SPACE = /\S/;

/** Whether a node of this type holds text a block reads (text and CDATA sections). */
export function isTextType(type: number): boolean {
  return type === TEXT_NODE || type === CDATA_SECTION_NODE;
}

/**
 * Whether a text node's data is only whitespace. Such nodes never start or end a block, but
 * separate words inside one ("<b>Mark</b> <b>Chen</b>"); both walkers keep this rule through here.
 */
export function isBlank(data: string): boolean {
  return !NON_SPACE.test(data);
}

/** Whether an element is skipped with its subtree by the built-in rules. */
export function isSkippedElement(element: Element): boolean {
  return SKIP_TAGS.has(element.localName) || skippedByAttributes(element);
}

function skippedByAttributes(element: Element): boolean {
  // Most elements have no attributes at all: one DOM call instead of two.
  if (!element.hasAttributes()) return false;
  if (element.hasAttribute(IGNORE_ATTRIBUTE)) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** {@link elementKind}: read inline, start a block, skip with its subtree, or a custom element (read inline). */
export const INLINE = 0;
export const BLOCK = 1;
export const SKIPPED = 2;
export const CUSTOM = 3;

/**
 * isSkippedElement and isBlockElement at once, with one read of the tag name:
 * a walk asks both of every element, and each DOM call from a content
 * script's isolated world costs.
 */
export function elementKind(element: Element): typeof INLINE | typeof BLOCK | typeof SKIPPED | typeof CUSTOM {
  const name = element.localName;
  if (SKIP_TAGS.has(name) || skippedByAttributes(element)) return SKIPPED;
  return BLOCK_TAGS.has(name) ? BLOCK : isCustomElementName(name) ? CUSTOM : INLINE;
}

/** Whether an element starts a new block (by tag name). */
export function isBlockElement(element: Element): boolean {
  return BLOCK_TAGS.has(element.localName);
}

function skipped(element: Element, opts: CollectOptions | undefined): boolean {
  return isSkippedElement(element) || (opts?.skip?.(element) ?? false);
}

/**
 * The node's parent, or a shadow root's host: the walk up from a node in a shadow tree goes on
 * in the tree around it (its rules, skipped subtrees and block boundaries hold there too).
 */
export function composedParent(node: Node): Node | null {
  const parent = node.parentNode;
  if (parent) return parent;
  return node.nodeType === DOCUMENT_FRAGMENT_NODE ? ((node as Partial<ShadowRoot>).host ?? null) : null;
}

/** An element's open shadow root (null when it has none, or a closed one, which no one else can read). */
export function openShadowRoot(element: Element): ShadowRoot | null {
  return element.shadowRoot;
}

/** Whether an element is a custom element (autonomous: its name has a hyphen), the usual host of a shadow root. */
export function isCustomElementName(localName: string): boolean {
  return localName.includes('-');
}

/** The nearest block-level element containing node (itself if it is one), else the topmost element. */
export function blockContainer(node: Node): Element | null {
  let top: Element | null = null;
  for (let n: Node | null = node; n; n = composedParent(n)) {
    if (n.nodeType !== ELEMENT_NODE) continue;
    top = n as Element;
    if (isBlockElement(top)) return top;
  }
  return top;
}

/** Whether node is inside (or is) a skipped element. */
export function isInSkippedSubtree(node: Node, opts?: CollectOptions): boolean {
  for (let n: Node | null = node; n; n = composedParent(n)) {
    if (n.nodeType === ELEMENT_NODE && skipped(n as Element, opts)) return true;
  }
  return false;
}

/** Accumulates the current block. */
class BlockBuilder {
  readonly blocks: TextBlock[] = [];
  private element: Element | null = null;
  private parts: string[] = [];
  private nodes: Text[] = [];
  private starts: number[] = [];
  private length = 0;
  /** How many nodes to keep: up to the last one with more than whitespace. */
  private kept = 0;

  add(node: Text, element: Element): void {
    const data = node.data;
    if (!isBlank(data)) {
      if (this.kept === 0) this.element = element;
      this.kept = this.nodes.length + 1;
    } else if (this.kept === 0) {
      // Whitespace-only nodes never start or end a block, but separate words inside one ("<b>Mark</b> <b>Chen</b>").
      return;
    }
    this.parts.push(data);
    this.nodes.push(node);
    this.starts.push(this.length);
    this.length += data.length;
  }

  close(): void {
    const { kept, element } = this;
    if (kept > 0 && element) {
      const text = (kept === this.parts.length ? this.parts : this.parts.slice(0, kept)).join('');
      const nodes = kept === this.nodes.length ? this.nodes : this.nodes.slice(0, kept);
      this.blocks.push({ element, text, nodes, starts: Uint32Array.from(this.starts.slice(0, kept)) });
      this.parts = [];
      this.nodes = [];
      this.starts = [];
    } else if (this.nodes.length > 0) {
      this.parts.length = this.nodes.length = this.starts.length = 0;
    }
    this.length = this.kept = 0;
    this.element = null;
  }
}

/**
 * Collects the text blocks under root (a Document, an Element or a Text), in
 * document order. Returns nothing when root is inside a skipped element.
 */
export function collectBlocks(root: Node, opts?: CollectOptions): TextBlock[] {
  const builder = new BlockBuilder();
  collectInto(root, builder, opts);
  return builder.blocks;
}

function collectInto(from: Node, builder: BlockBuilder, opts: CollectOptions | undefined): void {
  const root = from.nodeType === DOCUMENT_NODE ? (from as Document).documentElement : from;
  if (!root || isInSkippedSubtree(root, opts)) return;
  const rootBlock = blockContainer(root);
  if (!rootBlock) return;
  if (isTextType(root.nodeType)) {
    builder.add(root as Text, rootBlock);
    builder.close();
    return;
  }
  /** The block elements entered so far; the last one contains the current text. */
  const stack: Element[] = [rootBlock];
  /** Open shadow roots met on the way, read after the light DOM (each as text of its own). */
  const shadows: ShadowRoot[] = [];
  const own = root.nodeType === ELEMENT_NODE ? openShadowRoot(root as Element) : null;
  if (own) shadows.push(own);
  let node: Node | null = root.firstChild;
  while (node) {
    const type = node.nodeType;
    if (isTextType(type)) {
      builder.add(node as Text, stack[stack.length - 1]!);
    } else if (type === ELEMENT_NODE) {
      const element = node as Element;
      if (skipped(element, opts)) builder.close();
      else {
        const shadow = openShadowRoot(element);
        if (shadow) shadows.push(shadow);
        else if (opts?.onCustomElement && isCustomElementName(element.localName)) opts.onCustomElement(element);
        const block = isBlockElement(element);
        if (block) builder.close();
        const child = element.firstChild;
        if (child) {
          if (block) stack.push(element);
          node = child;
          continue;
        }
      }
    }
    // Next node in document order, closing the blocks we climb out of.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node === stack[stack.length - 1] && stack.length > 1) {
        builder.close();
        stack.pop();
      }
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  builder.close();
  for (const shadow of shadows) {
    opts?.onShadowRoot?.(shadow);
    collectInto(shadow, builder, opts);
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
    if (container && !isInSkippedSubtree(container, opts)) found.add(container);
  }
  const containers = [...found].filter((c) => {
    for (let up = c.parentNode; up; up = up.parentNode) if (found.has(up as Element)) return false;
    return true;
  });
  const builder = new BlockBuilder();
  for (const container of containers) collectInto(container, builder, opts);
  return { containers, blocks: builder.blocks };
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
