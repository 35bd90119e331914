/**
 * Whether marks drawn in an open shadow root show, and making them show.
 *
 * The manifest injects assets/marks.css into the document, and a document's styles do not reach
 * into shadow trees. Chromium still paints our highlights there: a highlight pseudo-element
 * inherits from its parent's, and a shadow tree's top elements inherit from the host. Firefox
 * (153 ESR) does not: ranges in a shadow root stay unpainted. And <talent-lens-mark> elements
 * (the element engine) are unstyled in a shadow root in every browser.
 *
 * The test is the browser's own: the computed style of our highlight on an element of the root.
 * Where our style does not reach, the same stylesheet is adopted by that root, after the
 * page's own sheets (never replacing them). The page can see that sheet in
 * `adoptedStyleSheets`; it tells it only what our registered highlights or mark elements tell
 * it already (that Talent Lens runs), and its rules style only our highlight names and tag.
 * Where even that fails (the sheet refused), the root's mentions are not drawn: an invisible
 * mark that opens a card would be worse than none.
 */
import MARKS_CSS from '@/assets/marks.css?raw';
import { logError } from '@/utils/log';
import { HIGHLIGHT_NAME, MARK_TAG } from './mark-engine';

const reached = new WeakMap<ShadowRoot, boolean>();
let sheet: CSSStyleSheet | null = null;

/** A computed colour that paints nothing. */
const TRANSPARENT = /^(transparent|rgba\(0, 0, 0, 0\))$/;

/** Whether marks of `kind` on text under `element` (in `root`) show, adopting our stylesheet if they would not. */
export function marksShowIn(root: ShadowRoot, element: Element, kind: 'highlight' | 'element'): boolean {
  const known = reached.get(root);
  if (known !== undefined) return known;
  const shows = styleReaches(element, kind) || (adopt(root) && styleReaches(element, kind));
  reached.set(root, shows);
  return shows;
}

function styleReaches(element: Element, kind: 'highlight' | 'element'): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  if (kind === 'highlight') return !TRANSPARENT.test(view.getComputedStyle(element, `::highlight(${HIGHLIGHT_NAME})`).backgroundColor);
  // No mark element is made just to test: a sheet of ours in the root is what styles them.
  return sheet !== null && (element.getRootNode() as ShadowRoot).adoptedStyleSheets.includes(sheet);
}

function adopt(root: ShadowRoot): boolean {
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(MARKS_CSS);
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return true;
  } catch (cause) {
    logError(`this page's shadow root refused the marks' stylesheet: its ${MARK_TAG} marks are not drawn`, cause);
    return false;
  }
}
