/**
 * Finds the aliases of an alias index in a text: normalize (normalize.ts),
 * find every occurrence (automaton.ts), drop the ones that break a boundary
 * rule, keep the leftmost-longest, and map them back to the original text.
 *
 * Boundary rules, applied to each end of an occurrence according to the
 * alias character at that end:
 *
 * Latin (any non-Han letter or digit): the neighbouring character must not be
 * a letter, digit or combining mark of a non-Han script, so "Chen" is not
 * found in "Chenille", "Wang" in "Wangari", "Sam" in "Samsung" or "Altman" in
 * "Altmann". Han characters, punctuation, spaces and apostrophes are
 * boundaries ("Altman's", "Altman,", "（Altman）", "OpenAI的Altman").
 *
 * Han (Chinese has no spaces, so only a conservative rule is possible):
 * 1. Never inside a longer transliterated name: an occurrence whose
 *    neighbour on either side is a Han character joined by a middle dot
 *    (奥特曼 in 某·奥特曼, 萨姆 in 萨姆·某) is rejected, unless a longer
 *    alias covers it (萨姆·奥尔特曼 is found whole).
 * 2. A surname or given-name alias (safety 1) of at most two Han
 *    characters is only found when each neighbour is not Han (start or end
 *    of text, punctuation, space, Latin) or is a known particle: before it
 *    one of {@link HAN_BEFORE} (和 与 对 据 …), after it one of
 *    {@link HAN_AFTER} (先生 女士 表示 说 称 认为 的 在 …). So 晟佳 is found
 *    in "晟佳表示" and "，晟佳，" but not in "王晟佳明". Full names
 *    (safety 0) and longer aliases only obey rule 1. The dataset has no
 *    single-character aliases.
 *
 * Latin surnames and given names (safety 1) next to another name: when the
 * word right before or after (one space away) is capitalized like a name
 * and is not a common English word, title or date ({@link NOT_NAMES}), the
 * surname belongs to someone else's full name: "Wang" in "Wang Zhiyi" or
 * "Zhiyi Wang" is not Alexandr Wang, even on a page that names him. The
 * cost: a surname in a Title Case headline ("Altman Unveils …") is missed;
 * the same page names the person elsewhere anyway, or the surname would not
 * count. Likewise a surname after "a", "an", "every", "another", "any",
 * "no" or "each" is a generic use ("not every Chen works in AI").
 *
 * Chinese word boundaries (word-boundary.ts): a Han occurrence whose rows
 * are not all unique names must start and end where Intl.Segmenter puts a
 * word boundary, so 王亮 is not found in 新机皇王亮相 nor 陈钢 in 陈钢铁.
 * Only the occurrence's edges are checked, in a small window; unique names
 * skip the check (扎克伯格 counts wherever it is written).
 *
 * Selection is leftmost-longest and non-overlapping among the occurrences
 * that pass their boundary rules, so "Sam Altman" wins over "Altman" and a
 * rejected long occurrence never hides a valid short one.
 */
import type { AliasIndex, AliasSafety } from '../../data/schema';
import { onWordBoundaries, useParticles } from './word-boundary';
import { HomophoneFinder, homophonePrefixes } from './homophones';
import { Automaton } from './automaton';
import { KEPT_UNIT, Prefilter, streamPatterns, type StreamPatterns } from './prefilter';
import {
  C_HAN,
  C_WORD,
  DOT_BEFORE,
  charClass,
  classAt,
  classBefore,
  createFolding,
  normalize,
  normalizeAlias,
  NormalizeScratch,
  originalSpan,
  type Folding,
  type Normalized,
} from './normalize';
import { PARTIAL, STANDALONE } from './alias-safety';

/** One alias found in a text. */
export interface Hit {
  /** Offset of the first code unit in the original text. */
  start: number;
  /** Offset after the last code unit in the original text (exclusive). */
  end: number;
  /** Index into index.people. */
  person: number;
  safety: AliasSafety;
  /** Index into index.aliases (the first row for this person and surface). */
  alias: number;
  /** The alias is of the `shared` class (others carry it too): it counts only with evidence. */
  shared?: true;
  /**
   * Found as another written form of the alias, as written on the page: a homophone
   * (utils/match/homophones.ts), or a near transliteration (index.near), which also says the
   * dataset's form it is close to (`near`).
   */
  variant?: { written: string; near?: string };
}

export interface Matcher {
  /**
   * Every alias occurrence in text, in order; occurrences shared by several
   * people give one hit per person. `candidates` are the prefilter's
   * candidate ends for this text, when the caller has them already (the page
   * walk streams text through the prefilter); without them the matcher runs
   * the prefilter itself. Either way only the text around candidates is
   * searched.
   */
  scan(text: string, candidates?: readonly number[]): Hit[];
  readonly folding: Folding;
  readonly prefilter: Prefilter;
}

export interface MatcherOptions {
  /**
   * The prefilter to use, when the caller built it first ({@link createPrefilter}:
   * the page streams text through it and builds the matcher only once a
   * candidate turns up). false: search every text whole, without a
   * prefilter: the reference the tests hold the prefiltered search to.
   */
  prefilter?: Prefilter | false;
  /**
   * Search only around candidates even where they are dense (by default a
   * text with candidates every few characters is searched whole, which is
   * faster and gives the same hits). For tests of the piecewise search.
   */
  alwaysPiecewise?: boolean;
  /**
   * The index's tables, built elsewhere ({@link matcherTablesOf}) for this very index (the caller
   * checks): the matcher revives its patterns from them instead of building them.
   */
  tables?: MatcherTables;
}

/** Han particles that may directly precede a short surname/given-name alias. */
export const HAN_BEFORE = '和与與及同跟对對向让讓被由据據把给給是称稱说說问問找请請叫像如连連但而为為的前';
/** Han words that may directly follow a short surname/given-name alias. */
export const HAN_AFTER = [
  ...'说說称稱的在和与與也曾将將已对對是等都还還则則就又并並被把向从從于於道'.split(''),
  '先生',
  '女士',
  '博士',
  '教授',
  '老师',
  '老師',
  '表示',
  '认为',
  '認為',
  '告诉',
  '告訴',
  '指出',
  '写道',
  '寫道',
  '透露',
  '强调',
  '強調',
  '坦言',
  '回应',
  '回應',
  '提到',
  '谈到',
  '談到',
  '介绍',
  '介紹',
  '解释',
  '解釋',
];

/** One person an alias pattern stands for. */
interface Row {
  person: number;
  safety: AliasSafety;
  alias: number;
  shared: boolean;
  /** A near transliteration of alias `alias` (index.near): its text, the dataset's form. */
  near?: string;
}

/** Rows of one person and surface merge into the most confident: unique, then shared full names, then the rest. */
function rowRank(safety: AliasSafety, shared: boolean): number {
  return safety * 2 + (shared ? 1 : 0);
}

interface Pattern {
  rows: Row[];
  /** Class of the first and last code point (C_WORD / C_HAN checks apply). */
  first: number;
  last: number;
  /** A Han alias of at most two characters: rule 2 applies to its safety-1 rows. */
  short: boolean;
  /** Whether some rows are full names (safety 0) / surnames or given names (safety 1). */
  full: boolean;
  partial: boolean;
  /** Han at an end and some rows not unique: the occurrence's edges must be word boundaries. */
  wordEdges: boolean;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** An alias as the matcher searches for it, or null for one that would only mark noise (spaces, punctuation). */
export function searchedForm(alias: string, folding: Folding): string | null {
  const norm = normalizeAlias(alias, folding);
  return LETTER_OR_DIGIT.test(norm) ? norm : null;
}

/** The prefilter for an alias index: cheaper to build than the matcher, and enough to tell that a page names nobody. */
export function createPrefilter(index: AliasIndex): Prefilter {
  return prefilterWith(index, createFolding(index.t2s));
}

/** The prefilter for an index and its folding, from the patterns the data build wrote when there are any. */
function prefilterWith(index: AliasIndex, folding: Folding): Prefilter {
  const aliases = index.stream ?? streamPatternsOf(index, folding);
  const homophones = homophoneStream(index, folding);
  const near = nearStream(index, folding);
  return Prefilter.build(folding, {
    patterns: [...aliases.patterns, ...homophones.patterns, ...near.patterns],
    cores: [...aliases.cores, ...homophones.cores, ...near.cores],
  });
}

/**
 * The patterns of near transliterations (index.near), made at start rather than shipped in
 * index.stream: the index then holds each form once. A form counts for the page gate as the name
 * it is near to does.
 */
function nearStream(index: AliasIndex, folding: Folding): StreamPatterns {
  const forms = new Set<string>();
  const alone = new Set<string>();
  index.near?.forEach(([text, alias], i) => {
    const form = nearFormOf(index, i, text, folding);
    const base = index.aliases[alias];
    if (form === null || !base) return;
    forms.add(form);
    if (base[2] === STANDALONE || base[3] === 1) alone.add(form);
  });
  return streamPatterns([...forms], alone);
}

/**
 * The patterns of homophones' starts: a surname and a character of the first given syllable
 * (utils/match/homophones.ts). They make the page and the block worth a look, and count for the
 * page gate as full names do. Made at start, not shipped: they are many, and the table has them.
 */
function homophoneStream(index: AliasIndex, folding: Folding): StreamPatterns {
  const forms = new Set<string>();
  for (const prefix of homophonePrefixes(index)) {
    const form = searchedForm(prefix, folding);
    if (form !== null) forms.add(form);
  }
  return streamPatterns([...forms], forms);
}

/** The prefilter's patterns for an index's aliases (the data build writes them as index.stream; homophones' and near forms' come on top). */
export function streamPatternsOf(index: AliasIndex, folding: Folding): StreamPatterns {
  const forms = new Set<string>();
  const fullNames = new Set<string>();
  index.aliases.forEach(([text, , safety, shared], i) => {
    const form = formOf(index, i, text, folding);
    if (form === null) return;
    forms.add(form);
    // The gate's names: every alias that may count without another name of its person on the page.
    if (safety === STANDALONE || shared === 1) fullNames.add(form);
  });
  return streamPatterns([...forms], fullNames);
}

/**
 * The index as the data build writes it: with each alias's searched form and
 * the sieve's patterns, which a page would otherwise compute from the
 * aliases at start (AliasIndex.forms and .stream). Used by the data build and
 * by the benchmark's synthetic index, so both are measured as they would ship.
 */
export function withSearchedForms(index: AliasIndex): AliasIndex {
  const folding = createFolding(index.t2s);
  const forms = index.aliases.map(([text]) => searchedForm(text, folding) ?? '');
  const withForms: AliasIndex = { ...index, forms };
  if (index.near) withForms.nearForms = index.near.map(([text]) => searchedForm(text, folding) ?? '');
  return { ...withForms, stream: streamPatternsOf(withForms, folding) };
}

/** The searched form of near form i (index.near): from the index when the data build wrote it, else computed. */
function nearFormOf(index: AliasIndex, i: number, text: string, folding: Folding): string | null {
  const written = index.nearForms?.[i];
  if (written === undefined) return searchedForm(text, folding);
  return written === '' ? null : written;
}

/** The searched form of alias i: from the index when the data build wrote it, else computed. */
function formOf(index: AliasIndex, i: number, text: string, folding: Folding): string | null {
  const written = index.forms?.[i];
  if (written === undefined) return searchedForm(text, folding);
  return written === '' ? null : written;
}

/** The matcher's patterns: one per searched form, with the people it stands for (its rows). */
interface PatternTable {
  patterns: Pattern[];
  /** texts[id]: pattern id's searched form, what the automaton finds. */
  texts: string[];
}

function patternTableOf(index: AliasIndex, folding: Folding): PatternTable {
  const ids = new Map<string, number>();
  const patterns: Pattern[] = [];
  const texts: string[] = [];
  const addRow = (norm: string, row: Row) => {
    const { person } = row;
    let id = ids.get(norm);
    if (id === undefined) {
      id = patterns.length;
      ids.set(norm, id);
      texts.push(norm);
      const units = unitsOf(norm);
      const chars = Array.from(norm);
      patterns.push({
        rows: [],
        first: classAt(units, 0),
        last: classBefore(units, units.length),
        short: chars.length <= 2 && chars.every((ch) => charClass(ch.codePointAt(0)!) === C_HAN),
        full: false,
        partial: false,
        wordEdges: false,
      });
    }
    const rows = patterns[id]!.rows;
    // One row per person and surface: the safest kind wins (Hans and Hant rows often normalize alike),
    // and an alias always over a near form.
    const same = rows.find((r) => r.person === person);
    if (!same) rows.push(row);
    else if (row.near === undefined && (same.near !== undefined || rowRank(row.safety, row.shared) < rowRank(same.safety, same.shared))) {
      Object.assign(same, row);
      delete same.near;
    }
  };
  index.aliases.forEach(([text, person, safety, sharedFlag], alias) => {
    const norm = formOf(index, alias, text, folding);
    if (norm !== null) addRow(norm, { person, safety, alias, shared: sharedFlag === 1 });
  });
  // A near form of a name that counts alone needs evidence as a shared name does; one of a surname stays partial.
  index.near?.forEach(([text, alias], i) => {
    const norm = nearFormOf(index, i, text, folding);
    const base = index.aliases[alias];
    if (norm === null || !base) return;
    const [own, person, safety, sharedFlag] = base;
    addRow(norm, { person, safety, alias, shared: safety === STANDALONE || sharedFlag === 1, near: own });
  });
  for (const p of patterns) summarizeRows(p);
  return { patterns, texts };
}

/** The flags a pattern's rows decide, set once its rows are complete. */
function summarizeRows(p: Pattern): void {
  p.full = p.rows.some((r) => r.safety === STANDALONE);
  p.partial = p.rows.some((r) => r.safety === PARTIAL);
  p.wordEdges = (p.first === C_HAN || p.last === C_HAN) && p.rows.some((r) => !isUnique(r));
}

/**
 * What building a matcher and a sieve for an alias index costs most to compute, as plain
 * JSON-safe data (strings and numbers): computed once where it is cheap to (the background, once
 * per change of the reader's people) and handed to every page, which then only revives it
 * ({@link createMatcher}'s `tables`, and `stream` as the index's AliasIndex.stream). The automata
 * themselves are not in it: they are typed arrays several times the size of their patterns, which
 * every frame of every tab would receive on each change, and they build from the patterns quickly.
 */
export interface MatcherTables {
  /** The sieve's patterns of the index's aliases (AliasIndex.stream). */
  stream: StreamPatterns;
  /** The searched form of each pattern, by pattern id. */
  texts: string[];
  /** Per pattern: first class | last class << 2 | short << 4 (classes are 1–3). */
  shapes: number[];
  /** Flat quintuples per row, grouped by pattern in order: pattern id, person, safety, alias, shared (0/1). */
  rows: number[];
  /** The near rows: [index of the row in `rows` (quintuple number), the dataset's form it is near to]. */
  near: Array<[row: number, own: string]>;
}

const SHAPE_BITS = 2;

/**
 * A short digest of everything in an index that tables built over it depend on (FNV-1a over its
 * aliases, searched forms, near forms, homophones, people count and folding table): tables built
 * with another version's bundled index are not used. Cheap for the bundled index (about 30 kB).
 */
export function indexFingerprint(index: AliasIndex): string {
  const text = JSON.stringify([index.people.length, index.aliases, index.forms, index.near, index.nearForms, index.homophones, index.t2s]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}:${(hash >>> 0).toString(36)}`;
}

/** The tables of an index (see {@link MatcherTables}). */
export function matcherTablesOf(index: AliasIndex): MatcherTables {
  const folding = createFolding(index.t2s);
  const { patterns, texts } = patternTableOf(index, folding);
  const tables: MatcherTables = {
    stream: index.stream ?? streamPatternsOf(index, folding),
    texts,
    shapes: patterns.map((p) => p.first | (p.last << SHAPE_BITS) | (p.short ? 1 << (2 * SHAPE_BITS) : 0)),
    rows: [],
    near: [],
  };
  patterns.forEach((p, id) => {
    for (const row of p.rows) {
      if (row.near !== undefined) tables.near.push([tables.rows.length / 5, row.near]);
      tables.rows.push(id, row.person, row.safety, row.alias, row.shared ? 1 : 0);
    }
  });
  return tables;
}

/** The pattern table from tables built elsewhere, exactly as {@link patternTableOf} would build it. */
function patternTableFrom(tables: MatcherTables): PatternTable {
  const mask = (1 << SHAPE_BITS) - 1;
  const patterns = tables.shapes.map((shape): Pattern => ({
    rows: [],
    first: shape & mask,
    last: (shape >> SHAPE_BITS) & mask,
    short: shape >> (2 * SHAPE_BITS) !== 0,
    full: false,
    partial: false,
    wordEdges: false,
  }));
  const near = new Map(tables.near);
  const { rows } = tables;
  for (let k = 0; k < rows.length; k += 5) {
    const row: Row = { person: rows[k + 1]!, safety: rows[k + 2] as AliasSafety, alias: rows[k + 3]!, shared: rows[k + 4] === 1 };
    const own = near.get(k / 5);
    if (own !== undefined) row.near = own;
    patterns[rows[k]!]!.rows.push(row);
  }
  for (const p of patterns) summarizeRows(p);
  return { patterns, texts: tables.texts };
}

export function createMatcher(index: AliasIndex, options: MatcherOptions = {}): Matcher {
  const folding = options.prefilter ? options.prefilter.folding : createFolding(index.t2s);
  const { patterns, texts } = options.tables ? patternTableFrom(options.tables) : patternTableOf(index, folding);
  useParticles(HAN_BEFORE, HAN_AFTER);
  const automaton = Automaton.build(texts);
  const prefilter = (options.prefilter || prefilterWith(index, folding)).prepare();
  const longest = texts.reduce((max, t) => Math.max(max, t.length), 0);
  const scratch = new NormalizeScratch();
  const search: Search = { folding, automaton, patterns, scratch, longest, denseAt: options.alwaysPiecewise ? Infinity : 2 * longest + 48 };
  const usePrefilter = options.prefilter !== false;

  const homophones = HomophoneFinder.build(index, folding);
  /** The aliases' hits, and the homophones of names where no alias is (only in a text with candidates: their prefixes are some). */
  const withHomophones = (text: string, hits: Hit[]): Hit[] => {
    if (!homophones) return hits;
    const more = homophones.find(text, hits);
    return more.length === 0 ? hits : [...hits, ...more].sort((a, b) => a.start - b.start);
  };

  return {
    folding,
    prefilter,
    scan: (text, candidates) => {
      if (!usePrefilter) return withHomophones(text, scan(text, search, null, prefilter));
      // Dense candidates mean a whole search: the sieve may stop counting there.
      const ends =
        candidates ??
        prefilter.candidates(text, search.denseAt === Infinity ? Infinity : Math.max(1, Math.ceil(text.length / search.denseAt)));
      if (ends === null) return withHomophones(text, scan(text, search, null, prefilter));
      return ends.length === 0 ? [] : withHomophones(text, scan(text, search, ends, prefilter));
    },
  };
}

/** What a search needs, built once per alias index. */
interface Search {
  folding: Folding;
  automaton: Automaton;
  patterns: Pattern[];
  scratch: NormalizeScratch;
  /** The longest normalized alias, in code units. */
  longest: number;
  /** One candidate per this many characters or more: the text is searched whole. */
  denseAt: number;
}

const hanAfter = new Set(HAN_AFTER);

/** A row that counts wherever it is found: a unique full name or unique surname. */
function isUnique(row: Row): boolean {
  return row.safety === STANDALONE && !row.shared;
}

/** Whether a short safety-1 Han alias at [s, e) has acceptable neighbours (rule 2). */
function shortHanAllowed(norm: Normalized, s: number, e: number): boolean {
  const { units, flags } = norm;
  // flags !== 0: a space between two Han characters was dropped there, which separates them.
  const leftOk = flags[s] !== 0 || classBefore(units, s) !== C_HAN || HAN_BEFORE.includes(String.fromCharCode(units[s - 1]!));
  if (!leftOk) return false;
  if (flags[e] !== 0 || classAt(units, e) !== C_HAN) return true;
  const one = String.fromCharCode(units[e]!);
  return hanAfter.has(one) || hanAfter.has(one + String.fromCharCode(units[e + 1] ?? 0));
}

function unitsOf(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

/** Capitalized words that may stand next to a Latin surname without being part of another name (lowercase). */
export const NOT_NAMES = new Set(
  `a an the and or but nor so yet if when while as after before since because though although once until unlike
  like with without by from for of to in on at into about against between among over under says said tells told
  asks asked adds added writes wrote thinks believes agrees is was has had will would could should can may might
  did does do who whose which that this these those here there why how what where meanwhile however still also even
  only then now today tonight yesterday tomorrow last next mr mrs ms miss dr prof professor president vice ceo cto
  chief officer founder cofounder director chairman chairwoman chair senator scientist researcher engineer head
  lead executive minister secretary judge reporter author investor partner monday tuesday wednesday thursday
  friday saturday sunday january february march april june july august september october november december`.split(/\s+/),
);

const NAME_LIKE = /^\p{Lu}\p{Ll}+$/u;
const WORD_AFTER = /^[ \u00a0](\p{L}+)/u;
const WORD_BEFORE = /(\p{L}+)[ \u00a0]$/u;

/** Words that make the following surname generic ("every Chen"). */
const GENERIC_BEFORE = new Set(['a', 'an', 'every', 'another', 'any', 'no', 'each']);

function nameLike(word: string | undefined): boolean {
  return word !== undefined && NAME_LIKE.test(word) && !NOT_NAMES.has(word.toLowerCase());
}

/**
 * Whether the safety-1 rows of p may count at [s, e) of norm (rule 2 for short
 * Han aliases, the next-to-a-name rule for Latin). norm is the normalization
 * of text[offset, …); the Latin rule reads the words around the occurrence in
 * text itself.
 */
function partialAllowed(text: string, norm: Normalized, offset: number, p: Pattern, s: number, e: number): boolean {
  if (p.short) return shortHanAllowed(norm, s, e);
  if (p.first !== C_WORD && p.last !== C_WORD) return true;
  const start = offset + norm.map[s]!;
  const end = offset + norm.map[e - 1]! + 1;
  if (p.last === C_WORD && nameLike(WORD_AFTER.exec(text.slice(end, end + 40))?.[1])) return false;
  if (p.first !== C_WORD) return true;
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - 40), start))?.[1];
  return !nameLike(before) && !(before !== undefined && GENERIC_BEFORE.has(before.toLowerCase()));
}

/** Whether the occurrence [s, e) of p passes the boundary rules that apply to all its rows. */
function boundaryOk(norm: Normalized, p: Pattern, s: number, e: number): boolean {
  const { units, flags } = norm;
  if (p.first === C_WORD && classBefore(units, s) === C_WORD) return false;
  if (p.last === C_WORD && classAt(units, e) === C_WORD) return false;
  // Rule 1: a dot dropped between this alias and a Han neighbour joins them into one name.
  if (p.first === C_HAN && flags[s]! & DOT_BEFORE) return false;
  if (p.last === C_HAN && flags[e]! & DOT_BEFORE) return false;
  return true;
}

/**
 * The pieces of text to search around the prefilter's candidate ends, as
 * flat quadruples (from, to, ownFrom, ownTo) of original offsets, merged where
 * they overlap (a merged piece keeps each candidate's own span).
 *
 * An occurrence the prefilter saw ends at its candidate, or before the run of
 * spaces, dots and dropped units that leads up to it (a word edge is seen at
 * the next unit), and holds at most `longest` units that the prefilter keeps.
 * So it lies in the own span: from the (longest + 1)-th kept unit before the
 * candidate to the end of the run after it. The piece adds what the boundary
 * rules look at on each side (the neighbouring characters, across a run of
 * spaces or dots) so that normalizing the piece gives the same units, flags
 * and verdicts there as normalizing the whole text would.
 */
function piecesAround(text: string, ends: readonly number[], longest: number, prefilter: Prefilter): number[] {
  const out: number[] = [];
  const n = text.length;
  for (const end of ends) {
    // Back over longest + 1 kept units: the own span starts at the last one.
    let i = Math.min(end, n);
    for (let kept = 0; i > 0 && kept <= longest;) if (prefilter.kindOf(text.charCodeAt(--i)) === KEPT_UNIT) kept++;
    const ownFrom = i;
    // Context before: two more kept units (the runs between them included), and a surrogate's other half.
    for (let kept = 0; i > 0 && kept < 2;) if (prefilter.kindOf(text.charCodeAt(--i)) === KEPT_UNIT) kept++;
    const from = Math.max(0, i - 1);
    // Forward over the run after the candidate: the own span ends there.
    let j = Math.min(end, n);
    while (j < n && prefilter.kindOf(text.charCodeAt(j)) !== KEPT_UNIT) j++;
    const ownTo = j;
    // Context after: three kept units with the runs between them, and a surrogate's other half.
    for (let kept = 0; j < n && kept < 3; j++) if (prefilter.kindOf(text.charCodeAt(j)) === KEPT_UNIT) kept++;
    while (j < n && prefilter.kindOf(text.charCodeAt(j)) !== KEPT_UNIT) j++;
    const to = Math.min(n, j + 1);
    const last = out.length - 4;
    if (last >= 0 && from <= out[last + 1]!) {
      out[last + 1] = Math.max(out[last + 1]!, to);
      out[last + 3] = Math.max(out[last + 3]!, ownTo);
    } else out.push(from, to, ownFrom, ownTo);
  }
  return out;
}

/**
 * Collects the occurrences in text[from, to) that pass their rules and lie in
 * [ownFrom, ownTo), as flat triples (start, end, pattern) of original offsets.
 * Occurrences whose safety-1 rows fail their rule are kept for their full-name
 * rows only (pattern + FULL_ONLY), or dropped when they have none.
 */
function collect(text: string, from: number, to: number, ownFrom: number, ownTo: number, search: Search, found: number[]): void {
  const { folding, automaton, patterns, scratch } = search;
  const piece = from === 0 && to === text.length ? text : text.slice(from, to);
  const norm = normalize(piece, folding, scratch);
  automaton.scan(norm.units, (id, e) => {
    const s = e - automaton.patternLength(id);
    const p = patterns[id]!;
    if (!boundaryOk(norm, p, s, e)) return;
    const [start, end] = originalSpan(piece, norm, s, e);
    if (start + from < ownFrom || end + from > ownTo) return;
    const fullOnly = p.partial && !partialAllowed(text, norm, from, p, s, e);
    if (fullOnly && !p.full) return;
    let tag = fullOnly ? id + FULL_ONLY : id;
    if (p.wordEdges && !onWordBoundaries(text, start + from, end + from)) {
      if (!p.rows.some(isUnique)) return;
      tag |= UNIQUE_ONLY;
    }
    found.push(start + from, end + from, tag);
  });
}

/** Added to a pattern id in `found`: only the pattern's full-name rows count there. */
const FULL_ONLY = 0x40000000;
/** Or'ed into a pattern id in `found`: the occurrence is cut out of a longer Chinese word; only unique rows count. */
const UNIQUE_ONLY = 0x20000000;
const PATTERN_ID = UNIQUE_ONLY - 1;

function scan(text: string, search: Search, ends: readonly number[] | null, prefilter: Prefilter): Hit[] {
  const found: number[] = [];
  // Where candidates are dense (a Chinese text against an index of many one-character
  // surnames), pieces would cover the text several times over: search it whole. A piece
  // costs about what a whole search of twice its length does (it normalizes its own
  // context and pays a call's overhead), hence the factor in denseAt.
  if (!ends || ends.length * search.denseAt >= text.length) collect(text, 0, text.length, 0, text.length, search, found);
  else {
    const pieces = piecesAround(text, ends, search.longest, prefilter);
    for (let k = 0; k < pieces.length; k += 4) collect(text, pieces[k]!, pieces[k + 1]!, pieces[k + 2]!, pieces[k + 3]!, search, found);
  }
  if (found.length === 0) return [];

  // Leftmost-longest: order by start, then longest first; take what does not overlap.
  // Pieces are searched in order and do not overlap, so no occurrence is found twice.
  const order = Array.from({ length: found.length / 3 }, (_, k) => k * 3);
  order.sort((a, b) => found[a]! - found[b]! || found[b + 1]! - found[a + 1]!);
  const hits: Hit[] = [];
  let taken = 0;
  for (const k of order) {
    const start = found[k]!;
    if (start < taken) continue;
    const end = found[k + 1]!;
    const tagged = found[k + 2]!;
    const fullOnly = (tagged & FULL_ONLY) !== 0;
    const uniqueOnly = (tagged & UNIQUE_ONLY) !== 0;
    const p = search.patterns[tagged & PATTERN_ID]!;
    taken = end;
    for (const row of p.rows) {
      if (fullOnly && row.safety !== STANDALONE) continue;
      if (uniqueOnly && !isUnique(row)) continue;
      const hit: Hit = { start, end, person: row.person, safety: row.safety, alias: row.alias };
      if (row.shared) hit.shared = true;
      if (row.near !== undefined) hit.variant = { written: text.slice(start, end), near: row.near };
      hits.push(hit);
    }
  }
  return hits;
}
