/**
 * The one custom element every piece of our page UI lives in (card, notices,
 * the live region), each behind a closed shadow root. The scanner skips it and
 * the mutation observer ignores changes inside it, so the tag is declared here
 * once for all of them.
 */
export const UI_HOST_TAG = 'talent-lens-ui';

/** Whether `node` is one of our hosts or inside one. */
export function isInsideOurUi(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!element?.closest(UI_HOST_TAG);
}
