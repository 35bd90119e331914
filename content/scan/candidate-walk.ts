/**
 * The first read of a whole page. A page that names nobody in full is told
 * apart first, from its first text nodes and its textContent, without a walk
 * ({@link mayNameSomeone}).
 * Otherwise one walk of the DOM streams every text node's data through the prefilter
 * (utils/match/prefilter.ts) as it goes, and keeps only the blocks where a
 * name may occur, with their candidate ends.
 * Every other block is read once and forgotten: no joined string, no node
 * list, no TextBlock. On a news page that is most of the text.
 *
 * The walk takes its rules from segments.ts (elementKind for skipped subtrees
 * and block boundaries, isTextType and isBlank for what a block reads and
 * trims), so a kept block is the
 * block collectBlocks would give, and the blocks it drops are blocks in which
 * the matcher would find nothing.
 *
 * It runs in slices: the budget is checked between nodes and inside long text
 * nodes, and the walk yields to the page when it is spent. The page may change
 * while the walk waits; the MutationObserver (started before the walk) brings
 * those changes to a rescan of their own. The walk only has to keep its place:
 * if the node it stopped at was removed or moved out of the block element it
 * was in, it walks again the nearest enclosing block element that is still in
 * place, dropping what it had read in it.
 */
import { BLOCK_START, type Prefilter, type StreamState } from '@/utils/match/prefilter';
import {
  BLOCK,
  blockContainer,
  CUSTOM,
  ELEMENT_NODE,
  elementKind,
  isBlank,
  isCustomElementName,
  isInSkippedSubtree,
  isSkippedElement,
  isTextType,
  openShadowRoot,
  SKIPPED,
  type TextBlock,
} from './segments';
import type { TaskBudget } from '@/content/scheduling';

/** A block that may hold a name, and where the prefilter saw candidates end (offsets in block.text). */
export interface CandidateBlock {
  block: TextBlock;
  ends: number[];
}

/** Text fed to the prefilter between two budget checks. */
const SLICE_CHARS = 16_384;

interface Frame {
  element: Element;
  /** The last node of the element's subtree the walk will see: the block ends after it (null: the document element). */
  last: Node | null;
  /** How many blocks had been kept when the walk entered the element. */
  keptBefore: number;
}

/** What a walk met besides text: open shadow roots (read by walks of their own) and custom elements without one yet. */
export interface WalkFinds {
  shadowRoot(root: ShadowRoot): void;
  customElement(element: Element): void;
}

/** Where a walk starts: the document element, or a shadow root (its text belongs to the block around its host). */
function walkStart(scope: Document | ShadowRoot): { root: Node; element: Element } | null {
  if (scope.nodeType === DOCUMENT_NODE) {
    const root = (scope as Document).documentElement;
    return root && !isSkippedElement(root) ? { root, element: root } : null;
  }
  const host = (scope as ShadowRoot).host;
  const element = blockContainer(host);
  return element && !isInSkippedSubtree(host) ? { root: scope, element } : null;
}

/**
 * Walks the document (or one open shadow root) and returns the blocks with candidates in
 * document order, or null once `stale()` says the result is no longer wanted. The open shadow
 * roots it meets are handed to `finds` for walks of their own.
 */
export async function collectCandidateBlocks(
  scope: Document | ShadowRoot,
  prefilter: Prefilter,
  budget: TaskBudget,
  stale: () => boolean,
  finds?: WalkFinds,
): Promise<CandidateBlock[] | null> {
  const doc = scope.ownerDocument ?? (scope as Document);
  const kept: CandidateBlock[] = [];
  // The current block: its text nodes and their data, as streamed so far.
  const nodes: Text[] = [];
  const datas: string[] = [];
  let element: Element | null = null;
  let length = 0;
  let state: StreamState = BLOCK_START;
  const ends: number[] = [];

  const reset = (): void => {
    nodes.length = datas.length = ends.length = 0;
    length = 0;
    state = BLOCK_START;
  };
  const close = (): void => {
    if (nodes.length === 0) return;
    prefilter.finish(state, length, ends);
    if (ends.length > 0 && element) {
      const block = textBlock(element, nodes, datas, ends);
      if (block) kept.push(block);
    }
    reset();
  };

  let rewalks = 0;
  walkDocument: for (;;) {
    const start = walkStart(scope);
    if (!start) return kept;
    // A TreeWalker rather than firstChild/nextSibling/parentNode: one DOM call per node
    // instead of three or four, and every DOM call from a content script's world costs.
    const walker = doc.createTreeWalker(start.root, SHOWN);
    const stack: Frame[] = [{ element: start.element, last: null, keptBefore: 0 }];
    let node: Node | null = walker.nextNode();

    while (node) {
      if (budget.spent()) {
        await budget.yield();
        if (stale()) return null;
        if (!node.isConnected) {
          // Lost our place: walk the nearest intact block element again (or, on a page that
          // keeps pulling the ground away, skip it: its changes bring a rescan of their own).
          while (stack.length > 1 && !stack[stack.length - 1]!.element.isConnected) stack.pop();
          const frame = stack[stack.length - 1]!;
          kept.length = frame.keptBefore;
          reset();
          rewalks++;
          if (stack.length === 1) {
            if (rewalks > MAX_REWALKS) return kept;
            continue walkDocument;
          }
          stack.pop();
          if (rewalks <= MAX_REWALKS) node = walker.currentNode = frame.element;
          else {
            node = afterSubtree(walker, frame.element);
            if (!node) break;
          }
        }
        // Blocks the page closed under us (their last nodes moved or went) end here.
        while (stack.length > 1 && !stack[stack.length - 1]!.element.contains(node)) {
          close();
          stack.pop();
        }
        for (let i = 1; i < stack.length; i++) stack[i]!.last = lastShown(stack[i]!.element);
      }
      const type = node.nodeType;
      if (isTextType(type)) {
        const text = node as Text;
        const data = text.data;
        if (nodes.length === 0) element = stack[stack.length - 1]!.element;
        nodes.push(text);
        datas.push(data);
        // Long text in slices, with a budget check between them (a 5 MB node is one node).
        // What is streamed is the data read here: a change to the node brings its own rescan.
        for (let from = 0; from < data.length; from += SLICE_CHARS) {
          const to = Math.min(data.length, from + SLICE_CHARS);
          state = prefilter.feed(data, from, to, state, length, ends);
          if (to < data.length && budget.spentNow()) {
            await budget.yield();
            if (stale()) return null;
          }
        }
        length += data.length;
      } else if (type === ELEMENT_NODE) {
        const el = node as Element;
        const kind = elementKind(el);
        if (kind === SKIPPED) {
          close();
          // The blocks whose last node is in the skipped subtree end with it.
          while (stack.length > 1 && el.contains(stack[stack.length - 1]!.last)) {
            close();
            stack.pop();
          }
          node = afterSubtree(walker, el);
          continue;
        }
        if (finds) {
          // One more DOM call per element: the price of reading web components' text.
          const shadow = openShadowRoot(el);
          if (shadow) finds.shadowRoot(shadow);
          else if (kind === CUSTOM) finds.customElement(el);
        }
        if (kind === BLOCK) {
          close();
          if (el.firstChild) stack.push({ element: el, last: lastShown(el), keptBefore: kept.length });
        }
      }
      // The blocks that end with this node (their last node) close.
      while (stack.length > 1 && stack[stack.length - 1]!.last === node) {
        close();
        stack.pop();
      }
      node = walker.nextNode();
    }
    close();
    return kept;
  }
}

/** Text nodes the gate reads one by one before it reads the rest of the page as one string. */
export const GATE_PEEK_NODES = 64;

/**
 * The gate before the walk: whether the page's text may name someone in
 * full. A page that does not has no mention at all (a surname counts only
 * after a full name), and most pages name nobody in the dataset: for them
 * this is the whole cost, one textContent and one pass over it instead of a
 * DOM call per node. A page that does name someone mostly does so near its
 * top (a headline, a first paragraph), so the first GATE_PEEK_NODES text
 * nodes are read one by one first: on the benchmark's 100,000-node page that
 * spares copying all 3.9 million characters of its textContent to find a
 * name in the first paragraph, for a few hundred DOM calls more on a page
 * that names nobody. The document's textContent leaves out the text of open
 * shadow roots: where it names nobody, each element is looked at once for a
 * root (no text node is visited), and each root's textContent goes through
 * the same pass; the roots found are handed to `finds`. null when `stale()`
 * says the answer is no longer wanted.
 */
export async function mayNameSomeone(
  doc: Document,
  prefilter: Prefilter,
  budget: TaskBudget,
  stale: () => boolean,
  finds?: WalkFinds,
): Promise<boolean | null> {
  const root = doc.documentElement;
  if (!root) return false;
  const light = await lightTextMayName(doc, root, prefilter, budget, stale);
  if (light !== false) return light;
  // A web component's text is in its shadow root, which the document's textContent leaves out.
  const roots = await findOpenShadowRoots(root, budget, stale, finds);
  if (roots === null) return null;
  for (const shadow of roots) {
    const named = await textMayName(shadow.textContent ?? '', prefilter, budget, stale);
    if (named !== false) return named;
  }
  return false;
}

async function lightTextMayName(
  doc: Document,
  root: Element,
  prefilter: Prefilter,
  budget: TaskBudget,
  stale: () => boolean,
): Promise<boolean | null> {
  // The same text, in the same order, as root.textContent: every text and CDATA node.
  const walker = doc.createTreeWalker(root, SHOW_TEXT | SHOW_CDATA_SECTION);
  let state: StreamState = BLOCK_START;
  let node = walker.nextNode();
  for (let n = 0; node && n < GATE_PEEK_NODES; n++, node = walker.nextNode()) {
    const data = (node as CharacterData).data;
    const next = prefilter.mayContain(data, 0, data.length, state);
    if (next === -1) return true;
    state = next;
  }
  if (!node) return false;
  // The rest of the page, whole (the peeked start again with it: simpler than finding where it ended).
  return textMayName(root.textContent ?? '', prefilter, budget, stale);
}

async function textMayName(text: string, prefilter: Prefilter, budget: TaskBudget, stale: () => boolean): Promise<boolean | null> {
  let state: StreamState = BLOCK_START;
  for (let from = 0; from < text.length; from += SLICE_CHARS) {
    const next = prefilter.mayContain(text, from, Math.min(text.length, from + SLICE_CHARS), state);
    if (next === -1) return true;
    state = next;
    if (budget.spentNow()) {
      await budget.yield();
      if (stale()) return null;
    }
  }
  return false;
}

/**
 * Every open shadow root under `scope`, nested ones too, found by looking at each element once (a
 * property read or two per element; text nodes are not visited); null once `stale()` says the
 * answer is no longer wanted. Custom elements without a root are handed to `finds` (they may
 * attach one later).
 */
async function findOpenShadowRoots(
  scope: Element,
  budget: TaskBudget,
  stale: () => boolean,
  finds?: WalkFinds,
): Promise<ShadowRoot[] | null> {
  const found: ShadowRoot[] = [];
  const scopes: Array<Element | ShadowRoot> = [scope];
  for (let at = 0; at < scopes.length; at++) {
    const from = scopes[at]!;
    // A live collection of the document's elements; a shadow root has no getElementsByTagName.
    const elements = 'getElementsByTagName' in from ? from.getElementsByTagName('*') : from.querySelectorAll('*');
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i]!;
      const shadow = openShadowRoot(element);
      if (shadow) {
        found.push(shadow);
        scopes.push(shadow);
        finds?.shadowRoot(shadow);
      } else if (finds && isCustomElementName(element.localName)) finds.customElement(element);
      if (budget.spent()) {
        await budget.yield();
        if (stale()) return null;
      }
    }
  }
  return found;
}

const DOCUMENT_NODE = 9;
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const SHOW_CDATA_SECTION = 0x8;

/** What the walker shows: elements, text and CDATA sections (NodeFilter's SHOW_ELEMENT | SHOW_TEXT | SHOW_CDATA_SECTION). */
const SHOWN = SHOW_ELEMENT | SHOW_TEXT | SHOW_CDATA_SECTION;

/** Walks that lose their place more often than this stop re-reading and leave the rest to rescans. */
const MAX_REWALKS = 16;

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

function isShown(type: number): boolean {
  return type === ELEMENT_NODE || isTextType(type);
}

/** Moves the walker past element's subtree: the next node after it in document order, or null. */
function afterSubtree(walker: TreeWalker, element: Element): Node | null {
  walker.currentNode = element;
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

/**
 * The TextBlock of a kept block, as segments.ts's BlockBuilder makes it:
 * whitespace-only nodes at its start and end are left out. Candidate ends
 * move with the start; a word-edge candidate at the very end is clamped.
 */
function textBlock(element: Element, nodes: Text[], datas: string[], ends: number[]): CandidateBlock | null {
  let first = 0;
  while (first < datas.length && isBlank(datas[first]!)) first++;
  let last = datas.length - 1;
  while (last >= first && isBlank(datas[last]!)) last--;
  if (last < first) return null;
  let shift = 0;
  for (let i = 0; i < first; i++) shift += datas[i]!.length;
  const starts = new Uint32Array(last - first + 1);
  let offset = 0;
  for (let i = first; i <= last; i++) {
    starts[i - first] = offset;
    offset += datas[i]!.length;
  }
  const text = first === last ? datas[first]! : datas.slice(first, last + 1).join('');
  return {
    block: { element, text, nodes: nodes.slice(first, last + 1), starts },
    ends: ends.map((end) => Math.min(text.length, Math.max(0, end - shift))),
  };
}
