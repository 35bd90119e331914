/**
 * Periods of time a move falls in, as precise as its date allows: a year, or a quarter of a
 * year. A move dated only by its year stays in that year's own period when quarters are asked
 * for ("2025", before "2025-Q1"), and an undated move goes in the undated period: never at an
 * invented date. Pure.
 */

export type Granularity = 'year' | 'quarter';

/** The period of moves no source dates. */
export const UNDATED = 'undated';

/** "2025", "2025-Q2", or UNDATED. */
export function periodOf(when: string | undefined, granularity: Granularity): string {
  if (!when) return UNDATED;
  const year = when.slice(0, 4);
  const month = when.length >= 7 ? Number(when.slice(5, 7)) : undefined;
  if (granularity === 'year' || month === undefined) return year;
  return `${year}-Q${Math.ceil(month / 3)}`;
}

/** Time order; a year-only period before its quarters; undated last. */
export function comparePeriods(a: string, b: string): number {
  if (a === b) return 0;
  if (a === UNDATED) return 1;
  if (b === UNDATED) return -1;
  return a < b ? -1 : 1;
}

/** The parts of a period, for labels in the UI language. */
export type PeriodParts = { kind: 'undated' } | { kind: 'year'; year: string } | { kind: 'quarter'; year: string; quarter: number };

export function periodParts(period: string): PeriodParts {
  if (period === UNDATED) return { kind: 'undated' };
  const match = /^(\d{4})-Q([1-4])$/.exec(period);
  return match ? { kind: 'quarter', year: match[1]!, quarter: Number(match[2]) } : { kind: 'year', year: period };
}

/**
 * The stretch of time a date covers, in fractional years: 2025 covers the whole year,
 * 2025-06 the month of June, 2025-06-30 that day. A timeline draws the whole stretch, so a
 * date is never shown as more precise than its source.
 */
export function dateSpan(when: string): [start: number, end: number] {
  const [year, month, day] = when.split('-').map(Number) as [number, number?, number?];
  if (month === undefined) return [year, year + 1];
  const start = Date.UTC(year, month - 1, day ?? 1);
  const end = day === undefined ? Date.UTC(year, month, 1) : Date.UTC(year, month - 1, day + 1);
  const yearStart = Date.UTC(year, 0, 1);
  const yearLength = Date.UTC(year + 1, 0, 1) - yearStart;
  return [year + (start - yearStart) / yearLength, year + (end - yearStart) / yearLength];
}
