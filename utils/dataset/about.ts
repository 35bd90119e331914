/**
 * What the "About the data" page says about the bundled dataset, computed from the
 * generated details (never from the articles: the page shows what the dataset cites).
 */
import type { DatasetDetails, SourceRecord } from '@/data/schema';

/**
 * The date the data is current to: the newest date any source states. Dates are
 * YYYY, YYYY-MM or YYYY-MM-DD, so comparing them as text orders them. null when no
 * source is dated.
 */
export function dataCurrentTo(details: DatasetDetails): string | null {
  const dates = Object.values(details.sources).flatMap((source) => (source.date ? [source.date] : []));
  return dates.length > 0 ? dates.reduce((a, b) => (b > a ? b : a)) : null;
}

/** The sources in the order the dataset numbers them. */
export function sourcesInOrder(details: DatasetDetails): SourceRecord[] {
  return Object.values(details.sources).sort((a, b) => a.id.localeCompare(b.id));
}
