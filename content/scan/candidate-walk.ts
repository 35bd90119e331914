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
 * It is the one walk of text-walk.ts, the same the matcher's segments take
 * (segments.ts), read through the same BlockText: a kept block is the block
 * collectBlocks would give, and the blocks it drops are blocks in which the
 * matcher would find nothing.
 *
 * It runs in slices: the budget is checked between nodes and inside long text
 * nodes, and the walk yields to the page when it is spent. The page may change
 * while the walk waits; the MutationObserver (started before the walk) brings
 * those changes to a rescan of their own. The walk only has to keep its place
 * (TextWalk.resume), dropping what it had read in a block element it reads again.
 */
import { BLOCK_START, type Prefilter, type StreamState } from '@/utils/match/prefilter';
import { BlockText, type TextBlock } from './segments';
import { BOUNDARY, isCustomElementName, openShadowRoot, PAUSE, SHOW_TEXT_AND_CDATA, TEXT, TextWalk, type WalkFinds } from './text-walk';
import type { TaskBudget } from '@/content/scheduling';

/** A block that may hold a name, and where the prefilter saw candidates end (offsets in block.text). */
export interface CandidateBlock {
  block: TextBlock;
  ends: number[];
}

/** Text fed to the prefilter between two budget checks. */
const SLICE_CHARS = 16_384;

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
  const kept: CandidateBlock[] = [];
  const walk = new TextWalk(scope, { finds, pause: () => budget.spent(), checkpoint: () => kept.length });
  // The current block, as streamed so far: its offsets count the whitespace-only nodes it starts with.
  const current = new BlockText();
  let length = 0;
  let state: StreamState = BLOCK_START;
  const ends: number[] = [];

  for (;;) {
    const step = walk.next();
    if (step === TEXT) {
      const text = walk.text;
      const data = text.data;
      current.add(text, data, walk.block);
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
    } else if (step === BOUNDARY) {
      prefilter.finish(state, length, ends);
      const lead = current.lead;
      const block = ends.length > 0 ? current.take() : null;
      if (block) kept.push({ block, ends: ends.map((end) => Math.min(block.text.length, Math.max(0, end - lead))) });
      else current.drop();
      length = ends.length = 0;
      state = BLOCK_START;
    } else if (step === PAUSE) {
      await budget.yield();
      if (stale()) return null;
      const rewind = walk.resume();
      if (rewind >= 0) {
        kept.length = rewind;
        current.drop();
        length = ends.length = 0;
        state = BLOCK_START;
      }
    } else return kept; // END
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
  const walker = doc.createTreeWalker(root, SHOW_TEXT_AND_CDATA);
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
