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

const timeFormats = new Map<string | undefined, Intl.DateTimeFormat>();

/** A short local date and time in the UI language. The formatter is made once per locale: making one costs more than formatting. */
export function formatTime(epochMs: number, locale?: string): string {
  let format = timeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    timeFormats.set(locale, format);
  }
  return format.format(new Date(epochMs));
}

/** Newest edit first; ties by id so the order is stable. */
export function byNewest(a: { updatedAt: number; id: string }, b: { updatedAt: number; id: string }): number {
  return b.updatedAt - a.updatedAt || a.id.localeCompare(b.id);
}
