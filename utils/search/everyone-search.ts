/**
 * The popup's search over everyone: the bundled people (people-search.ts) and the reader's
 * own, whose names, aliases, organization, role, facts and tags go through the same Fuse.js
 * options. A name the reader added to a bundled person (their additions) finds that person.
 * A Chinese name is searchable in both scripts, as the bundled people's are (their index carries
 * the Traditional forms): the reader's are converted here, with OpenCC, when the popup has loaded it.
 * Built in the popup, an extension page: nothing of the reader's reaches a web page.
 */
import Fuse from 'fuse.js';
import type { AliasIndex, DatasetDetails, PersonRecord } from '@/data/schema';
import type { UserPersonRecord } from '@/utils/people/records';
import type { UserLayerSnapshot } from '@/utils/people/store';
import type { ScriptConverters } from '@/utils/people/suggestions';
import { FUSE_OPTIONS, folder, withDotless, type PeopleSearch, type SearchEntry } from './people-search';

/** One result: a bundled person, or one of the reader's own (`own`). */
export type EveryoneHit =
  { kind: 'bundled'; person: PersonRecord; score: number } | { kind: 'own'; person: UserPersonRecord; score: number };

export interface EveryoneSearch {
  search(query: string, limit?: number): EveryoneHit[];
}

const texts = (values: Array<string | undefined>) => values.filter((v): v is string => !!v);

const HAN = /\p{Script=Han}/u;

/** Whether the reader wrote any name in Chinese: only then does the popup load OpenCC. */
export function hasChineseNames(layer: UserLayerSnapshot): boolean {
  const names = [
    ...layer.people.flatMap((p) => [p.name.primary, p.name.other ?? '', ...p.aliases.map((a) => a.text)]),
    ...layer.additions.flatMap((a) => a.aliases.map((x) => x.text)),
  ];
  return names.some((name) => HAN.test(name));
}

/** Each Chinese name also in the other script (马克 and 馬克), when the converters are at hand. */
function inBothScripts(names: string[], convert: ScriptConverters | undefined): string[] {
  if (!convert) return names;
  return [...new Set(names.flatMap((name) => (HAN.test(name) ? [name, convert.toTraditional(name), convert.toSimplified(name)] : [name])))];
}

/** The reader's people and additions as search entries (an addition under its bundled person's id). */
export function ownSearchEntries(layer: UserLayerSnapshot, convert?: ScriptConverters): SearchEntry[] {
  const facts = (record: { facts: UserPersonRecord['facts']; tags: string[] }) => ({
    roles: texts([...record.facts.map((f) => f.text), ...record.tags]),
    pastOrgs: texts(record.facts.map((f) => f.org)),
  });
  return [
    ...layer.people.map((person) => {
      const { roles, pastOrgs } = facts(person);
      return {
        id: person.id,
        names: withDotless(inBothScripts(texts([person.name.primary, person.name.other]), convert)),
        aliases: withDotless(
          inBothScripts(
            person.aliases.map((a) => a.text),
            convert,
          ),
        ),
        orgs: texts([person.org]),
        roles: texts([person.role, ...roles]),
        pastOrgs,
      };
    }),
    ...layer.additions.map((addition) => ({
      id: addition.id,
      names: [],
      aliases: withDotless(
        inBothScripts(
          addition.aliases.map((a) => a.text),
          convert,
        ),
      ),
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
  /** OpenCC's converters, once loaded: the reader's Chinese names are then found in either script. */
  convert?: ScriptConverters,
): EveryoneSearch {
  const entries = ownSearchEntries(layer, convert);
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
