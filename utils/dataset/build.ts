/**
 * Splits a validated dataset into what the extension ships (pure logic; scripts/build-data.ts
 * does the file I/O):
 * - the alias index, small, bundled into the content script;
 * - the details, loaded by the background and sent to cards on demand.
 */
import { withSearchedForms } from '../match/matcher';
import * as OpenCC from 'opencc-js';
import type { AliasIndex, AliasSafety, AliasKindName, DatasetDetails, DatasetRecord } from '../../data/schema';

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

export function aliasSafety(kind: AliasKindName): AliasSafety {
  return kind === 'full' ? 0 : 1;
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
 * The alias index: every alias of every person (safety 0 for `full`, 1 for `surname`/`given`),
 * plus the Traditional variants (OpenCC cn→tw and cn→hk) of every Hans alias that the dataset
 * does not already list, deduplicated per person; and the `t2s` folding table.
 */
export function buildAliasIndex(data: DatasetRecord): AliasIndex {
  const { toTw, toHk } = cc();
  const people = data.people.map((p) => (p.name.zh ? { id: p.id, en: p.name.en, zh: p.name.zh } : { id: p.id, en: p.name.en }));

  // key: text + person index → position in `aliases`, so a duplicate keeps the safer (lower) safety.
  const positions = new Map<string, number>();
  const aliases: AliasIndex['aliases'] = [];
  const add = (text: string, person: number, safety: AliasSafety) => {
    const key = `${text}\u0000${person}`;
    const at = positions.get(key);
    if (at === undefined) {
      positions.set(key, aliases.length);
      aliases.push([text, person, safety]);
    } else if (safety < aliases[at]![2]) {
      aliases[at]![2] = safety;
    }
  };

  data.people.forEach((person, i) => {
    for (const alias of person.aliases) add(alias.text, i, aliasSafety(alias.kind));
    for (const alias of person.aliases) {
      if (alias.script !== 'Hans') continue;
      for (const convert of [toTw, toHk]) {
        const variant = convert(alias.text);
        if (variant !== alias.text) add(variant, i, aliasSafety(alias.kind));
      }
    }
  });

  const t2s = buildT2S(aliases.map(([text]) => text));
  return withSearchedForms({ version: 1, people, aliases, t2s });
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
