/**
 * A Chinese-born person's own name written with other characters of the same sound: 余佳辉 for
 * 余家辉, 任弘宇 for 任泓宇, 赵胜嘉 for 赵晟佳. Reporters hear a name before they see it, so news
 * (and machine transcripts) write it by ear. Pure.
 *
 * The rule: the same surname character, then two characters that can read as the name's given
 * syllables without tone (the index's `homophones` table, built at data build time from
 * pinyin-pro; utils/dataset/homophones.ts). Such a form is another person's name just as often,
 * so it counts only with evidence on the page (its hits are of the `shared` class) and says how it
 * was written (Hit.variant, the card's "written 余佳辉 here"). It must stand on Chinese word
 * boundaries, and is never part of a longer transliterated name (a dot before or after it).
 */
import type { AliasIndex } from '../../data/schema';
import type { Hit } from './matcher';
import { DOT_BEFORE, normalize, NormalizeScratch, originalSpan, type Folding } from './normalize';
import { onWordBoundaries } from './word-boundary';

interface Name {
  person: number;
  alias: number;
  /** The name as written in the data (the form the automaton finds itself). */
  own: string;
  first: number;
  second: number;
}

/** Surname + each character of the first given syllable: what a homophone of a name starts with. */
export function homophonePrefixes(index: AliasIndex): string[] {
  const table = index.homophones;
  if (!table) return [];
  return table.names.flatMap(([, , surname, first]) => [...(table.syllables[first] ?? '')].map((ch) => surname + ch));
}

/** A table character as the page's text is folded (the table is Simplified already; t2s to be sure). */
function simplified(folding: Folding, ch: string): number {
  const unit = ch.charCodeAt(0);
  return folding.t2s.get(unit) ?? unit;
}

export class HomophoneFinder {
  private readonly scratch = new NormalizeScratch();

  private constructor(
    private readonly folding: Folding,
    /** Folded surname (one code unit) → the names with it. */
    private readonly bySurname: Map<number, Name[]>,
    /** Per syllable: the code units of its characters. */
    private readonly syllables: Array<Set<number>>,
    /** Every code unit that folds to a surname (Traditional forms too): a text without one is not normalized. */
    private readonly surnameUnits: Set<number>,
  ) {}

  /** The finder for an index's homophone table, or null when it has none. */
  static build(index: AliasIndex, folding: Folding): HomophoneFinder | null {
    const table = index.homophones;
    if (!table || table.names.length === 0) return null;
    const bySurname = new Map<number, Name[]>();
    for (const [person, alias, surname, first, second] of table.names) {
      const own = index.aliases[alias]?.[0];
      if (own === undefined) continue;
      const unit = simplified(folding, surname);
      let list = bySurname.get(unit);
      if (!list) bySurname.set(unit, (list = []));
      list.push({ person, alias, own, first, second });
    }
    const syllables = table.syllables.map((chars) => new Set([...chars].map((ch) => simplified(folding, ch))));
    const surnameUnits = new Set(bySurname.keys());
    for (const [traditional, simplifiedUnit] of folding.t2s) if (bySurname.has(simplifiedUnit)) surnameUnits.add(traditional);
    return new HomophoneFinder(folding, bySurname, syllables, surnameUnits);
  }

  /** The homophones in text that no hit in `taken` overlaps, in order. */
  find(text: string, taken: readonly Hit[]): Hit[] {
    if (!this.mayHold(text)) return [];
    const norm = normalize(text, this.folding, this.scratch);
    const { units, flags } = norm;
    const out: Hit[] = [];
    for (let i = 0; i + 2 < units.length; i++) {
      const names = this.bySurname.get(units[i]!);
      if (!names) continue;
      // A space or a dot inside: not one name. A dot around it: part of a longer one.
      if (flags[i + 1] !== 0 || flags[i + 2] !== 0 || (flags[i]! & DOT_BEFORE) !== 0 || ((flags[i + 3] ?? 0) & DOT_BEFORE) !== 0) continue;
      for (const name of names) {
        if (!this.syllables[name.first]!.has(units[i + 1]!) || !this.syllables[name.second]!.has(units[i + 2]!)) continue;
        const [start, end] = originalSpan(text, norm, i, i + 3);
        const written = text.slice(start, end);
        if (written === name.own || taken.some((hit) => hit.start < end && start < hit.end)) break;
        if (!onWordBoundaries(text, start, end)) break;
        out.push({ start, end, person: name.person, safety: 0, alias: name.alias, shared: true, variant: { written } });
        i += 2;
        break;
      }
    }
    return out;
  }

  /** Whether text has a character that may start a homophone (cheaper than normalizing it). */
  private mayHold(text: string): boolean {
    for (let i = 0; i < text.length; i++) if (this.surnameUnits.has(text.charCodeAt(i))) return true;
    return false;
  }
}
