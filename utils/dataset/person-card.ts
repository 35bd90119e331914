import type { BilingualText, DatasetDetails, PersonCard, SourceRecord } from '@/data/schema';
import { personConflicts } from './disputes';

/** Resolves one person's card: the record plus every organization, source and conflict it refers to. */
export function personCard(details: DatasetDetails, personId: string): PersonCard | null {
  // Own ids only: a message naming "__proto__" or "constructor" finds nobody.
  const person = Object.hasOwn(details.people, personId) ? details.people[personId] : undefined;
  if (!person) return null;

  const orgIds = new Set<string>();
  if (person.org) orgIds.add(person.org);
  for (const move of person.moves) {
    if (move.from) orgIds.add(move.from);
    if (move.to) orgIds.add(move.to);
  }

  const conflicts = personConflicts(details.conflicts, personId);
  const sourceIds = new Set<string>();
  for (const ref of person.roleSources) sourceIds.add(ref.source);
  for (const move of person.moves) for (const ref of move.sources) sourceIds.add(ref.source);
  for (const quote of person.quotes) sourceIds.add(quote.source);
  for (const conflict of conflicts) for (const claim of conflict.claims) for (const ref of claim.sources) sourceIds.add(ref.source);

  const pick = <T>(table: Record<string, T>, ids: Set<string>) =>
    Object.fromEntries([...ids].flatMap((id) => (table[id] ? [[id, table[id]] as const] : [])));

  return {
    person,
    organizations: pick(details.organizations, orgIds),
    sources: pick(details.sources, sourceIds),
    conflicts,
  };
}

/**
 * The date a card's role is "as of": the newest date among the sources for the role, as
 * precise as that source states it. A role is a snapshot of what the articles said, so the
 * card says when; undefined when no source for the role is dated (the card then shows no date
 * rather than guess one).
 */
export function roleAsOf(card: PersonCard): string | undefined {
  let newest: string | undefined;
  for (const ref of card.person.roleSources) {
    const date = card.sources[ref.source]?.date;
    // YYYY < YYYY-MM < YYYY-MM-DD compare correctly as strings; within a year the more precise date wins.
    if (date && (newest === undefined || date > newest)) newest = date;
  }
  return newest;
}

/**
 * The sources cited on a card that carry a caveat, in the dataset's order: the card shows each
 * caveat once, in its own section, rather than under every fact the source supports.
 */
export function cardSourceCaveats(card: PersonCard): SourceRecord[] {
  return (
    Object.values(card.sources)
      .filter((source) => source.caveat !== undefined)
      // By code unit: the ids are ASCII, so a locale's rules add nothing, and localeCompare is the
      // costliest call on the card's show path (docs/benchmarks.md, "Card show").
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  );
}

/** Names for dataset ids, in both languages: what the card's "why" line needs of a mention's context. */
export interface DisplayNames {
  organizations: Record<string, BilingualText>;
  people: Record<string, BilingualText>;
}

/** Ids asked per kind at most: a why line names a few; anything longer is not our card asking. */
const DISPLAY_NAMES_MAX = 20;

/** The display names of the ids asked for; unknown ids are left out. */
export function displayNames(details: DatasetDetails, query: { organizations?: unknown; people?: unknown }): DisplayNames {
  const ids = (list: unknown) =>
    Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string').slice(0, DISPLAY_NAMES_MAX) : [];
  const organizations: Record<string, BilingualText> = {};
  for (const id of ids(query?.organizations))
    if (Object.hasOwn(details.organizations, id)) organizations[id] = details.organizations[id]!.name;
  const people: Record<string, BilingualText> = {};
  for (const id of ids(query?.people)) {
    const person = Object.hasOwn(details.people, id) ? details.people[id] : undefined;
    if (person) people[id] = { en: person.name.en, ...(person.name.zh ? { zh: person.name.zh } : {}) };
  }
  return { organizations, people };
}
