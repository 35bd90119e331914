/**
 * How a page's mentions are drawn, as the reader chose in Settings: every mention or only the
 * first of each person in a paragraph (a paragraph dense with names reads calmer), and a tinted
 * fill with an underline or the underline alone. Pure; the page layer applies it
 * (content/marks/mark-layer.ts), to open tabs as soon as the setting changes.
 */

export const MARK_SCOPES = ['all', 'first'] as const;
/** `all`: every mention; `first`: the first mention of each person in each paragraph (text block). */
export type MarkScope = (typeof MARK_SCOPES)[number];

export const MARK_LOOKS = ['fill', 'underline'] as const;
/** `fill`: a faint tint under an underline; `underline`: the underline alone. */
export type MarkLook = (typeof MARK_LOOKS)[number];

export interface MarkStyle {
  scope: MarkScope;
  look: MarkLook;
}

export const DEFAULT_MARK_STYLE: MarkStyle = { scope: 'all', look: 'fill' };

export function isMarkScope(value: unknown): value is MarkScope {
  return (MARK_SCOPES as readonly unknown[]).includes(value);
}

export function isMarkLook(value: unknown): value is MarkLook {
  return (MARK_LOOKS as readonly unknown[]).includes(value);
}

/**
 * The mentions of one paragraph that are drawn under `scope`: all of them, or each person's
 * earliest (by position, whatever order they come in), in their original order.
 */
export function mentionsInScope<T extends { person: number; start: number }>(mentions: readonly T[], scope: MarkScope): readonly T[] {
  if (scope === 'all' || mentions.length < 2) return mentions;
  const first = new Map<number, T>();
  for (const mention of mentions) {
    const seen = first.get(mention.person);
    if (!seen || mention.start < seen.start) first.set(mention.person, mention);
  }
  if (first.size === mentions.length) return mentions;
  const kept = new Set(first.values());
  return mentions.filter((mention) => kept.has(mention));
}
