/**
 * Turns MutationObserver records into the nodes whose blocks must be
 * rescanned, leaving out our own UI and changes that cannot alter any text.
 */
export interface MutationLike {
  type: string;
  target: Node;
  addedNodes: ArrayLike<Node>;
  removedNodes: ArrayLike<Node>;
  previousSibling: Node | null;
  nextSibling: Node | null;
}

export interface ChangeSet {
  /** Nodes (added, or whose text changed) whose enclosing blocks are rescanned. */
  changed: Set<Node>;
  /** Something left the page: blocks with disconnected nodes must be dropped. */
  removals: boolean;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * `isOurs(node)`: the node is, or is inside, our own UI.
 * `isBlock(element)`: the element starts its own block (text-walk.ts).
 */
export function changesOf(
  records: Iterable<MutationLike>,
  isOurs: (node: Node) => boolean,
  isBlock: (element: Element) => boolean,
): ChangeSet {
  const changed = new Set<Node>();
  let removals = false;
  for (const record of records) {
    if (isOurs(record.target)) continue;
    if (record.type === 'characterData') {
      changed.add(record.target);
      continue;
    }
    if (record.type !== 'childList') continue;
    for (let i = 0; i < record.addedNodes.length; i++) {
      const node = record.addedNodes[i]!;
      if ((node.nodeType === TEXT_NODE || node.nodeType === ELEMENT_NODE) && !isOurs(node)) changed.add(node);
    }
    let removedText = false;
    for (let i = 0; i < record.removedNodes.length; i++) {
      const node = record.removedNodes[i]!;
      if (isOurs(node)) continue;
      removals = true;
      if (node.nodeType === TEXT_NODE || (node.nodeType === ELEMENT_NODE && !isBlock(node as Element))) removedText = true;
      else if (node.nodeType === ELEMENT_NODE) {
        // A block left: the text on either side of it may now run together.
        if (record.previousSibling) changed.add(record.previousSibling);
        if (record.nextSibling) changed.add(record.nextSibling);
      }
    }
    // Inline content left a block: the block's remaining text must be read again.
    if (removedText) changed.add(record.target);
  }
  return { changed, removals };
}
