/**
 * The popup's search over everyone: the bundled people (people-search.ts) and the reader's
 * own, whose names, aliases, organization, role, facts and tags go through the same Fuse.js
 * options. A name the reader added to a bundled person (their additions) finds that person.
 * Built in the popup, an extension page: nothing of the reader's reaches a web page.
 */
import Fuse from 'fuse.js';
import type { AliasIndex, DatasetDetails, PersonRecord } from '@/data/schema';
import type { UserPersonRecord } from '@/utils/people/records';
import type { UserLayerSnapshot } from '@/utils/people/store';
import { FUSE_OPTIONS, folder, withDotless, type PeopleSearch, type SearchEntry } from './people-search';

/** One result: a bundled person, or one of the reader's own (`own`). */
export type EveryoneHit =
  { kind: 'bundled'; person: PersonRecord; score: number } | { kind: 'own'; person: UserPersonRecord; score: number };

export interface EveryoneSearch {
  search(query: string, limit?: number): EveryoneHit[];
}

const texts = (values: Array<string | undefined>) => values.filter((v): v is string => !!v);

/** The reader's people and additions as search entries (an addition under its bundled person's id). */
export function ownSearchEntries(layer: UserLayerSnapshot): SearchEntry[] {
  const facts = (record: { facts: UserPersonRecord['facts']; tags: string[] }) => ({
    roles: texts([...record.facts.map((f) => f.text), ...record.tags]),
    pastOrgs: texts(record.facts.map((f) => f.org)),
  });
  return [
    ...layer.people.map((person) => {
      const { roles, pastOrgs } = facts(person);
      return {
        id: person.id,
        names: withDotless(texts([person.name.primary, person.name.other])),
        aliases: withDotless(person.aliases.map((a) => a.text)),
        orgs: texts([person.org]),
        roles: texts([person.role, ...roles]),
        pastOrgs,
      };
    }),
    ...layer.additions.map((addition) => ({
      id: addition.id,
      names: [],
      aliases: withDotless(addition.aliases.map((a) => a.text)),
      orgs: [],
      ...facts(addition),
    })),
  ];
}

/** `bundled` with the reader's layer over it; the best score per person wins, bundled and own results in one ranking. */
export function searchEveryone(
  bundled: PeopleSearch,
  details: DatasetDetails,
  layer: UserLayerSnapshot,
  t2s: AliasIndex['t2s'] | undefined,
): EveryoneSearch {
  const entries = ownSearchEntries(layer);
  const fuse = entries.length > 0 ? new Fuse(entries, FUSE_OPTIONS) : null;
  const people = new Map(layer.people.map((p) => [p.id, p]));
  const fold = folder(t2s);
  return {
    search(query, limit = 20) {
      const best = new Map<string, EveryoneHit>();
      const keep = (hit: EveryoneHit) => {
        const seen = best.get(hit.person.id);
        if (!seen || hit.score < seen.score) best.set(hit.person.id, hit);
      };
      for (const hit of bundled.search(query, limit)) keep({ kind: 'bundled', ...hit });
      const trimmed = query.trim().replace(/\s+/g, ' ');
      if (fuse && trimmed) {
        for (const q of new Set([trimmed, fold(trimmed)])) {
          for (const { item, score = 1 } of fuse.search(q, { limit })) {
            const own = people.get(item.id);
            const person = own ? undefined : details.people[item.id];
            if (own) keep({ kind: 'own', person: own, score });
            else if (person) keep({ kind: 'bundled', person, score });
          }
        }
      }
      return [...best.values()].sort((a, b) => a.score - b.score).slice(0, limit);
    },
  };
}
