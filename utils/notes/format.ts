/** Small display helpers shared by the note UIs and the Markdown export. */

/** The URL if it is http(s), else null: a stored or imported origin is never rendered as a javascript: link. */
export function httpUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A short local date and time in the UI language. */
export function formatTime(epochMs: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(epochMs));
}

/** Newest edit first; ties by id so the order is stable. */
export function byNewest(a: { updatedAt: number; id: string }, b: { updatedAt: number; id: string }): number {
  return b.updatedAt - a.updatedAt || a.id.localeCompare(b.id);
}
