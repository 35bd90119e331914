/**
 * The card's data in Traditional Chinese, for Traditional pages: our own Chinese text (names,
 * roles, summaries, topics, claims, caveats) converted at build time, the articles' words never.
 * Pure: the converters are passed in (OpenCC in scripts/build-data.ts, a table in the tests).
 */
import type { BilingualText, DatasetDetails, PersonRecord } from '@/data/schema';

export interface TraditionalConverters {
  /** Running text: our roles, summaries and notes (OpenCC cn → twp, with Taiwan phrasing). */
  text(text: string): string;
  /** Names: character by character only, so a transliteration is never rephrased (OpenCC cn → tw). */
  name(text: string): string;
}

const mapValues = <T, U>(table: Record<string, T>, fn: (value: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(table).map(([key, value]) => [key, fn(value)]));

/**
 * A person's Chinese name on a Traditional page: the full form Taiwan media use, where the data
 * records one (山姆·奧特曼), else the Simplified form converted.
 */
function traditionalName(person: PersonRecord, convert: TraditionalConverters): string | undefined {
  const taiwan = person.aliases.find((a) => a.kind === 'full' && a.script === 'Hant' && a.usage?.includes('taiwan'));
  if (taiwan) return taiwan.text;
  return person.name.zh === undefined ? undefined : convert.name(person.name.zh);
}

export function traditionalDetails(details: DatasetDetails, convert: TraditionalConverters): DatasetDetails {
  const bilingual = <T extends BilingualText | undefined>(value: T, fn = convert.text): T =>
    (value?.zh === undefined ? value : { ...value, zh: fn(value.zh) }) as T;
  const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

  return {
    ...details,
    people: mapValues(details.people, (person) => ({
      ...person,
      name: { ...person.name, ...optional('zh', traditionalName(person, convert)) },
      role: bilingual(person.role),
      moves: person.moves.map((move) => ({
        ...move,
        ...optional('role', bilingual(move.role)),
        ...optional('summary', bilingual(move.summary)),
        ...optional('doubt', bilingual(move.doubt)),
      })),
    })),
    organizations: mapValues(details.organizations, (org) => ({ ...org, name: bilingual(org.name, convert.name) })),
    sources: mapValues(details.sources, (source) => ({
      ...source,
      // An untitled article's title is our description of it; a real title is the article's own words.
      ...(source.untitled ? { title: convert.text(source.title) } : {}),
      ...optional('placed', bilingual(source.placed)),
      ...optional('caveat', bilingual(source.caveat)),
    })),
    conflicts: details.conflicts.map((conflict) => ({
      ...conflict,
      topic: bilingual(conflict.topic),
      claims: conflict.claims.map((claim) => ({ ...claim, statement: bilingual(claim.statement) })),
    })),
  };
}
