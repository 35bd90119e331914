import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ACTIVE_HIGHLIGHT_NAME,
  HIGHLIGHT_NAME,
  MARK_TAG,
  UNDERLINE_ATTRIBUTE,
  UNDERLINE_HIGHLIGHT_NAME,
} from '@/content/marks/mark-engine';

const css = readFileSync(new URL('../../assets/marks.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** Each rule as [selector, declarations], media blocks flattened (the file has no nested braces beyond @media). */
function rules(text: string): Array<[string, string[]]> {
  const out: Array<[string, string[]]> = [];
  for (const match of text.replace(/@media[^{]*\{/g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const declarations = match[2]!
      .split(';')
      .map((d) => d.trim().split(':')[0]!.trim())
      .filter(Boolean);
    out.push([match[1]!.trim(), declarations]);
  }
  return out;
}

describe('assets/marks.css', () => {
  const all = rules(css);

  it('styles the names the engines use, in light and dark schemes', () => {
    const selectors = all.map(([selector]) => selector);
    for (const selector of [
      `::highlight(${HIGHLIGHT_NAME})`,
      `::highlight(${ACTIVE_HIGHLIGHT_NAME})`,
      `::highlight(${UNDERLINE_HIGHLIGHT_NAME})`,
      MARK_TAG,
      `${MARK_TAG}[${UNDERLINE_ATTRIBUTE}]`,
      `${MARK_TAG}[data-active]`,
    ]) {
      // Once for the light scheme and once inside the dark-scheme block.
      expect(
        selectors.filter((s) => s === selector),
        selector,
      ).toHaveLength(2);
    }
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)/);
  });

  it('draws "underline only" without the tint, in both engines', () => {
    const declarations = (selector: string) => all.filter(([s]) => s === selector).map(([, d]) => d);
    for (const list of declarations(`::highlight(${UNDERLINE_HIGHLIGHT_NAME})`)) {
      expect(list).toContain('text-decoration');
      expect(list).not.toContain('background-color');
    }
    for (const list of declarations(`${MARK_TAG}[${UNDERLINE_ATTRIBUTE}]`)) expect(list).toContain('text-decoration');
    // The element engine's tint is overridden, not merely left out.
    expect(css).toMatch(/talent-lens-mark\[data-underline\] \{\s*background-color: transparent;/);
  });

  it('gives highlights only properties ::highlight() accepts', () => {
    const allowed = new Set(['background-color', 'color', 'text-decoration', 'text-shadow']);
    const highlightRules = all.filter(([selector]) => selector.startsWith('::highlight('));
    expect(highlightRules.length).toBeGreaterThan(0);
    for (const [selector, declarations] of highlightRules) {
      for (const property of declarations) expect(allowed.has(property), `${selector} { ${property} }`).toBe(true);
    }
  });

  it('matches nothing of the page until we mark: no rule for page elements or the whole document', () => {
    for (const [selector] of all)
      expect(selector.startsWith('::highlight(talent-lens') || selector.startsWith(MARK_TAG), selector).toBe(true);
  });
});
