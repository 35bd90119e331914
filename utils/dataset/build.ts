/**
 * Splits a validated dataset into what the extension ships (pure logic; scripts/build-data.ts
 * does the file I/O):
 * - the alias index, small, bundled into the content script;
 * - the details, loaded by the background and sent to cards on demand.
 */
import { withSearchedForms } from '../match/matcher';
import * as OpenCC from 'opencc-js';
import { buildHomophones } from './homophones';
import { buildNearForms } from './near-transliterations';
import type { AliasIndex, AliasSafety, AliasKindName, AliasAmbiguityName, DatasetDetails, DatasetRecord } from '../../data/schema';
import { PARTIAL, STANDALONE } from '../match/alias-safety';

type Convert = (text: string) => string;

let converters: { toTw: Convert; toHk: Convert; twToCn: Convert; hkToCn: Convert } | undefined;

/** OpenCC converters, built once (building them parses the dictionaries). */
function cc() {
  converters ??= {
    toTw: OpenCC.Converter({ from: 'cn', to: 'tw' }),
    toHk: OpenCC.Converter({ from: 'cn', to: 'hk' }),
    twToCn: OpenCC.Converter({ from: 'tw', to: 'cn' }),
    hkToCn: OpenCC.Converter({ from: 'hk', to: 'cn' }),
  };
  return converters;
}

/** A full name, or a surname only this person carries, obeys the full-name boundary rules. */
export function aliasSafety(kind: AliasKindName, ambiguity?: AliasAmbiguityName): AliasSafety {
  return kind === 'full' || ambiguity === 'unique' ? STANDALONE : PARTIAL;
}

/** An alias's class, with its default by kind (see AliasAmbiguity in data/schema.ts). */
export function aliasAmbiguity(kind: AliasKindName, ambiguity?: AliasAmbiguityName): AliasAmbiguityName {
  return ambiguity ?? (kind === 'full' ? 'unique' : 'partial');
}

/**
 * The evidence the index carries: every organization's names (minus the ones the data says are
 * too common as words) and the topic terms; and per person, the organizations of their role and
 * moves.
 */
function evidenceOf(data: DatasetRecord): { evidence: NonNullable<AliasIndex['evidence']>; personOrgs: number[][] } {
  const orgs = data.organizations.map((o) => o.id);
  const position = new Map(orgs.map((id, i) => [id, i]));
  const ignored = new Set(data.evidence.ignoredOrganizationAliases);
  const seen = new Set<string>();
  const terms: Array<[string, number]> = [];
  const add = (text: string, org: number) => {
    if (ignored.has(text) || seen.has(text)) return;
    seen.add(text);
    terms.push([text, org]);
  };
  data.organizations.forEach((o, i) => {
    for (const text of [o.name.en, o.name.zh, ...o.aliases]) if (text) add(text, i);
  });
  for (const text of [...data.evidence.topics.en, ...data.evidence.topics.zh]) add(text, -1);
  const personOrgs = data.people.map((p) => {
    const ids = new Set<string>();
    if (p.org) ids.add(p.org);
    for (const move of p.moves) for (const id of [move.from, move.to]) if (id) ids.add(id);
    return [...ids].map((id) => position.get(id)).filter((i): i is number => i !== undefined);
  });
  return { evidence: { orgs, terms }, personOrgs };
}

/** The CJK code-point ranges folded by `t2s`: Ext-A, then the URO. */
const T2S_RANGES: Array<[number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
];

/**
 * Traditional→Simplified pairs for every ideograph whose OpenCC simplification (from Taiwan or
 * Hong Kong standard) is a single different character that occurs in some alias. Returned as the
 * AliasIndex `t2s` string: traditional char, simplified char, … in code-point order.
 */
export function buildT2S(aliasTexts: Iterable<string>): string {
  const wanted = new Set<string>();
  for (const text of aliasTexts) for (const ch of text) wanted.add(ch);
  const { twToCn, hkToCn } = cc();
  let out = '';
  for (const [lo, hi] of T2S_RANGES) {
    for (let cp = lo; cp <= hi; cp++) {
      const ch = String.fromCodePoint(cp);
      for (const convert of [twToCn, hkToCn]) {
        const simplified = convert(ch);
        if (simplified !== ch && [...simplified].length === 1 && wanted.has(simplified)) {
          out += ch + simplified;
          break;
        }
      }
    }
  }
  return out;
}

/**
 * The alias index: every alias of every person (STANDALONE for `full`, PARTIAL for `surname`/`given`),
 * plus the Traditional variants (OpenCC cn→tw and cn→hk) of every Hans alias that the dataset
 * does not already list, deduplicated per person; and the `t2s` folding table.
 */
export function buildAliasIndex(data: DatasetRecord): AliasIndex {
  const { toTw, toHk } = cc();
  const { evidence, personOrgs } = evidenceOf(data);
  const people: AliasIndex['people'] = data.people.map((p, i) => ({
    id: p.id,
    en: p.name.en,
    ...(p.name.zh ? { zh: p.name.zh } : {}),
    ...(personOrgs[i]!.length > 0 ? { orgs: personOrgs[i] } : {}),
  }));

  // key: text + person index → position in `aliases`, so a duplicate keeps the safer (lower) safety.
  const positions = new Map<string, number>();
  const aliases: AliasIndex['aliases'] = [];
  const add = (text: string, person: number, safety: AliasSafety, shared: boolean) => {
    const key = `${text}\u0000${person}`;
    const at = positions.get(key);
    if (at === undefined) {
      positions.set(key, aliases.length);
      aliases.push(shared ? [text, person, safety, 1] : [text, person, safety]);
    } else if (safety < aliases[at]![2]) {
      aliases[at]![2] = safety;
    }
  };

  data.people.forEach((person, i) => {
    const rowOf = (alias: (typeof person.aliases)[number]) =>
      [aliasSafety(alias.kind, alias.ambiguity), aliasAmbiguity(alias.kind, alias.ambiguity) === 'shared'] as const;
    for (const alias of person.aliases) add(alias.text, i, ...rowOf(alias));
    for (const alias of person.aliases) {
      if (alias.script !== 'Hans') continue;
      for (const convert of [toTw, toHk]) {
        const variant = convert(alias.text);
        if (variant !== alias.text) add(variant, i, ...rowOf(alias));
      }
    }
  });

  // Homophones of a person's own Chinese name (not of a name others share: 王亮 has too many).
  const homophones = buildHomophones(
    data.people.flatMap((person, i) => {
      const own = person.aliases.find(
        (a) => a.text === person.name.native && a.script === 'Hans' && aliasAmbiguity(a.kind, a.ambiguity) === 'unique',
      );
      const alias = own ? positions.get(`${own.text}\u0000${i}`) : undefined;
      return own && alias !== undefined ? [{ person: i, alias, text: own.text }] : [];
    }),
  );
  const near = nearFormsOf(data, positions, [...aliases.map(([text]) => text), ...evidence.terms.map(([text]) => text)]);
  const t2s = buildT2S([
    ...aliases.map(([text]) => text),
    ...evidence.terms.map(([text]) => text),
    ...(homophones?.syllables ?? []),
    ...near.map(([text]) => text),
  ]);
  return withSearchedForms({
    version: 1,
    people,
    aliases,
    t2s,
    evidence,
    ...(homophones ? { homophones } : {}),
    ...(near.length > 0 ? { near } : {}),
  });
}

const HAN_NAME = /^[\p{Script=Han}·]+$/u;

/**
 * The near forms of the foreign names the dataset writes in Chinese (utils/dataset/near-transliterations.ts).
 * Not of a Chinese-born person's own name: for a person with a native name, only the dotted
 * transliterations (亚历山大·王, 马克·陈) are foreign names; their undotted aliases are Chinese names.
 * `taken`: every indexed alias and evidence term, which no near form may be.
 */
function nearFormsOf(
  data: DatasetRecord,
  positions: ReadonlyMap<string, number>,
  taken: readonly string[],
): NonNullable<AliasIndex['near']> {
  const { twToCn } = cc();
  const sources = data.people.flatMap((person, i) =>
    person.aliases.flatMap((alias) => {
      if (alias.script === 'Latn' || !HAN_NAME.test(alias.text) || alias.usage?.includes('own') || alias.text === person.name.native)
        return [];
      if (person.name.native && !alias.text.includes('·')) return [];
      const row = positions.get(`${alias.text}\u0000${i}`);
      return row === undefined ? [] : [{ person: i, alias: row, text: alias.script === 'Hant' ? twToCn(alias.text) : alias.text }];
    }),
  );
  const characters = data.transliteration.characters;
  return buildNearForms(sources, { characters, taken: new Set(taken.map((text) => twToCn(text))) });
}

/** The details bundle: every record keyed by id (conflicts stay a list). */
export function buildDetails(data: DatasetRecord): DatasetDetails {
  const byId = <T extends { id: string }>(items: T[]) => Object.fromEntries(items.map((item) => [item.id, item])) as Record<string, T>;
  return {
    version: 1,
    people: byId(data.people),
    organizations: byId(data.organizations),
    sources: byId(data.sources),
    conflicts: data.conflicts,
  };
}
