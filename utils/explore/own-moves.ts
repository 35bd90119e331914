/**
 * The reader's own moves for Explore (origin 'own'): every fact of kind 'move' they added, on
 * their own people and on bundled people (their additions). A move's organization is the
 * reader's text, read as a dataset organization where it names one (its name in either
 * language, or an alias), so their moves join the same flows; it comes from the organization
 * of the person's previous move, or none stated. The source is the page the reader cited. Pure.
 */
import type { BilingualText, DatasetDetails } from '@/data/schema';
import type { UserFact } from '@/utils/people/records';
import type { UserLayerSnapshot } from '@/utils/people/store';
import { nameKey } from '@/utils/people/names';
import type { ExploreMove } from './moves';

/** An organization's id from the reader's text: a dataset organization's, or the text itself. */
function organizationFinder(organizations: DatasetDetails['organizations']): (text: string | undefined) => string | null {
  const byName = new Map<string, string>();
  for (const org of Object.values(organizations)) {
    for (const name of [org.name.en, org.name.zh, ...org.aliases]) if (name) byName.set(nameKey(name), org.id);
  }
  return (text) => {
    const trimmed = text?.trim();
    if (!trimmed) return null;
    return byName.get(nameKey(trimmed)) ?? trimmed;
  };
}

/** Dated moves first, in date order (a partial date sorts by its text), then undated ones as added. */
function inOrder(facts: readonly UserFact[]): UserFact[] {
  return facts
    .filter((fact) => fact.kind === 'move')
    .sort((a, b) => (a.when && b.when ? a.when.localeCompare(b.when) : a.when ? -1 : b.when ? 1 : a.addedAt - b.addedAt));
}

export function ownMoves(layer: UserLayerSnapshot, details: Pick<DatasetDetails, 'people' | 'organizations'>): ExploreMove[] {
  const organization = organizationFinder(details.organizations);
  const moves: ExploreMove[] = [];
  const add = (personId: string, personName: BilingualText, facts: readonly UserFact[], startFrom: string | null) => {
    let from = startFrom;
    for (const fact of inOrder(facts)) {
      const to = organization(fact.org);
      moves.push({
        id: `${personId}#own-${fact.id}`,
        personId,
        personName,
        origin: 'own',
        from,
        to,
        ...(fact.when ? { when: fact.when } : {}),
        sources: [],
        own: { text: fact.text, addedAt: fact.addedAt, ...(fact.source ? { source: fact.source } : {}) },
      });
      from = to;
    }
  };
  for (const person of layer.people) {
    add(person.id, { en: person.name.primary, ...(person.name.other ? { zh: person.name.other } : {}) }, person.facts, null);
  }
  for (const addition of layer.additions) {
    const person = details.people[addition.id];
    if (!person) continue;
    // A bundled person's own move comes from where the dataset last has them.
    add(person.id, { en: person.name.en, ...(person.name.zh ? { zh: person.name.zh } : {}) }, addition.facts, person.org ?? null);
  }
  return moves;
}
