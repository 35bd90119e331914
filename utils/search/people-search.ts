/**
 * Fuzzy search over the people dataset for the popup (Fuse.js).
 *
 * Each person becomes one entry with their names (English, Chinese, native),
 * every alias (Traditional variants from the alias index included, and CJK
 * names without their middle dot), their role in both languages, and their
 * organizations. Names weigh most, so a name hit outranks a role that merely
 * contains the word.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { AliasIndex, DatasetDetails, OrganizationRecord, PersonRecord } from '@/data/schema';

export interface SearchEntry {
  id: string;
  names: string[];
  aliases: string[];
  roles: string[];
  orgs: string[];
  pastOrgs: string[];
}

export interface PersonHit {
  person: PersonRecord;
  /** Fuse's score: 0 is a perfect match, 1 no match. */
  score: number;
}

/** The middle dots Chinese transliterations use (·, ・, ‧, ．, •) and spaces between parts. */
const NAME_SEPARATORS = /[\u00B7\u30FB\u2027\uFF0E\u2022\s]+/g;
const HAN = /\p{Script=Han}/u;

function orgNames(org: OrganizationRecord | undefined): string[] {
  if (!org) return [];
  return [org.name.en, ...(org.name.zh ? [org.name.zh] : []), ...org.aliases];
}

const unique = (values: string[]) => [...new Set(values.filter((v) => v.length > 0))];

/** Adds the dotless form of Chinese names, so "萨姆奥特曼" finds "萨姆·奥特曼". */
export const withDotless = (values: string[]) => unique(values.flatMap((v) => (HAN.test(v) ? [v, v.replace(NAME_SEPARATORS, '')] : [v])));

export function buildSearchEntries(details: DatasetDetails, index?: AliasIndex): SearchEntry[] {
  const indexed = new Map<string, string[]>();
  if (index) {
    for (const [text, position] of index.aliases) {
      const id = index.people[position]?.id;
      if (id) indexed.set(id, [...(indexed.get(id) ?? []), text]);
    }
  }
  return Object.values(details.people).map((person) => {
    const past = person.moves.flatMap((m) => [m.from, m.to]).filter((id): id is string => !!id && id !== person.org);
    return {
      id: person.id,
      names: withDotless([person.name.en, person.name.zh ?? '', person.name.native ?? '']),
      aliases: withDotless([...person.aliases.map((a) => a.text), ...(indexed.get(person.id) ?? [])]),
      roles: unique([person.role.en, person.role.zh ?? '']),
      orgs: unique(orgNames(person.org ? details.organizations[person.org] : undefined)),
      pastOrgs: unique(unique(past).flatMap((id) => orgNames(details.organizations[id]))),
    };
  });
}

export const FUSE_OPTIONS: IFuseOptions<SearchEntry> = {
  // A name may match anywhere in a field ("Kolesnikov" inside "Alexander Kolesnikov").
  ignoreLocation: true,
  // About one typo in six letters: "Kolesnikof", "Bansl", "Altmann" still match; unrelated words do not.
  threshold: 0.34,
  minMatchCharLength: 1,
  includeScore: true,
  keys: [
    { name: 'names', weight: 4 },
    { name: 'aliases', weight: 3 },
    { name: 'orgs', weight: 1.5 },
    { name: 'roles', weight: 1 },
    { name: 'pastOrgs', weight: 0.75 },
  ],
};

/** Folds Traditional characters to Simplified with the alias index's table, so "奧特曼" finds "奥特曼" in roles too. */
export function folder(t2s: string | undefined): (text: string) => string {
  if (!t2s) return (text) => text;
  const map = new Map<string, string>();
  const chars = [...t2s];
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  return (text) => [...text].map((c) => map.get(c) ?? c).join('');
}

export interface PeopleSearch {
  search(query: string, limit?: number): PersonHit[];
}

export function createPeopleSearch(details: DatasetDetails, index?: AliasIndex): PeopleSearch {
  const fuse = new Fuse(buildSearchEntries(details, index), FUSE_OPTIONS);
  const fold = folder(index?.t2s);
  return {
    search(query, limit = 20) {
      const trimmed = query.trim().replace(/\s+/g, ' ');
      if (!trimmed) return [];
      const folded = fold(trimmed);
      const hits = new Map<string, number>();
      // The query as typed and folded to Simplified; the best score per person wins.
      for (const q of unique([trimmed, folded])) {
        for (const hit of fuse.search(q, { limit })) {
          const score = hit.score ?? 1;
          const best = hits.get(hit.item.id);
          if (best === undefined || score < best) hits.set(hit.item.id, score);
        }
      }
      return [...hits]
        .sort((a, b) => a[1] - b[1])
        .slice(0, limit)
        .flatMap(([id, score]) => (details.people[id] ? [{ person: details.people[id]!, score }] : []));
    },
  };
}
