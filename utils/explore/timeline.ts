/**
 * The timeline view's data: one lane per person with their moves in time order (undated
 * moves after the dated ones, never placed at a date), sorted by date, organization or name.
 * Pure.
 */
import type { ExploreMove } from '@/utils/explore/moves';
import { dateSpan } from '@/utils/explore/periods';

export type LaneSort = 'date' | 'organization' | 'name';

export interface Lane {
  personId: string;
  /** The name as shown (the caller picks the language). */
  name: string;
  moves: ExploreMove[];
  /** Where the lane's latest move went: its organization id, or null (none stated, or no dated move). */
  latestTo: string | null;
}

/** The earliest instant a move's date allows; undated moves after every dated one. */
const startOf = (move: ExploreMove): number => (move.when ? dateSpan(move.when)[0] : Number.POSITIVE_INFINITY);

export function timelineLanes(
  moves: readonly ExploreMove[],
  sort: LaneSort,
  nameOf: (move: ExploreMove) => string,
  organizationName: (id: string) => string,
): Lane[] {
  const byPerson = new Map<string, ExploreMove[]>();
  for (const move of moves) {
    let list = byPerson.get(move.personId);
    if (!list) byPerson.set(move.personId, (list = []));
    list.push(move);
  }
  const lanes: Lane[] = [...byPerson.entries()].map(([personId, list]) => {
    const sorted = [...list].sort((a, b) => startOf(a) - startOf(b));
    const dated = sorted.filter((move) => move.when);
    return { personId, name: nameOf(sorted[0]!), moves: sorted, latestTo: dated.at(-1)?.to ?? null };
  });
  const byName = (a: Lane, b: Lane) => a.name.localeCompare(b.name) || (a.personId < b.personId ? -1 : 1);
  if (sort === 'name') return lanes.sort(byName);
  if (sort === 'organization') {
    // People with no known latest organization after those with one.
    const label = (lane: Lane) => (lane.latestTo ? organizationName(lane.latestTo) : '\uffff');
    return lanes.sort((a, b) => label(a).localeCompare(label(b)) || byName(a, b));
  }
  return lanes.sort((a, b) => startOf(a.moves[0]!) - startOf(b.moves[0]!) || byName(a, b));
}

/** The years a timeline spans, whole years, from the moves' dates; undefined with no dated move. */
export function timelineYears(moves: readonly ExploreMove[]): [first: number, last: number] | undefined {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const move of moves) {
    if (!move.when) continue;
    const [start, end] = dateSpan(move.when);
    first = Math.min(first, Math.floor(start));
    last = Math.max(last, Math.ceil(end) - 1);
  }
  return Number.isFinite(first) ? [first, last] : undefined;
}
