/**
 * The evidence a page offers for shared names (data/evidence.json, organizations.json): which of
 * the dataset's organizations it names, and how many of its topic terms it uses. Pure; the page
 * layer feeds it the page's text only once a shared name turned up, so a page without one never
 * pays for it.
 *
 * Terms are searched like aliases (same folding: case, diacritics, Traditional → Simplified,
 * fullwidth), with the Latin word rule: "AI" is not found in "said", "Meta" not in "Metallica".
 */
import type { AliasIndex } from '../../data/schema';
import { Automaton } from './automaton';
import { searchedForm } from './matcher';
import { C_WORD, charClass, classAt, classBefore, normalize, NormalizeScratch, type Folding } from './normalize';

/** What one page says, accumulated over its texts. */
export interface PageEvidence {
  /** Indices into AliasIndex.evidence.orgs. */
  organizations: Set<number>;
  /** Indices of the distinct topic terms found (into the index's term list). */
  topics: Set<number>;
}

export function emptyEvidence(): PageEvidence {
  return { organizations: new Set(), topics: new Set() };
}

export class EvidenceScanner {
  private readonly scratch = new NormalizeScratch();

  private constructor(
    private readonly folding: Folding,
    private readonly automaton: Automaton,
    /** Per pattern: the organization index, or -1 for a topic term; and whether each end is a Latin letter. */
    private readonly orgOf: Int32Array,
    private readonly latinFirst: Uint8Array,
    private readonly latinLast: Uint8Array,
  ) {}

  /** The scanner for an index's evidence terms, or null when the index has none. */
  static build(index: AliasIndex, folding: Folding): EvidenceScanner | null {
    const terms = index.evidence?.terms ?? [];
    if (terms.length === 0) return null;
    const forms: string[] = [];
    const orgs: number[] = [];
    const seen = new Map<string, number>();
    for (const [text, org] of terms) {
      const form = searchedForm(text, folding);
      if (form === null || seen.has(form)) continue;
      seen.set(form, forms.length);
      forms.push(form);
      orgs.push(org);
    }
    const first = new Uint8Array(forms.length);
    const last = new Uint8Array(forms.length);
    forms.forEach((form, i) => {
      first[i] = charClass(form.codePointAt(0)!) === C_WORD ? 1 : 0;
      last[i] = charClass(form.codePointAt(form.length - 1)!) === C_WORD ? 1 : 0;
    });
    return new EvidenceScanner(folding, Automaton.build(forms), Int32Array.from(orgs), first, last);
  }

  /** Adds what text says to `into`. */
  collect(text: string, into: PageEvidence): void {
    if (text.length === 0) return;
    const { units } = normalize(text, this.folding, this.scratch);
    this.automaton.scan(units, (id, e) => {
      const s = e - this.automaton.patternLength(id);
      if (this.latinFirst[id] && classBefore(units, s) === C_WORD) return;
      if (this.latinLast[id] && classAt(units, e) === C_WORD) return;
      const org = this.orgOf[id]!;
      if (org >= 0) into.organizations.add(org);
      else into.topics.add(id);
    });
  }
}
