import { logError } from '@/utils/log';

/**
 * What every host element of ours in the page shares (the card, the "turned off" notice): its
 * inline styles, its stylesheet and the events its closed shadow root keeps from the page.
 */

/** Typing events stopped at the shadow root, so the page's bubbling listeners never see what is typed in our UI. */
const CONTAINED_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'compositionstart',
  'compositionupdate',
  'compositionend',
];

/** Containing is not acting: every such event is stopped, whoever made it. */
export function containEvents(root: ShadowRoot): void {
  for (const type of CONTAINED_EVENTS) root.addEventListener(type, (event) => event.stopPropagation());
}

/** Inline styles on the host through the CSSOM (allowed by any CSP), !important so page rules cannot hide, fade or move it. */
export function hostStyle(element: HTMLElement, properties: Record<string, string>) {
  for (const [name, value] of Object.entries(properties)) element.style.setProperty(name, value, 'important');
}

export function adoptStyles(root: ShadowRoot, css: string) {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch (cause) {
    // Firefox has refused constructed sheets from content scripts in some versions; a <style> may then be blocked by CSP.
    logError('constructed stylesheet refused, falling back to <style>', cause);
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}
