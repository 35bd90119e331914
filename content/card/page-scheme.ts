/**
 * The card's colour scheme for a mention, from the page's computed styles (utils/color-scheme.ts
 * decides). Read once when a card opens, never while scanning: one getComputedStyle per ancestor of
 * the mention.
 */
import { MARK_TAG } from '@/content/marks/mark-engine';
import { pageScheme, type BackgroundLayer, type ColorScheme } from '@/utils/color-scheme';

/** The element's parent in the rendered tree: a slotted node's slot, a shadow root's host. */
function renderedParent(node: Node): Element | null {
  const slot = (node as Element | Text).assignedSlot;
  if (slot) return slot;
  const parent = node.parentNode;
  if (parent instanceof ShadowRoot) return parent.host;
  return parent instanceof Element ? parent : null;
}

/** The backgrounds behind `node`, innermost first, up to the root element (our own marks' tint left out). */
function backgroundLayers(node: Node): BackgroundLayer[] {
  const layers: BackgroundLayer[] = [];
  for (let element = node instanceof Element ? node : renderedParent(node); element; element = renderedParent(element)) {
    if (element.localName === MARK_TAG) continue;
    const style = getComputedStyle(element);
    layers.push({ color: style.backgroundColor, image: style.backgroundImage });
  }
  return layers;
}

/** The page's declared colour scheme: the root's `color-scheme` property, else its `<meta name="color-scheme">`. */
function declaredColorScheme(): string | null {
  const property = getComputedStyle(document.documentElement).colorScheme;
  if (property && property !== 'normal') return property;
  return document.querySelector<HTMLMetaElement>('meta[name="color-scheme" i]')?.content ?? null;
}

export function mentionColorScheme(range: AbstractRange): ColorScheme {
  return pageScheme({
    layers: backgroundLayers(range.startContainer),
    declared: declaredColorScheme(),
    topFrame: window === window.top,
    systemDark: window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
  });
}
