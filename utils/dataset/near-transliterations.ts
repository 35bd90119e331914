/**
 * Build time only (the data build; pinyin-pro never reaches the extension): the near forms of the
 * foreign names the dataset writes in Chinese. Media transliterate a name by ear, syllable by
 * syllable, and two newsrooms often hear one syllable differently: 穆拉蒂 and 穆拉提 (Murati),
 * 亚历山大 and 亚历山德 (Alexander). The matcher finds the generated forms as it finds aliases (one
 * more pattern each, so a page pays nothing more per character); the resolver makes them at most a
 * possible match, and only with evidence on the page (utils/match/resolve.ts).
 *
 * The rule ({@link isNearTransliteration}): two transliterations are near when they have the same
 * number of characters in each dot-separated part, differ in exactly one character, that character
 * lies in a part of three or more syllables (a two-syllable name has too few syllables left to say
 * it is the same name), and the two characters' toneless syllables differ in one way only
 * ({@link nearSyllables}):
 *
 * - the initial, by aspiration alone (d/t, b/p, g/k, z/c, zh/ch, j/q), the final the same: Mandarin
 *   stops contrast aspiration where the source languages contrast voicing, so a source /t/ that is
 *   not aspirated (Albanian, Italian, French; English after /s/) is heard as either (蒂/提);
 * - the final, in the last syllable of a part only, the initial the same: a/e (and an/en,
 *   ang/eng) for the reduced vowel /ə/ of an unstressed ending (-der, -man, -la: 大/德, 曼/门,
 *   拉/勒), and i/ei for an unstressed final -y/-ie/-ey (/i/, heard as /eɪ/ too). Only there:
 *   English and most European languages reduce the vowel of an unstressed last syllable, while
 *   other vowels (a/o, u/ü…) and other positions mark a different source sound, not a spelling
 *   choice.
 *
 * The same syllable with another character (罗/洛) is not generated: regional forms of that kind are
 * data (an alias with its `usage`), and the homophone mechanism is for Chinese names.
 *
 * Forms are made only with the characters transliteration uses (data/transliteration.json: the
 * standard ones, one or two per syllable), and only for foreign names: a Chinese-born person's own
 * name (a `native` name, or any undotted Chinese alias of such a person) is the homophone
 * mechanism's job (homophones.ts). A form is dropped when it is any dataset alias or evidence
 * term, when it is near to two people's names at once, or when it reads as ordinary words
 * ({@link readsAsWords}).
 */
import { pinyin } from 'pinyin-pro';

/** Pairs of initials that differ only in aspiration (unaspirated, aspirated). */
const ASPIRATION: ReadonlyArray<readonly [string, string]> = [
  ['b', 'p'],
  ['d', 't'],
  ['g', 'k'],
  ['z', 'c'],
  ['zh', 'ch'],
  ['j', 'q'],
];

/** Finals that write one reduced source vowel two ways (see the header). */
const FINAL_ALTERNATIONS: ReadonlyArray<readonly [string, string]> = [
  ['a', 'e'],
  ['an', 'en'],
  ['ang', 'eng'],
  ['i', 'ei'],
];

/** Initials, the two-letter ones first so zh/ch/sh are taken whole. */
const INITIALS = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's', 'y', 'w'];

/** A toneless pinyin syllable as initial and final ("" initial for a syllable without one: "ao"). */
export function splitSyllable(syllable: string): { initial: string; final: string } {
  const initial = INITIALS.find((i) => syllable.startsWith(i) && syllable.length > i.length) ?? '';
  return { initial, final: syllable.slice(initial.length) };
}

function pairOf(pairs: ReadonlyArray<readonly [string, string]>, a: string, b: string): boolean {
  return pairs.some(([x, y]) => (a === x && b === y) || (a === y && b === x));
}

/**
 * Whether two different toneless syllables may write one source syllable (see the header).
 * `lastOfPart`: the syllable ends a dot-separated part of the name (finals may vary only there).
 */
export function nearSyllables(a: string, b: string, lastOfPart: boolean): boolean {
  if (a === b) return false;
  const x = splitSyllable(a);
  const y = splitSyllable(b);
  if (x.final === y.final) return pairOf(ASPIRATION, x.initial, y.initial);
  if (x.initial === y.initial) return lastOfPart && pairOf(FINAL_ALTERNATIONS, x.final, y.final);
  return false;
}

const NAME_DOT = '·';
/** Fewest syllables a part of a name needs before one of them may vary. */
const MIN_SYLLABLES = 3;

/** The [from, to) character positions of the dot-separated part that holds position `at`. */
function partAround(chars: readonly string[], at: number): [number, number] {
  let from = at;
  while (from > 0 && chars[from - 1] !== NAME_DOT) from--;
  let to = at;
  while (to < chars.length && chars[to] !== NAME_DOT) to++;
  return [from, to];
}

/** Whether position `at` may vary: in a part of MIN_SYLLABLES or more; and whether it ends that part. */
function variable(chars: readonly string[], at: number): { ok: boolean; lastOfPart: boolean } {
  const [from, to] = partAround(chars, at);
  return { ok: chars[at] !== NAME_DOT && to - from >= MIN_SYLLABLES, lastOfPart: at === to - 1 };
}

/**
 * Whether `other` is a near form of the transliteration `name` (see the header). `syllablesOf`
 * gives the toneless syllable of each character of a text ('' for a dot).
 */
export function isNearTransliteration(name: string, other: string, syllablesOf: (text: string) => readonly string[]): boolean {
  const a = [...name];
  const b = [...other];
  if (a.length !== b.length) return false;
  const differing = a.flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  if (differing.length !== 1) return false;
  const at = differing[0]!;
  const { ok, lastOfPart } = variable(a, at);
  if (!ok || b[at] === NAME_DOT) return false;
  return nearSyllables(syllablesOf(name)[at]!, syllablesOf(other)[at]!, lastOfPart);
}

/** The toneless syllable of each character of a name, read as a name in context ('' for the dot). */
export function readName(text: string): string[] {
  const chars = [...text];
  const read = pinyin(chars.filter((ch) => ch !== NAME_DOT).join(''), { toneType: 'none', type: 'array', v: true });
  let k = 0;
  return chars.map((ch) => (ch === NAME_DOT ? '' : (read[k++] ?? '')));
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** "start:end" of each segment of more than one character, as the word segmenter reads text. */
function wordSpans(text: string): string[] {
  return [...segmenter.segment(text)].flatMap(({ segment, index }) => (segment.length > 1 ? [`${index}:${index + segment.length}`] : []));
}

/**
 * Whether a near form reads as ordinary words where it differs from the name: the word segmenter
 * (Intl.Segmenter, whose dictionary the browsers use for word edges too) joins the changed
 * character (at code unit `at`) into a word that the name does not have there (麦格风 → 麦克风:
 * 麦克). Such a form is more likely that word than the name.
 */
export function readsAsWords(name: string, form: string, at: number): boolean {
  const own = new Set(wordSpans(name));
  return wordSpans(form).some((span) => {
    const [start, end] = span.split(':').map(Number) as [number, number];
    return start <= at && at < end && !own.has(span);
  });
}

/** A foreign name written in Chinese (Simplified), and its row in the alias index. */
export interface NearSource {
  person: number;
  alias: number;
  text: string;
}

export interface NearOptions {
  /** The characters transliteration uses (data/transliteration.json). */
  characters: string;
  /** Texts a near form may not be (every alias of every person, and every evidence term, Simplified). */
  taken: ReadonlySet<string>;
}

/**
 * The near forms of the names, as the index's `near` rows: [form, alias row of the name it is
 * near to]. A form near to the names of two people is dropped (it would say neither); one near to
 * two names of one person keeps the first.
 */
export function buildNearForms(names: readonly NearSource[], options: NearOptions): Array<[text: string, alias: number]> {
  // A transliteration character is read as it usually is (pinyin-pro's first reading).
  const bySyllable = new Map<string, string[]>();
  for (const ch of new Set(options.characters)) {
    const syllable = pinyin(ch, { toneType: 'none', v: true });
    bySyllable.set(syllable, [...(bySyllable.get(syllable) ?? []), ch]);
  }
  const found = new Map<string, { alias: number; people: Set<number> }>();
  for (const { person, alias, text } of names) {
    const chars = [...text];
    const read = readName(text);
    chars.forEach((ch, at) => {
      const { ok, lastOfPart } = variable(chars, at);
      if (!ok) return;
      for (const [syllable, candidates] of bySyllable) {
        if (!nearSyllables(read[at]!, syllable, lastOfPart)) continue;
        for (const other of candidates) {
          const form = [...chars.slice(0, at), other, ...chars.slice(at + 1)].join('');
          if (options.taken.has(form) || readsAsWords(text, form, at)) continue;
          const entry = found.get(form);
          if (entry) entry.people.add(person);
          else found.set(form, { alias, people: new Set([person]) });
        }
      }
    });
  }
  return [...found].flatMap(([form, { alias, people }]) => (people.size === 1 ? [[form, alias] as [string, number]] : []));
}
