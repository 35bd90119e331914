/**
 * Page-level rules: which hits become marks, which become "possible"
 * (weaker) marks, and why. Every alias has a class (data/schema.ts,
 * AliasAmbiguity), carried on its hits:
 *
 * 1. unique (a full name, or a surname such as 扎克伯格, only this person
 *    carries): always marked ("full-name"), and establishes the person for
 *    the whole page, in either script.
 * 2. shared (汪滔, Mark Chen, 奥特曼, Altman: other people or common words
 *    carry it too): weighed by evidence, TAGME-style co-mention votes over
 *    the whole page, from a prior of 0:
 *      - the person established by a unique alias → marked ("named-in-full");
 *      - one of their organizations on the page: +2 (EVIDENCE_WEIGHTS);
 *      - other people of the dataset established on the page who share an
 *        organization with them (role or moves, in the data): +1, or +2 for
 *        two or more (a page that names two colleagues of theirs is about
 *        their world, as surely as one that names their company). People
 *        with nothing in common with them do not vote: a talent-war page
 *        that names Zuckerberg and Altman says nothing about a 陈钢 or a
 *        王亮 it also mentions (TAGME weighs votes by relatedness, too);
 *      - another shared alias of theirs on the page (Altman and 奥特曼): +1;
 *      - the page's topic (two or more AI/tech terms): +0.5.
 *    At MARKED_AT or above: marked; at POSSIBLE_AT or above: possible;
 *    below: nothing. The topic alone never reaches "possible": a page about
 *    Nvidia's Blackwell GPUs is an AI page too.
 * 3. partial (surname or given name): counts only for a person established
 *    on the page (by rule 1, or a marked shared alias), as a possible mention
 *    where the person is only a possible match.
 * 4. A span several people's rows share ("Wang", "Mark") goes to the one
 *    person the page establishes, else to the one it possibly does; to
 *    nobody when none or several are. So a page about the badminton player
 *    Wang Zhiyi gets no mark.
 * 5. A near transliteration (穆拉迪 for 穆拉提: index.near, its hits carry
 *    variant.near) is weighed as its alias's class says (as a shared name
 *    when the alias counts alone), but is at most a possible match, even
 *    where the person is named in full; a person the page names only in
 *    near forms is at most possibly there.
 * 6. Known limit: people who share a unique FULL name cannot be told apart
 *    from text. The mention goes to the first of them (alias-row order) and
 *    lists them all in `candidates`, and all of them count as established.
 *
 * The rules are global to a page but the page changes (infinite scroll,
 * SPAs), so {@link PageResolver} keeps the hits per block and re-resolves
 * incrementally: a new full-name mention or a new organization can validate
 * hits in blocks scanned earlier, and removing it can invalidate them. The
 * page's evidence terms are read by the caller (utils/match/evidence.ts) and
 * handed over with setEvidence, only when the page has a shared hit.
 */
import type { AliasIndex } from '../../data/schema';
import type { Hit } from './matcher';
import type { MentionConfidence, MentionExplanation, MentionWhy } from './why';
import { emptyEvidence, type PageEvidence } from './evidence';
import { STANDALONE } from './alias-safety';

export interface Mention extends Hit {
  /** Present when several people share this full name: all of them; `person` is the first. */
  candidates?: number[];
  /** Why this mention names its person, and how sure that is. */
  explanation: MentionExplanation;
}

/** What the resolver knows of the dataset besides the hits: names for explanations, organizations for evidence. */
export interface ResolveContext {
  /** Per person (index): id and English name. */
  people: ReadonlyArray<{ id: string; en: string; zh?: string; orgs?: readonly number[] }>;
  /** Organization ids (index → id). */
  orgs: readonly string[];
}

/** The context an alias index gives. */
export function resolveContextOf(index: AliasIndex): ResolveContext {
  return { people: index.people, orgs: index.evidence?.orgs ?? [] };
}

/** Votes of each kind of evidence for a shared alias (see the header). */
export const EVIDENCE_WEIGHTS = {
  organization: 2,
  onePerson: 1,
  morePeople: 2,
  otherName: 1,
  topic: 0.5,
} as const;
/** Distinct topic terms a page needs before its topic counts. */
export const TOPIC_TERMS_NEEDED = 2;
/** Score at or above which a shared alias is marked, or possibly marked. */
export const MARKED_AT = 2;
export const POSSIBLE_AT = 1;

/** The class of a hit's alias (data/schema.ts AliasAmbiguity). */
export function hitAmbiguity(hit: Pick<Hit, 'safety' | 'shared'>): 'unique' | 'shared' | 'partial' {
  return hit.shared ? 'shared' : hit.safety === STANDALONE ? 'unique' : 'partial';
}

/** Whether a hit may count without another name of its person on the page (the gate's names). */
export function standsAlone(hit: Pick<Hit, 'safety' | 'shared'>): boolean {
  return hit.safety === STANDALONE || hit.shared === true;
}

/** The hits that share one span of one block, one per person. */
interface Span {
  start: number;
  end: number;
  rows: Hit[];
}

/** How the page stands on one person, for their shared and partial hits. */
interface Standing {
  confidence: MentionConfidence;
  why: MentionWhy;
}

/** Groups hits by span, in order of start. */
function spansOf(hits: readonly Hit[]): Span[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || a.end - b.end);
  const spans: Span[] = [];
  for (const hit of sorted) {
    const last = spans[spans.length - 1];
    if (last && last.start === hit.start && last.end === hit.end) last.rows.push(hit);
    else spans.push({ start: hit.start, end: hit.end, rows: [hit] });
  }
  return spans;
}

const FULL_NAME: MentionExplanation = { confidence: 'marked', why: { kind: 'full-name' } };

/**
 * A mention written in another form than the dataset's says so, whatever else established its
 * person. A near transliteration is at most a possible match: one character away from the name,
 * it may as well be someone else's.
 */
function withVariant(mention: Mention, ownName: (person: number) => string): Mention {
  const { variant } = mention;
  if (!variant) return mention;
  if (variant.near !== undefined) {
    const why: MentionWhy = { kind: 'variant', written: variant.written, of: variant.near, near: true };
    return { ...mention, explanation: { confidence: 'possible', why } };
  }
  const why: MentionWhy = { kind: 'variant', written: variant.written, of: ownName(mention.person) };
  return { ...mention, explanation: { confidence: mention.explanation.confidence, why } };
}

function resolveSpan(span: Span, standing: (person: number) => Standing | undefined): Mention | undefined {
  const unique = span.rows.filter((r) => hitAmbiguity(r) === 'unique');
  if (unique.length > 0) {
    const mention: Mention = { ...unique[0]!, explanation: FULL_NAME };
    if (unique.length > 1) mention.candidates = unique.map((r) => r.person);
    return mention;
  }
  for (const confidence of ['marked', 'possible'] as const) {
    const rows = span.rows.filter((r) => standing(r.person)?.confidence === confidence);
    if (rows.length === 1) {
      const { why } = standing(rows[0]!.person)!;
      return { ...rows[0]!, explanation: { confidence, why } };
    }
    if (rows.length > 1) return undefined;
  }
  return undefined;
}

function sameMentions(a: readonly Mention[] | undefined, b: readonly Mention[]): boolean {
  if (!a || a.length !== b.length) return false;
  return a.every((m, i) => {
    const n = b[i]!;
    return (
      m.start === n.start &&
      m.end === n.end &&
      m.person === n.person &&
      m.alias === n.alias &&
      JSON.stringify(m.explanation) === JSON.stringify(n.explanation)
    );
  });
}

function addCount<T>(map: Map<T, number>, key: T, by: number): void {
  const count = (map.get(key) ?? 0) + by;
  if (count > 0) map.set(key, count);
  else map.delete(key);
}

/** Adds (by 1) or removes (by -1) one block's aliases per person to a page's counts. */
function countAliases(counts: Map<number, Map<number, number>>, block: ReadonlyMap<number, ReadonlySet<number>>, by: number): void {
  for (const [person, aliases] of block) {
    let perAlias = counts.get(person);
    if (!perAlias) counts.set(person, (perAlias = new Map()));
    for (const alias of aliases) addCount(perAlias, alias, by);
    if (perAlias.size === 0) counts.delete(person);
  }
}

/**
 * Resolves a page's hits incrementally. Keys identify blocks (a TextBlock,
 * an element, a number: anything usable as a Map key).
 *
 * Usage: `set` each scanned block, `delete` the ones gone from the page,
 * `setEvidence` when {@link needsEvidence}, then `flush` (or iterate
 * `changes`) to get the blocks whose marks must be (re)drawn.
 */
export class PageResolver<K> {
  private readonly blocks = new Map<K, Span[]>();
  /** person → number of blocks that name them by a unique alias. */
  private readonly fullBlocks = new Map<number, number>();
  /** person → shared alias id → number of blocks with it. */
  private readonly sharedAliases = new Map<number, Map<number, number>>();
  /** The same for near transliterations of names that count alone (by the alias they are near to). */
  private readonly nearAliases = new Map<number, Map<number, number>>();
  /** person → blocks with a shared, surname or given-name hit that could be theirs. */
  private readonly partialBlocks = new Map<number, Set<K>>();
  private readonly resolvedBlocks = new Map<K, Mention[]>();
  private readonly dirty = new Set<K>();
  /** How the page stood on each person at the last flush (only people with shared or partial hits). */
  private standingAtFlush = new Map<number, string>();
  private evidence: PageEvidence = emptyEvidence();

  constructor(private readonly context?: ResolveContext) {}

  /** Replaces the hits of one block (all of them: a block is always rescanned whole). */
  set(key: K, hits: readonly Hit[]): void {
    this.forget(key);
    const spans = spansOf(hits);
    this.blocks.set(key, spans);
    this.count(key, spans, 1);
    this.dirty.add(key);
  }

  /** Removes a block that left the page. */
  delete(key: K): void {
    if (this.blocks.has(key)) {
      this.forget(key);
      this.dirty.add(key);
    }
  }

  /** Whether the page has a shared hit, whose standing depends on the page's evidence terms. */
  get needsEvidence(): boolean {
    return this.sharedAliases.size > 0 || this.nearAliases.size > 0;
  }

  /** The organizations and topic terms on the page as it is now (read by the caller, utils/match/evidence.ts). */
  setEvidence(evidence: PageEvidence): void {
    this.evidence = evidence;
  }

  /** Whether the page, as last set, names a person by a unique alias. */
  namesInFull(person: number): boolean {
    return (this.fullBlocks.get(person) ?? 0) > 0;
  }

  /**
   * Applies every change since the last flush. Returns the blocks whose
   * mentions must be redrawn: every block set or deleted since (a deleted
   * block maps to []), and every other block whose mentions changed because
   * the page's standing on someone changed.
   */
  flush(): Map<K, Mention[]> {
    return new Map(this.changes());
  }

  /**
   * {@link flush}, one block at a time: each block's mentions are resolved when the iteration
   * reaches it, so a caller can give the thread back between blocks (a full scan of a long page
   * sets thousands of blocks, and resolving them all at once is one long task). The page's
   * standings are taken when the iteration starts; set or delete blocks only after it ends.
   */
  *changes(): Generator<[K, Mention[]]> {
    const standings = this.standings();
    const dirty = [...this.dirty];
    this.dirty.clear();
    const touched = new Set<K>();
    const keys = new Set([...standings.keys(), ...this.standingAtFlush.keys()]);
    const signatures = new Map<number, string>();
    for (const person of keys) {
      const signature = JSON.stringify(standings.get(person) ?? null);
      signatures.set(person, signature);
      if (signature === this.standingAtFlush.get(person)) continue;
      for (const key of this.partialBlocks.get(person) ?? []) touched.add(key);
    }
    this.standingAtFlush = signatures;
    for (const key of dirty) touched.delete(key);

    const standing = (person: number) => standings.get(person);
    for (const key of dirty) {
      const mentions = this.resolveBlock(key, standing);
      if (this.blocks.has(key)) this.resolvedBlocks.set(key, mentions);
      else this.resolvedBlocks.delete(key);
      yield [key, mentions];
    }
    for (const key of touched) {
      const mentions = this.resolveBlock(key, standing);
      if (sameMentions(this.resolvedBlocks.get(key), mentions)) continue;
      this.resolvedBlocks.set(key, mentions);
      yield [key, mentions];
    }
  }

  /** The mentions of one block as of the last flush. */
  mentions(key: K): Mention[] {
    return this.resolvedBlocks.get(key) ?? [];
  }

  /** Every block with mentions as of the last flush, in insertion order. */
  all(): Map<K, Mention[]> {
    const out = new Map<K, Mention[]>();
    for (const [key, mentions] of this.resolvedBlocks) if (mentions.length > 0) out.set(key, mentions);
    return out;
  }

  /** How the page stands on every person with a shared or partial hit. */
  private standings(): Map<number, Standing> {
    const named = new Set<number>();
    for (const [person, count] of this.fullBlocks) if (count > 0) named.add(person);
    const out = new Map<number, Standing>();
    for (const person of this.partialBlocks.keys()) {
      if (named.has(person)) out.set(person, { confidence: 'marked', why: { kind: 'named-in-full', fullName: this.nameOf(person) } });
    }
    // Shared names first: a person marked by one establishes them for their surnames too.
    for (const [person, aliases] of this.sharedAliases) {
      if (named.has(person)) continue;
      const standing = this.weigh(person, aliases.size, named);
      if (standing) out.set(person, standing);
    }
    // A person the page names only in near forms is at most possibly there, whatever the evidence.
    for (const person of this.nearAliases.keys()) {
      if (named.has(person) || this.sharedAliases.has(person)) continue;
      const standing = this.weigh(person, 1, named);
      if (standing) out.set(person, { ...standing, confidence: 'possible' });
    }
    return out;
  }

  /** The votes for a person not named by a unique alias, from their shared aliases and the page's evidence. */
  private weigh(person: number, sharedAliasCount: number, named: ReadonlySet<number>): Standing | undefined {
    const orgs = (this.context?.people[person]?.orgs ?? []).filter((org) => this.evidence.organizations.has(org));
    const people = [...named].filter((other) => other !== person && this.related(person, other));
    let score = 0;
    if (orgs.length > 0) score += EVIDENCE_WEIGHTS.organization;
    if (people.length === 1) score += EVIDENCE_WEIGHTS.onePerson;
    else if (people.length > 1) score += EVIDENCE_WEIGHTS.morePeople;
    if (sharedAliasCount > 1) score += EVIDENCE_WEIGHTS.otherName;
    if (this.evidence.topics.size >= TOPIC_TERMS_NEEDED) score += EVIDENCE_WEIGHTS.topic;
    const confidence: MentionConfidence | null = score >= MARKED_AT ? 'marked' : score >= POSSIBLE_AT ? 'possible' : null;
    if (!confidence) return undefined;
    const why: MentionWhy = {
      kind: 'context',
      organizations: orgs.map((org) => this.context?.orgs[org] ?? String(org)),
      people: people.map((other) => this.idOf(other)),
    };
    return { confidence, why };
  }

  /** Whether two people share an organization in the data (their role's or a move's). */
  private related(a: number, b: number): boolean {
    const theirs = this.context?.people[b]?.orgs ?? [];
    return (this.context?.people[a]?.orgs ?? []).some((org) => theirs.includes(org));
  }

  /** The name a variant form is a variant of: the Chinese one where the person has it. */
  private ownNameOf(person: number): string {
    const entry = this.context?.people[person];
    return entry?.zh ?? entry?.en ?? String(person);
  }

  private nameOf(person: number): string {
    return this.context?.people[person]?.en ?? String(person);
  }

  private idOf(person: number): string {
    return this.context?.people[person]?.id ?? String(person);
  }

  private resolveBlock(key: K, standing: (person: number) => Standing | undefined): Mention[] {
    const spans = this.blocks.get(key);
    if (!spans) return [];
    const mentions: Mention[] = [];
    for (const span of spans) {
      const mention = resolveSpan(span, standing);
      if (mention) mentions.push(withVariant(mention, (person) => this.ownNameOf(person)));
    }
    return mentions;
  }

  /** Adds (by 1) or removes (by -1) one block's spans to the page's counts. */
  private count(key: K, spans: readonly Span[], by: 1 | -1): void {
    const full = new Set<number>();
    const shared = new Map<number, Set<number>>();
    const near = new Map<number, Set<number>>();
    for (const span of spans) {
      for (const row of span.rows) {
        const ambiguity = hitAmbiguity(row);
        if (ambiguity === 'unique') {
          full.add(row.person);
          continue;
        }
        if (ambiguity === 'shared') {
          const into = row.variant?.near !== undefined ? near : shared;
          let aliases = into.get(row.person);
          if (!aliases) into.set(row.person, (aliases = new Set()));
          aliases.add(row.alias);
        }
        let keys = this.partialBlocks.get(row.person);
        if (by === 1) {
          if (!keys) this.partialBlocks.set(row.person, (keys = new Set()));
          keys.add(key);
        } else if (keys) {
          keys.delete(key);
          if (keys.size === 0) this.partialBlocks.delete(row.person);
        }
      }
    }
    for (const person of full) addCount(this.fullBlocks, person, by);
    countAliases(this.sharedAliases, shared, by);
    countAliases(this.nearAliases, near, by);
  }

  private forget(key: K): void {
    const spans = this.blocks.get(key);
    if (!spans) return;
    this.blocks.delete(key);
    this.count(key, spans, -1);
  }
}

/** A hit with the index of its block, for one-shot resolution. */
export type BlockHit = Hit & { block: number };

/**
 * Resolves one page's hits at once (the CLI and tests); mentions come in order of block, then start.
 * `evidence`: the page's evidence terms (needed only for shared hits; see PageResolver.setEvidence).
 */
export function resolveMentions(
  hits: readonly BlockHit[],
  context?: ResolveContext,
  evidence?: PageEvidence,
): Array<Mention & { block: number }> {
  const byBlock = new Map<number, Hit[]>();
  for (const hit of hits) {
    let list = byBlock.get(hit.block);
    if (!list) byBlock.set(hit.block, (list = []));
    list.push(hit);
  }
  const resolver = new PageResolver<number>(context);
  for (const [block, list] of byBlock) resolver.set(block, list);
  if (evidence) resolver.setEvidence(evidence);
  resolver.flush();
  const out: Array<Mention & { block: number }> = [];
  for (const block of [...byBlock.keys()].sort((a, b) => a - b)) {
    for (const mention of resolver.mentions(block)) out.push({ ...mention, block });
  }
  return out;
}
