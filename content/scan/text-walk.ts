/**
 * The one walk of a page's text: which text is read, in which blocks, and in
 * what order. Both readers of a page go through it: the matcher's segments
 * (segments.ts, every block in full) and the content script's first read
 * (candidate-walk.ts, streaming each block through the prefilter and keeping
 * few). Since they share the rules and the traversal, a block one of them
 * reads is the block the other reads.
 *
 * A block is the text of consecutive text nodes between two block
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
 * Open shadow roots are handed to the reader, which walks each as text of
 * its own (a walk of the light DOM cannot follow their content, laid out in
 * place of the host's children): a root's text belongs to the block around
 * its host but never joins the text beside the host. Closed shadow roots
 * cannot be read at all.
 */
import { UI_HOST_TAG } from '../ui-host';

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
 * separate words inside one ("<b>Mark</b> <b>Chen</b>").
 */
export function isBlank(data: string): boolean {
  return !NON_SPACE.test(data);
}

/** Whether an element is skipped with its subtree by the built-in rules. */
function isSkippedElement(element: Element): boolean {
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
const INLINE = 0;
const BLOCK = 1;
const SKIPPED = 2;
const CUSTOM = 3;

/**
 * isSkippedElement and isBlockElement at once, with one read of the tag name:
 * a walk asks both of every element, and each DOM call from a content
 * script's isolated world costs.
 */
function elementKind(element: Element): typeof INLINE | typeof BLOCK | typeof SKIPPED | typeof CUSTOM {
  const name = element.localName;
  if (SKIP_TAGS.has(name) || skippedByAttributes(element)) return SKIPPED;
  return BLOCK_TAGS.has(name) ? BLOCK : isCustomElementName(name) ? CUSTOM : INLINE;
}

/** Whether an element starts a new block (by tag name). */
export function isBlockElement(element: Element): boolean {
  return BLOCK_TAGS.has(element.localName);
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
export function isInSkippedSubtree(node: Node): boolean {
  for (let n: Node | null = node; n; n = composedParent(n)) {
    if (n.nodeType === ELEMENT_NODE && isSkippedElement(n as Element)) return true;
  }
  return false;
}

/** What a walk met besides text: open shadow roots (for walks of their own) and custom elements without one yet. */
export interface WalkFinds {
  shadowRoot(root: ShadowRoot): void;
  customElement(element: Element): void;
}

/** What {@link TextWalk.next} met: a text node, the end of a block, a pause the caller asked for, the end of the walk. */
export const TEXT = 0;
export const BOUNDARY = 1;
export const PAUSE = 2;
export const END = 3;
type Step = typeof TEXT | typeof BOUNDARY | typeof PAUSE | typeof END;

export interface TextWalkOptions {
  /** Told of open shadow roots and of custom elements without one (without it, elements are not looked at for roots). */
  finds?: WalkFinds;
  /** Asked before each node; true makes next() return PAUSE there (the caller yields, then calls resume()). */
  pause?: () => boolean;
  /** The caller's count of what it has kept in this walk, noted as the walk enters each block element: resume() may go back to it. */
  checkpoint?: () => number;
}

interface Frame {
  element: Element;
  /** The last node of the element's subtree the walk will see: the block ends after it (null: the walk's outermost block). */
  last: Node | null;
  /** The caller's checkpoint when the walk entered the element. */
  checkpoint: number;
}

/** The part of a TreeWalker the walk uses. */
interface NodeWalker {
  currentNode: Node;
  nextNode(): Node | null;
}

/** Walks that lose their place more often than this stop re-reading and leave the rest to rescans. */
const MAX_REWALKS = 16;

/**
 * A walk of the text under a Document, an Element, a ShadowRoot or a Text, in document order.
 * Each next() says what comes: TEXT (the node is `text`, its block element `block`), BOUNDARY
 * (the block read since the last boundary ends; never twice in a row, never before any text),
 * PAUSE (the caller's `pause` asked for it) or END.
 *
 * A cursor the reader pulls from, rather than a generator or a visitor: a reader that yields to
 * the page between nodes just stops pulling and comes back, with no generator object or callback
 * per node on the hot path. The nodes come from one TreeWalker.nextNode() per node (every DOM call
 * from a content script's world costs; firstChild/nextSibling/parentNode would make three or
 * four), and where a block element ends is known by its last node, found once when the walk
 * enters it.
 *
 * After a PAUSE the page may have changed: resume() keeps the walk's place. If the node it stopped
 * at was removed or moved out of the block element it was in, the walk goes back to the nearest
 * enclosing block element that is still in place, and resume() returns the caller's checkpoint from
 * when the walk entered it (the caller drops what it kept since, and the block it was reading).
 */
export class TextWalk {
  /** After TEXT: the text node. */
  text!: Text;
  /** After TEXT: the block element around it. */
  block!: Element;
  private walker: NodeWalker | null = null;
  private node: Node | null = null;
  private readonly stack: Frame[] = [];
  /** A block element the walk entered: its frame is pushed once the block before it has ended (for its checkpoint). */
  private entering: Element | null = null;
  /** The current node was read: the blocks it ends close before the walk moves on. */
  private read = false;
  /** Text was met since the last boundary. */
  private open = false;
  /** The blocks the page closed under a paused walk end before its next node. */
  private closedUnder = false;
  /** The last next() returned PAUSE: the node it stopped at is read without asking again. */
  private paused = false;
  private rewalks = 0;
  private readonly finds: WalkFinds | undefined;
  private readonly pause: (() => boolean) | undefined;
  private readonly checkpoint: () => number;

  constructor(
    private readonly scope: Node,
    options: TextWalkOptions = {},
  ) {
    this.finds = options.finds;
    this.pause = options.pause;
    this.checkpoint = options.checkpoint ?? (() => 0);
    this.start();
    // An element's own root (read after it, as any other root).
    if (this.finds && this.stack.length > 0 && scope.nodeType === ELEMENT_NODE) {
      const shadow = openShadowRoot(scope as Element);
      if (shadow) this.finds.shadowRoot(shadow);
    }
  }

  next(): Step {
    const stack = this.stack;
    for (;;) {
      let node = this.node;
      const entering = this.entering;
      if (entering) {
        this.entering = null;
        stack.push({ element: entering, last: lastShown(entering), checkpoint: this.checkpoint() });
      }
      if (this.read) {
        this.read = false;
        let closed = false;
        while (stack.length > 1 && stack[stack.length - 1]!.last === node) {
          stack.pop();
          closed = true;
        }
        node = this.node = this.walker ? this.walker.nextNode() : null;
        if (closed && this.open) return this.boundary();
      }
      if (this.closedUnder) {
        this.closedUnder = false;
        if (this.open) return this.boundary();
      }
      if (!node) return this.open ? this.boundary() : END;
      if (this.paused) this.paused = false;
      else if (this.pause?.()) {
        this.paused = true;
        return PAUSE;
      }
      const type = node.nodeType;
      if (isTextType(type)) {
        this.text = node as Text;
        this.block = stack[stack.length - 1]!.element;
        this.open = this.read = true;
        return TEXT;
      }
      this.read = true;
      if (type !== ELEMENT_NODE) continue;
      const element = node as Element;
      const kind = elementKind(element);
      if (kind === SKIPPED) {
        this.read = false;
        // The blocks whose last node is in the skipped subtree end with it.
        while (stack.length > 1 && element.contains(stack[stack.length - 1]!.last)) stack.pop();
        this.node = this.afterSubtree(element);
        if (this.open) return this.boundary();
        continue;
      }
      if (this.finds) {
        // One more DOM call per element: the price of reading web components' text.
        const shadow = openShadowRoot(element);
        if (shadow) this.finds.shadowRoot(shadow);
        else if (kind === CUSTOM) this.finds.customElement(element);
      }
      if (kind === BLOCK) {
        if (element.firstChild) this.entering = element;
        if (this.open) return this.boundary();
      }
    }
  }

  /**
   * After a PAUSE: keeps the walk's place in a page that may have changed. -1 when the place
   * held; else the checkpoint to go back to (the block being read is dropped, not ended).
   */
  resume(): number {
    const stack = this.stack;
    let node = this.node;
    if (!node) return -1;
    let rewind = -1;
    if (!node.isConnected) {
      // Lost our place: walk the nearest intact block element again (or, on a page that
      // keeps pulling the ground away, skip it: its changes bring a rescan of their own).
      while (stack.length > 1 && !stack[stack.length - 1]!.element.isConnected) stack.pop();
      const frame = stack[stack.length - 1]!;
      rewind = frame.checkpoint;
      this.open = false;
      this.rewalks++;
      if (stack.length === 1) {
        if (this.rewalks > MAX_REWALKS) this.node = null;
        else this.start();
        return rewind;
      }
      stack.pop();
      if (this.rewalks <= MAX_REWALKS) node = this.walker!.currentNode = frame.element;
      else node = this.afterSubtree(frame.element);
      this.node = node;
      if (!node) return rewind;
    }
    // Blocks the page closed under us (their last nodes moved or went) end here.
    while (stack.length > 1 && !stack[stack.length - 1]!.element.contains(node)) {
      stack.pop();
      this.closedUnder = true;
    }
    for (let i = 1; i < stack.length; i++) stack[i]!.last = lastShown(stack[i]!.element);
    return rewind;
  }

  private boundary(): Step {
    this.open = false;
    return BOUNDARY;
  }

  /** Starts (or starts again) at the scope's first node. */
  private start(): void {
    this.stack.length = 0;
    this.walker = this.node = this.entering = null;
    this.read = this.open = this.closedUnder = false;
    const scope = this.scope;
    const root = scope.nodeType === DOCUMENT_NODE ? (scope as Document).documentElement : scope;
    if (!root || isInSkippedSubtree(root)) return;
    const element = blockContainer(root);
    if (!element) return;
    this.stack.push({ element, last: null, checkpoint: 0 });
    if (isTextType(root.nodeType)) this.node = root;
    else {
      this.walker = nodeWalker(root);
      this.node = this.walker.nextNode();
    }
  }

  /** Moves the walk past element's subtree: the next node after it in document order, or null. */
  private afterSubtree(element: Element): Node | null {
    const walker = this.walker!;
    walker.currentNode = lastShown(element);
    return walker.nextNode();
  }
}

const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const SHOW_CDATA_SECTION = 0x8;

/** Text and CDATA sections, the nodes a block reads (NodeFilter's SHOW_TEXT | SHOW_CDATA_SECTION). */
export const SHOW_TEXT_AND_CDATA = SHOW_TEXT | SHOW_CDATA_SECTION;
/** What the walk's TreeWalker shows: elements too. */
const SHOWN = SHOW_ELEMENT | SHOW_TEXT_AND_CDATA;

function isShown(type: number): boolean {
  return type === ELEMENT_NODE || isTextType(type);
}

/** The last node of element's subtree that the walker shows (the element itself when it shows none). */
function lastShown(element: Element): Node {
  let at: Node = element;
  for (;;) {
    let child = at.lastChild;
    while (child && !isShown(child.nodeType)) child = child.previousSibling;
    if (!child) return at;
    at = child;
  }
}

/**
 * The document's TreeWalker over root. linkedom's (the scan CLI's DOM) has nextNode() alone and
 * cannot be moved by setting currentNode: there, the same walk over firstChild/nextSibling/parentNode.
 */
function nodeWalker(root: Node): NodeWalker {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, SHOWN);
  return typeof walker.nextSibling === 'function' ? walker : new SiblingWalker(root);
}

class SiblingWalker implements NodeWalker {
  currentNode: Node;

  constructor(private readonly root: Node) {
    this.currentNode = root;
  }

  nextNode(): Node | null {
    let node: Node | null = this.currentNode;
    do node = this.following(node);
    while (node && !isShown(node.nodeType));
    if (node) this.currentNode = node;
    return node;
  }

  private following(node: Node): Node | null {
    if (node.firstChild) return node.firstChild;
    for (let at: Node | null = node; at && at !== this.root; at = at.parentNode) {
      if (at.nextSibling) return at.nextSibling;
    }
    return null;
  }
}
