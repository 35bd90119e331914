/**
 * The page gate (Prefilter.mayContain) against a plain reference: a text may
 * name someone in full exactly when, with its gap units dropped and the rest
 * folded, it holds one of the cores. Checked for a small pattern set (the
 * full-table automaton, as for the shipped dataset) and for one too large for
 * the table (the hashed automaton), including texts fed in pieces. And the
 * block sieve (Prefilter.candidates) gives the same candidates through either
 * automaton.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFolding, foldTable } from '@/utils/match/normalize';
import { BLOCK_START, DROPPED_UNIT, GAP_UNIT, Prefilter, streamPatterns } from '@/utils/match/prefilter';

const folding = createFolding('');
/** Units the gate reads: a few letters and Han characters, their upper-case and gap neighbours. */
const TEXT_UNITS = [...'abcdeABCDE王李张陳陈 ·.-\u00ad\u200bxyz，'];
const PATTERN_UNITS = [...'abcde王李张陈'];

function gateOf(cores: string[]): Prefilter {
  return Prefilter.build(createFolding(''), { patterns: cores, cores });
}

/** The reference: fold, drop what the stream skips, and look for a core. */
function reference(prefilter: Prefilter, cores: readonly string[], text: string): boolean {
  let stream = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const kind = prefilter.kindOf(c);
    if (kind === GAP_UNIT || kind === DROPPED_UNIT) continue;
    stream += String.fromCharCode(foldTable(folding, c));
  }
  return cores.some((core) => stream.includes(core));
}

/** The gate over text cut into pieces, the state carried from one to the next. */
function gate(prefilter: Prefilter, text: string, cuts: number[]): boolean {
  const bounds = [...new Set([0, ...cuts.map((c) => c % (text.length + 1)), text.length])].sort((a, b) => a - b);
  let state = BLOCK_START;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const next = prefilter.mayContain(text, bounds[k]!, bounds[k + 1]!, state);
    if (next === -1) return true;
    state = next;
  }
  return false;
}

const core = fc.array(fc.constantFrom(...PATTERN_UNITS), { minLength: 1, maxLength: 5 }).map((u) => u.join(''));
const GAPS = [' ', '·', '.', '-', '\u00ad', '\u200b', '  '];
/** A core as a page may write it: some letters upper-cased, gap units between some units. */
const written = (c: string) =>
  fc
    .array(fc.tuple(fc.boolean(), fc.option(fc.constantFrom(...GAPS), { nil: '' })), { minLength: c.length, maxLength: c.length })
    .map((how) => [...c].map((unit, i) => (how[i]![0] ? unit.toUpperCase() : unit) + (i < c.length - 1 ? how[i]![1] : '')).join(''));
/** Random units with written cores (of `pool`) dropped in, so most texts hold one, nearly. */
const textWith = (pool: readonly string[]) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...TEXT_UNITS),
        fc.constantFrom(...pool).chain(written),
        fc.constantFrom(...pool).map((c) => c.slice(0, -1)),
      ),
      { maxLength: 40 },
    )
    .map((pieces) => pieces.join(''));
const cuts = fc.array(fc.nat(), { maxLength: 4 });

/** Over the full table's size: 40,000 states of 2,000 symbols' worth of Han characters. */
const many: string[] = [];
for (let i = 0; i < 8000; i++)
  many.push(String.fromCharCode(0x4e00 + ((i * 7919) % 2000), 0x4e00 + ((i * 104729) % 2000), 0x4e00 + (i % 2000)) + 'ab');
/** The same, as patterns no test text can hold (none of these Han characters is in TEXT_UNITS). */
const unreachable = many.map((p) => p.slice(0, 3));

describe('page gate', () => {
  it('small pattern sets (full table): finds a core exactly when the reference does, in one piece or several', () => {
    fc.assert(
      fc.property(
        fc.array(core, { minLength: 1, maxLength: 12 }).chain((cores) => fc.tuple(fc.constant(cores), textWith(cores), cuts)),
        ([cores, t, c]) => {
          const prefilter = gateOf(cores);
          expect(gate(prefilter, t, c)).toBe(reference(prefilter, cores, t));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('large pattern sets (hashed automaton): the same answers', () => {
    fc.assert(
      fc.property(
        fc
          .array(core, { minLength: 1, maxLength: 6 })
          .chain((cores) => fc.tuple(fc.constant(cores), textWith([...cores, ...many.slice(0, 50)]), cuts)),
        ([cores, t, c]) => {
          const all = [...cores, ...many];
          const prefilter = gateOf(all);
          expect(gate(prefilter, t, c)).toBe(reference(prefilter, all, t));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the block sieve gives the same candidates through the full table and the hashed automaton', () => {
    const form = fc
      .array(fc.constantFrom(...'abcde王李张陈 '), { minLength: 1, maxLength: 7 })
      .map((u) => u.join('').trim())
      .filter((f) => f.length > 0);
    fc.assert(
      fc.property(
        fc.array(form, { minLength: 1, maxLength: 10 }).chain((forms) => fc.tuple(fc.constant(forms), textWith(forms))),
        ([forms, t]) => {
          const small = streamPatterns(forms, new Set(forms));
          const dense = Prefilter.build(createFolding(''), small);
          const hashed = Prefilter.build(createFolding(''), {
            patterns: [...small.patterns, ...unreachable],
            cores: [...small.cores, ...unreachable],
          });
          expect(hashed.candidates(t)).toEqual(dense.candidates(t));
        },
      ),
      { numRuns: 150 },
    );
  });
});
