/**
 * The flow picture's data: moves grouped by period, and in each period by the organization
 * pair they go between, sized by the number of people. Each period has its own node per
 * organization on each side (where people left, where they went), so a person who returns
 * to a former employer, even within one period, never makes a cycle. Pure.
 */
import { isDisputed, type ExploreMove, type MoveOrigin } from '@/utils/explore/moves';
import { comparePeriods, periodOf, type Granularity } from '@/utils/explore/periods';

/** The organization of a move whose sources name none (joined from, or left to, no stated place). */
export const NO_ORGANIZATION = '~none';
/** The organizations too small to draw on their own in a period, together. */
export const OTHER_ORGANIZATIONS = '~other';

export const ALL = 'all';

export interface ExploreFilter {
  granularity: Granularity;
  /** A period key (utils/explore/periods.ts) or ALL. */
  period: string;
  /** An organization id the move leaves or joins, or ALL. */
  organization: string;
  origin: MoveOrigin | typeof ALL;
}

export const DEFAULT_FILTER: ExploreFilter = { granularity: 'year', period: ALL, organization: ALL, origin: ALL };

/** The moves the filter keeps, in their given order. */
export function filterMoves(moves: readonly ExploreMove[], filter: ExploreFilter): ExploreMove[] {
  return moves.filter(
    (move) =>
      (filter.origin === ALL || move.origin === filter.origin) &&
      (filter.organization === ALL || move.from === filter.organization || move.to === filter.organization) &&
      (filter.period === ALL || periodOf(move.when, filter.granularity) === filter.period),
  );
}

/** Every period the moves fall in, in time order (undated last). */
export function periodsOf(moves: readonly ExploreMove[], granularity: Granularity): string[] {
  return [...new Set(moves.map((move) => periodOf(move.when, granularity)))].sort(comparePeriods);
}

/** Every organization the moves leave or join, by id (NO_ORGANIZATION left out). */
export function organizationsOf(moves: readonly ExploreMove[]): string[] {
  const ids = new Set<string>();
  for (const move of moves) {
    if (move.from) ids.add(move.from);
    if (move.to) ids.add(move.to);
  }
  return [...ids];
}

export interface Flow {
  /** Unique in the picture: period, from, to. */
  key: string;
  period: string;
  /** Organization ids, NO_ORGANIZATION or OTHER_ORGANIZATIONS. */
  from: string;
  to: string;
  moves: ExploreMove[];
  /** How many different people moved: the flow's size. */
  people: number;
  /** How many of its moves are disputed: the flow is drawn as disputed when any is. */
  disputed: number;
}

export interface PeriodBand {
  period: string;
  flows: Flow[];
  /** Different people who moved in the period. */
  people: number;
}

export interface FlowOptions {
  /**
   * The most organizations a period shows on each side; the smaller ones are drawn together as
   * OTHER_ORGANIZATIONS. `keep` is always shown on its own (the organization filtered on).
   */
  organizationsPerSide: number;
  keep?: string;
}

export const DEFAULT_FLOW_OPTIONS: FlowOptions = { organizationsPerSide: 8 };

/** 1 for a flow from or to "other", which is listed after the named ones. */
const isOther = (flow: Flow): number => Number(flow.from === OTHER_ORGANIZATIONS || flow.to === OTHER_ORGANIZATIONS);

const orgKey = (id: string | null): string => id ?? NO_ORGANIZATION;

/** The organizations of one side kept on their own: the most people first, ties by id. */
function keptOrganizations(moves: readonly ExploreMove[], side: 'from' | 'to', options: FlowOptions): Set<string> {
  const people = new Map<string, Set<string>>();
  for (const move of moves) {
    const key = orgKey(move[side]);
    let set = people.get(key);
    if (!set) people.set(key, (set = new Set()));
    set.add(move.personId);
  }
  const ranked = [...people.entries()].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1)).map(([key]) => key);
  // When only one would be left over, showing it costs no more than an "other" node.
  const limit = ranked.length === options.organizationsPerSide + 1 ? ranked.length : options.organizationsPerSide;
  const kept = new Set(ranked.slice(0, limit));
  if (options.keep && people.has(options.keep)) kept.add(options.keep);
  return kept;
}

/** The moves as flows, one band per period in time order; in each the biggest flows first, those of "other" last. */
export function flowBands(
  moves: readonly ExploreMove[],
  granularity: Granularity,
  options: FlowOptions = DEFAULT_FLOW_OPTIONS,
): PeriodBand[] {
  const byPeriod = new Map<string, ExploreMove[]>();
  for (const move of moves) {
    const period = periodOf(move.when, granularity);
    let list = byPeriod.get(period);
    if (!list) byPeriod.set(period, (list = []));
    list.push(move);
  }
  return [...byPeriod.keys()].sort(comparePeriods).map((period) => {
    const periodMoves = byPeriod.get(period)!;
    const keptFrom = keptOrganizations(periodMoves, 'from', options);
    const keptTo = keptOrganizations(periodMoves, 'to', options);
    const flows = new Map<string, Flow & { personIds: Set<string> }>();
    for (const move of periodMoves) {
      const from = keptFrom.has(orgKey(move.from)) ? orgKey(move.from) : OTHER_ORGANIZATIONS;
      const to = keptTo.has(orgKey(move.to)) ? orgKey(move.to) : OTHER_ORGANIZATIONS;
      const key = `${period}|${from}|${to}`;
      let flow = flows.get(key);
      if (!flow) flows.set(key, (flow = { key, period, from, to, moves: [], people: 0, disputed: 0, personIds: new Set() }));
      flow.moves.push(move);
      flow.personIds.add(move.personId);
      if (isDisputed(move)) flow.disputed++;
    }
    const list: Flow[] = [...flows.values()]
      .map(({ personIds, ...flow }) => ({ ...flow, people: personIds.size }))
      .sort((a, b) => isOther(a) - isOther(b) || b.people - a.people || (a.key < b.key ? -1 : 1));
    return { period, flows: list, people: new Set(periodMoves.map((move) => move.personId)).size };
  });
}
